// Package write serializes analysed records: JSON lines (the default, one
// object per input line) and CSV. It is the last step of the flow
// read → normalize → language → sentences → tokens → stems → write.
//
// The JSON is built by hand into a reused buffer: encoding/json's reflection
// costs more than all the text stages together at the record rates we aim for,
// and writing fields in a fixed order keeps the output byte-identical run to
// run.
package write
