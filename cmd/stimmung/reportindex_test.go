package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestReportIndexEqualsJSONLines: the report over an index of the sample
// equals the report over the sample's analysed JSON lines, with the same
// filters and breakdowns, and with a query equals the report over the
// records that search finds. Only the order of the records differs (index
// order, not input order): it decides the tie-breaks of the follow-up
// queue and which ids come first, so those are compared as sets.
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
	fromFile, errs, code := run(t, nil, append(append([]string{"report"}, flags...), analysed)...)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	fromIndex, errs, code := run(t, nil, append(append([]string{"report"}, flags...), "--index", ix)...)
	if code != 0 {
		t.Fatalf("report --index: exit %d: %s", code, errs)
	}
	if a, b := orderFree(t, fromFile), orderFree(t, fromIndex); !reflect.DeepEqual(a, b) {
		t.Errorf("report over the index differs from the report over the file:\n%s\n---\n%s", fromIndex, fromFile)
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
	fromFile, _, _ = run(t, nil, append(append([]string{"report"}, flags...), found)...)
	fromIndex, errs, code = run(t, nil, append(append([]string{"report"}, flags...), "--index", ix, "Lieferung")...)
	if code != 0 {
		t.Fatalf("report --index with a query: exit %d: %s", code, errs)
	}
	if a, b := orderFree(t, fromFile), orderFree(t, fromIndex); !reflect.DeepEqual(a, b) {
		t.Errorf("report over the query differs from the report over its hits:\n%s\n---\n%s", fromIndex, fromFile)
	}
}

// orderFree decodes a JSON report with every list of ids sorted and the
// queue's input positions dropped.
func orderFree(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "seq")
			for k, e := range x {
				x[k] = walk(e)
			}
			if q, ok := x["queue"].([]any); ok {
				slices.SortFunc(q, func(a, b any) int {
					return strings.Compare(fmt.Sprint(a.(map[string]any)["id"]), fmt.Sprint(b.(map[string]any)["id"]))
				})
			}
		case []any:
			strs := true
			for i, e := range x {
				x[i] = walk(e)
				_, ok := e.(string)
				strs = strs && ok
			}
			if strs {
				slices.SortFunc(x, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
			}
		}
		return v
	}
	return walk(v)
}
