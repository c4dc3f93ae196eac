package report

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

func TestCSVCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"delivery", "delivery"},
		{"-12.5", "-12.5"},
		{"+3", "+3"},
		{"1.2e-05", "1.2e-05"},
		{"-4E+2", "-4E+2"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+49 170 1234", "'+49 170 1234"},
		{"-- awful", "'-- awful"},
		{"-", "'-"},
		{"-1+2", "'-1+2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{"'quoted", "'quoted"},
	} {
		if got := CSVCell(tc.in); got != tc.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestWriteCSV: a section per table (name, header, rows padded to the
// header), an empty line between sections; encoding/csv reads it back.
func TestWriteCSV(t *testing.T) {
	ts := []Table{
		{Name: "KPIs", Header: []string{"figure", "value", "n"}, Rows: [][]string{{"NPS", "-12.5", "40"}, {"promoters", "7"}}},
		{Name: "By region", Header: []string{"region", "n"}, Rows: [][]string{{"=cmd|' /C calc'!A0", "3"}, {"Nord, Süd", "2"}}},
		{Name: "Spikes", Header: []string{"theme", "comments"}},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, ts); err != nil {
		t.Fatal(err)
	}
	want := `KPIs
figure,value,n
NPS,-12.5,40
promoters,7,

By region
region,n
'=cmd|' /C calc'!A0,3
"Nord, Süd",2

Spikes
theme,comments
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	r := csv.NewReader(strings.NewReader(b.String()))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 10 || recs[6][0] != "'=cmd|' /C calc'!A0" {
		t.Errorf("read back %q, %v", recs, err)
	}
	b.Reset()
	if err := WriteCSVTable(&b, ts[0]); err != nil {
		t.Fatal(err)
	}
	if want := "figure,value,n\nNPS,-12.5,40\npromoters,7,\n"; b.String() != want {
		t.Errorf("one table: %q, want %q", b.String(), want)
	}
}

func TestMatchTable(t *testing.T) {
	names := TableNames([]string{"theme", "month", "Region"}, true)
	want := []string{"KPIs", "Theme impact", "By theme", "By month", "By Region", "Change", "Waterfall", "Theme changes", "Spikes", "Follow-up queue"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("names %q, want %q", names, want)
	}
	for _, tc := range []struct {
		name string
		want int
	}{
		{"KPIs", 0}, {"kpis", 0}, {"theme impact", 1}, {"theme-impact", 1}, {"THEME_IMPACT", 1}, {"by-region", 4},
		{"follow-up-queue", 9}, {"Follow-up queue", 9}, {"theme changes", 7}, {"impact", -1}, {"", -1},
	} {
		if got := MatchTable(names, tc.name); got != tc.want {
			t.Errorf("MatchTable(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
	if got := TableNames(nil, false); !reflect.DeepEqual(got, []string{"KPIs", "Theme impact", "Follow-up queue"}) {
		t.Errorf("names without breakdowns: %q", got)
	}
}
