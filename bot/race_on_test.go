//go:build race

package bot

// raceEnabled: the race detector slows loads tenfold, so tests that load
// the BBC corpus many times use the seeds instead.
const raceEnabled = true
