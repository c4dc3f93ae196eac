package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// items makes analysed lines: one per NPS value, with a label and a theme
// on every other one.
func lines(nps ...int) [][]byte {
	var out [][]byte
	for i, v := range nps {
		label, themes := "positive", `[{"path":"delivery"}]`
		if i%2 == 1 {
			label, themes = "negative", `[]`
		}
		out = append(out, fmt.Appendf(nil, `{"id":"%d","nps":%d,"csat":"4,5","sentiment":{"label":%q},"themes":%s}`, i, v, label, themes))
	}
	return out
}

func count(t *testing.T, ls [][]byte) Counts {
	t.Helper()
	var c Counts
	for _, l := range ls {
		it, err := ParseItem(l)
		if err != nil {
			t.Fatal(err)
		}
		c.Add(it)
	}
	return c
}

// TestNPS40: 6 promoters, 2 passives, 2 detractors: NPS 40, with the
// adjusted-Wald interval of TestNPSInterval; below the minimum n the value
// is null.
func TestNPS40(t *testing.T) {
	c := count(t, lines(10, 9, 9, 10, 9, 10, 7, 8, 3, 6))
	k := c.KPIs(10)
	if k.NPS.Value == nil || *k.NPS.Value != 40 || k.NPS.N != 10 || k.Promoters != 6 || k.Passives != 2 || k.Detractors != 2 {
		t.Fatalf("NPS %+v, groups %d/%d/%d", k.NPS, k.Promoters, k.Passives, k.Detractors)
	}
	if iv := k.NPS.Interval; !near(iv.Low, -12.5856, 0.001) || !near(iv.High, 74.1240, 0.001) {
		t.Errorf("interval %+v", iv)
	}
	// Net sentiment: 5 positive, 5 negative of 10 scored; coverage 50%.
	if *k.NetSentiment.Value != 0 || *k.Coverage.Value != 50 || *k.CSATMean.Value != 4.5 {
		t.Errorf("net %v coverage %v csat mean %v", *k.NetSentiment.Value, *k.Coverage.Value, *k.CSATMean.Value)
	}
	below := c.KPIs(30)
	if below.NPS.Value != nil || below.NPS.Interval != nil || !below.NPS.BelowMinN || below.NPS.N != 10 {
		t.Errorf("below the minimum n: %+v", below.NPS)
	}
	b, _ := json.Marshal(below.NPS)
	if string(b) != `{"value":null,"interval":null,"n":10,"below_min_n":true}` {
		t.Errorf("JSON %s", b)
	}
}

// TestMergeEqualsWhole: counts of three parts merged are the counts of
// the whole, so the KPIs are the same.
func TestMergeEqualsWhole(t *testing.T) {
	all := lines(10, 9, 0, 3, 7, 8, 10, 10, 2, 5, 9, 9, 6, 1, 10)
	whole := count(t, all)
	var merged Counts
	for _, part := range [][][]byte{all[:4], all[4:11], all[11:]} {
		merged.Merge(count(t, part))
	}
	if !reflect.DeepEqual(whole, merged) || !reflect.DeepEqual(whole.KPIs(5), merged.KPIs(5)) {
		t.Errorf("merged %+v, whole %+v", merged, whole)
	}
}

func TestParseItem(t *testing.T) {
	tests := []struct {
		line string
		want Item
	}{
		{`{"nps":3,"nps_group":"passive"}`, Item{NPSGroup: "passive"}}, // the analysis's own grouping wins
		{`{"nps":"9"}`, Item{NPSGroup: "promoter"}},
		{`{"nps":11}`, Item{}},
		{`{"nps":"sehr gut"}`, Item{}},
		{`{"id":"x","error":{"stage":"read","message":"bad"}}`, Item{ID: "x", Failed: true}},
		{`{"sentiment":{"label":"mixed"},"themes":[{"path":"a"}],"date":"01.03.2024","touchpoint":"app"}`, Item{Label: "mixed", Themed: true, Themes: []string{"a"}, ThemeLabels: []string{""}, Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), HasDate: true, Touchpoint: "app"}},
	}
	for _, tc := range tests {
		got, err := ParseItem([]byte(tc.line))
		// Ratings, themes and the date text are checked elsewhere.
		got.CSAT, got.CES, got.Themes, got.NPS, got.DateText = tc.want.CSAT, tc.want.CES, tc.want.Themes, tc.want.NPS, tc.want.DateText
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseItem(%s) = %+v, %v; want %+v", tc.line, got, err, tc.want)
		}
	}
	if _, err := ParseItem([]byte(`{"nps":`)); err == nil {
		t.Error("a broken line gave no error")
	}
}

// TestXLSX: one sheet per table, numbers as numbers, ids as text.
func TestXLSX(t *testing.T) {
	c := count(t, lines(10, 9, 9, 10, 9, 10, 7, 8, 3, 6))
	d := Document{KPIs: c.KPIs(5), Queue: []QueueEntry{{ID: "007", Priority: 40}}}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, d.Tables()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"KPIs", "Theme impact", "Follow-up queue"}) {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetCellValue("KPIs", "B2"); v != "40" {
		t.Errorf("NPS cell %q", v)
	}
	if typ, _ := f.GetCellType("KPIs", "B2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("NPS is stored as text")
	}
	if v, _ := f.GetCellValue("Follow-up queue", "B2"); v != "007" {
		t.Errorf("id cell %q", v)
	}
}
