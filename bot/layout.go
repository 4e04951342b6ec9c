package bot

import "slices"

// page is one laid-out page of an answer.
type page struct {
	desc      []string // lines of the description
	citeLines []string
	srcLines  []string
	// citeLens and srcLens are the characters of citeLines and srcLines,
	// counted once when the lines were made.
	citeLens, srcLens []int
	omitted           int   // citations of an oversized item that did not fit
	items             []int // indexes of the answer's items on the page
}

// entry is what the lead or one item adds to a page.
type entry struct {
	item     int    // index of the item, -1 for the lead
	head     string // section heading line, or ""
	line     string
	headN    int // characters of head and of line
	lineN    int
	cites    []int
	verbatim string // the item's text when it is a source's own words
	short    bool   // citation lines without their quotes
}

// packer counts the characters of lines packed into embed fields of at most
// maxFieldValue characters, the same way packFields packs them.
type packer struct {
	first, more int   // characters of the first and later field names
	fields      []int // characters of each field's value
}

// with is p with lines of ns characters added, p itself unchanged (its
// fields are copied once, not once a line).
func (p packer) with(ns ...int) packer {
	if len(ns) == 0 {
		return p
	}
	f := append(make([]int, 0, len(p.fields)+len(ns)), p.fields...)
	for _, n := range ns {
		if len(f) > 0 && f[len(f)-1]+1+n <= maxFieldValue {
			f[len(f)-1] += 1 + n
		} else {
			f = append(f, n)
		}
	}
	p.fields = f
	return p
}

func (p packer) cost() int {
	if len(p.fields) == 0 {
		return 0
	}
	n := p.first + (len(p.fields)-1)*p.more
	for _, f := range p.fields {
		n += f
	}
	return n
}

// builder fills one page, checking every limit as it goes.
type builder struct {
	r        *renderer
	p        page
	items    int
	hasLead  bool
	section  string
	descLen  int
	cites    packer
	srcs     packer
	seenCite map[int]bool
	seenSrc  map[string]bool
	// spare holds the slices of the last addition, reused by the next:
	// an addition is copied onto the page or dropped, never kept.
	spare addition
}

func (r *renderer) newBuilder() *builder {
	return &builder{r: r,
		cites:    packer{first: runes(fieldCites), more: runes(fieldCites2)},
		srcs:     packer{first: runes(fieldSrcs), more: runes(fieldSrcs2)},
		seenCite: map[int]bool{}, seenSrc: map[string]bool{}}
}

func (b *builder) empty() bool { return b.items == 0 && !b.hasLead }

// paginate lays out the whole answer: the lead on the first page, then as
// many items a page as fit (at most itemsPerPage), each page carrying the
// citations and sources its own lines use.
func (r *renderer) paginate() []page {
	var pages []page
	b := r.newBuilder()
	b.addLead()
	for i := range r.items {
		e := r.entry(i)
		if b.items < itemsPerPage && b.try(e, 0) {
			continue
		}
		if !b.empty() {
			pages = append(pages, b.p)
			b = r.newBuilder()
			if b.try(e, 0) {
				continue
			}
		}
		b.force(e)
	}
	return append(pages, b.p)
}

// onePage lays out as much of the answer as one page holds and counts the
// rest in a last line.
func (r *renderer) onePage() []page {
	b := r.newBuilder()
	b.addLead()
	note := runes(omittedLine(len(r.items))) + 1
	shown := 0
	for i := range r.items {
		if !b.try(r.entry(i), note) {
			if b.empty() {
				b.force(r.entry(i))
				shown++
			}
			break
		}
		shown++
	}
	if rest := len(r.items) - shown; rest > 0 {
		b.p.desc = append(b.p.desc, omittedLine(rest))
	}
	return []page{b.p}
}

func (b *builder) addLead() {
	if b.r.lead == "" && len(b.r.a.LeadCites) == 0 {
		return
	}
	e := entry{item: -1, line: b.r.lead, lineN: b.r.leadLen, cites: b.r.a.LeadCites}
	if !b.try(e, 0) {
		b.force(e)
	}
	b.hasLead = true
	b.items = 0
}

func (r *renderer) entry(i int) entry {
	it := r.a.Items[i]
	e := entry{item: i, head: r.heads[i], headN: r.headLens[i], line: r.items[i], lineN: r.itemLens[i], cites: it.Citations}
	if it.Verbatim {
		e.verbatim = fold(it.Text)
	}
	return e
}

// addition is what an entry adds to a page: its lines, the citations and
// sources they bring in, and the page's sizes with them.
type addition struct {
	desc, cites, srcs []string // new description, citation and source lines
	citeLens, srcLens []int    // the characters of cites and srcs
	citeNs            []int    // the citations' numbers
	srcIDs            []string // the sources' ids
	descLen           int      // characters of the description with desc
	citeFields        packer   // the Citations fields with cites
	srcFields         packer   // the Sources fields with srcs
}

// adding works out what e adds to the page: description lines, the new
// citation and source lines, and the sizes the page would have with them.
func (b *builder) adding(e entry) addition {
	s := &b.spare
	add := addition{desc: s.desc[:0], cites: s.cites[:0], srcs: s.srcs[:0], citeLens: s.citeLens[:0], srcLens: s.srcLens[:0],
		citeNs: s.citeNs[:0], srcIDs: s.srcIDs[:0]}
	add.descLen = b.descLen
	if e.head != "" && e.head != b.section {
		add.addDesc(e.head, e.headN)
	}
	if e.line != "" {
		add.addDesc(e.line, e.lineN)
	}
	// An entry has a few citations: its own ones so far are looked up in
	// citeNs and srcIDs rather than in maps made for each try.
	for _, n := range e.cites {
		if b.seenCite[n] || slices.Contains(add.citeNs, n) {
			continue
		}
		c, ok := b.r.cites[n]
		if !ok {
			continue
		}
		add.citeNs = append(add.citeNs, n)
		l := b.r.citeLineOf(n, e.short || (e.verbatim != "" && e.verbatim == b.r.foldedQuote(n)))
		add.cites, add.citeLens = append(add.cites, l.s), append(add.citeLens, l.n)
		if !b.seenSrc[c.Source] && !slices.Contains(add.srcIDs, c.Source) {
			add.srcIDs = append(add.srcIDs, c.Source)
			l := b.r.srcLineSized(c.Source)
			add.srcs, add.srcLens = append(add.srcs, l.s), append(add.srcLens, l.n)
		}
	}
	add.citeFields, add.srcFields = b.cites.with(add.citeLens...), b.srcs.with(add.srcLens...)
	return add
}

// addDesc adds a description line of n characters (and the newline
// before it, after another line).
func (add *addition) addDesc(l string, n int) {
	add.desc = append(add.desc, l)
	if add.descLen > 0 {
		add.descLen++
	}
	add.descLen += n
}

// try adds e to the page if the page still keeps every limit with reserve
// characters to spare, and reports whether it did.
func (b *builder) try(e entry, reserve int) bool {
	if b.p.omitted > 0 {
		// The page ends in "… and N more not shown": whatever comes
		// after the entry that could not show all its citations must
		// leave that line its room.
		reserve = max(reserve, omittedRoom)
	}
	add := b.adding(e)
	b.spare = add
	if !b.fits(add, reserve) {
		return false
	}
	b.commit(e, add)
	return true
}

// fits reports whether the page with add keeps every limit with reserve
// characters to spare.
func (b *builder) fits(add addition, reserve int) bool {
	return add.descLen+reserve <= maxDescription &&
		len(add.citeFields.fields)+len(add.srcFields.fields) <= maxFields-1 &&
		b.r.fixed+add.descLen+add.citeFields.cost()+add.srcFields.cost()+reserve <= maxEmbedsTotal
}

// commit puts e on the page, with what try worked out it adds.
func (b *builder) commit(e entry, add addition) {
	b.p.desc = append(b.p.desc, add.desc...)
	b.p.citeLines = append(b.p.citeLines, add.cites...)
	b.p.srcLines = append(b.p.srcLines, add.srcs...)
	b.p.citeLens = append(b.p.citeLens, add.citeLens...)
	b.p.srcLens = append(b.p.srcLens, add.srcLens...)
	for _, n := range add.citeNs {
		b.seenCite[n] = true
	}
	for _, id := range add.srcIDs {
		b.seenSrc[id] = true
	}
	if e.head != "" {
		b.section = e.head
	}
	b.descLen, b.cites, b.srcs = add.descLen, add.citeFields, add.srcFields
	if e.line != "" {
		b.items++
		if e.item >= 0 {
			b.p.items = append(b.p.items, e.item)
		}
	}
}

// omittedRoom is the room kept for the "… and N more not shown" line that
// ends a page with an oversized entry, and for the field it may need.
const omittedRoom = 64

// force puts an entry too big for a page of its own on this (empty) page:
// its line cut to the room there is, then its citations, shortened, as many
// as fit with their sources, and a count of the rest.
func (b *builder) force(e entry) {
	const note = omittedRoom
	full := e.cites
	e.cites = nil
	room := min(maxDescription-b.descLen, maxEmbedsTotal-b.r.fixed-b.descLen-b.cites.cost()-b.srcs.cost()) - note - 2
	if e.head != "" {
		room -= runes(e.head) + 1
	}
	e.line = clip(e.line, max(room, 1))
	e.lineN = runes(e.line)
	if !b.try(e, note) {
		e.line, e.lineN = "", 0
		b.try(e, note) // the heading alone; dropped too if even that fails
	}
	for i, n := range full {
		if b.seenCite[n] {
			continue
		}
		one := entry{item: -1, cites: []int{n}, short: true}
		if !b.try(one, note) {
			b.p.omitted = countNew(full[i:], b.seenCite)
			return
		}
	}
}

func countNew(ns []int, seen map[int]bool) int {
	k := 0
	done := map[int]bool{}
	for _, n := range ns {
		if !seen[n] && !done[n] {
			done[n] = true
			k++
		}
	}
	return k
}
