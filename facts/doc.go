// Package facts is briefbot's domain: the articles of a story, the curated facts
// about it (people, events, figures, key points, quotes), each tied to a verbatim
// snippet of a source by byte offsets, and the queries the commands run over them.
//
// A Base is built once by Load and never changes afterwards, so any number of
// goroutines may query it while a reload builds its successor. Nothing here knows
// about Discord or about any one story: the story lives in the data.
package facts
