// Package text holds the language work behind the text stages: normalizing,
// telling German from English, splitting sentences, tokenizing with byte
// offsets and stemming. It knows nothing of records or configuration; the
// stages in package pipeline call it.
//
// Why not prose/v2 here: its tokenizer drops a contraction before punctuation
// ("can't," → "ca"), losing the negation, and its sentence model is English
// only. Both are measured traps (see the README); these functions are written
// for German and English customer feedback instead.
package text
