package search

// irregularForms maps the past tenses and participles of common irregular
// English verbs to their base form, so that a question's "buy" finds the
// article's "bought" and "meet" finds "met": Snowball stems only regular
// endings. Forms that are more often other words ("found" a company,
// "left" wing, "saw", "lay", "ground", "rose") are left out.
var irregularForms = func() map[string]string {
	m := map[string]string{}
	for base, forms := range map[string][]string{
		"begin": {"began", "begun"}, "bring": {"brought"},
		"build": {"built"}, "buy": {"bought"}, "catch": {"caught"}, "choose": {"chose", "chosen"},
		"come": {"came"}, "draw": {"drew", "drawn"},
		"drive": {"drove", "driven"}, "eat": {"ate", "eaten"}, "fight": {"fought"}, "fly": {"flew", "flown"},
		"forget": {"forgot", "forgotten"}, "freeze": {"froze", "frozen"}, "get": {"got", "gotten"},
		"give": {"gave", "given"}, "go": {"went", "gone"}, "grow": {"grew", "grown"},
		"hear": {"heard"}, "hold": {"held"}, "keep": {"kept"},
		"know": {"knew", "known"}, "lead": {"led"}, "lose": {"lost"}, "make": {"made"},
		"mean": {"meant"}, "meet": {"met"}, "pay": {"paid"}, "ride": {"rode", "ridden"},
		"run": {"ran"}, "say": {"said"}, "seek": {"sought"}, "sell": {"sold"},
		"send": {"sent"}, "shake": {"shook", "shaken"}, "shoot": {"shot"}, "sing": {"sang", "sung"},
		"sit": {"sat"}, "sleep": {"slept"}, "speak": {"spoke", "spoken"}, "spend": {"spent"},
		"stand": {"stood"}, "steal": {"stole", "stolen"}, "strike": {"struck"},
		"swear": {"swore", "sworn"}, "take": {"took", "taken"}, "teach": {"taught"},
		"tear": {"tore", "torn"}, "tell": {"told"}, "think": {"thought"}, "throw": {"threw", "thrown"},
		"understand": {"understood"}, "wake": {"woke", "woken"}, "wear": {"wore", "worn"},
		"win": {"won"}, "withdraw": {"withdrew", "withdrawn"}, "write": {"wrote", "written"},
		"break": {"broke", "broken"}, "fall": {"fell", "fallen"}, "feel": {"felt"},
		"forbid": {"forbade", "forbidden"}, "hide": {"hid", "hidden"}, "rise": {"risen"},
		"arise": {"arose", "arisen"}, "bear": {"bore", "borne"}, "beat": {"beaten"},
		"bite": {"bit", "bitten"}, "blow": {"blew", "blown"}, "deal": {"dealt"},
		"dig": {"dug"}, "feed": {"fed"}, "flee": {"fled"}, "forgive": {"forgave", "forgiven"},
		"hang": {"hung"}, "lend": {"lent"}, "overtake": {"overtook", "overtaken"},
		"ring": {"rang", "rung"}, "shrink": {"shrank", "shrunk"}, "sink": {"sank", "sunk"},
		"slide": {"slid"}, "spin": {"spun"}, "stick": {"stuck"}, "sting": {"stung"},
		"swim": {"swam", "swum"}, "undertake": {"undertook", "undertaken"}, "uphold": {"upheld"},
		"weep": {"wept"}, "overcome": {"overcame"}, "mistake": {"mistook", "mistaken"},
		"oversee": {"oversaw", "overseen"}, "foresee": {"foresaw", "foreseen"}, "see": {"seen"},
	} {
		for _, f := range forms {
			m[f] = base
		}
	}
	return m
}()
