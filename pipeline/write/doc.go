// Package write is the output sink of `stimmung analyze`: it writes
// analysed records as JSON lines (the default, one object per input line,
// JSONL) or CSV (one row per record, CSV). It is one of the two sinks at the
// end of the flow read → normalize → language → sentences → tokens → stems
// → … → write; the other is package index.
//
// The JSON object of a record is package encode's, which the index uses for
// its documents too; AppendRecord and the other Append functions here are
// that encoding with a writer's Options, kept for callers of this package.
package write
