package signals

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/themes"
)

func computer(t *testing.T, cfg Config) *Computer {
	t.Helper()
	tx, err := themes.Parse("t.yaml", []byte("name: t\nversion: \"1\"\nthemes:\n  - name: effort\n    weight: 0.6\n    terms: {de: [warteschleife]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(cfg, themes.NewTagger(tx, lexicons.StemWord))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// rec is a record without text analysis: ratings (given as the reader
// gets them: field name, raw JSON) and a comment score.
func rec(score float64, label string, fields ...string) *models.Record {
	r := &models.Record{ID: "x", Sentiment: &models.Sentiment{Score: score, Label: label}}
	for i := 0; i+1 < len(fields); i += 2 {
		raw := json.RawMessage(fields[i+1])
		r.Fields = append(r.Fields, models.Field{Key: fields[i], Value: raw})
		switch fields[i] {
		case "nps":
			r.NPS = models.ParseRating(raw)
		case "csat":
			r.CSAT = models.ParseRating(raw)
		case "ces":
			r.CES = models.ParseRating(raw)
		}
	}
	return r
}

func TestRatingsAndPriority(t *testing.T) {
	c := computer(t, Defaults())
	tests := []struct {
		name      string
		r         *models.Record
		group     string
		priority  int
		flags     string
		reasons   string
		warnings  string
		csatGroup string
		effort    float64
	}{
		{name: "promoter", r: rec(0.5, "positive", "nps", "10"), group: "promoter", priority: 0},
		{name: "passive as string", r: rec(0, "neutral", "nps", `"7"`), group: "passive", priority: 10, reasons: "passive (NPS 7) +10"},
		{name: "detractor with negative comment", r: rec(-0.5, "negative", "nps", "2"), group: "detractor", priority: 45,
			reasons: "detractor (NPS 2) +30; negative comment (-0.5) +15"},
		{name: "promoter with a clearly negative comment is a mismatch", r: rec(-0.6, "negative", "nps", "9"), group: "promoter", priority: 28,
			flags: "mismatch", reasons: "negative comment (-0.6) +18; rating and comment disagree +10"},
		{name: "detractor with a clearly positive comment is a mismatch", r: rec(0.7, "positive", "nps", "1"), group: "detractor", priority: 40,
			flags: "mismatch", reasons: "detractor (NPS 1) +30; rating and comment disagree +10"},
		{name: "mildly negative promoter is no mismatch", r: rec(-0.1, "neutral", "nps", "9"), group: "promoter", priority: 3},
		{name: "no rating", r: rec(0, "neutral"), priority: 10, reasons: "no rating +10"},
		{name: "empty rating is no rating", r: rec(0, "neutral", "nps", `""`), priority: 10},
		{name: "bad rating warns", r: rec(0, "neutral", "nps", "11"), priority: 10, warnings: "bad_nps"},
		{name: "csat dissatisfied", r: rec(0, "neutral", "csat", "1"), priority: 30, csatGroup: "dissatisfied"},
		{name: "csat 5 with negative comment is a mismatch", r: rec(-0.5, "negative", "csat", "5"), priority: 25, csatGroup: "satisfied", flags: "mismatch"},
		{name: "ces gives effort", r: rec(0, "neutral", "ces", "1"), priority: 25, effort: 1, flags: "effort"},
		{name: "ces easy", r: rec(0, "neutral", "ces", "7"), priority: 10, effort: 0},
		{name: "decimal comma", r: rec(0, "neutral", "nps", `"8,0"`), group: "passive", priority: 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			c.Compute(r, c.Mentions(r))
			s := r.Signals
			if s.NPSGroup != tc.group || s.Priority != tc.priority || strings.Join(r.Flags, " ") != tc.flags ||
				strings.Join(r.Warnings, " ") != tc.warnings || s.CSATGroup != tc.csatGroup || s.Effort != tc.effort {
				t.Errorf("got group %q priority %d flags %v warnings %v csat %q effort %v reasons %q", s.NPSGroup, s.Priority, r.Flags, r.Warnings, s.CSATGroup, s.Effort, s.Reasons)
			}
			if tc.reasons != "" && strings.Join(s.Reasons, "; ") != tc.reasons {
				t.Errorf("reasons %q, want %q", strings.Join(s.Reasons, "; "), tc.reasons)
			}
		})
	}
}

func TestPriorityIsCapped(t *testing.T) {
	cfg := Defaults()
	cfg.Priority.Detractor = 90
	c := computer(t, cfg)
	r := rec(-1, "negative", "nps", "0")
	c.Compute(r, c.Mentions(r))
	if r.Signals.Priority != 100 {
		t.Errorf("priority %d, want 100", r.Signals.Priority)
	}
}

func TestNoContentKeepsRatings(t *testing.T) {
	c := computer(t, Defaults())
	r := &models.Record{ID: "x", Flags: []string{models.FlagNoContent}, Fields: []models.Field{{Key: "nps", Value: json.RawMessage("3")}}, NPS: models.ParseRating(json.RawMessage("3"))}
	c.Compute(r, c.Mentions(r))
	if r.Signals.NPSGroup != "detractor" || r.Signals.Priority != 30 || slices.Contains(r.Flags, models.FlagMismatch) {
		t.Errorf("signals %+v flags %v", r.Signals, r.Flags)
	}
}

func TestCheck(t *testing.T) {
	bad := []func(*Config){
		func(c *Config) { c.NPS.Passive = 10; c.NPS.Promoter = 9 },
		func(c *Config) { c.CSAT.Satisfied = 6 },
		func(c *Config) { c.CES.Scale = 1 },
		func(c *Config) { c.Flags.Effort = 0 },
		func(c *Config) { c.Priority.Churn = 101 },
	}
	for i, f := range bad {
		cfg := Defaults()
		f(&cfg)
		if key, _ := cfg.Check(); key == "" {
			t.Errorf("case %d: no error", i)
		}
	}
	if key, msg := Defaults().Check(); key != "" {
		t.Errorf("defaults: %s: %s", key, msg)
	}
}

func TestTaxonomyMustNameSignals(t *testing.T) {
	tx, err := themes.Parse("t.yaml", []byte("name: t\nversion: \"1\"\nthemes:\n  - name: delivery\n    terms: {de: [paket]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(Defaults(), themes.NewTagger(tx, lexicons.StemWord)); err == nil || !strings.Contains(err.Error(), "theme delivery") {
		t.Errorf("err = %v", err)
	}
}
