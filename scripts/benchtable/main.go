// Command benchtable reads the output of briefbot's benchmarks (go test
// -bench) on standard input and prints one table: per base, its size, load
// time, heap and RSS after load, and p50/p99 of each command; then
// autocomplete, the fake-Discord round trip, queries during reloads, and
// how load time and heap grow with the corpus. scripts/bench runs it.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// result is one benchmark line: its name and its metrics by unit.
type result map[string]float64

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func parse(r io.Reader) (results, []string) {
	out := results{}
	var notes []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "GENERATED") || strings.Contains(line, "absent") {
			notes = append(notes, strings.TrimSpace(line))
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		res := result{}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res[f[i+1]] = v
			}
		}
		out[m[1]] = res
	}
	return out, notes
}

// results are the benchmark lines by name.
type results map[string]result

// get formats one figure: nanoseconds as milliseconds, "-" when absent.
func (res results) get(name, unit string) string {
	v, ok := res[name][unit]
	if !ok {
		return "-"
	}
	switch {
	case strings.HasSuffix(unit, "-ns"):
		return fmt.Sprintf("%.3f", v/1e6) // as milliseconds
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

func main() {
	res, notes := parse(os.Stdin)
	commandTable(res)
	measureTable(res)
	growthTable(res)
	for _, n := range notes {
		fmt.Println("note:", n)
	}
}

// commandTable is load time, memory and each command's latency per base.
func commandTable(res results) {
	bases := []struct{ label, load, cmd string }{
		{"seeds", "seeds", "seeds"}, {"seeds + BBC", "x1", "bbc"}, {"20,000 articles", "20k", "20k"},
	}
	cmds := []string{"who", "quotes", "timeline", "figures", "search", "timeline_about", "figures_about", "quotes_about", "dm_free_text"}
	fmt.Println("| base | articles | load ms | heap MB | RSS MB | " + strings.Join(cmds, " p50/p99 ms | ") + " p50/p99 ms |")
	fmt.Println("|" + strings.Repeat("---|", 5+len(cmds)))
	for _, b := range bases {
		load := "BenchmarkLoadScale/" + b.load
		row := []string{b.label, res.get(load, "articles"), res.get(load, "load-ms"), res.get(load, "heap-MB"), res.get(load, "rss-MB")}
		for _, c := range cmds {
			name := "BenchmarkCommands/" + b.cmd + "/" + c
			row = append(row, res.get(name, "p50-ns")+" / "+res.get(name, "p99-ns"))
		}
		fmt.Println("| " + strings.Join(row, " | ") + " |")
	}
	fmt.Println()
}

// measureTable is the latencies that are not one command's.
func measureTable(res results) {
	get := res.get
	fmt.Println("| measure | p50 | p99 | other |")
	fmt.Println("|---|---|---|---|")
	fmt.Printf("| autocomplete, 5,000 names (ms) | %s | %s | |\n", get("BenchmarkLatency", "p50-ns"), get("BenchmarkLatency", "p99-ns"))
	for _, base := range []string{"seeds", "bbc"} {
		name := "BenchmarkQuestions/" + base
		fmt.Printf("| plain questions, the 133 labelled ones, %s (ms) | %s | %s | |\n", base, get(name, "p50-ns"), get(name, "p99-ns"))
	}
	for _, q := range []string{"who", "timeline"} {
		for _, base := range []string{"seeds", "bbc"} {
			name := "BenchmarkInteractionRoundTrip/" + base + "/" + q
			fmt.Printf("| fake Discord dispatch -> callback, /%s, %s (µs) | %s | %s | |\n", q, base, get(name, "p50-µs"), get(name, "p99-µs"))
		}
	}
	for _, base := range []string{"seeds", "bbc"} {
		for _, q := range []string{"who", "search"} {
			name := "BenchmarkHTTPInteractions/" + base + "/" + q
			fmt.Printf("| HTTP mode /%s, %s (µs; %s req/s) | %s | %s | |\n", q, base, get(name, "req/s"), get(name, "p50-µs"), get(name, "p99-µs"))
		}
	}
	for _, run := range []string{"reload", "idle"} {
		name := "BenchmarkQueriesDuringReload/" + run
		fmt.Printf("| queries, 4 goroutines, BBC base, %s | | | p99.9 %s ms, max %s ms over %s queries |\n",
			run, get(name, "p999-ms"), get(name, "max-ms"), get(name, "queries"))
	}
	fmt.Println()
}

// growthTable is load time and heap as the corpus grows.
func growthTable(res results) {
	fmt.Println("| corpus | articles | load ms | growth | heap MB | growth |")
	fmt.Println("|---|---|---|---|---|---|")
	base := res["BenchmarkLoadScale/x1"]
	for _, x := range []string{"x1", "x2", "x4", "x8", "20k"} {
		r := res["BenchmarkLoadScale/"+x]
		if r == nil || base == nil {
			continue
		}
		fmt.Printf("| %s BBC | %.0f | %.0f | %.2fx | %.1f | %.2fx |\n", x, r["articles"], r["load-ms"], r["load-ms"]/base["load-ms"], r["heap-MB"], r["heap-MB"]/base["heap-MB"])
	}
}
