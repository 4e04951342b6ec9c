package commands

import (
	"fmt"
	"io/fs"
	"runtime"
	"testing"
	"time"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/internal/corpus"
)

// bbcStories are three stories of the BBC corpus, one per section.
func bbcStories(b *testing.B, names []string) map[string]fs.FS {
	out := map[string]fs.FS{}
	for _, name := range names {
		fsys, ok, err := corpus.BBCSection(name)
		if err != nil {
			b.Fatal(err)
		}
		if !ok {
			b.Skip(corpus.NoBBC)
		}
		out[name] = fsys
	}
	return out
}

// BenchmarkStories loads one, two and three stories (BBC sections of
// about 400 to 500 articles each) into one service, and reports the load
// time, the heap the service holds and the articles it serves; then a /who
// on the first story, which the stories never asked should leave alone.
func BenchmarkStories(b *testing.B) {
	names := []string{"business", "politics", "tech"}
	folders := bbcStories(b, names)
	for n := 1; n <= len(names); n++ {
		b.Run(fmt.Sprintf("load/%d", n), func(b *testing.B) {
			var svc *Service
			for i := 0; i < b.N; i++ {
				svc = nil
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				t0 := time.Now()
				svc = serveFolders(b, folders, names[:n])
				b.ReportMetric(float64(time.Since(t0).Milliseconds()), "load-ms")
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
			}
			articles := 0
			for _, st := range svc.Stories() {
				articles += st.Articles
			}
			b.ReportMetric(float64(articles), "articles")
		})
	}
	for _, n := range []int{1, 3} {
		b.Run(fmt.Sprintf("who/%d", n), func(b *testing.B) {
			svc := serveFolders(b, folders, names[:n])
			req := Request{Command: "who", Options: map[string]string{"name": "Brown"}}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := svc.Handle(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// serveFolders loads the folders named, each as a story, into one service.
func serveFolders(b *testing.B, folders map[string]fs.FS, names []string) *Service {
	var list []Story
	for _, name := range names {
		base, _, err := facts.Load(folders[name], name)
		if err != nil {
			b.Fatal(err)
		}
		list = append(list, Story{Name: name, Base: base})
	}
	svc, err := NewStories(list, Routes{})
	if err != nil {
		b.Fatal(err)
	}
	return svc
}
