package commands

import (
	"bufio"
	"os"
	"testing"
)

// BenchmarkAskJob answers the 200 free-text queries that the whole-job
// benchmark of `briefbot ask` runs (scripts/blevebench/queries.txt) on the
// seeds with the BBC corpus, one at a time, and encodes each answer as
// JSON: the query phase of that job without the load.
func BenchmarkAskJob(b *testing.B) {
	f, err := os.Open("../scripts/blevebench/queries.txt")
	if err != nil {
		b.Skip(err)
	}
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			lines = append(lines, sc.Text())
		}
	}
	f.Close()
	base := benchBase(b, 2225)
	tab := NewTable()
	b.ReportAllocs()
	for b.Loop() {
		for _, line := range lines {
			req, err := tab.Parse(line)
			if err != nil {
				continue
			}
			a, err := tab.Handle(base, req)
			if err != nil {
				continue
			}
			if _, err := JSON(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}
