package models

import "encoding/json"

// Field is one input field passed through to the output unchanged, in input
// order. Value holds the field's JSON encoding (a CSV cell becomes a JSON string).
type Field struct {
	Key   string
	Value json.RawMessage
}

// Record is one comment on its way through the pipeline. A reader fills the
// input part; stages annotate it in place; a writer serializes it.
type Record struct {
	// Source names the input (a file's base name, or "stdin").
	Source string
	// Line is the 1-based line (JSON lines, CSV), row (XLSX) or element (JSON
	// array) of the input where the record starts.
	Line int64
	// Seq is the 0-based position of the record in the whole run; the
	// ordered pool writes records in Seq order.
	Seq int64

	// ID is the input's id, or a stable one made from Source and Line.
	ID string
	// Fields are the input fields passed through, in input order. Mapped
	// columns (id, text, lang, ...) appear under their canonical names.
	Fields []Field

	// Original is the comment text as read (after invalid UTF-8 was replaced).
	Original string
	// Text is the working text the stages see; normalize rewrites it.
	// Token and sentence offsets are byte offsets into Text.
	Text string
	// TextColumn names the column a record came from when one response has
	// several text columns; empty otherwise.
	TextColumn string

	// NPS, CSAT and CES are the input's ratings, parsed once by the reader
	// (ParseRating); the fields they came from are passed through as read.
	NPS, CSAT, CES Rating

	// Lang is "de" or "en" once the language stage ran (or the input's lang).
	Lang string
	// LangSource says where Lang came from: "input", "detected" or "default".
	LangSource string

	Sentences []Sentence
	Tokens    []Token

	// Sentiment is the comment's sentiment once the sentiment stage ran;
	// SentenceSentiments holds one per sentence, in order.
	Sentiment          *Sentiment
	SentenceSentiments []Sentiment
	// Explain lists the contributions behind Sentiment when asked for.
	Explain []Contribution
	// Themes are the taxonomy's themes found in the text, in the order of
	// their first mention.
	Themes []Theme
	// Signals are set by the signals stage.
	Signals *Signals

	// Flags are machine-readable markers for users (e.g. "no_content").
	Flags []string
	// Warnings are notes about repaired input (e.g. "invalid_utf8").
	Warnings []string

	// Err marks the record as failed; later stages skip it and the writer
	// emits an error record instead of the analysis.
	Err *RecordError
}

// HasFlag reports whether the record carries flag f.
func (r *Record) HasFlag(f string) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// AddFlag adds flag f once.
func (r *Record) AddFlag(f string) {
	if !r.HasFlag(f) {
		r.Flags = append(r.Flags, f)
	}
}

// Field returns the raw value of input field key, or nil.
func (r *Record) Field(key string) json.RawMessage {
	for _, f := range r.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Analysed reports whether stages should work on the record: it has not
// failed and it has text.
func (r *Record) Analysed() bool {
	return r.Err == nil && !r.HasFlag(FlagNoContent)
}

// Flag names written to the output.
const (
	FlagNoContent = "no_content"
	FlagEffort    = "effort"
	FlagUrgent    = "urgent"
	FlagChurn     = "churn"
	FlagMismatch  = "mismatch"
)

// Warning names written to the output.
const (
	WarnInvalidUTF8 = "invalid_utf8"
)

// RecordError says which stage failed a record and why.
type RecordError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

func (e *RecordError) Error() string { return e.Stage + ": " + e.Message }
