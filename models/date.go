package models

import (
	"strings"
	"time"
)

// dateLayouts are the date forms of survey exports: ISO dates and times
// (also with a space), and German dates.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
	"02.01.2006",
	"2.1.2006",
}

// ParseDate reads a date as exports write it; times without a zone are
// UTC. The index, the report and the analyze warnings read dates with it.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	// The common forms first, by their shape: a report reads a date per
	// record, and each layout that fails allocates an error.
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, true
		}
	case len(s) == 10 && s[2] == '.' && s[5] == '.':
		if t, err := time.Parse("02.01.2006", s); err == nil {
			return t, true
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
