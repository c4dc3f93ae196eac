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

// TestSearchLimits: --from near max int64 panicked in Bleve (makeslice),
// --limit 1000000 held every hit in memory and a 20,000-word query ran for
// minutes. Each is refused with exit code 1 and the limit before the index
// is searched; a normal query still works.
func TestSearchLimits(t *testing.T) {
	root, err := filepath.Abs("../../testdata/search")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "feedback.idx")
	if _, errs, code := run(t, nil, "index", "--index", dir, "-q", filepath.Join(root, "comments.jsonl")); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	huge := strings.TrimSpace(strings.Repeat("Lieferung ", 20_000))
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr; stdout for exit 0
	}{
		{"from max int64", []string{"--from", "9223372036854775807"}, ExitUsage, "--from + --limit is at most 100,000"},
		{"from max int64 limit 0", []string{"--from", "9223372036854775807", "--limit", "0"}, ExitUsage, "at most 100,000"},
		{"from and limit over the window", []string{"--from", "95000", "--limit", "5001"}, ExitUsage, "at most 100,000"},
		{"limit max int64", []string{"--limit", "9223372036854775807"}, ExitUsage, "--limit 9223372036854775807: at most 10,000 hits"},
		{"limit huge", []string{"--limit", "1000000"}, ExitUsage, "at most 10,000 hits"},
		{"from negative", []string{"--from", "-9223372036854775808"}, ExitUsage, "cannot be negative"},
		{"limit negative", []string{"--limit", "-1"}, ExitUsage, "cannot be negative"},
		{"query 20,000 words", []string{huge}, ExitUsage, "at most 4096 bytes"},
		{"query 101 words", []string{strings.TrimSpace(strings.Repeat("ab ", 101))}, ExitUsage, "query of 101 words: at most 100 words"},
		{"query 1,000 words without spaces", []string{strings.Repeat("a,", 1000)}, ExitUsage, "at most 100 words"},
		{"normal query", []string{"Lieferung"}, ExitOK, `"id":"S09"`},
		{"at the limits", []string{"--limit", "10000", "--from", "90000", "--facet", "label"}, ExitOK, ""},
		{"100 words", []string{strings.TrimSpace(strings.Repeat("Lieferung ", 100))}, ExitOK, `"id":"S09"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"search", "--index", dir, "--format", "jsonl"}, tc.args...)
			out, errs, code := run(t, nil, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %.300s", code, tc.code, errs)
			}
			got := errs
			if code == ExitOK {
				got = out
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("output %.300q does not contain %q", got, tc.want)
			}
			if code != ExitOK && len(errs) > 400 {
				t.Errorf("message of %d bytes: the query is not to be repeated in it", len(errs))
			}
		})
	}
}
