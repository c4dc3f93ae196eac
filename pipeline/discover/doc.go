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
//     sentiment word (a token covered by the record's Evidence: "gut",
//     "terrible" are verdicts, not topics);
//   - phrase: two adjacent content words of one sentence, by their stems;
//   - compound_head: the head of German capitalized words of eight letters
//     or more ("Lieferverzögerung", "Paketverzögerung" → "verzögerung"): the
//     longest suffix of four letters or more, after at least three letters,
//     whose stem also stands alone as a word somewhere in the analysed
//     comments. A head needs two different compounds; it also takes in the
//     comments where it stands alone as a content word (the word candidate
//     of the same stem is folded into it), since its pattern matches both;
//   - noun_phrase (English, optional): two or three adjacent content words
//     that prose's part-of-speech tagger reads as adjectives or nouns ending
//     in a noun ("battery life", "return label"). A phrase candidate with
//     the same stems is then left out: the noun phrase stands for it.
//
// Each candidate gets its most common surface form, a taxonomy pattern that
// matches it (the word; a phrase's words; a compound head as a plain word
// when its stem has five letters or more, which the tagger matches as a
// compound head by itself, else as "*head"), the average sentiment score of
// its comments and the first few of them as examples. Report sorts them by
// count, then term, keeps those in MinCount comments or more and the Top of
// each kind, and writes them as a YAML taxonomy snippet (themes.Parse reads
// it) or as JSON. The output depends on the input order only through the
// examples, which are the first comments in input order.
package discover
