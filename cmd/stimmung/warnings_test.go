package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexWarnsUnreadableDate: a date the index cannot read was stored
// without a date, silently (issue 11, item 15). It is now a warning, once
// per input, with the file and line of the first such date; readable and
// empty dates give none.
func TestIndexWarnsUnreadableDate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "dates.jsonl")
	data := `{"id":"1","text":"Sehr gut","date":"2024-03-01"}
{"id":"2","text":"Sehr gut","date":""}
{"id":"3","text":"Sehr gut","date":"letzten Dienstag"}
{"id":"4","text":"Sehr gut","date":"13/45/2024"}
`
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, nil, "index", "--index", filepath.Join(dir, "idx"), in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `stimmung: dates.jsonl:3: date "letzten Dienstag" is not a date the index reads`
	if !strings.Contains(stderr, want) || strings.Count(stderr, "is not a date") != 1 {
		t.Errorf("stderr:\n%s\nwant once: %s", stderr, want)
	}
	// analyze without an index keeps the date as it is: nothing to say.
	_, stderr, _ = run(t, nil, "analyze", "-o", filepath.Join(dir, "out.jsonl"), in)
	if strings.Contains(stderr, "is not a date") {
		t.Errorf("analyze without --index warned about dates:\n%s", stderr)
	}
}
