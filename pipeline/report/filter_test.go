package report

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFilter(t *testing.T) {
	it, err := ParseItem([]byte(`{"id":"a","date":"2024-03-31T23:10:00Z","touchpoint":"app","lang":"de","region":"Nord","themes":[{"path":"service/reachability"}]}`), "region")
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name string
		f    Filter
		want bool
	}{
		{"none", Filter{}, true},
		{"until the same day", Filter{Until: day("2024-03-31")}, true},
		{"since the next day", Filter{Since: day("2024-04-01")}, false},
		{"since the same day", Filter{Since: day("2024-03-31")}, true},
		{"touchpoint", Filter{Touchpoints: []string{"web", "app"}}, true},
		{"other touchpoint", Filter{Touchpoints: []string{"web"}}, false},
		{"lang", Filter{Langs: []string{"en"}}, false},
		{"parent theme", Filter{Themes: []string{"service"}}, true},
		{"a theme's prefix is no parent", Filter{Themes: []string{"serv"}}, false},
		{"where", Filter{Where: map[string][]string{"region": {"Süd", "Nord"}}}, true},
		{"where other", Filter{Where: map[string][]string{"region": {"Süd"}}}, false},
		{"all must hold", Filter{Langs: []string{"de"}, Touchpoints: []string{"web"}}, false},
	}
	for _, tc := range tests {
		if got := tc.f.Match(it); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	undated, _ := ParseItem([]byte(`{"id":"b"}`))
	if (Filter{Since: day("2024-01-01")}).Match(undated) {
		t.Error("a record without a date passed a date filter")
	}
}

// TestFilterLabelNPSFlags: labels, NPS groups and flags, each OR within
// and AND across.
func TestFilterLabelNPSFlags(t *testing.T) {
	p := NewParser()
	parse := func(line string) Item {
		t.Helper()
		it, err := p.Parse([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	tests := []struct {
		name string
		line string
		f    Filter
		want bool
	}{
		{"label", `{"id":"a","sentiment":{"label":"negative"}}`, Filter{Labels: []string{"negative"}}, true},
		{"label either", `{"id":"a","sentiment":{"label":"mixed"}}`, Filter{Labels: []string{"negative", "mixed"}}, true},
		{"other label", `{"id":"a","sentiment":{"label":"positive"}}`, Filter{Labels: []string{"negative"}}, false},
		{"no label", `{"id":"a"}`, Filter{Labels: []string{"negative"}}, false},
		{"nps group of the analysis", `{"id":"a","nps":8,"nps_group":"promoter"}`, Filter{NPSGroups: []string{"promoter"}}, true},
		{"nps group by cut-off", `{"id":"a","nps":6}`, Filter{NPSGroups: []string{"detractor"}}, true},
		{"other nps group", `{"id":"a","nps":7}`, Filter{NPSGroups: []string{"detractor", "promoter"}}, false},
		{"no nps", `{"id":"a"}`, Filter{NPSGroups: []string{"detractor"}}, false},
		{"flag", `{"id":"a","flags":["churn","urgent"]}`, Filter{Flags: []string{"urgent"}}, true},
		{"flag either", `{"id":"a","flags":["churn"]}`, Filter{Flags: []string{"no_content", "churn"}}, true},
		{"other flag", `{"id":"a","flags":["churn"]}`, Filter{Flags: []string{"no_content"}}, false},
		{"no flags", `{"id":"a"}`, Filter{Flags: []string{"churn"}}, false},
		{"all hold", `{"id":"a","nps":2,"flags":["churn"],"sentiment":{"label":"negative"}}`,
			Filter{Labels: []string{"negative"}, NPSGroups: []string{"detractor"}, Flags: []string{"churn"}}, true},
		{"one fails", `{"id":"a","nps":2,"flags":["churn"],"sentiment":{"label":"negative"}}`,
			Filter{Labels: []string{"negative"}, NPSGroups: []string{"passive"}, Flags: []string{"churn"}}, false},
	}
	for _, tc := range tests {
		if got := tc.f.Match(parse(tc.line)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestParseFlags: the flags as written; a record without flags has none,
// also after one with flags (the Parser reuses its buffer); flags that are
// not strings are an error.
func TestParseFlags(t *testing.T) {
	p := NewParser()
	it, err := p.Parse([]byte(`{"id":"a","flags":["churn","urgent"]}`))
	if err != nil || !slices.Equal(it.Flags, []string{"churn", "urgent"}) {
		t.Fatalf("flags %q, %v", it.Flags, err)
	}
	for _, line := range []string{`{"id":"b"}`, `{"id":"b","flags":[]}`, `{"id":"b","flags":null}`} {
		if it, err := p.Parse([]byte(line)); err != nil || it.Flags != nil {
			t.Errorf("%s: flags %q, %v", line, it.Flags, err)
		}
	}
	for _, line := range []string{`{"id":"c","flags":[1]}`, `{"id":"c","flags":"churn"}`} {
		if _, err := p.Parse([]byte(line)); err == nil {
			t.Errorf("%s: no error", line)
		}
	}
	line := []byte(`{"id":"","date":"2024-03-01","lang":"de","flags":null}`)
	allocs := testing.AllocsPerRun(100, func() { _, _ = p.Parse(line) })
	if allocs != 0 {
		t.Errorf("a record without flags: %v allocations, want 0", allocs)
	}
}

// TestSpecFilterLabelNPSFlags: the spec's values lower-cased; an NPS value
// that is no group is a SpecError naming nps.
func TestSpecFilterLabelNPSFlags(t *testing.T) {
	f, err := Spec{Labels: []string{"Negative"}, NPS: []string{"detractor", " Passive"}, Flags: []string{"no_content"}}.Filter()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Labels, []string{"negative"}) || !slices.Equal(f.NPSGroups, []string{"detractor", "passive"}) || !slices.Equal(f.Flags, []string{"no_content"}) {
		t.Errorf("filter %+v", f)
	}
	_, err = Spec{NPS: []string{"0-6"}}.Filter()
	var se *SpecError
	if !errors.As(err, &se) || se.Name != "nps" || !strings.Contains(se.Error(), "--nps") {
		t.Errorf("nps 0-6: %v, want a SpecError naming --nps", err)
	}
}
