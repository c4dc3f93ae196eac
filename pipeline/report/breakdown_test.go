package report

import (
	"reflect"
	"slices"
	"testing"
)

func TestBreakdownKeys(t *testing.T) {
	lines := [][]byte{
		[]byte(`{"id":"a","date":"2024-03-31","touchpoint":"app","lang":"de","region":"Nord","nps":10,"sentiment":{"label":"positive"},"themes":[{"path":"service/reachability"},{"path":"delivery"}]}`),
		[]byte(`{"id":"b","date":"2024-04-01T09:30:00Z","lang":"en","region":"Süd","nps":2,"sentiment":{"label":"negative"},"themes":[{"path":"service"}]}`),
		[]byte(`{"id":"c","nps":8,"region":7,"sentiment":{"label":"neutral"},"themes":[]}`),
	}
	want := map[string][]string{
		ByTheme:      {"(none)", "delivery", "service", "service/reachability"},
		ByTouchpoint: {"(none)", "app"},
		ByLang:       {"(none)", "de", "en"},
		ByDay:        {"(none)", "2024-03-31", "2024-04-01"},
		ByWeek:       {"(none)", "2024-W13", "2024-W14"},
		ByMonth:      {"(none)", "2024-03", "2024-04"},
		ByQuarter:    {"(none)", "2024-Q1", "2024-Q2"},
		"region":     {"7", "Nord", "Süd"},
	}
	for by, keys := range want {
		b := NewBreakdown(by)
		for _, l := range lines {
			it, err := ParseItem(l, "region")
			if err != nil {
				t.Fatal(err)
			}
			b.Add(it)
		}
		var got []string
		for k := range b.Segments {
			got = append(got, k)
		}
		slices.Sort(got)
		if !reflect.DeepEqual(got, keys) {
			t.Errorf("by %s: keys %q, want %q", by, got, keys)
		}
	}
	// service counts a (through service/reachability) and b: NPS (1−1)/2.
	b := NewBreakdown(ByTheme)
	for _, l := range lines {
		it, _ := ParseItem(l)
		b.Add(it)
	}
	figs := b.Figures(3, 1)
	if figs[0].Key != "service" || figs[0].N != 2 || *figs[0].NPS.Value != 0 || !reflect.DeepEqual(figs[0].IDs.Comments, IDs{2, []string{"a", "b"}}) {
		t.Errorf("first segment %+v", figs[0])
	}
	if figs[0].Share != 66.6667 {
		t.Errorf("share %v", figs[0].Share)
	}
}
