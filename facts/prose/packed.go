package prose

import "math"

// Packed holds the words of a text in half the memory of []WordSpan:
// each word as the gap from the end of the word before and its length,
// 16 bits each. A load holds every article's words while it finds
// mentions and extracts, at the peak of its memory.
type Packed struct{ v []uint16 }

// Pack packs ws, words of one text in order, and reports false when a gap
// or a word is too long for 16 bits (a text no news article is).
func Pack(ws []WordSpan) (Packed, bool) {
	v := make([]uint16, 2*len(ws))
	end := int32(0)
	for i, w := range ws {
		gap, n := w.Start-end, w.End-w.Start
		if gap < 0 || gap > math.MaxUint16 || n > math.MaxUint16 {
			return Packed{}, false
		}
		v[2*i], v[2*i+1] = uint16(gap), uint16(n)
		end = w.End
	}
	return Packed{v}, true
}

// Len returns the number of words.
func (p Packed) Len() int { return len(p.v) / 2 }

// Unpack appends the words to dst and returns it.
func (p Packed) Unpack(dst []WordSpan) []WordSpan {
	end := int32(0)
	for i := 0; i+1 < len(p.v); i += 2 {
		start := end + int32(p.v[i])
		end = start + int32(p.v[i+1])
		dst = append(dst, WordSpan{start, end})
	}
	return dst
}
