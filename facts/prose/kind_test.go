package prose

import (
	"testing"

	"github.com/briefbot/briefbot/internal/tabletest"
)

func TestKindString(t *testing.T) {
	tabletest.Check(t, "Kind.String", Kind.String, []tabletest.Pair[Kind, string]{
		{Story, "story"}, {Headline, "headline"}, {Byline, "byline"},
		{Caption, "caption"}, {Furniture, "furniture"}, {Kind(42), "kind(42)"},
	})
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line  string
		first bool
		want  Kind
	}{
		// Headlines are only ever the first line, and only unpunctuated.
		{"Ad sales boost Time Warner profit", true, Headline},
		{"Ad sales boost Time Warner profit", false, Story},
		{"Profits rose sharply this year.", true, Story},
		{"Is this the end?", true, Story},
		{"He said “it is over.”", true, Story},
		{"Minister says ‘we will win’", true, Headline},

		{"By Jacob Paul", false, Byline},
		{"BY JACOB PAUL", false, Byline},
		{"By Jacob Paul, Political Reporter", false, Byline},
		{"By Jacob Paul, political reporter", false, Byline},
		{"By Anna van der Berg and Tom Jones", false, Byline},
		{"By Jacob Paul", true, Byline},
		{"Reporting by Jane Doe; Editing by John Smith", false, Byline},
		{"By the numbers", false, Story},
		{"By Monday the talks had collapsed and nobody could agree on a plan.", false, Story},

		{"The PM meets the President in Paris. Picture: Getty", false, Caption},
		{"Leaders at the summit. Photo: Justin Tallis/PA Wire", false, Caption},
		{"The scene on Tuesday (Image: Reuters)", false, Caption},
		{"Firefighters at work. Credit: PA", false, Caption},
		{"Firefighters at work. Photo credit: PA", false, Caption},
		{"Image caption The minister arrives", false, Caption},
		{"The bigger picture: prices keep rising across the country and wages are not keeping up.", false, Story},
		{"He showed the Photo: it was blurred", false, Story},

		{"Read more: Minister slams rival over promises", false, Furniture},
		{"READ MORE: Minister slams rival", false, Furniture},
		{"Listen to this article Loading audio...", false, Furniture},
		{"Follow STV News on WhatsApp", false, Furniture},
		{"Follow us on X", false, Furniture},
		{"Scan the QR code on your mobile device for all the latest news", false, Furniture},
		{"Watch the minister visiting the factory in footage released today:", false, Furniture},
		{"Watch: the moment the roof collapsed", false, Furniture},
		{"Sign up to our daily newsletter", false, Furniture},
		{"Click here to subscribe", false, Furniture},
		{"Advertisement", false, Furniture},
		{"ADVERTISEMENT", false, Furniture},
		{"Related:", false, Furniture},
		{"Share this article", false, Furniture},
		{"Advertisements for alcohol are banned.", false, Story},
		{"Watch makers reported record sales.", false, Story},
		{"Followers of the club were angry.", false, Story},
		{"Read more: this is furniture even first", true, Furniture},
	}
	for _, tt := range tests {
		if got := classify(tt.line, tt.first); got != tt.want {
			t.Errorf("classify(%q, first=%v) = %v, want %v", tt.line, tt.first, got, tt.want)
		}
	}
}

func TestSplitKindsPerLine(t *testing.T) {
	text := "Talks collapse in Paris\nBy Jane Doe\nThe talks failed. Both sides left.\nThe summit. Picture: AP\nRead more: Other story. Another."
	want := []Kind{Headline, Byline, Story, Story, Caption, Caption, Furniture, Furniture}
	got := Split(text)
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d: %q", len(got), len(want), texts(text))
	}
	for i, s := range got {
		if s.Kind != want[i] {
			t.Errorf("sentence %d %q: kind %v, want %v", i, text[s.Start:s.End], s.Kind, want[i])
		}
	}
}
