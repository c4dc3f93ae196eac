package learn

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
)

// handMade is a small German set whose right weights are known:
//
//   - "blorf" (made up) only in positive comments: clearly positive;
//   - "zintig" (made up) only as "nicht zintig" in negative comments:
//     positive, learned through the negation;
//   - "gut" (lexicon +1.9) alone in many negative comments: moves down;
//   - "toll" (lexicon +2.8) once, in a negative comment: keeps its prior;
//   - the nouns occur as often in positive as in negative comments: ~0.
func handMade() []Example {
	nouns := []string{"Kaffee", "Tee", "Kuchen", "Zug", "Bus", "Laden"}
	var ex []Example
	add := func(class int, text string) {
		ex = append(ex, Example{ID: fmt.Sprint(len(ex) + 1), Text: text, Lang: "de", Class: class})
	}
	for range 3 {
		for _, n := range nouns {
			add(Positive, fmt.Sprintf("Der %s war blorf.", n))
			add(Negative, fmt.Sprintf("Der %s war nicht zintig.", n))
		}
	}
	// The lexicon is right about most comments.
	for range 6 {
		for _, text := range []string{"Sehr lecker.", "Super Auswahl.", "Alles prima."} {
			add(Positive, text)
		}
		for _, text := range []string{"Schrecklich laut.", "Sehr schlecht gelaunt.", "Total enttäuscht."} {
			add(Negative, text)
		}
	}
	// Most comments say nothing either way.
	for _, day := range []string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"} {
		for _, what := range []string{"Bestellt", "Geliefert", "Angerufen", "Abgeholt", "Bezahlt", "Gefragt", "Gebucht"} {
			add(Neutral, what+" am "+day+".")
		}
	}
	for range 12 {
		add(Negative, "Gut.")
	}
	add(Negative, "Toll.")
	return ex
}

func defaultConfig(t *testing.T) *configs.Config {
	t.Helper()
	cfg, err := configs.Load(configs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.Workers = 2
	return cfg
}

func entryOf(r *Result, term string) (Entry, bool) {
	for _, e := range r.Entries {
		if e.Term == term && e.Kind == lexicons.Polarity {
			return e, true
		}
	}
	return Entry{}, false
}

func TestLearnHandMade(t *testing.T) {
	cfg := defaultConfig(t)
	for _, method := range []string{LR, LogOdds} {
		t.Run(method, func(t *testing.T) {
			res, err := Learn(context.Background(), cfg, handMade(), Options{Lang: "de", Method: method, MinCount: 5})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("scale %.3f", res.Scale)
			get := func(term string) Entry {
				t.Helper()
				e, ok := entryOf(res, term)
				if !ok {
					t.Fatalf("no entry for %q; entries: %v", term, res.Entries)
				}
				return e
			}
			if e := get("blorf"); e.Weight < 0.5 || !e.New || e.Comments != 18 {
				t.Errorf("blorf (only in positive comments) = %+v, want a new word above +0.5 behind 18 comments", e)
			}
			if e := get("zintig"); e.Weight < 0.3 {
				t.Errorf("zintig (only as \"nicht zintig\" in negative comments) = %+.2f, want positive", e.Weight)
			}
			if e := get("gut"); e.Prior != 1.9 || e.Weight > e.Prior-0.5 {
				t.Errorf("gut (prior +1.9, alone in 25 negative comments) = %+.2f, want it to move down by more than 0.5", e.Weight)
			}
			// Log-odds moves a rare word more: its prior pseudo-counts
			// lean to one side, so that the other side has few, and one
			// comment there counts.
			tol := map[string]float64{LR: 0.4, LogOdds: 0.7}[method]
			if e := get("toll"); math.Abs(e.Weight-e.Prior) > tol || e.Comments != 1 {
				t.Errorf("toll (prior %+.2f, one negative comment) = %+.2f behind %d, want it to stay within %v of its prior", e.Prior, e.Weight, e.Comments, tol)
			}
			if e, ok := entryOf(res, "kaffee"); ok && math.Abs(e.Weight) >= 0.25 {
				t.Errorf("kaffee (as often in positive as in negative comments) = %+.2f, want near 0", e.Weight)
			}
		})
	}
}

func TestLearnLayerFile(t *testing.T) {
	cfg := defaultConfig(t)
	res, err := Learn(context.Background(), cfg, handMade(), Options{Lang: "de", MinCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := res.WriteLayer(&a, lexicons.Polarity, []string{"test"}); err != nil {
		t.Fatal(err)
	}
	cfg.Workers = 1
	res2, err := Learn(context.Background(), cfg, handMade(), Options{Lang: "de", MinCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if err := res2.WriteLayer(&b, lexicons.Polarity, []string{"test"}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("layer differs between 2 workers and 1:\n%s\n---\n%s", a.String(), b.String())
	}
	es, err := lexicons.Parse(strings.NewReader(a.String()), "learned.tsv", lexicons.Polarity)
	if err != nil {
		t.Fatalf("the layer does not parse: %v\n%s", err, a.String())
	}
	terms := map[string]float64{}
	for i, e := range es {
		terms[e.Term] = e.Weight
		if i > 0 && es[i-1].Term > e.Term {
			t.Errorf("not sorted: %q before %q", es[i-1].Term, e.Term)
		}
	}
	if terms["blorf"] <= 0 || terms["zintig"] <= 0 {
		t.Errorf("layer lacks blorf or zintig with a positive weight:\n%s", a.String())
	}
	if !strings.Contains(a.String(), "blorf\t+") || !strings.Contains(a.String(), "# n=18 prior=0 new") {
		t.Errorf("layer lines lack weight, count or prior:\n%s", a.String())
	}

	// The layer, put on top of the lexicon, scores the hand-made word
	// as learned, and explain names its file and line.
	path := filepath.Join(t.TempDir(), "learned.tsv")
	if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := pipeline.WithLexicons(cfg, pipeline.LexiconFile{Path: path, Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	var got []models.Contribution
	err = run(context.Background(), c, []Example{{Text: "Der Zug war blorf.", Lang: "de"}}, nil, 1, func(_ int, r *models.Record) {
		got = r.Explain
	})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range got {
		found = found || c.Text == "blorf" && strings.HasPrefix(c.Source, path+":") && c.Base == math.Round(terms["blorf"]*100)/100
	}
	if !found {
		t.Errorf("explain of \"Der Zug war blorf.\" with the layer = %+v, want blorf from %s", got, path)
	}
}

func TestOptionsRejected(t *testing.T) {
	cfg := defaultConfig(t)
	for name, o := range map[string]Options{
		"method":  {Method: "svm"},
		"neutral": {Neutral: "maybe"},
		"passes":  {Passes: 3},
		"lang":    {Lang: "fr"},
		"prior":   {Prior: -1},
	} {
		if _, err := Learn(context.Background(), cfg, handMade(), o); err == nil {
			t.Errorf("%s: %+v accepted", name, o)
		}
	}
	pos := []Example{{Text: "Der Zug war blorf.", Lang: "de", Class: Positive}}
	if _, err := Learn(context.Background(), cfg, pos, Options{Lang: "de"}); err == nil {
		t.Error("learning from positive comments only: no error")
	}
}

func TestLossGradient(t *testing.T) {
	// The derivative of each class's loss agrees with a finite difference.
	for _, c := range []cuts{{}, {-0.8, 0.8, true}} {
		for _, class := range []int8{Negative, Neutral, Positive} {
			if !c.ordinal && class == Neutral {
				continue
			}
			for _, u := range []float64{-30, -2, -0.5, 0, 0.3, 1, 5, 30} {
				l, g := c.loss(class, u, 1.3)
				lp, _ := c.loss(class, u+1e-6, 1.3)
				lm, _ := c.loss(class, u-1e-6, 1.3)
				if num := (lp - lm) / 2e-6; math.IsNaN(l) || math.IsInf(l, 0) || math.Abs(num-g) > 1e-4*max(1, math.Abs(g)) {
					t.Errorf("cuts %+v class %d u %v: loss %v, derivative %v, numeric %v", c, class, u, l, g, num)
				}
			}
		}
	}
}
