package facts

import (
	"strings"
	"sync"

	"github.com/briefbot/briefbot/facts/extract"
)

// personPart is what one run of consecutive articles says of one person:
// their roles, and for an extracted person the sentences naming them and
// the first of those as a citation, all in article order. The runs are
// read at once on several cores; merging their parts in run order makes
// the people that reading every article in turn makes.
type personPart struct {
	xp       *extract.Person // the person's first sighting in the run
	role     string          // the first role the run gives
	roles    []string        // the others, once each (withRole)
	mentions []Mention       // in the run's one array, once the run is read
	nMention int32           // how many, as the run is read
	last     Mention         // the last of them
	cite     Citation        // the first mention's sentence, when cited
	cited    bool
	id       string // the person's id, once merged
}

// peopleRun is the parts of one run of articles, from doc lo on; at is
// the part of each person of each of its articles, in order.
type peopleRun struct {
	lo, hi int
	parts  []personPart
	at     []int32
	// seen is every mention as the run is read, with its part: put in
	// one array, part by part, once the run is read (placeMentions), not
	// in an array grown for each person.
	seen []partMention
}

// partMention is a mention of the person of run.parts[part].
type partMention struct {
	part int32
	m    Mention
}

// buildPeople reads the articles' people in runs, one per worker, and
// merges the runs into the base's people. It returns the runs, which give
// the id of each article's people (speakerIDs).
func (b *Base) buildPeople(results []extract.Result, preps []*peoplePrep, prev *Base) []*peopleRun {
	n := max(1, min(b.workers, len(results)))
	hint := 1024
	if prev != nil {
		hint += len(prev.people) / n
	}
	runs := make([]*peopleRun, n)
	var wg sync.WaitGroup
	for k := range runs {
		lo, hi := k*len(results)/n, (k+1)*len(results)/n
		wg.Add(1)
		go func() {
			defer wg.Done()
			runs[k] = b.readRun(results, preps, lo, hi, hint)
		}()
	}
	wg.Wait()
	byKey := make(map[string]*Person, hint*n)
	for _, run := range runs {
		for j := range run.parts {
			b.mergePart(&run.parts[j], byKey)
		}
	}
	return runs
}

// readRun gathers the parts of the people of the articles lo to hi.
func (b *Base) readRun(results []extract.Result, preps []*peoplePrep, lo, hi, hint int) *peopleRun {
	n, m := 0, 0
	for i := lo; i < hi; i++ {
		n += len(results[i].People)
		m += totalLen(preps[i].sents)
	}
	run := &peopleRun{lo: lo, hi: hi, parts: make([]personPart, 0, hint), at: make([]int32, 0, n), seen: make([]partMention, 0, m)}
	extracted := make(map[string]int32, hint) // by key
	known := map[string]int32{}               // by curated id: a key of its own kind
	for i := lo; i < hi; i++ {
		d, r := b.docs[i], &results[i]
		for pi := range r.People {
			xp := &r.People[pi]
			byKey, key := extracted, xp.Key
			if xp.KnownID != "" {
				byKey, key = known, xp.KnownID
			}
			j, ok := byKey[key]
			if !ok {
				j = int32(len(run.parts))
				run.parts = append(run.parts, personPart{xp: xp})
				byKey[key] = j
			}
			run.at = append(run.at, j)
			pp := &run.parts[j]
			if pp.role == "" {
				pp.role = xp.Role
			} else {
				pp.roles = withRole(pp.role, pp.roles, xp.Role)
			}
			if xp.KnownID == "" {
				run.addMentions(j, d, preps[i].sents[pi])
			}
		}
	}
	run.placeMentions()
	return run
}

// placeMentions gives each part its mentions, in the order seen, all in
// one array; each part's slice is capped, so that appending to it (as a
// merge does) never writes over the next part's.
func (run *peopleRun) placeMentions() {
	all := make([]Mention, len(run.seen))
	off := 0
	for j := range run.parts {
		pp := &run.parts[j]
		k := int(pp.nMention)
		pp.mentions = all[off : off : off+k]
		off += k
	}
	for _, pm := range run.seen {
		pp := &run.parts[pm.part]
		pp.mentions = append(pp.mentions, pm.m)
	}
	run.seen = nil
}

// addMentions records the sentences sents of d as naming the person of
// part j, once each (not twice in a row); the first is its citation.
func (run *peopleRun) addMentions(j int32, d *Document, sents []int32) {
	pp := &run.parts[j]
	for _, s32 := range sents {
		s := int(s32)
		if s < 0 {
			continue
		}
		if pp.nMention == 0 || pp.last != (Mention{Doc: d, Sentence: s}) {
			pp.last = Mention{Doc: d, Sentence: s}
			pp.nMention++
			run.seen = append(run.seen, partMention{part: j, m: pp.last})
		}
		if !pp.cited {
			sent := d.Sentences[s]
			pp.cite, pp.cited = Citation{Doc: d, Start: sent.Start, End: sent.End}, true
		}
	}
}

// mergePart adds what a run says of a person to the base: to a curated
// person, the roles; to an extracted one, made on first sight with an id
// free in the base, the roles, mentions and first citation too. A role
// given again, in any case, adds nothing: the run's roles, each once, add
// what all their sightings would.
func (b *Base) mergePart(pp *personPart, byKey map[string]*Person) {
	xp := pp.xp
	if xp.KnownID != "" {
		pp.id = xp.KnownID
		if p := b.personByID[xp.KnownID]; p != nil {
			p.addRole(pp.role)
			for _, r := range pp.roles {
				p.addRole(r)
			}
		}
		return
	}
	p := byKey[xp.Key]
	if p == nil {
		kind := "person"
		if xp.Unnamed {
			kind = "source"
		}
		p = &Person{ID: b.freeID(xp.Name), Name: xp.Name, Kind: kind, Extracted: true}
		byKey[xp.Key] = p
		b.addPerson(p)
	}
	pp.id = p.ID
	p.takeRole(pp.role)
	for _, r := range pp.roles {
		p.takeRole(r)
	}
	if p.Mentions == nil {
		p.Mentions = pp.mentions // the run's own: taken, not copied
	} else {
		p.Mentions = append(p.Mentions, pp.mentions...)
	}
	if len(p.Citations) == 0 && pp.cited {
		p.Citations = []Citation{pp.cite}
	}
}

// addRole records another role an article gives a person, once.
func (p *Person) addRole(r string) { p.Roles = withRole(p.Role, p.Roles, r) }

// takeRole is addRole for an extracted person, whose first role given is
// their role.
func (p *Person) takeRole(r string) {
	if p.Role == "" {
		p.Role = r
	} else {
		p.addRole(r)
	}
}

// withRole returns others with r added, unless r is empty or already
// main or one of others, in any case.
func withRole(main string, others []string, r string) []string {
	if r == "" || r == main || strings.EqualFold(r, main) { // == first: the usual case, and quicker
		return others
	}
	for _, o := range others {
		if strings.EqualFold(o, r) {
			return others
		}
	}
	return append(others, r)
}
