// Package langdetect tells German from English in customer feedback, for
// the language stage (pipeline/language.go), which falls back to the
// configured default language when Detect returns "".
//
// It only has to separate German from English, so a naive-Bayes style sum of
// log-odds evidence is enough and stays cheap:
//   - listed words (lexicons/langid/words.tsv) with hand-set weights, which
//     carry most of the signal in short feedback ("nicht", "the");
//   - for every unlisted word, the log-likelihood ratio of its spelling under
//     two character trigram Markov models (lexicons/langid/trigrams.tsv),
//     which catches sch/ung/tz versus th/ing/wh in content words;
//   - cheap cues: ä ö ü ß make a word German, "n't" makes it English, and
//     mid-sentence Capitalised English words (titles) count less.
//
// Mentions, URLs, e-mail addresses, numbers, emoji and "RT" are skipped.
// Trigrams are indexed directly by a 5-bit alphabet (32^3 cells), so scoring
// needs no hashing and no allocation. The model is built from the embedded
// data on first use.
package langdetect
