// Package text turns a record's text into the units the later stages score:
// it normalizes the text, splits it into sentences, tokenizes with byte
// offsets (words, numbers, URLs, e-mails, mentions, hashtags, emoji,
// emoticons, punctuation) and lower-cases and stems tokens. It knows nothing
// of records or configuration; the stages in package pipeline call it.
// Telling German from English is in the subpackage langdetect.
//
// The tokenizer and the sentence splitter share one scanner (tokenize.go),
// so a sentence boundary never falls inside a token. The scanner's rules are
// split by concern (emoji.go, url.go, number.go, word.go, emoticon.go); the
// word lists they consult live in lexicons/text and are parsed on first use
// (tables.go).
//
// The compound analyser (compound.go) knows how German compounds are built:
// where a head may start after a first part, which inflection endings and
// linking elements are stripped, which prefixes are not first parts (data:
// lexicons/de/compound_rules.txt). Scoring, theme matching, the search index
// and theme discovery call it, each with its own CompoundOptions and
// dictionary.
//
// Why not prose/v2 here: its tokenizer drops a contraction before punctuation
// ("can't," → "ca"), losing the negation, and its sentence model is English
// only. Both are measured traps (see the README); these functions are written
// for German and English customer feedback instead.
package text
