package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
)

// example is one line of testdata/{theme,signal}_examples.jsonl: a comment
// written for these tests and what the built-in taxonomies must find in it.
type example struct {
	Lang    string   `json:"lang"`
	Text    string   `json:"text"`
	Themes  []string `json:"themes"`
	Signals []string `json:"signals"`
}

func readExamples(t *testing.T, path string) []example {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e example
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, e)
	}
	return out
}

// The built-in signals taxonomy finds effort, urgency and churn where the
// examples say, and nothing in the examples that must not trigger (praise
// with "sofort", "nie wieder Probleme", "cancel my order").
func TestBuiltinSignalExamples(t *testing.T) {
	p, err := Build(loadYAML(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range readExamples(t, "testdata/signal_examples.jsonl") {
		r := &models.Record{ID: "x", Text: e.Text, Original: e.Text, Lang: e.Lang, LangSource: "input"}
		p.Process(context.Background(), r, &Notes{})
		var got []string
		for _, m := range r.Signals.Matches {
			top, _, _ := strings.Cut(m.Signal, "/")
			if !slices.Contains(got, top) {
				got = append(got, top)
			}
		}
		slices.Sort(got)
		want := slices.Clone(e.Signals)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: signals %v, want %v", e.Lang, e.Text, got, want)
		}
	}
}

// The built-in theme taxonomy tags the examples with exactly the theme
// paths they list: compounds, plurals, negated mentions, two themes around
// "aber"/"but", and false friends that must not match (Anzug, Umzug,
// Verantwortung, "can't wait").
func TestBuiltinThemeExamples(t *testing.T) {
	p, err := Build(loadYAML(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range readExamples(t, "testdata/theme_examples.jsonl") {
		r := &models.Record{ID: "x", Text: e.Text, Original: e.Text, Lang: e.Lang, LangSource: "input"}
		p.Process(context.Background(), r, &Notes{})
		var got []string
		for _, th := range r.Themes {
			got = append(got, th.Path)
		}
		slices.Sort(got)
		want := slices.Clone(e.Themes)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: themes %v, want %v", e.Lang, e.Text, got, want)
		}
	}
}

// sentimentExample is one line of testdata/sentiment_examples.jsonl: a
// comment written for this test, the label it must get (if any), a rule
// that must appear in its explanation and one that must not.
type sentimentExample struct {
	Lang    string `json:"lang"`
	Text    string `json:"text"`
	Label   string `json:"label"`
	Rule    string `json:"rule"`
	NotRule string `json:"not_rule"`
}

// The rules for implicit complaints, irony and "nothing to improve" in
// both languages: each example gets its label, for the reason named.
func TestBuiltinSentimentExamples(t *testing.T) {
	cfg := loadYAML(t, "")
	cfg.Output.Explain = true
	p, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sentiment_examples.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e sentimentExample
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		r := &models.Record{ID: "x", Text: e.Text, Original: e.Text, Lang: e.Lang, LangSource: "input"}
		p.Process(context.Background(), r, &Notes{})
		var rules []string
		for _, c := range r.Explain {
			rules = append(rules, c.Rules...)
		}
		all := strings.Join(rules, "; ")
		switch {
		case e.Label != "" && r.Sentiment.Label != e.Label:
			t.Errorf("%q: label %s (score %v), want %s; rules: %s", e.Text, r.Sentiment.Label, r.Sentiment.Score, e.Label, all)
		case e.Rule != "" && !strings.Contains(all, e.Rule):
			t.Errorf("%q: rules %q lack %q", e.Text, all, e.Rule)
		case e.NotRule != "" && strings.Contains(all, e.NotRule):
			t.Errorf("%q: rules %q hold %q", e.Text, all, e.NotRule)
		}
	}
}
