// Package jsontext encodes, decodes and scans JSON by hand, for the readers
// and writers on the hot path: encoding/json's reflection and allocations
// cost more than the text stages themselves at the record rates stimmung
// aims for. It is shared so that every reader and writer agrees on escapes
// and on what is valid JSON: the JSON lines reader splits input objects
// into fields with the scanner (scan.go), and the report reads analysed
// records with Fields and Elements, taking the few members it needs.
package jsontext
