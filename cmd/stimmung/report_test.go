package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline/report"
)

// TestReportMergeEqualsWhole: the sample analysed (three times over, so
// that the id lists of the figures reach their cap of 20), split in three,
// each part reported with --partial (with breakdowns and a comparison with
// the previous period), the parts merged: the same report (JSON, with the
// ids behind every figure, and table) as one run over the whole file.
func TestReportMergeEqualsWhole(t *testing.T) {
	once, errs, code := run(t, nil, "analyze", "-q", "../../testdata/sample/feedback.csv")
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	analysed := strings.Repeat(once, 3)
	lines := strings.SplitAfter(analysed, "\n")
	dir := t.TempDir()
	var parts []string
	for i, cut := range [][2]int{{0, 7}, {7, 40}, {40, len(lines)}} {
		in := filepath.Join(dir, "part"+string(rune('1'+i))+".jsonl")
		if err := os.WriteFile(in, []byte(strings.Join(lines[cut[0]:cut[1]], "")), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errs, code := run(t, nil, "report", "--partial", "--by", "theme,month,touchpoint", "--since", "2026-10-05", "--until", "2026-10-09", "--compare", "previous", in)
		if code != 0 {
			t.Fatalf("report --partial: exit %d: %s", code, errs)
		}
		p := in + ".json"
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	for _, format := range []string{"json", "table"} {
		whole, _, code1 := run(t, []byte(analysed), "report", "--min-n", "5", "-f", format, "--by", "theme,month,touchpoint",
			"--since", "2026-10-05", "--until", "2026-10-09", "--compare", "previous")
		merged, errs, code2 := run(t, nil, append([]string{"report", "merge", "--min-n", "5", "-f", format}, parts...)...)
		if code1 != 0 || code2 != 0 {
			t.Fatalf("exit %d, %d: %s", code1, code2, errs)
		}
		if merged != whole {
			t.Errorf("%s: merged parts differ from the whole:\n%s\n---\n%s", format, merged, whole)
		}
		if format == "json" {
			checkCappedIDs(t, merged)
		}
	}
	// A file that is no partial report is refused.
	if _, errs, code := run(t, nil, "report", "merge", parts[0][:len(parts[0])-len(".json")]); code != ExitUsage || !strings.Contains(errs, "no partial report") {
		t.Errorf("merging an analysed file: exit %d, %s", code, errs)
	}
}

// checkCappedIDs: the report's JSON has the ids behind its figures, and
// some of its lists are at the cap (so merging filled them across parts).
func checkCappedIDs(t *testing.T, doc string) {
	t.Helper()
	var d report.Document
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatal(err)
	}
	if th := d.IDs.Themed; th.Count <= report.MaxIDs || len(th.IDs) != report.MaxIDs {
		t.Errorf("ids of the comments with a theme: %+v, want the first %d of more", th, report.MaxIDs)
	}
	if d.IDs.Detractors.Count != d.Detractors {
		t.Errorf("%d detractors, %d ids counted", d.Detractors, d.IDs.Detractors.Count)
	}
	if len(d.Breakdowns) == 0 || len(d.Breakdowns[0].Segments[0].IDs.Comments.IDs) == 0 || len(d.ThemeImpact[0].IDs.Comments.IDs) == 0 ||
		d.Change == nil || len(d.Change.Themes[0].IDs.IDs) == 0 && d.Change.Themes[0].Now > 0 || len(d.Change.Waterfall[0].IDs.IDs) == 0 {
		t.Errorf("figures without their ids: %s", doc)
	}
}
