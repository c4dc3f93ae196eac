package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSearchGolden builds an index from testdata/search/comments.jsonl with
// `stimmung index` and runs each case under testdata/search/cases on it:
//
//	args       one argument per line; $INDEX is the index directory
//	want.out, want.err, want.exit  as in TestGolden
//
// go test ./cmd/stimmung -run SearchGolden -update rewrites the want files.
func TestSearchGolden(t *testing.T) {
	root, err := filepath.Abs("../../testdata/search")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "feedback.idx")
	var out, errb bytes.Buffer
	if code := Run([]string{"index", "--index", dir, "-q", filepath.Join(root, "comments.jsonl")}, Streams{Out: &out, Err: &errb}); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errb.String())
	}
	cases, err := os.ReadDir(filepath.Join(root, "cases"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			t.Chdir(filepath.Join(root, "cases", c.Name()))
			var args []string
			for line := range strings.Lines(string(must(os.ReadFile("args")))) {
				if line = strings.TrimRight(line, "\r\n"); line != "" {
					args = append(args, strings.ReplaceAll(line, "$INDEX", dir))
				}
			}
			var out, errb bytes.Buffer
			code := Run(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
			check(t, "want.out", out.String())
			check(t, "want.err", strings.ReplaceAll(errb.String(), dir, "$INDEX"))
			check(t, "want.exit", strconv.Itoa(code)+"\n")
		})
	}
}
