// Package encode turns an analysed record into its JSON object: the record
// layout of the README's "Output schema" (SchemaVersion), with the input's
// fields in input order and stimmung's in a fixed order after them. Both
// sinks at the end of the flow use it: package write for the JSON lines
// and CSV outputs, package index for the _source of every document; so
// neither needs the other.
//
// The JSON is built by hand into the caller's buffer: encoding/json's
// reflection costs more than all the text stages together at the record
// rates we aim for, and writing fields in a fixed order keeps the output
// byte-identical run to run. Strings are escaped by package
// internal/jsontext, which the readers use to unescape them.
package encode
