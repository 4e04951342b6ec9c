package extract

// wordClass is the set of word lists a word is in, as bits: a word of an
// article is looked up once for all of them, where each list's own map
// was asked again and again about the same capitalised words.
type wordClass uint8

const (
	wNotName wordClass = 1 << iota
	wHonorific
	wTitle
	wPlace
	wRoleNoun
	wSpeechVerb
	wPreposition
	wLooked // the word's classes are known
)

// wordClasses maps each word of the lists to its classes.
var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, l := range []struct {
		c     wordClass
		words map[string]bool
	}{
		{wNotName, notNames}, {wHonorific, honorifics}, {wTitle, titles}, {wPlace, placeWords},
		{wRoleNoun, roleNouns}, {wSpeechVerb, speechVerbs}, {wPreposition, prepositions},
	} {
		for w, in := range l.words {
			if in {
				m[w] |= l.c
			}
		}
	}
	return m
}()

// is reports whether word i, as lowAt gives it, is in any of the lists c.
func (d *doc) is(i int, c wordClass) bool {
	k := d.cls[i]
	if k == 0 {
		k = wordClasses[d.lowAt(i)] | wLooked
		d.cls[i] = k
	}
	return k&c != 0
}
