package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/facts/prose"
)

func TestDebugDump(t *testing.T) {
	dir := os.Getenv("XDIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		text := string(data)
		r := Run(text, prose.Split(text), nil)
		fmt.Println("=====", filepath.Base(f))
		for _, p := range r.People {
			fmt.Printf("P %q role=%q unnamed=%v n=%d\n", p.Name, p.Role, p.Unnamed, len(p.Mentions))
		}
		for _, q := range r.Quotes {
			fmt.Printf("Q [%s] %q\n", r.People[q.Speaker].Name, text[q.Start:q.End])
		}
	}
}
