package evaluate

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

// predictionLines are lines of a predictions file and what addPrediction
// makes of them: score.py's rules (NaN, Infinity, error lines, no label,
// ids spelled as the reader does) and eval's no_content rule.
var predictionLines = []struct {
	name  string
	line  string
	id    string // "" when the line gives no prediction
	label string
	score float64 // NaN: none
	ok    bool
}{
	{"plain", `{"id":"a","sentiment":{"score":0.5,"label":"positive"}}`, "a", "positive", 0.5, true},
	{"numeric id", `{"id":7,"sentiment":{"score":-1,"label":"negative"}}`, "7", "negative", -1, true},
	{"id trimmed like the reader's", `{"id":" a ","sentiment":{"label":"neutral"}}`, "a", "neutral", math.NaN(), true},
	{"NaN score", `{"id":"a","sentiment":{"score":NaN,"label":"neutral"}}`, "a", "neutral", math.NaN(), true},
	{"NaN inside a string stays", `{"id":"NaN","text":"NaN -Infinity","sentiment":{"score":-Infinity,"label":"neutral"}}`, "NaN", "neutral", math.NaN(), true},
	{"overflowing score", `{"id":"a","sentiment":{"score":1e999,"label":"neutral"}}`, "a", "neutral", math.Inf(1), true},
	{"string score", `{"id":"a","sentiment":{"score":"0.5","label":"neutral"}}`, "a", "neutral", math.NaN(), true},
	{"no label", `{"id":"a","sentiment":{"score":0.5}}`, "a", NoLabel, 0.5, true},
	{"error line", `{"id":"a","error":{"stage":"read","message":"x"}}`, "", "", 0, true},
	{"error beside a sentiment", `{"id":"a","error":null,"sentiment":{"label":"neutral"}}`, "", "", 0, true},
	{"sentiment null", `{"id":"a","sentiment":null}`, "", "", 0, true},
	{"no id", `{"line":3,"sentiment":{"label":"neutral"}}`, "", "", 0, true},
	{"no_content is neutral", `{"id":"a","text":"-","flags":["no_content"]}`, "a", "neutral", 0, true},
	{"no_content with sentiment null", `{"id":"a","flags":["effort","no_content"],"sentiment":null}`, "a", "neutral", 0, true},
	{"no_content beside a sentiment", `{"id":"a","flags":["no_content"],"sentiment":{"score":0.5,"label":"positive"}}`, "a", "positive", 0.5, true},
	{"no_content that failed", `{"id":"a","flags":["no_content"],"error":{"stage":"read","message":"x"}}`, "", "", 0, true},
	{"other flags only", `{"id":"a","flags":["effort"]}`, "", "", 0, true},
	{"flags not a list", `{"id":"a","flags":"no_content"}`, "", "", 0, true},
	{"blank line", "  \r\n", "", "", 0, true},
	{"not JSON", `{"id":"a",`, "", "", 0, false},
	{"not an object", `["a"]`, "", "", 0, false},
}

func TestAddPrediction(t *testing.T) {
	for _, tc := range predictionLines {
		t.Run(tc.name, func(t *testing.T) {
			preds := map[string]Prediction{}
			ok := addPrediction(preds, []byte(tc.line), false)
			if ok != tc.ok {
				t.Errorf("ok = %v, want %v", ok, tc.ok)
			}
			if tc.id == "" {
				if len(preds) != 0 {
					t.Errorf("got %v, want no prediction", preds)
				}
				return
			}
			p, found := preds[tc.id]
			if !found || len(preds) != 1 {
				t.Fatalf("got %v, want id %q", preds, tc.id)
			}
			if p.Label != tc.label {
				t.Errorf("label %q, want %q", p.Label, tc.label)
			}
			if !(p.Score == tc.score || math.IsNaN(p.Score) && math.IsNaN(tc.score)) {
				t.Errorf("score %v, want %v", p.Score, tc.score)
			}
		})
	}
}

func TestRatingOf(t *testing.T) {
	tests := []struct {
		raw  string
		want float64 // NaN: no rating
		ok   bool
	}{
		{"", math.NaN(), true},
		{"null", math.NaN(), true},
		{"2.5", 2.5, true},
		{"-3", -3, true},
		{`"1,5"`, 1.5, true},
		{`" "`, math.NaN(), true},
		{`"gut"`, 0, false},
		{"true", 0, false},
		{"[1]", 0, false},
	}
	for _, tc := range tests {
		var raw json.RawMessage
		if tc.raw != "" {
			raw = json.RawMessage(tc.raw)
		}
		got, ok := ratingOf(raw)
		if ok != tc.ok || tc.ok && !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("ratingOf(%s) = %v, %v; want %v, %v", tc.raw, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzAddPrediction: a predictions line never panics, and a prediction
// always has a label (else it would not count as one).
func FuzzAddPrediction(f *testing.F) {
	for _, tc := range predictionLines {
		f.Add([]byte(tc.line))
	}
	f.Add([]byte(`{"id":"a","text":"\"NaN\\"","sentiment":{"score":-Infinity}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		preds := map[string]Prediction{}
		addPrediction(preds, line, true)
		for id, p := range preds {
			if id == "" || p.Label == "" {
				t.Errorf("prediction %q: %+v", id, p)
			}
		}
	})
}

// ScoreSet is what cross-validation calls with its own predictions: the
// kinds follow the set's mixed rule, not their own.
func TestScoreSet(t *testing.T) {
	items := []Item{
		{ID: "a", Label: "mixed", Kind: "contrast", Rating: math.NaN()},
		{ID: "b", Label: "neutral", Kind: "negation", Rating: math.NaN()},
		{ID: "c", Label: "neutral", Kind: "negation", Rating: math.NaN()},
		{ID: "d", Label: "positive", Rating: math.NaN()},
	}
	preds := map[string]Prediction{
		"a": {Label: "mixed"},
		"b": {Label: "mixed"},
		"c": NoContentPrediction,
	}
	sc := ScoreSet("s", items, preds, metrics.Options{})
	if sc.Name != "s" || sc.Report.N != 4 || sc.Report.Correct != 2 || sc.NoContent != 1 {
		t.Errorf("name %q, n %d, correct %d, no_content %d; want s, 4, 2, 1", sc.Name, sc.Report.N, sc.Report.Correct, sc.NoContent)
	}
	want := []KindScore{
		{Kind: "contrast", N: 1, Accuracy: 1, MacroF1: 1, Classes: []string{"mixed"}},
		{Kind: "negation", N: 2, Accuracy: 0.5, MacroF1: 2.0 / 3, Classes: []string{"neutral"}, Miss: KindMiss{"neutral", "mixed", 1}},
		{Kind: "", N: 1, Accuracy: 0, MacroF1: 0, Classes: []string{"positive"}, Miss: KindMiss{"positive", metrics.None, 1}},
	}
	if !reflect.DeepEqual(sc.Kinds, want) {
		t.Errorf("kinds\n%+v\nwant\n%+v", sc.Kinds, want)
	}
	// Without any kind there is no per-kind table.
	for i := range items {
		items[i].Kind = ""
	}
	if k := ScoreSet("s", items, preds, metrics.Options{}).Kinds; k != nil {
		t.Errorf("kinds %+v without a kind field", k)
	}
}

func TestSetNames(t *testing.T) {
	tests := []struct {
		paths, want []string
	}{
		{[]string{"../data/dev/cx_written.jsonl", "b.csv", "noext"}, []string{"cx_written", "b", "noext"}},
		{[]string{"dev/a.jsonl", "test/a.jsonl", "c.jsonl"}, []string{"dev/a.jsonl", "test/a.jsonl", "c"}},
	}
	for _, tc := range tests {
		if got := SetNames(tc.paths); !slices.Equal(got, tc.want) {
			t.Errorf("SetNames(%q) = %q, want %q", tc.paths, got, tc.want)
		}
	}
}

// record is a gold line with an id and the given fields (JSON values).
func record(line int64, id string, fields ...string) *models.Record {
	r := &models.Record{Source: "g.jsonl", Line: line, ID: id, Original: "text " + id}
	for i := 0; i+1 < len(fields); i += 2 {
		r.Fields = append(r.Fields, models.Field{Key: fields[i], Value: json.RawMessage(fields[i+1])})
	}
	return r
}

// GoldSet keeps the usable lines in file order (a repeated id in its first
// place, with its last line), names the unusable ones with their line, and
// finds the labels stimmung never predicts.
func TestGoldSet(t *testing.T) {
	g := NewGoldSet("g.jsonl", false)
	for _, r := range []*models.Record{
		record(1, "a", "label", `"positive"`, "kind", `" irony "`, "rating", `"1,5"`),
		record(2, "b", "label", `"postive"`),
		record(3, "c"),
		record(4, "d", "label", `3`),
		record(5, "e", "label", `" "`),
		record(6, "f", "label", `"neutral"`, "rating", `true`),
		record(7, "a", "label", `"negative"`, "kind", `{"x":1}`),
		{Source: "g.jsonl", Line: 8, Err: &models.RecordError{Stage: "read", Message: "not JSON"}},
	} {
		if err := g.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	var probs []string
	for _, p := range g.Problems {
		probs = append(probs, p.String())
	}
	wantProbs := []string{`g.jsonl:3: no "label" field`, `g.jsonl:4: "label" is a number, want a string`, `g.jsonl:5: "label" is empty`,
		`g.jsonl:6: "rating" is a boolean, want a number`, "g.jsonl:8: not JSON"}
	if !slices.Equal(probs, wantProbs) {
		t.Errorf("problems\n%q\nwant\n%q", probs, wantProbs)
	}
	if len(g.Items) != 2 || g.Items[0].ID != "a" || g.Items[0].Label != "negative" || g.Items[0].Kind != `{"x":1}` || !math.IsNaN(g.Items[0].Rating) ||
		g.Items[1].ID != "b" || g.Dups != 1 || !g.Unusable() {
		t.Errorf("items %+v, dups %d", g.Items, g.Dups)
	}
	if odd := g.OddLabels(); !reflect.DeepEqual(odd, []LabelCount{{"postive", 1}}) {
		t.Errorf("odd labels %v", odd)
	}
	g.Preds = map[string]Prediction{"z": {Label: "positive"}}
	if !g.Unmatched() {
		t.Error("predictions of other ids: Unmatched is false")
	}
	g.Preds["b"] = Prediction{Label: "positive"}
	if g.Unmatched() {
		t.Error("a prediction of b: Unmatched is true")
	}
	if NewGoldSet("empty", false).Unusable() != true {
		t.Error("a set without gold lines is usable")
	}
}

// From the pipeline, a record's sentiment is its prediction, one flagged
// no_content without a sentiment is neutral, and a failed one counts.
func TestGoldSetFromRun(t *testing.T) {
	g := NewGoldSet("g", true)
	a := record(1, "a", "label", `"positive"`)
	a.Sentiment = &models.Sentiment{Score: 0.5, Label: "positive"}
	b := record(2, "b", "label", `"neutral"`)
	b.Flags = []string{models.FlagNoContent}
	c := record(3, "c", "label", `"negative"`)
	c.Err = &models.RecordError{Stage: "sentiment", Message: "x"}
	d := record(4, "d", "label", `"negative"`)
	d.Sentiment = &models.Sentiment{Score: -0.5}
	for _, r := range []*models.Record{a, b, c, d} {
		if err := g.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]Prediction{"a": {Label: "positive", Score: 0.5}, "b": NoContentPrediction, "d": {Label: NoLabel, Score: -0.5}}
	if !reflect.DeepEqual(g.Preds, want) || g.Failed != 1 || g.Unusable() {
		t.Errorf("preds %+v, failed %d", g.Preds, g.Failed)
	}
}
