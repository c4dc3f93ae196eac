// Package read turns inputs into records: JSON lines, JSON arrays, CSV and
// XLSX survey exports. It is the first step of the flow read → normalize →
// language → sentences → tokens → stems → sentiment → themes → signals →
// write / index. It also parses the ratings once (NPS, CSAT, CES: typed on
// the record with models.ParseRating); the fields stay as read for output.
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
//   - CSV (csv.go): empty lines give no record; a row of empty cells
//     gives a no_content record. Bare quotes inside cells are kept as
//     text. A row that a quote makes swallow the lines after it (the
//     input ends inside the quote, a quoted cell spanning lines holds a
//     bare quote, or the field count differs from the header's) is read
//     as its first line alone: a quote that does not close there makes
//     it an error record naming the quote's line and column, a quote
//     followed by text is kept as text with a warning on the record, and
//     reading goes on at the next line. So a quoted cell that spans lines
//     must double its quotes (""), as Excel writes them. A row is held
//     in memory up to MaxLineBytes; a longer one is an error record and
//     is skipped to the end of its line.
//
// Encoding of CSV with "auto": a UTF-8 BOM means UTF-8, and a start (64
// KiB) that is not valid UTF-8 means Windows-1252 for the whole input.
// Otherwise each row is checked on its own: a row that is not valid UTF-8
// is read as Windows-1252, with one warning naming the first such line, so
// that an umlaut first seen after the sample is not replaced. Bytes that
// Windows-1252 leaves undefined are replaced by U+FFFD and the record is
// flagged invalid_utf8: characters are never replaced silently.
//   - XLSX: rows the sheet does not store give no record; short rows are
//     padded.
package read
