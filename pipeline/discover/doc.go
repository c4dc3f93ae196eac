// Package discover finds what a theme taxonomy misses: the topics of the
// comments that no theme matched, for `stimmung themes suggest`.
//
// A Collector is the pipeline's Writer: it receives every record after the
// themes stage, in input order. Failed records and records without content
// are counted as skipped; the others are analysed, and those without a
// theme match (no themes, or only the fallback theme, which has no matches)
// are untagged. Among the untagged comments it counts, per language, the
// number of distinct comments containing each candidate:
//
//   - word: the stem of a content word — a word token of three letters or
//     more, without digits, not a stop word (lexicons.Stopwords), and not a
//     sentiment word (a token covered by the sentiment stage's evidence,
//     given by Analysis before Write: "gut",
//     "terrible" are verdicts, not topics);
//   - phrase: two adjacent content words of one sentence, by their stems;
//   - compound_head: the head of German capitalized words of eight letters
//     or more ("Lieferverzögerung", "Paketverzögerung" → "verzögerung"): the
//     longest suffix of four letters or more, after at least three letters,
//     whose stem also stands alone as a word, twice or more, in the analysed
//     comments. A head counts the comments with one of its compounds and
//     needs two different compounds. It replaces the word candidate of the
//     same stem, since its pattern matches the word alone as well, and
//     notes how many more comments have the word alone;
//   - noun_phrase (English, optional): two or three adjacent content words
//     that prose's part-of-speech tagger reads as adjectives, gerunds or
//     nouns, ending in a noun ("battery life", "lunch box lid" and in it
//     "lunch box", "box lid"). A phrase candidate with the same stems is
//     then left out: the noun phrase stands for it.
//
// Each candidate gets its most common surface form, a taxonomy pattern that
// matches it (the word; a phrase's words; a compound head as most often
// written in its compounds, as a plain word when its stem has five letters
// or more, which the tagger matches inside compounds by itself, else as
// "*head"), the average sentiment score of
// its comments and the first few of them as examples. Report sorts them by
// count, then term, keeps those in MinCount comments or more and the Top of
// each kind, and writes them as a YAML taxonomy snippet (themes.Parse reads
// it) or as JSON. The output depends on the input order only through the
// examples, which are the first comments in input order.
package discover
