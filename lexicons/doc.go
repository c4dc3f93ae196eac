// Package lexicons holds stimmung's language data as plain data files
// (TSV, "#" comments, one entry a line) and the Go code that embeds them.
// Data stays in data files, never in Go string literals, so that it can be
// reviewed, diffed and replaced by a user's own files.
//
// langid/ holds the word weights and character trigram counts behind the
// German/English language detector (see LangID).
package lexicons
