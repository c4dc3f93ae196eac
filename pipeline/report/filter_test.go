package report

import (
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
