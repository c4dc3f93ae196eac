package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scorePy is the reference scorer, beside the checkout as ../shared.
const scorePy = "../../../shared/tools/score.py"

// scorePyKeys are all the keys score.py --json may print.
var scorePyKeys = []string{"n", "coverage", "accuracy", "macro_f1", "weighted_f1", "majority_baseline", "classes", "binary_sign_accuracy", "pearson_r"}

// agreementCases are gold and prediction files that walk through score.py's
// rules: predicted mixed with and without a gold mixed class, missing
// predictions, error lines, scores that are NaN, Infinity, null, absent or
// 0, a sentiment without a label, a repeated prediction (the last wins),
// numeric ids, ratings present and absent.
var agreementCases = []struct {
	name, gold, pred string
}{
	{
		name: "three classes with ratings",
		gold: `{"id":"a01","text":"Die Lieferung kam drei Tage zu spät.","lang":"de","label":"negative","rating":-2.1}
{"id":"a02","text":"Alles bestens, danke!","lang":"de","label":"positive","rating":2.5}
{"id":"a03","text":"Ich habe die Rechnung erhalten.","lang":"de","label":"neutral","rating":0.1}
{"id":"a04","text":"The app keeps crashing.","lang":"en","label":"negative","rating":-2.8}
{"id":"a05","text":"Great support, thanks","lang":"en","label":"positive","rating":3}
{"id":"a06","text":"Order number 1234","lang":"en","label":"neutral"}
{"id":"a07","text":"Nett, aber viel zu teuer.","lang":"de","label":"negative","rating":-0.7}
{"id":"a08","text":"Der Zug war pünktlich.","lang":"de","label":"positive","rating":1.2}
{"id":"a09","text":"Wann kommt das Paket?","lang":"de","label":"neutral","rating":0}
{"id":"a10","text":"Never again.","lang":"en","label":"negative","rating":-3.1}
{"id":"a11","text":"Love it :-)","lang":"en","label":"positive","rating":3.3}
{"id":"a12","text":"Please call me back.","lang":"en","label":"neutral","rating":-0.2}
{"id":"a13","text":"Die Klimaanlage war ausgefallen.","lang":"de","label":"negative","rating":-1.9}
{"id":"a14","text":"Freundliches Personal.","lang":"de","label":"positive"}
{"id":"a15","text":"Ich fahre morgen nach Köln.","lang":"de","label":"neutral","rating":0.3}
{"id":"a16","text":"Not bad at all","lang":"en","label":"positive","rating":1.4}
{"id":"a17","text":"The food was cold and the staff rude.","lang":"en","label":"negative","rating":-2.4}
{"id":"a18","text":"Gut, aber langsam.","lang":"de","label":"neutral","rating":0.4}
{"id":19,"text":"Top!","lang":"de","label":"positive","rating":2.9}
{"id":20,"text":"Storniert, ohne Begründung.","lang":"de","label":"negative","rating":-2.2}
{"id":"a21","text":"Meh.","lang":"en","label":"neutral","rating":-0.4}
{"id":"a22","text":"Sehr zufrieden mit dem Service.","lang":"de","label":"positive","rating":2.7}
{"id":"a23","text":"It works.","lang":"en","label":"neutral","rating":0.6}
{"id":"a24","text":"Schrecklich.","lang":"de","label":"negative","rating":-3.4}
`,
		pred: `{"id":"a01","sentiment":{"score":-0.61,"label":"negative"}}
{"id":"a02","sentiment":{"score":0.72,"label":"positive"}}
{"id":"a03","sentiment":{"score":0.01,"label":"neutral"}}
{"id":"a04","sentiment":{"score":-0.4,"label":"negative"}}
{"id":"a05","sentiment":{"score":0.3,"label":"mixed"}}
{"id":"a06","sentiment":{"score":0,"label":"neutral"}}
{"id":"a07","sentiment":{"score":0.2,"label":"mixed"}}
{"id":"a08","error":{"stage":"sentiment","message":"boom"}}
{"id":"a09","sentiment":{"score":NaN,"label":"neutral"}}
{"id":"a10","sentiment":{"score":-Infinity,"label":"negative"}}
{"id":"a11","sentiment":{"score":null,"label":"positive"}}
{"id":"a12","sentiment":{"label":"negative"}}
{"id":"a13","sentiment":{"score":-0.05}}
{"id":"a14","sentiment":{"score":0.5,"label":"positive"}}
{"id":"a15","sentiment":{"score":0.1,"label":"positive"}}
{"id":"a16","sentiment":{"score":-0.3,"label":"negative"}}
{"id":"a16","sentiment":{"score":0.2,"label":"positive"}}
{"id":"a17","sentiment":{"score":-0.8,"label":"negative"},"lang":"en"}
{"id":"19","sentiment":{"score":0.9,"label":"positive"}}
{"id":20,"sentiment":{"score":-0.35,"label":"negative"}}
{"id":"a21","sentiment":null}
{"id":"a22","sentiment":{"score":1e999,"label":"positive"}}
{"line":30,"error":{"stage":"read","message":"invalid JSON"}}
{"id":"a24","sentiment":{"score":-0.9,"label":"negative"}}
{"id":"zz","sentiment":{"score":0.9,"label":"positive"}}
`,
	},
	{
		name: "binary with sign accuracy",
		gold: `{"id":"b1","text":"Loved every minute.","lang":"en","label":"positive","rating":3.2}
{"id":"b2","text":"Waste of money.","lang":"en","label":"negative","rating":-2.9}
{"id":"b3","text":"Works as described.","lang":"en","label":"positive","rating":1.1}
{"id":"b4","text":"Broke after a week.","lang":"en","label":"negative","rating":-2.2}
{"id":"b5","text":"Five stars.","lang":"en","label":"positive","rating":2.6}
{"id":"b6","text":"Do not buy.","lang":"en","label":"negative","rating":-2.5}
{"id":"b7","text":"Pretty good value.","lang":"en","label":"positive","rating":1.8}
{"id":"b8","text":"Returned it.","lang":"en","label":"negative","rating":-1.2}
{"id":"b9","text":"Exceeded expectations.","lang":"en","label":"positive","rating":2.9}
{"id":"b10","text":"Meh, it broke.","lang":"en","label":"negative","rating":-1.5}
{"id":"b11","text":"Nice.","lang":"en","label":"positive","rating":1.7}
{"id":"b12","text":"Terrible.","lang":"en","label":"negative","rating":-3}
`,
		pred: `{"id":"b1","sentiment":{"score":0.8,"label":"positive"}}
{"id":"b2","sentiment":{"score":-0.6,"label":"negative"}}
{"id":"b3","sentiment":{"score":0,"label":"neutral"}}
{"id":"b4","sentiment":{"score":0.1,"label":"positive"}}
{"id":"b5","sentiment":{"score":NaN,"label":"positive"}}
{"id":"b7","sentiment":{"score":0.04,"label":"neutral"}}
{"id":"b8","error":{"stage":"read","message":"x"},"sentiment":{"score":-1,"label":"negative"}}
{"id":"b9","sentiment":{"score":0.3,"label":"mixed"}}
{"id":"b10","sentiment":{"score":-0.02,"label":"mixed"}}
{"id":"b11","sentiment":{"score":0.44,"label":"positive"}}
{"id":"b12","sentiment":{"score":-0.7,"label":"negative"}}
`,
	},
	{
		name: "gold uses mixed",
		gold: `{"id":"m1","text":"Schnell, aber teuer.","lang":"de","label":"mixed"}
{"id":"m2","text":"Gut.","lang":"de","label":"positive"}
{"id":"m3","text":"Schlecht.","lang":"de","label":"negative"}
{"id":"m4","text":"Heute ist Montag.","lang":"de","label":"neutral"}
{"id":"m5","text":"Nett, aber unzuverlässig.","lang":"de","label":"mixed"}
{"id":"m6","text":"Es geht.","lang":"de","label":"neutral"}
{"id":"m7","text":"Super Team, miese Software.","lang":"de","label":"mixed"}
{"id":"m8","text":"Danke!","lang":"de","label":"positive"}
`,
		pred: `{"id":"m1","sentiment":{"score":0.1,"label":"mixed"}}
{"id":"m2","sentiment":{"score":0.4,"label":"positive"}}
{"id":"m3","sentiment":{"score":-0.5,"label":"mixed"}}
{"id":"m4","sentiment":{"score":0,"label":"mixed"}}
{"id":"m5","sentiment":{"score":-0.1,"label":"neutral"}}
{"id":"m6","sentiment":{"score":0,"label":"neutral"}}
{"id":"m8","sentiment":{"score":0.6,"label":"positive"}}
`,
	},
}

// TestEvalAgreesWithScorePy runs score.py --json and eval --predictions
// --json on the same files and compares every key score.py prints.
func TestEvalAgreesWithScorePy(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; cannot compare with score.py")
	}
	if _, err := os.Stat(scorePy); err != nil {
		t.Skipf("%s not found (../shared is not beside the checkout); cannot compare", scorePy)
	}
	for _, tc := range agreementCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			gold, pred := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
			writeFile(t, gold, tc.gold)
			writeFile(t, pred, tc.pred)

			py, err := exec.Command(python, scorePy, gold, pred, "--json").Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			out, stderr, code := run(t, nil, "eval", "--predictions", pred, "--json", gold)
			if code != ExitOK {
				t.Fatalf("eval: exit %d, stderr %s", code, stderr)
			}
			var want, got map[string]any
			if err := json.Unmarshal(py, &want); err != nil {
				t.Fatalf("score.py output %q: %v", py, err)
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("eval output %q: %v", out, err)
			}
			for _, k := range scorePyKeys {
				w, inPy := want[k]
				g, inGo := got[k]
				if inPy != inGo {
					t.Errorf("%s: in score.py's output %v, in eval's %v", k, inPy, inGo)
					continue
				}
				if !reflect.DeepEqual(w, g) {
					t.Errorf("%s: score.py %v, eval %v", k, w, g)
				}
			}
			t.Logf("score.py: %s", bytes.TrimSpace(py))
		})
	}
}

// Every case must exercise what it claims, whether or not python is there.
func TestAgreementCasesCoverTheRules(t *testing.T) {
	all := ""
	for _, tc := range agreementCases {
		all += tc.pred
	}
	for _, want := range []string{`"mixed"`, `"error"`, "NaN", "Infinity", `"score":null`, `"score":0,`, `{"id":20,`, "1e999"} {
		if !strings.Contains(all, want) {
			t.Errorf("no prediction line with %s", want)
		}
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The pipeline mode must give exactly what analyze followed by
// eval --predictions gives, with any number of workers. Without a
// sentiment stage the coverage is 0; with one, whatever it predicts.
func TestEvalPipelineMatchesAnalyze(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	writeFile(t, gold, agreementCases[0].gold+`{"id":"empty","text":"","label":"neutral"}
{"id":"notext","label":"negative"}
`)
	pred, _, code := run(t, nil, "analyze", "-q", gold)
	if code != ExitRecords { // the line without text
		t.Fatalf("analyze: exit %d", code)
	}
	predFile := filepath.Join(dir, "pred.jsonl")
	writeFile(t, predFile, pred)
	want, stderr, code := run(t, nil, "eval", "--json", "--misses", "2", "--predictions", predFile, gold)
	if code != ExitOK {
		t.Fatalf("eval --predictions: exit %d: %s", code, stderr)
	}
	for _, workers := range []string{"1", "8"} {
		got, stderr, code := run(t, nil, "eval", "--json", "--misses", "2", "--workers", workers, gold)
		if code != ExitOK {
			t.Fatalf("eval, %s workers: exit %d: %s", workers, code, stderr)
		}
		if got != want {
			t.Errorf("eval with %s workers differs from analyze + eval --predictions:\n%s\n%s", workers, got, want)
		}
		if !strings.Contains(stderr, "1 record failed") {
			t.Errorf("stderr does not count the failed record: %q", stderr)
		}
		var r struct {
			N        int     `json:"n"`
			Coverage float64 `json:"coverage"`
		}
		if err := json.Unmarshal([]byte(got), &r); err != nil {
			t.Fatal(err)
		}
		if r.N != 26 {
			t.Errorf("n = %d, want 26", r.N)
		}
		if strings.Contains(stderr, "no sentiment stage") && r.Coverage != 0 {
			t.Errorf("coverage %v without a sentiment stage", r.Coverage)
		}
	}
}

func TestEvalPredictionsFromStdin(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	writeFile(t, gold, agreementCases[2].gold)
	fromFile := filepath.Join(dir, "pred.jsonl")
	writeFile(t, fromFile, agreementCases[2].pred)
	want, _, _ := run(t, nil, "eval", "--predictions", fromFile, gold)
	got, stderr, code := run(t, []byte(agreementCases[2].pred), "eval", "--predictions", "-", gold)
	if code != ExitOK || got != want || got == "" {
		t.Errorf("exit %d, stderr %q\n%s\nwant\n%s", code, stderr, got, want)
	}
}

func TestEvalExitCodes(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	writeFile(t, gold, agreementCases[2].gold)
	badConfig := filepath.Join(dir, "bad.yaml")
	writeFile(t, badConfig, "workers: many\n")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no gold file", []string{"eval"}, ExitUsage},
		{"gold from stdin", []string{"eval", "-"}, ExitUsage},
		{"negative misses", []string{"eval", "--misses", "-1", gold}, ExitUsage},
		{"bad config", []string{"eval", "--config", badConfig, gold}, ExitConfig},
		{"missing gold", []string{"eval", filepath.Join(dir, "nope.jsonl")}, ExitIO},
		{"gold is a directory", []string{"eval", dir}, ExitIO},
		{"missing predictions", []string{"eval", "--predictions", filepath.Join(dir, "nope.jsonl"), gold}, ExitIO},
		{"all wrong is still a report", []string{"eval", gold}, ExitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := run(t, nil, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, stderr)
			}
		})
	}
}

func TestAddPrediction(t *testing.T) {
	tests := []struct {
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
		{"no label", `{"id":"a","sentiment":{"score":0.5}}`, "a", noLabel, 0.5, true},
		{"error line", `{"id":"a","error":{"stage":"read","message":"x"}}`, "", "", 0, true},
		{"error beside a sentiment", `{"id":"a","error":null,"sentiment":{"label":"neutral"}}`, "", "", 0, true},
		{"sentiment null", `{"id":"a","sentiment":null}`, "", "", 0, true},
		{"no id", `{"line":3,"sentiment":{"label":"neutral"}}`, "", "", 0, true},
		{"blank line", "  \r\n", "", "", 0, true},
		{"not JSON", `{"id":"a",`, "", "", 0, false},
		{"not an object", `["a"]`, "", "", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			preds := map[string]prediction{}
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
			if p.label != tc.label {
				t.Errorf("label %q, want %q", p.label, tc.label)
			}
			if !(p.score == tc.score || math.IsNaN(p.score) && math.IsNaN(tc.score)) {
				t.Errorf("score %v, want %v", p.score, tc.score)
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
	for _, tc := range agreementCases {
		for _, line := range strings.Split(tc.pred, "\n") {
			f.Add([]byte(line))
		}
	}
	f.Add([]byte(`{"id":"a","text":"\"NaN\\"","sentiment":{"score":-Infinity}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		preds := map[string]prediction{}
		addPrediction(preds, line, true)
		for id, p := range preds {
			if id == "" || p.label == "" {
				t.Errorf("prediction %q: %+v", id, p)
			}
		}
	})
}
