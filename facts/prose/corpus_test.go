package prose

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/corpus"
	"github.com/briefbot/briefbot/seeds"
)

// seedTexts returns the embedded seed articles by "seeds/<file>".
func seedTexts(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := fs.Glob(seeds.FS(), "*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seed articles: %v", err)
	}
	out := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := fs.ReadFile(seeds.FS(), p)
		if err != nil {
			tb.Fatal(err)
		}
		out["seeds/"+p] = string(b)
	}
	return out
}

// bbcTexts returns the BBC articles by "<section>/<file>", skipping the
// test when the corpus is absent.
func bbcTexts(tb testing.TB) map[string]string {
	tb.Helper()
	names, texts := corpus.BBCTexts(tb)
	out := make(map[string]string, len(names))
	for i, n := range names {
		out[n] = texts[i]
	}
	return out
}

func TestSeedOffsets(t *testing.T) {
	for name, text := range seedTexts(t) {
		got := Split(text)
		if len(got) == 0 {
			t.Errorf("%s: no sentences", name)
		}
		checkOffsets(t, name, text, got)
	}
}

func TestBBCOffsets(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus scan skipped in -short mode")
	}
	for name, text := range bbcTexts(t) {
		got := Split(text)
		checkOffsets(t, name, text, got)
		// BBC headlines are unpunctuated, so the first line of every
		// article whose first line lacks a terminator must be a headline.
		nl := strings.IndexByte(text, '\n')
		if len(got) > 1 && nl > got[0].Start && !endsSentence(strings.TrimSpace(text[:nl])) && got[0].Kind != Headline {
			t.Errorf("%s: first sentence %q is %v", name, text[got[0].Start:got[0].End], got[0].Kind)
		}
	}
}

func TestSeedKinds(t *testing.T) {
	seeds := seedTexts(t)
	byPrefix := func(prefix string) (string, string) {
		for name, text := range seeds {
			if strings.HasPrefix(strings.TrimPrefix(name, "seeds/"), prefix) {
				return name, text
			}
		}
		t.Skipf("seed %s missing", prefix)
		return "", ""
	}
	tests := []struct {
		seed     string // file name prefix
		contains string // a substring of the sentence to check
		want     Kind
	}{
		{"000", "British and French military chiefs have met in London", Story},
		{"001", "UK-French relationship strengthened", Headline},
		{"002", "Britain and France to send 'reassurance force'", Headline},
		{"002", "By Jacob Paul", Byline},
		{"002", "Listen to this article", Furniture},
		{"002", "Read more: Starmer slams", Furniture},
		{"002", "Read more: Russian war correspondent", Furniture},
		{"002", "Picture: Getty", Caption},
		{"002", "escorts Ukraine's President", Caption},
		{"002", "playing games...it is a classic", Story},
		{"003", "Photo: Justin Tallis/PA Wire", Caption},
		{"004", "Follow STV News on WhatsApp", Furniture},
		{"004", "Scan the QR code", Furniture},
		{"004", "Watch Starmer visiting", Furniture},
		{"004", "2.5% of the UK’s economic output", Story},
	}
	for _, tt := range tests {
		name, text := byPrefix(tt.seed)
		found := false
		for _, s := range Split(text) {
			if !strings.Contains(text[s.Start:s.End], tt.contains) {
				continue
			}
			found = true
			if s.Kind != tt.want {
				t.Errorf("%s: %q is %v, want %v", name, text[s.Start:s.End], s.Kind, tt.want)
			}
		}
		if !found {
			t.Errorf("%s: no sentence contains %q", name, tt.contains)
		}
	}
}

// TestSeedSentences pins down sentence boundaries that are easy to get
// wrong in the seed articles.
func TestSeedSentences(t *testing.T) {
	var all []string
	for _, text := range seedTexts(t) {
		all = append(all, texts(text)...)
	}
	wantWhole := []string{
		"“It is clear the Russians are playing games...it is a classic from the Putin playbook,” he said.",
		"Asked if Sir Keir is worried by the remarks, the Prime Minister’s official spokesman said: “No, the PM has repeatedly said that a lasting peace in Ukraine can only be achieved if we provide real and credible security assurances to deter Putin.",
		"A Number 10 spokesman declined to say whether the UK would follow any easing of sanctions, saying: “Our position at the moment is that we are obviously hopeful of the progress.”",
	}
	for _, w := range wantWhole {
		found := false
		for _, s := range all {
			if s == w {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no sentence equals %q", w)
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	docs := bbcTexts(b)
	texts := make([]string, 0, len(docs))
	size := 0
	for _, d := range docs {
		texts = append(texts, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range texts {
			Split(d)
		}
	}
}
