package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportMergeEqualsWhole: the sample analysed, split in three, each part
// reported with --partial (with breakdowns and a comparison with the
// previous period), the parts merged: the same report (JSON and table) as
// one run over the whole file.
func TestReportMergeEqualsWhole(t *testing.T) {
	analysed, errs, code := run(t, nil, "analyze", "-q", "../../testdata/sample/feedback.csv")
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errs)
	}
	lines := strings.SplitAfter(analysed, "\n")
	dir := t.TempDir()
	var parts []string
	for i, cut := range [][2]int{{0, 7}, {7, 19}, {19, len(lines)}} {
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
	}
	// A file that is no partial report is refused.
	if _, errs, code := run(t, nil, "report", "merge", parts[0][:len(parts[0])-len(".json")]); code != ExitUsage || !strings.Contains(errs, "no partial report") {
		t.Errorf("merging an analysed file: exit %d, %s", code, errs)
	}
}
