package commands

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/facts"
)

// secFigure heads the sources' figures beside a statement's number.
const secFigure = "The sources' figures"

// Ask answers a message someone pointed the bot at ("Ask briefbot" on a
// message): a question goes through the question layer, as in a DM; a
// statement gets what the sources say about it, the closest cited
// sentences and, where the statement gives a number, the sources' own
// figures for the same thing, each cited. The sources are laid beside the
// statement and never turned into a verdict they do not state. A message
// with no text (only an embed or an attachment) is a user error; a long one
// is read up to MaxQuery characters. It answers from the story of the
// place the message is in.
func (s *Service) Ask(text string, at Place) (Answer, error) {
	text = strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return Answer{}, userErrorf("nothing to ask about: the message has no text (only an embed, an attachment or symbols)")
	}
	if utf8.RuneCountInString(text) > MaxQuery {
		text = clipWords(text, MaxQuery)
	}
	req := Request{Command: "ask", Options: map[string]string{"question": text}, Raw: text, Place: at}
	st, b, err := s.baseFor(req)
	if err != nil {
		return Answer{}, err
	}
	q := Analyse(text)
	var a Answer
	if q.Kind != KindOther || strings.HasSuffix(text, "?") {
		a, err = newAsker(b, req, q).answer(text)
	} else {
		a, err = newAsker(b, req, q).statement(text)
	}
	if err == nil {
		s.stamp(&a, st, req.Command)
	}
	return a, err
}

// clipWords cuts text to at most n characters, at a word break.
func clipWords(text string, n int) string {
	r := []rune(text)[:n]
	if i := strings.LastIndexFunc(string(r), unicode.IsSpace); i > 0 {
		return string(r)[:i]
	}
	return string(r)
}

// statement lays the sources beside a statement.
func (x *asker) statement(text string) (Answer, error) {
	x.a.Title = "What the sources say about this"
	ts := x.b.Terms(text)
	ps := x.b.Passages(ts, facts.WantAny, "", supporting*4)
	if len(ps) == 0 || ps[0].Cover < minCover {
		x.notCovered(ts, ps)
		return *x.a, nil
	}
	x.lead(ps[0])
	x.figuresBeside(text)
	x.support(ps[1:])
	return *x.a, nil
}

// figuresBeside adds, for each number the statement gives with what it
// counts, the figures the sources give for the same thing, so that a
// difference shows (the statement's "30 countries" beside the sources'
// "up to 30" and "31"), each with its citation.
func (x *asker) figuresBeside(text string) {
	for _, n := range facts.NumbersIn(text) {
		if n.Unit == "" {
			continue
		}
		ut := x.b.Terms(n.Unit)
		var same []*facts.Figure
		for _, f := range x.b.FiguresAbout(x.b.Correct(text)) {
			if ut.Cover(f.Unit) > 0 {
				same = append(same, f)
			}
		}
		for _, f := range x.topicFigures(same) {
			if len(x.a.Items) >= supporting {
				break
			}
			what := strings.TrimSpace(f.Value + " " + f.Unit)
			x.a.Items = append(x.a.Items, Item{Section: secFigure, Label: sourceNames(f.Citations),
				Text: fmt.Sprintf("%s (the message says %s %s)", what, n.Value, n.Unit), Citations: x.c.cites(f.Citations), Extracted: f.Extracted})
		}
	}
}

// topicFigures adds to figs every figure that shares a topic with one of
// them: the curator grouped the sources' numbers for one thing, and a
// statement about it is to be laid beside all of them.
func (x *asker) topicFigures(figs []*facts.Figure) []*facts.Figure {
	topics := map[string]bool{}
	for _, f := range figs {
		if f.Topic != "" {
			topics[f.Topic] = true
		}
	}
	seen := map[*facts.Figure]bool{}
	var out []*facts.Figure
	for _, f := range append(figs, x.b.Figures()...) {
		if !seen[f] && (len(out) < len(figs) || topics[f.Topic]) {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
