package bot

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// memPeak samples the process's heap in use (and its RSS, where /proc
// says) every couple of milliseconds until stop is closed, and sends the
// highest of each.
func memPeak(stop <-chan struct{}) <-chan [2]uint64 {
	out := make(chan [2]uint64, 1)
	go func() {
		var heap, rss uint64
		var m runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			heap, rss = max(heap, m.HeapInuse), max(rss, vmRSS())
			select {
			case <-stop:
				out <- [2]uint64{heap, rss}
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// vmRSS is the process's resident set from /proc/self/status, or 0.
func vmRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(kb, "kB")), 10, 64)
			return n << 10
		}
	}
	return 0
}

const mb = 1 << 20

// TestHTTPFloodMemory: 200 clients at once, each sending five bodies of
// 1 MiB − 1 byte that no key signed (no signature, or a well-formed forged
// one with a fresh timestamp, with the length given or chunked), keep the
// heap under 100 MB and cost well under a megabyte each: they are refused
// before their bodies are read, or read into a buffer of maxBody at most.
// Before, each was copied into growing buffers by discordgo's
// VerifyInteraction, some 5 MB allocated per request and a heap of 140 MB.
// It reads the process's heap, so it does not run in parallel.
func TestHTTPFloodMemory(t *testing.T) {
	const clients, rounds = 200, 5
	big := bytes.Repeat([]byte("a"), mb-1)
	forged := func(r *http.Request) {
		r.Header.Set("X-Signature-Ed25519", strings.Repeat("ab", 64))
		r.Header.Set("X-Signature-Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	}
	for _, tt := range []floodCase{
		{"no signature, length given", false, nil},
		{"forged signature, length given", false, forged},
		{"forged signature, chunked", true, forged},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := startHTTP(t, nil) // a bot of its own: connections closing from the last flood would hold its places
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			stop := make(chan struct{})
			peak := memPeak(stop)
			statuses := tt.flood(t, h.url+"/interactions", big, clients, rounds)
			close(stop)
			p := <-peak
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			perRequest := float64(after.TotalAlloc-before.TotalAlloc) / (clients * rounds)
			t.Logf("heap in use %.1f MB before, %.1f MB at most; RSS at most %.1f MB; %.1f KB allocated a request; answers %v",
				float64(before.HeapInuse)/mb, float64(p[0])/mb, float64(p[1])/mb, perRequest/1024, statuses)
			if p[0] > 100*mb {
				t.Errorf("the heap reached %.1f MB, want under 100 MB", float64(p[0])/mb)
			}
			if perRequest > maxBody {
				t.Errorf("%.0f KB allocated a request, want at most the body cap (%d KB)", perRequest/1024, maxBody>>10)
			}
			for s := range statuses {
				if strings.HasPrefix(s, "2") {
					t.Errorf("%d requests got %s", statuses[s], s)
				}
			}
		})
	}
}

// floodCase is a kind of request TestHTTPFloodMemory floods the endpoint
// with: its body's length given or hidden (chunked), and its signature
// headers (sign; nil for none).
type floodCase struct {
	name    string
	chunked bool
	sign    func(*http.Request)
}

// flood posts body to url from clients at once, rounds times each, and
// counts the answers by status ("no answer" when the bot closed the
// connection while the body was sent).
func (tt floodCase) flood(t *testing.T, url string, body []byte, clients, rounds int) map[string]int {
	client := &http.Client{Timeout: waitFor, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	var mu sync.Mutex
	statuses := map[string]int{}
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				var r io.Reader = bytes.NewReader(body)
				if tt.chunked {
					r = struct{ io.Reader }{r} // hides the length
				}
				req, err := http.NewRequest(http.MethodPost, url, r)
				if err != nil {
					t.Error(err)
					return
				}
				if tt.sign != nil {
					tt.sign(req)
				}
				status := "no answer"
				if resp, err := client.Do(req); err == nil {
					io.Copy(io.Discard, resp.Body) //nolint:errcheck // only the status matters
					resp.Body.Close()
					status = strconv.Itoa(resp.StatusCode)
				}
				mu.Lock()
				statuses[status]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return statuses
}
