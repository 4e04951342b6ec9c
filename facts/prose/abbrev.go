package prose

// abbreviations lists words that are written with a full stop yet rarely end
// a sentence, so a following capital does not start a new one ("Mr. Smith",
// "Jan. 5"). Matching is case-sensitive: titles and months are capitalised,
// Latin-style ones are lower case. "No" is handled separately because it is
// only an abbreviation before a number. Dotted forms such as "U.S." and
// "e.g." need no entry: any run of single letters and dots qualifies.
var abbreviations = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		// Titles and ranks.
		"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Revd", "Fr", "Hon", "Rt",
		"Messrs", "Mme", "Mlle", "Jr", "Sr", "Snr", "Jnr", "St", "Sen", "Rep",
		"Gov", "Pres", "Gen", "Col", "Lt", "Capt", "Cpt", "Cmdr", "Maj",
		"Brig", "Adm", "Sgt", "Cpl", "Pte", "Supt", "Insp", "Det", "Cllr",
		// Companies.
		"Inc", "Ltd", "Co", "Corp", "Bros", "Plc",
		// Months; "May", "June" and "July" are never shortened.
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
		"Oct", "Nov", "Dec",
		// Latin and reference forms.
		"vs", "etc", "approx", "cf", "al", "Fig", "fig", "Vol", "vol",
		"Nos", "nos", "pp", "Mt", "Ft",
	} {
		m[w] = true
	}
	return m
}()
