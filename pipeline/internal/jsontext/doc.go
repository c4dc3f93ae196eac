// Package jsontext encodes and decodes JSON strings by hand, for the
// readers and writers on the hot path: encoding/json's reflection and
// allocations cost more than the text stages themselves at the record rates
// stimmung aims for. It is shared so that both directions agree on escapes.
package jsontext
