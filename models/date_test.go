package models

import (
	"testing"
	"time"
)

// TestParseDate: the forms of survey exports, the fast paths for the
// common ones agreeing with the layouts, and what is no date.
func TestParseDate(t *testing.T) {
	day := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"2026-10-01":                day,
		" 2026-10-01 ":              day,
		"01.10.2026":                day,
		"1.10.2026":                 day,
		"2026-10-01T08:30:00":       day.Add(8*time.Hour + 30*time.Minute),
		"2026-10-01 08:30":          day.Add(8*time.Hour + 30*time.Minute),
		"2026-10-01T10:30:00+02:00": day.Add(8*time.Hour + 30*time.Minute),
	} {
		got, ok := ParseDate(in)
		if !ok || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, %v; want %v in UTC", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2026-13-01", "2026-10-32", "32.10.2026", "yesterday", "2026/10/01"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v; want no date", in, got)
		}
	}
}
