// Package extract finds, in the text of one news article, what a reader
// would take from it before anyone curates it: the people it names, with the
// roles it gives them, and the direct quotes, each with its speaker.
//
// It works from general rules of English news prose — titles, appositives,
// speech verbs, quotation marks, pronouns that walk back to the last subject —
// and knows no story. Known (curated) people are passed in so that their
// names, aliases and roles help resolve speakers.
package extract
