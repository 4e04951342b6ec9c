package lexer

// Shapes is a filter in front of a table of words, so that most words are
// passed over without a lookup: bit n of [c][e] is set when some key
// starts with letter c, ends with a byte whose low five bits are e, and
// has n letters. The last byte halves the look-ups that the first and the
// length let through. The zero Shapes lets no word through.
type Shapes [26][32]uint32

// Add records the shape of key, a lower-case ASCII word.
func (s *Shapes) Add(key string) {
	s[key[0]-'a'][key[len(key)-1]&31] |= 1 << len(key)
}

// Fits reports whether w could be a key Add recorded. Lookup compares
// w|0x20 byte by byte, so the first and last bytes are taken the same way.
func (s *Shapes) Fits(w string) bool {
	return len(w) < 32 && IsLetter(w[0]) && s[w[0]|0x20-'a'][(w[len(w)-1]|0x20)&31]&(1<<len(w)) != 0
}
