package facts

import (
	"fmt"

	"github.com/briefbot/briefbot/facts/extract"
	"github.com/briefbot/briefbot/facts/internal/pool"
)

// extractAll adds what the articles say before anyone curates them: people
// not in facts.yaml and the quotes of everyone. Curated facts stay the
// authority: a curated person is never duplicated, and a quote already
// curated is not added again. prev is the base this one replaces, or nil.
func (b *Base) extractAll(words []*docWords, prev *Base) {
	known := make([]extract.Known, len(b.people))
	for i, p := range b.people {
		known[i] = extract.Known{ID: p.ID, Names: p.Names(), Role: p.Role}
	}
	docs := make([]extract.Doc, len(b.docs))
	for i, d := range b.docs {
		docs[i] = extract.Doc{Text: d.Text, Sentences: d.Sentences}
		if words[i] != nil {
			docs[i].Packed = words[i].words
		}
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
		if w := b.workOf(d); w != nil {
			w.first, w.firstKey, w.second, w.secondKey = ps.First[i], ps.FirstKey, ps.Second[i], ps.SecondKey
		}
	}
	if !b.noReload {
		b.passes = ps.Trim()
	}
	preps := b.preparedPeople(ps.Second)
	runs := b.buildPeople(results, preps, prev)
	b.addExtractedQuotes(results, preps, runs)
	for _, p := range b.people {
		if len(p.Mentions) == 0 && p.Extracted {
			p.Mentions = nil // as a load from nothing leaves it
		}
	}
}

// preparedPeople returns each article's second pass made ready, kept in
// its work while the pass is the same: the same for a reload.
func (b *Base) preparedPeople(second []*extract.Result) []*peoplePrep {
	at := make([]int, len(b.docs))
	for i := range at {
		at[i] = i
	}
	return pool.Map(at, b.workers, func(i int) *peoplePrep {
		d, r := b.docs[i], second[i]
		if w := d.work; w != nil && w.people != nil && w.people.from == r {
			return w.people
		}
		p := preparePeople(d, r)
		if b.workOf(d) != nil {
			d.work.people = p
		}
		return p
	})
}

// addExtractedQuotes adds the quotes extraction found that no curated
// quote covers, their speakers' ids taken from the runs that built the
// people.
func (b *Base) addExtractedQuotes(results []extract.Result, preps []*peoplePrep, runs []*peopleRun) {
	n := 0
	for _, r := range results {
		n += len(r.Quotes)
	}
	quotes := make([]Quote, 0, n) // one array for them all
	curated := quotesByDoc(b.quotes)
	for _, run := range runs {
		at := run.at // the part of each person of each article, in turn
		for i := run.lo; i < run.hi; i++ {
			d, r := b.docs[i], &results[i]
			for qi, q := range r.Quotes {
				c := Citation{Doc: d, Start: q.Start, End: q.End}
				id := run.parts[at[q.Speaker]].id
				if id == "" || coveredQuote(curated[d], c) {
					continue
				}
				quotes = append(quotes, Quote{ID: preps[i].quoteIDs[qi], Speaker: id, Cite: c, Date: d.Published, Extracted: true})
				b.quotes = append(b.quotes, &quotes[len(quotes)-1])
			}
			at = at[len(r.People):]
		}
	}
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
