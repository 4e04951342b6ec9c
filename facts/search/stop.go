package search

// stopWords are the function words that carry no topic: they match nearly
// every sentence, so indexing them only costs time and space. The list is
// deliberately small. Words that double as names or topics in news stay
// out of it: "us" (the US), "may" (the month), "will" is in because its
// noun sense is rare. Forms are lower case with a plain apostrophe, as
// produced by the tokenizer.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		"a", "an", "the", "and", "or", "but", "nor", "if", "then", "than",
		"so", "as", "of", "to", "in", "on", "at", "by", "for", "from", "with",
		"into", "onto", "about", "is", "are", "was", "were", "be", "been",
		"being", "am", "has", "have", "had", "having", "do", "does", "did",
		"will", "would", "shall", "should", "can", "could", "might", "must",
		"i", "me", "my", "we", "our", "ours", "you", "your", "yours", "he",
		"him", "his", "she", "her", "hers", "it", "its", "they", "them",
		"their", "theirs", "this", "that", "these", "those", "there", "here",
		"who", "whom", "whose", "which", "what", "when", "where", "why",
		"how", "while", "whether", "also", "not", "no", "all", "any", "both", "each",
		"such", "too", "very", "just", "s", "t",
		"it's", "that's", "there's", "here's", "what's", "who's", "let's",
		"i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd",
		"you're", "you've", "you'll", "you'd", "they're", "they've",
		"they'll", "they'd", "he's", "he'd", "he'll", "she's", "she'd",
		"she'll", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
		"weren't", "can't", "won't", "wouldn't", "couldn't", "shouldn't",
		"haven't", "hasn't", "hadn't",
	} {
		m[w] = true
	}
	return m
}()
