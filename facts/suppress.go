package facts

// suppression is one extracted item a curator hid, and where.
type suppression struct {
	id string
	at place
}

// readSuppress reads a file's "suppress" list: ids of extracted items
// (people, events, figures, quotes) to hide, as `briefbot check
// --extracted` lists them.
func (l *loader) readSuppress(ff factsFile) {
	ids, lines := ff.f.strs(ff.top, "suppress", "suppress")
	for i, id := range ids {
		l.suppress = append(l.suppress, suppression{id, place{ff.f.name, lines[i]}})
	}
}

// dropSuppressed removes the extracted items the curator hid, once
// extraction is done and before the indexes are built, and returns the
// suppressions that named no extracted item (errors: a typo would hide
// nothing and say nothing).
func (b *Base) dropSuppressed(sup []suppression) []suppression {
	if len(sup) == 0 {
		return nil
	}
	hide := map[string]bool{}
	for _, s := range sup {
		hide[s.id] = true
	}
	found := map[string]bool{}
	hit := func(id string, extracted bool) bool {
		if extracted && hide[id] {
			found[id] = true
			return true
		}
		return false
	}
	b.events = dropWhere(b.events, func(e *Event) bool { return hit(e.ID, e.Extracted) })
	b.figures = dropWhere(b.figures, func(f *Figure) bool { return hit(f.ID, f.Extracted) })
	gone := map[string]bool{}
	b.people = dropWhere(b.people, func(p *Person) bool {
		if hit(p.ID, p.Extracted) {
			gone[p.ID] = true
			delete(b.personByID, p.ID)
			return true
		}
		return false
	})
	// A hidden person's quotes go with them.
	b.quotes = dropWhere(b.quotes, func(q *Quote) bool { return hit(q.ID, q.Extracted) || gone[q.Speaker] })
	var unknown []suppression
	for _, s := range sup {
		if !found[s.id] {
			unknown = append(unknown, s)
		}
	}
	return unknown
}

// dropWhere keeps the items drop says no to, in order.
func dropWhere[T any](xs []T, drop func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}
