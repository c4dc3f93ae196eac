package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/learn"
)

// learnInput is a small made-up training set: "blorf" only in positive
// comments, "zintig" only negated in negative ones, most comments neutral.
func learnInput(t *testing.T, withRating bool) string {
	t.Helper()
	var b strings.Builder
	n := 0
	line := func(label string, stars int, text string) {
		n++
		if withRating {
			fmt.Fprintf(&b, `{"id":"c%d","text":%q,"lang":"de","rating":%d}`+"\n", n, text, stars)
			return
		}
		fmt.Fprintf(&b, `{"id":"c%d","text":%q,"lang":"de","label":%q}`+"\n", n, text, label)
	}
	for range 3 {
		for _, noun := range []string{"Kaffee", "Tee", "Kuchen", "Zug", "Bus", "Laden"} {
			line("positive", 5, "Der "+noun+" war blorf.")
			line("negative", 1, "Der "+noun+" war nicht zintig.")
		}
	}
	for range 6 {
		line("positive", 4, "Sehr lecker.")
		line("negative", 2, "Total enttäuscht.")
	}
	for _, day := range []string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"} {
		for _, what := range []string{"Bestellt", "Geliefert", "Angerufen", "Abgeholt", "Bezahlt", "Gebucht"} {
			line("neutral", 3, what+" am "+day+".")
		}
	}
	line("mixed", 0, "Gut und schlecht.") // no class (label), outside the scale (rating)
	path := filepath.Join(t.TempDir(), "train.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLexiconLearnCLI(t *testing.T) {
	in := learnInput(t, false)
	out := filepath.Join(t.TempDir(), "learned.tsv")
	_, stderr, code := run(t, nil, "lexicon", "learn", "--lang", "de", "-o", out, in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "learned de weights (lr) from 78 comments (24 positive, 24 negative, 30 neutral; 0 skipped here, 1 unlabelled)") {
		t.Errorf("summary on stderr = %q", stderr)
	}
	layer, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# lang de; method lr; prior strength 50 comments", "\nblorf\t+", "\nzintig\t+", "# n=18 prior=0 new"} {
		if !strings.Contains(string(layer), want) {
			t.Errorf("layer lacks %q:\n%s", want, layer)
		}
	}

	// explain with the layer names its file and line.
	stdout, stderr, code := run(t, nil, "explain", "--lexicon", out+":de", "Der Zug war blorf.")
	if code != ExitOK {
		t.Fatalf("explain: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, out+":") || !strings.Contains(stdout, "positive") {
		t.Errorf("explain with the layer does not show it:\n%s", stdout)
	}
	// lexicon lookup too.
	stdout, _, _ = run(t, nil, "lexicon", "lookup", "--lang", "de", "--lexicon", out+":de", "zintig")
	if !strings.Contains(stdout, out+":") {
		t.Errorf("lookup with the layer does not show it:\n%s", stdout)
	}

	// The same weights from star ratings (5, 4 positive; 1, 2 negative).
	rated := filepath.Join(t.TempDir(), "rated.tsv")
	if _, stderr, code := run(t, nil, "lexicon", "learn", "-q", "--lang", "de", "--rating", "stars", "-o", rated, learnInput(t, true)); code != ExitOK {
		t.Fatalf("--rating stars: exit %d: %s", code, stderr)
	}
	fromStars, _ := os.ReadFile(rated)
	if got, want := afterHeader(string(fromStars)), afterHeader(string(layer)); got != want {
		t.Errorf("layer from stars differs from layer from labels:\n%s\n---\n%s", got, want)
	}
}

func afterHeader(s string) string {
	var b strings.Builder
	for l := range strings.Lines(s) {
		if !strings.HasPrefix(l, "#") {
			b.WriteString(l)
		}
	}
	return b.String()
}

func TestLexiconLearnUsage(t *testing.T) {
	in := learnInput(t, false)
	out := filepath.Join(t.TempDir(), "x.tsv")
	for name, args := range map[string][]string{
		"no output":        {"lexicon", "learn", in},
		"no input":         {"lexicon", "learn", "-o", out},
		"bad method":       {"lexicon", "learn", "--method", "svm", "-o", out, in},
		"bad rating":       {"lexicon", "learn", "--rating", "grades", "-o", out, in},
		"range, no rating": {"lexicon", "learn", "--positive", "4-5", "-o", out, in},
		"overlap":          {"lexicon", "learn", "--rating", "nps", "--negative", "0-8", "--positive", "8-10", "-o", out, in},
		"bad lexicon flag": {"analyze", "--lexicon", ":de"},
	} {
		if _, stderr, code := run(t, nil, args...); code != ExitUsage {
			t.Errorf("%s: exit %d, want %d (%s)", name, code, ExitUsage, stderr)
		}
	}
	if _, _, code := run(t, nil, "lexicon", "learn", "-o", out, filepath.Join(t.TempDir(), "missing.jsonl")); code != ExitIO {
		t.Errorf("missing input: exit %d, want %d", code, ExitIO)
	}
}

func TestLabelRule(t *testing.T) {
	rec := func(fields map[string]any) *models.Record {
		r := &models.Record{}
		for k, v := range fields {
			raw, _ := json.Marshal(v)
			r.Fields = append(r.Fields, models.Field{Key: k, Value: raw})
		}
		return r
	}
	type tc struct {
		rating, neg, pos string
		fields           map[string]any
		class            int
		ok               bool
	}
	for name, c := range map[string]tc{
		"label":             {fields: map[string]any{"label": "Positive"}, class: learn.Positive, ok: true},
		"mixed skipped":     {fields: map[string]any{"label": "mixed"}},
		"no label":          {fields: map[string]any{"text": "x"}},
		"nps detractor":     {rating: "nps", fields: map[string]any{"nps": 6}, class: learn.Negative, ok: true},
		"nps passive":       {rating: "nps", fields: map[string]any{"nps": "7"}, class: learn.Neutral, ok: true},
		"nps promoter":      {rating: "nps", fields: map[string]any{"nps": 9}, class: learn.Positive, ok: true},
		"nps out of scale":  {rating: "nps", fields: map[string]any{"nps": 11}},
		"stars":             {rating: "stars", fields: map[string]any{"rating": "4,5"}, class: learn.Positive, ok: true},
		"stars, no rating":  {rating: "stars", fields: map[string]any{"label": "negative"}, class: learn.Negative, ok: true},
		"custom ranges":     {rating: "csat", neg: "1-3", pos: "5", fields: map[string]any{"csat": 4}, class: learn.Neutral, ok: true},
		"custom ranges neg": {rating: "csat", neg: "1-3", pos: "5", fields: map[string]any{"csat": 3}, class: learn.Negative, ok: true},
	} {
		l := labelRule{field: "label", rating: c.rating}
		if err := l.setRanges(c.neg, c.pos); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		class, ok := l.class(rec(c.fields))
		if class != c.class || ok != c.ok {
			t.Errorf("%s: class %d, %v; want %d, %v", name, class, ok, c.class, c.ok)
		}
	}
}

func TestParseLexiconSpec(t *testing.T) {
	for spec, want := range map[string]string{
		"a.tsv":               "a.tsv de ,a.tsv en ",
		"a.tsv:de":            "a.tsv de ",
		"dir/a.tsv:en:phrase": "dir/a.tsv en phrase",
		"a.tsv:polarity":      "a.tsv de ,a.tsv en ",
		"c:/x/a.tsv:de":       "c:/x/a.tsv de ",
	} {
		fs, err := parseLexiconSpec(spec)
		if err != nil {
			t.Fatalf("%s: %v", spec, err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Path+" "+f.Lang+" "+f.Kind)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%s: %q, want %q", spec, strings.Join(got, ","), want)
		}
	}
}

func TestEvalLearnCLI(t *testing.T) {
	in := learnInput(t, false)
	stdout, stderr, code := run(t, nil, "eval", "--learn", "--folds", "3", in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "train.jsonl") || !strings.Contains(stdout, "learned") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	stdout, _, code = run(t, nil, "eval", "--learn", "--folds", "3", "--json", in)
	var doc struct {
		Sets []struct {
			Set            string
			Folds          int
			Plain, Learned struct{ N int }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != ExitOK || len(doc.Sets) != 1 || doc.Sets[0].Learned.N != 79 || doc.Sets[0].Folds != 3 {
		t.Errorf("--json: exit %d, %v, %+v:\n%s", code, err, doc, stdout)
	}
	if _, _, code := run(t, nil, "eval", "--learn", "--folds", "1", in); code != ExitUsage {
		t.Errorf("--folds 1: exit %d, want %d", code, ExitUsage)
	}
}

// eval --learn scores no_content answers as neutral, as plain eval does:
// the "plain" column of cross-validation and eval agree.
func TestEvalLearnNoContent(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "gold.jsonl")
	var b strings.Builder
	for i := range 12 {
		text, label := "Der Service war sehr freundlich.", "positive"
		switch i % 3 {
		case 1:
			text, label = "Die Lieferung kam viel zu spät.", "negative"
		case 2:
			text, label = "-", "neutral" // no content
		}
		fmt.Fprintf(&b, `{"id":"c%d","lang":"de","text":%q,"label":%q}`+"\n", i, text, label)
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _, code := run(t, nil, "eval", "--json", in)
	if code != ExitOK {
		t.Fatalf("eval: exit %d", code)
	}
	cv, _, code := run(t, nil, "eval", "--learn", "--folds", "3", "--json", in)
	if code != ExitOK {
		t.Fatalf("eval --learn: exit %d", code)
	}
	var p struct{ Sets []struct{ Accuracy float64 } }
	var c struct {
		Sets []struct{ Plain struct{ Accuracy float64 } }
	}
	if json.Unmarshal([]byte(plain), &p) != nil || json.Unmarshal([]byte(cv), &c) != nil || len(p.Sets) != 1 || len(c.Sets) != 1 {
		t.Fatalf("bad JSON:\n%s\n%s", plain, cv)
	}
	if p.Sets[0].Accuracy != 1 || c.Sets[0].Plain.Accuracy != p.Sets[0].Accuracy {
		t.Errorf("accuracy: eval %v, eval --learn plain %v; want both 1", p.Sets[0].Accuracy, c.Sets[0].Plain.Accuracy)
	}
}
