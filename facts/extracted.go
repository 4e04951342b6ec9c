package facts

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/facts/prose"

	"github.com/briefbot/briefbot/facts/extract"
	"github.com/briefbot/briefbot/facts/internal/pool"
)

// extractAll adds what the articles say before anyone curates them: people
// not in facts.yaml and the quotes of everyone. Curated facts stay the
// authority: a curated person is never duplicated, and a quote already
// curated is not added again. prev is the base this one replaces, or nil.
func (b *Base) extractAll(words [][]prose.WordSpan, prev *Base) {
	known := make([]extract.Known, len(b.people))
	for i, p := range b.people {
		known[i] = extract.Known{ID: p.ID, Names: p.Names(), Role: p.Role}
	}
	docs := make([]extract.Doc, len(b.docs))
	for i, d := range b.docs {
		docs[i] = extract.Doc{Text: d.Text, Sentences: d.Sentences, Words: words[i]}
		if w := d.work; w != nil {
			docs[i].First, docs[i].FirstKey, docs[i].Second, docs[i].SecondKey = w.first, w.firstKey, w.second, w.secondKey
		}
	}
	var prevPasses extract.Passes
	if prev != nil {
		prevPasses = prev.passes
	}
	results, ps := extract.RunAll(docs, known, b.workers, prevPasses)
	for i, d := range b.docs {
		if w := d.work; w != nil {
			w.first, w.firstKey, w.second, w.secondKey = ps.First[i], ps.FirstKey, ps.Second[i], ps.SecondKey
		}
	}
	b.passes = ps.Trim()
	at := make([]int, len(b.docs))
	for i := range at {
		at[i] = i
	}
	preps := pool.Map(at, b.workers, func(i int) *peoplePrep {
		d, r := b.docs[i], ps.Second[i]
		if w := d.work; w != nil && w.people != nil && w.people.from == r {
			return w.people
		}
		p := preparePeople(d, r)
		if d.work != nil {
			d.work.people = p
		}
		return p
	})
	n := 0
	for _, r := range results {
		n += len(r.Quotes)
	}
	quotes := make([]Quote, 0, n) // one array for them all
	curated := quotesByDoc(b.quotes)
	var byKey map[string]*Person
	if prev != nil {
		// About as many people as last time: the map is not grown and
		// copied again and again at every reload.
		byKey = make(map[string]*Person, len(prev.people))
	} else {
		byKey = map[string]*Person{}
	}
	var ids []string // the ids of an article's people: one buffer for all
	for i, r := range results {
		d := b.docs[i]
		if cap(ids) < len(r.People) {
			ids = make([]string, len(r.People))
		}
		ids = ids[:len(r.People)]
		for pi := range r.People {
			ids[pi] = b.extractedPerson(d, &r.People[pi], preps[i].sents[pi], byKey, prev)
		}
		for qi, q := range r.Quotes {
			c := Citation{Doc: d, Start: q.Start, End: q.End}
			if ids[q.Speaker] == "" || coveredQuote(curated[d], c) {
				continue
			}
			quotes = append(quotes, Quote{ID: preps[i].quoteIDs[qi], Speaker: ids[q.Speaker], Cite: c, Date: d.Published, Extracted: true})
			b.quotes = append(b.quotes, &quotes[len(quotes)-1])
		}
	}
	for _, p := range b.people {
		if len(p.Mentions) == 0 && p.Extracted {
			p.Mentions = nil // room made for mentions that did not come: as a load from nothing leaves it
		}
	}
}

// extractedPerson returns the id of the person xp is, adding an extracted
// person on first sight and recording where this article names them; sents
// are the sentences of xp's mentions. prev, the base this one replaces (or
// nil), says how many mentions to make room for.
func (b *Base) extractedPerson(d *Document, xp *extract.Person, sents []int32, byKey map[string]*Person, prev *Base) string {
	if xp.KnownID != "" {
		if p := b.personByID[xp.KnownID]; p != nil {
			p.addRole(xp.Role)
		}
		return xp.KnownID
	}
	p := byKey[xp.Key]
	if p == nil {
		kind := "person"
		if xp.Unnamed {
			kind = "source"
		}
		p = &Person{ID: b.freeID(xp.Name), Name: xp.Name, Kind: kind, Role: xp.Role, Extracted: true}
		if prev != nil {
			// Most often the same person as last time, named as often:
			// room for their mentions at once, not grown one by one.
			if q := prev.personByID[p.ID]; q != nil && q.Extracted && q.Name == p.Name && len(q.Mentions) > 0 {
				p.Mentions = make([]Mention, 0, len(q.Mentions))
			}
		}
		byKey[xp.Key] = p
		b.addPerson(p)
	}
	if p.Role == "" {
		p.Role = xp.Role
	} else {
		p.addRole(xp.Role)
	}
	for _, s32 := range sents {
		s := int(s32)
		if s < 0 {
			continue
		}
		if n := len(p.Mentions); n == 0 || p.Mentions[n-1].Doc != d || p.Mentions[n-1].Sentence != s {
			p.Mentions = append(p.Mentions, Mention{Doc: d, Sentence: s})
		}
		if len(p.Citations) == 0 {
			sent := d.Sentences[s]
			p.Citations = []Citation{{Doc: d, Start: sent.Start, End: sent.End}}
		}
	}
	return p.ID
}

// freeID makes an id for an extracted person from their name, unique in the base.
func (b *Base) freeID(name string) string {
	base := "x-" + slug(name)
	id := base
	for n := 2; b.personByID[id] != nil; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// quotesByDoc groups the curated quotes by article.
func quotesByDoc(qs []*Quote) map[*Document][]*Quote {
	m := map[*Document][]*Quote{}
	for _, q := range qs {
		m[q.Cite.Doc] = append(m[q.Cite.Doc], q)
	}
	return m
}

// coveredQuote reports whether one of the article's curated quotes covers c.
func coveredQuote(qs []*Quote, c Citation) bool {
	for _, q := range qs {
		if q.Cite.Start < c.End && c.Start < q.Cite.End {
			return true
		}
	}
	return false
}

// addRole records another role an article gives a person, once.
func (p *Person) addRole(r string) {
	if r == "" || r == p.Role || strings.EqualFold(r, p.Role) { // == first: the usual case, and quicker
		return
	}
	for _, o := range p.Roles {
		if strings.EqualFold(o, r) {
			return
		}
	}
	p.Roles = append(p.Roles, r)
}
