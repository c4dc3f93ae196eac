// Package read turns inputs into records: JSON lines, JSON arrays, CSV and
// XLSX survey exports. It is the first step of the flow
// read → normalize → language → sentences → tokens → stems → write.
//
// Readers never stop at a bad record. A line that cannot be parsed becomes a
// record with Err set, so that the writer emits exactly one output line per
// input line, in order.
//
// All formats end in one mapping from an ordered list of fields to records
// (record.go): mapped fields take their canonical names (id, text, lang,
// date, nps, csat, ces, touchpoint), several text columns give one record
// per column with the id RESP:COLUMN, empty text is flagged no_content, and
// invalid UTF-8 is replaced and noted. CSV and XLSX share the header, preset
// and cell handling (tabular.go); in their rows nps, csat and ces cells that
// are numbers ("9", "4,5") become JSON numbers and empty ones null.
//
// Text input (JSON lines, JSON arrays, CSV) in UTF-16, with a BOM or told by
// its NUL bytes, is decoded to UTF-8 before the format is sniffed
// (encoding.go). JSON lines and CSV end lines at "\n", "\r\n" and a lone
// "\r" (classic Mac exports); a "\r" inside a quoted CSV field is text
// (lineend.go).
//
// Where the formats differ:
//
//   - JSON lines: a blank line is an error record, except after the final
//     line break; a line over MaxLineBytes is skipped without being held in
//     memory; a repeated key keeps its first position and its last value.
//   - JSON array: a syntax error cannot be recovered from, so it gives one
//     last error record and a warning; Line is the element index.
//   - CSV: encoding/csv skips lines that are entirely empty, so they give
//     no record; a row of empty cells gives a no_content record. Bare
//     quotes inside cells are kept as text. The row size limit is checked
//     after the row has been read.
//   - XLSX: rows the sheet does not store give no record; short rows are
//     padded.
package read
