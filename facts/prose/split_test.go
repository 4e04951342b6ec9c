package prose

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

// texts returns the sentence texts of s.
func texts(s string) []string {
	var out []string
	for _, x := range Split(s) {
		out = append(out, s[x.Start:x.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tabletest.Run(t, "Split", texts, []tabletest.Case[string, []string]{
		{"simple", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"trims space", "  One.   Two.  ", []string{"One.", "Two."}},
		{"curly close quote", "He said “go.” Then he left.", []string{"He said “go.”", "Then he left."}},
		{"straight close quote", `He said "go." Then he left.`, []string{`He said "go."`, "Then he left."}},
		{"single close quote", "He said ‘why?’ Nobody knew.", []string{"He said ‘why?’", "Nobody knew."}},
		{"close bracket", "It rose (by 5%.) Then fell.", []string{"It rose (by 5%.)", "Then fell."}},
		{"question then lowercase", "“Is it?” he asked. Yes.", []string{"“Is it?” he asked.", "Yes."}},
		{"exclamation then lowercase", "“Go!” she shouted.", []string{"“Go!” she shouted."}},
		{"lowercase after full stop", "It was 5 p. m. the next day.", []string{"It was 5 p. m. the next day."}},
		{"Mr", "Mr. Smith went. He came back.", []string{"Mr. Smith went.", "He came back."}},
		{"Mrs Dr Prof", "Mrs. Jones met Dr. Who and Prof. X.", []string{"Mrs. Jones met Dr. Who and Prof. X."}},
		{"St", "He lives on St. Mary's Road.", []string{"He lives on St. Mary's Road."}},
		{"ranks", "Gen. Smith, Col. Brown, Lt. Green, Capt. Black and Sgt. White.", []string{"Gen. Smith, Col. Brown, Lt. Green, Capt. Black and Sgt. White."}},
		{"Rev Jr Sr", "Rev. King Jr. and Sr. Smith spoke.", []string{"Rev. King Jr. and Sr. Smith spoke."}},
		{"No before number", "He went to No. 10 today. Then home.", []string{"He went to No. 10 today.", "Then home."}},
		{"No as answer", "Did he? No. The PM said so.", []string{"Did he?", "No.", "The PM said so."}},
		{"companies", "Acme Inc. Widgets Ltd. Foo Co. and Bar Corp. Merged.", []string{"Acme Inc. Widgets Ltd. Foo Co. and Bar Corp. Merged."}},
		{"vs etc", "England vs. France, apples etc. Tomorrow.", []string{"England vs. France, apples etc. Tomorrow."}},
		{"eg ie", "Fruit, e.g. Apples, i.e. Red ones.", []string{"Fruit, e.g. Apples, i.e. Red ones."}},
		{"months", "On Jan. 5 and Feb. 6 and Sept. 9 and Dec. 1 it rained.", []string{"On Jan. 5 and Feb. 6 and Sept. 9 and Dec. 1 it rained."}},
		{"dotted countries", "The U.S. Army and U.K. forces met U.N. and E.U. staff.", []string{"The U.S. Army and U.K. forces met U.N. and E.U. staff."}},
		{"initials", "J. R. Smith scored. He won.", []string{"J. R. Smith scored.", "He won."}},
		{"decimal percent", "It rose 2.5% to £15.8m. Then it fell.", []string{"It rose 2.5% to £15.8m.", "Then it fell."}},
		{"ellipsis glued", "It is games...it is a classic. Yes.", []string{"It is games...it is a classic.", "Yes."}},
		{"ellipsis lowercase", "It was Ukraine… if there is a deal. Done.", []string{"It was Ukraine… if there is a deal.", "Done."}},
		{"ellipsis capital", "Loading audio... The two countries met.", []string{"Loading audio...", "The two countries met."}},
		{"unicode ellipsis capital", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"colon before quote", "He said: “It is done. We won.”", []string{"He said: “It is done.", "We won.”"}},
		{"colon kept", "He said: “It is done,” and left.", []string{"He said: “It is done,” and left."}},
		{"multiple terminators", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"opening quote before capital", `It ended. "Next," he said.`, []string{"It ended.", `"Next," he said.`}},
		{"digit after stop", "It was 2004. 2005 was better.", []string{"It was 2004.", "2005 was better."}},
		{"url", "See example.com for more. Then go.", []string{"See example.com for more.", "Then go."}},
		{"no-break space", "One.\u00a0Two.", []string{"One.", "Two."}},
		{"non-ASCII word before stop", "He met Müller. Then left.", []string{"He met Müller.", "Then left."}},
		{"accented capital", "It ended. Élise spoke.", []string{"It ended.", "Élise spoke."}},
		{"empty", "", nil},
		{"only space", " \n\t\n ", nil},
		{"lone stop", ".", []string{"."}},
		{"lone ellipsis", "…", []string{"…"}},
		{"invalid utf8", "Bad \xa3 byte. \xff Next\xe2 one.", []string{"Bad \xa3 byte.", "\xff Next\xe2 one."}},
		{"truncated ellipsis", "Cut\xe2\x80", []string{"Cut\xe2\x80"}},
	})
}

func TestSplitParagraphs(t *testing.T) {
	paras := func(s string) []int {
		var out []int
		for _, x := range Split(s) {
			out = append(out, x.Para)
		}
		return out
	}
	tabletest.Run(t, "paragraphs of Split", paras, []tabletest.Case[string, []int]{
		{"single newlines", "One.\nTwo.\nThree.", []int{0, 1, 2}},
		{"blank lines skipped", "One.\n\n\nTwo. Three.\n", []int{0, 1, 1}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []int{0, 1}},
		{"space-only lines skipped", "One.\n   \t\nTwo.", []int{0, 1}},
		{"sentence does not cross line", "He said\nthat it was.", []int{0, 1}},
	})
}

// checkOffsets asserts the invariants every Split result must hold.
func checkOffsets(t *testing.T, name, text string, got []Sentence) {
	t.Helper()
	prevEnd, prevPara := 0, 0
	for i, s := range got {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("%s: sentence %d has bad offsets [%d,%d) after %d", name, i, s.Start, s.End, prevEnd)
		}
		if span := text[s.Start:s.End]; strings.TrimSpace(span) != span {
			t.Fatalf("%s: sentence %d not trimmed: %q", name, i, span)
		}
		if s.Para < prevPara || s.Para > prevPara+1 {
			t.Fatalf("%s: sentence %d para %d after %d", name, i, s.Para, prevPara)
		}
		if strings.Contains(text[s.Start:s.End], "\n") {
			t.Fatalf("%s: sentence %d crosses a line: %q", name, i, text[s.Start:s.End])
		}
		prevEnd, prevPara = s.End, s.Para
	}
}

// FuzzSplit checks Split on any text, invalid UTF-8 included: the offsets
// hold (checkOffsets); no text is lost, since what lies between sentences
// is white space only; a sentence's paragraph is the number of non-blank
// lines before its own; and every kind is a known one.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Mr. A. B. said “Hi?” he asked… Then\nNo. 10.", "\xff.\xe2\x80\xa6 X", "a.\u00a0B",
		"Headline\n\nBy Jane Smith\n\nRead more: x. Photo: AP\n\u200b\n“Quote.” Next.\r\nU.S. 2.5 a...b", "\ufeff \n\t\n x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Split(s)
		checkOffsets(t, "fuzz", s, got)
		prev := 0
		blank := func(gap string) bool {
			for _, r := range gap {
				if !isSpace(r) {
					return false
				}
			}
			return true
		}
		for i, st := range got {
			if !blank(s[prev:st.Start]) {
				t.Fatalf("text lost before sentence %d: %q", i, s[prev:st.Start])
			}
			prev = st.End
			lines := strings.Split(s[:st.Start], "\n")
			paras := 0
			for _, l := range lines[:len(lines)-1] {
				if !blank(l) {
					paras++
				}
			}
			if st.Para != paras {
				t.Fatalf("sentence %d %q is in paragraph %d, after %d non-blank lines", i, s[st.Start:st.End], st.Para, paras)
			}
			if st.Kind > Furniture {
				t.Fatalf("sentence %d has kind %v", i, st.Kind)
			}
		}
		if !blank(s[prev:]) {
			t.Fatalf("text lost at the end: %q", s[prev:])
		}
	})
}
