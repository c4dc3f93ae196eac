package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportIndexEqualsJSONLines: the report over an index of the sample
// is byte for byte the report over the sample's analysed JSON lines, with
// the same filters and breakdowns, and with a query the report over the
// records that search finds. The index keeps no input order, and nothing
// in a report depends on it (ids listed are the smallest, queue ties go
// by id).
func TestReportIndexEqualsJSONLines(t *testing.T) {
	dir := t.TempDir()
	ix := filepath.Join(dir, "ix")
	analysed := filepath.Join(dir, "analysed.jsonl")
	if _, errs, code := run(t, nil, "analyze", "-q", "-o", analysed, "../../testdata/sample/feedback.csv"); code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, nil, "index", "-q", "--index", ix, "../../testdata/sample/feedback.csv"); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	flags := []string{"-f", "json", "--min-n", "3", "--by", "theme,touchpoint,month", "--lang", "de"}
	for _, filters := range [][]string{
		nil,
		{"--label", "negative"},
		{"--nps", "detractor,passive"},
		{"--label", "positive,mixed", "--nps", "promoter"},
		{"--flag", "churn,mismatch"},
	} {
		args := append(append([]string{"report"}, flags...), filters...)
		fromFile, errs, code := run(t, nil, append(args, analysed)...)
		if code != 0 {
			t.Fatalf("report %q: exit %d: %s", filters, code, errs)
		}
		fromIndex, errs, code := run(t, nil, append(args, "--index", ix)...)
		if code != 0 {
			t.Fatalf("report --index %q: exit %d: %s", filters, code, errs)
		}
		if fromFile != fromIndex {
			t.Errorf("%q: report over the index differs from the report over the file:\n%s\n---\n%s", filters, fromIndex, fromFile)
		}
		if filters != nil && !strings.Contains(fromFile, `"n":`) {
			t.Errorf("%q: no figures", filters)
		}
	}

	// With a query: the records search finds, reported from JSON lines.
	hits, errs, code := run(t, nil, "search", "--index", ix, "-f", "jsonl", "--limit", "100", "--lang", "de", "Lieferung")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errs)
	}
	found := filepath.Join(dir, "found.jsonl")
	if n := strings.Count(hits, "\n"); n < 2 {
		t.Fatalf("search found %d records, too few to compare:\n%s", n, hits)
	}
	if err := os.WriteFile(found, []byte(hits), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, _, _ := run(t, nil, append(append([]string{"report"}, flags...), found)...)
	fromIndex, errs, code := run(t, nil, append(append([]string{"report"}, flags...), "--index", ix, "Lieferung")...)
	if code != 0 {
		t.Fatalf("report --index with a query: exit %d: %s", code, errs)
	}
	if fromFile != fromIndex {
		t.Errorf("report over the query differs from the report over its hits:\n%s\n---\n%s", fromIndex, fromFile)
	}
}
