// Package read turns inputs into records: JSON lines, JSON arrays, CSV and
// XLSX survey exports. It is the first step of the flow
// read → normalize → language → sentences → tokens → stems → write.
//
// Readers never stop at a bad record. A line that cannot be parsed becomes a
// record with Err set, so that the writer emits exactly one output line per
// input line, in order.
package read
