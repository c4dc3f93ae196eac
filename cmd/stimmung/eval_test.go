package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// scorePy is the reference scorer, beside the checkout as ../shared.
const scorePy = "../../../shared/tools/score.py"

// scorePyKeys are all the keys score.py --json may print.
var scorePyKeys = []string{"n", "coverage", "accuracy", "macro_f1", "weighted_f1", "majority_baseline", "classes", "binary_sign_accuracy", "pearson_r"}

// agreementCases are gold and prediction files that walk through score.py's
// rules: predicted mixed with and without a gold mixed class, missing
// predictions, error lines, scores that are NaN, Infinity, null, absent or
// 0, a sentiment without a label, a repeated prediction (the last wins),
// numeric ids, ratings present and absent; and eval's one departure from
// them, records flagged no_content (see scorePyView).
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
	{
		// Lines flagged no_content count as neutral with score 0: right
		// for n1 to n3, wrong for n4 to n6 (n6 also in Pearson's r), and
		// still wrong when the line failed (n7) or nothing says
		// no_content (n8); a sentiment beside the flag wins (n9).
		name: "no_content counts as neutral",
		gold: `{"id":"n1","text":"-","lang":"de","label":"neutral","rating":0.1}
{"id":"n2","text":"keine Angabe","lang":"de","label":"neutral","rating":-0.2}
{"id":"n3","text":"null","lang":"en","label":"neutral"}
{"id":"n4","text":"nothing!","lang":"en","label":"positive","rating":1.5}
{"id":"n5","text":"n/a","lang":"en","label":"negative","rating":-0.5}
{"id":"n6","text":"","lang":"de","label":"positive","rating":0.8}
{"id":"n7","text":"--","lang":"de","label":"neutral","rating":0}
{"id":"n8","text":"k.A.","lang":"de","label":"neutral"}
{"id":"n9","text":"nix","lang":"de","label":"negative","rating":-1.2}
{"id":"n10","text":"Prima Service, gerne wieder.","lang":"de","label":"positive","rating":2.2}
{"id":"n11","text":"Das Paket kam beschädigt an.","lang":"de","label":"negative","rating":-1.8}
{"id":"n12","text":"Delivered on Tuesday.","lang":"en","label":"neutral","rating":0.2}
`,
		pred: `{"id":"n1","line":1,"text":"-","flags":["no_content"]}
{"id":"n2","line":2,"text":"keine Angabe","flags":["no_content"],"sentiment":null}
{"id":"n3","line":3,"text":"null","flags":["effort","no_content"]}
{"id":"n4","line":4,"text":"nothing!","flags":["no_content"]}
{"id":"n5","line":5,"text":"n/a","flags":["no_content"]}
{"id":"n6","line":6,"text":"","flags":["no_content"]}
{"id":"n7","line":7,"flags":["no_content"],"error":{"stage":"read","message":"x"}}
{"id":"n8","line":8,"text":"k.A.","flags":[]}
{"id":"n9","line":9,"flags":["no_content"],"sentiment":{"score":-0.4,"label":"negative"}}
{"id":"n10","line":10,"sentiment":{"score":0.7,"label":"positive"}}
{"id":"n11","line":11,"sentiment":{"score":0.1,"label":"neutral"}}
{"id":"n12","line":12,"sentiment":{"score":0,"label":"neutral"}}
`,
	},
}

// scorePyView rewrites predictions for score.py the way eval reads them: a
// line with an id, no error, no sentiment object and the flag no_content
// becomes a neutral prediction with score 0. It reports how many lines it
// rewrote.
func scorePyView(t *testing.T, pred string) (string, int) {
	t.Helper()
	var b strings.Builder
	n := 0
	for _, line := range strings.SplitAfter(pred, "\n") {
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(line), &obj) == nil {
			var flags []string
			var sent map[string]any
			_, failed := obj["error"]
			_ = json.Unmarshal(obj["flags"], &flags)
			_ = json.Unmarshal(obj["sentiment"], &sent)
			if obj["id"] != nil && !failed && sent == nil && slices.Contains(flags, "no_content") {
				fmt.Fprintf(&b, `{"id":%s,"sentiment":{"score":0,"label":"neutral"}}`+"\n", obj["id"])
				n++
				continue
			}
		}
		b.WriteString(line)
	}
	return b.String(), n
}

// firstSet returns the first set of eval's JSON document.
func firstSet(t *testing.T, out string) map[string]any {
	t.Helper()
	var doc struct {
		Sets []map[string]any `json:"sets"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Sets) == 0 {
		t.Fatalf("eval output %q: %v (or no sets)", out, err)
	}
	return doc.Sets[0]
}

// TestEvalAgreesWithScorePy runs score.py --json and eval --predictions
// --json on the same files and compares every key score.py prints. score.py
// reads the predictions with the no_content lines rewritten as neutral
// (scorePyView), eval's one documented difference; where there are such
// lines, score.py on the file as it is must disagree, or the case would not
// test the difference.
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
			gold, pred, pyPred := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl"), filepath.Join(dir, "pred-py.jsonl")
			writeFile(t, gold, tc.gold)
			writeFile(t, pred, tc.pred)
			view, rewritten := scorePyView(t, tc.pred)
			writeFile(t, pyPred, view)

			py, err := exec.Command(python, scorePy, gold, pyPred, "--json").Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			out, stderr, code := run(t, nil, "eval", "--predictions", pred, "--json", gold)
			if code != ExitOK {
				t.Fatalf("eval: exit %d, stderr %s", code, stderr)
			}
			var want map[string]any
			if err := json.Unmarshal(py, &want); err != nil {
				t.Fatalf("score.py output %q: %v", py, err)
			}
			got := firstSet(t, out)
			if got["no_content"] != float64(rewritten) {
				t.Errorf("no_content = %v, want %d", got["no_content"], rewritten)
			}
			if rewritten > 0 {
				raw, err := exec.Command(python, scorePy, gold, pred, "--json").Output()
				if err != nil {
					t.Fatalf("score.py: %v", err)
				}
				var asIs map[string]any
				if err := json.Unmarshal(raw, &asIs); err != nil {
					t.Fatal(err)
				}
				if reflect.DeepEqual(asIs["accuracy"], got["accuracy"]) || reflect.DeepEqual(asIs["coverage"], got["coverage"]) {
					t.Errorf("score.py on the unchanged predictions agrees with eval (%s): the case does not test no_content", raw)
				}
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
	for _, want := range []string{`"mixed"`, `"error"`, "NaN", "Infinity", `"score":null`, `"score":0,`, `{"id":20,`, "1e999", `"no_content"`} {
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
		r := firstSet(t, got)
		if r["n"] != 26.0 {
			t.Errorf("n = %v, want 26", r["n"])
		}
		// The empty text is flagged no_content and counts as neutral.
		if r["no_content"] != 1.0 {
			t.Errorf("no_content = %v, want 1", r["no_content"])
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

// Two hand-written sets scored from a predictions file: "cx" has kinds
// and a gold mixed class, "survey" has neither. Worked by hand:
//
//	cx      n=10, right k2 k4 k7 k8 k9: accuracy 0.5; F1 mixed 0.5,
//	        negative 0.3333, neutral 0.5, positive 0.6667: macro 0.5;
//	        majority negative 4/10. k6's predicted mixed stays mixed (the
//	        set uses mixed), so it is wrong in its kind, negation, too.
//	survey  n=6, right e1 e3 e4: accuracy 0.5; a predicted mixed is
//	        neutral (e2 wrong, e3 right); e5 has no prediction; e6 is
//	        no_content, so neutral (wrong). F1 1, 0.5, 0.4: macro 0.6333;
//	        majority positive 4/6.
//	all     n=16, 8 right; baseline (4+4)/16; F1 over the pooled items
//	        mixed 0.5, negative 0.5, neutral 0.5, positive 0.5455.
const (
	kindsGold = `{"id":"k1","text":"Na toll, schon wieder zu spät.","lang":"de","label":"negative","kind":"irony"}
{"id":"k2","text":"Great, another week without internet.","lang":"en","label":"negative","kind":"irony"}
{"id":"k3","text":"Super, jetzt ist das Konto gesperrt.","lang":"de","label":"negative","kind":"irony"}
{"id":"k4","text":"Nicht schlecht, das Essen.","lang":"de","label":"positive","kind":"negation"}
{"id":"k5","text":"Not helpful at all.","lang":"en","label":"negative","kind":"negation"}
{"id":"k6","text":"Kein Problem mit der Zustellung.","lang":"de","label":"neutral","kind":"negation"}
{"id":"k7","text":"-","lang":"de","label":"neutral","kind":"short"}
{"id":"k8","text":"Top!","lang":"de","label":"positive","kind":"short"}
{"id":"k9","text":"Lecker, aber teuer.","lang":"de","label":"mixed","kind":" contrast "}
{"id":"k10","text":"Nice staff, awful wifi.","lang":"en","label":"mixed"}
`
	surveyGold = `{"id":"e1","text":"Kind nurses.","lang":"en","label":"positive"}
{"id":"e2","text":"All good.","lang":"en","label":"positive"}
{"id":"e3","text":"Parking.","lang":"en","label":"neutral"}
{"id":"e4","text":"Waited four hours.","lang":"en","label":"negative"}
{"id":"e5","text":"Quick and friendly.","lang":"en","label":"positive"}
{"id":"e6","text":"null","lang":"en","label":"positive"}
`
	kindsPred = `{"id":"k1","sentiment":{"score":0.5,"label":"positive"}}
{"id":"k2","sentiment":{"score":-0.5,"label":"negative"}}
{"id":"k3","sentiment":{"score":0.4,"label":"positive"}}
{"id":"k4","sentiment":{"score":0.3,"label":"positive"}}
{"id":"k5","sentiment":{"score":0,"label":"neutral"}}
{"id":"k6","sentiment":{"score":0.1,"label":"mixed"}}
{"id":"k7","text":"-","flags":["no_content"]}
{"id":"k8","sentiment":{"score":0.6,"label":"positive"}}
{"id":"k9","sentiment":{"score":0.1,"label":"mixed"}}
{"id":"k10","sentiment":{"score":-0.2,"label":"negative"}}
{"id":"e1","sentiment":{"score":0.6,"label":"positive"}}
{"id":"e2","sentiment":{"score":0.2,"label":"mixed"}}
{"id":"e3","sentiment":{"score":0,"label":"mixed"}}
{"id":"e4","sentiment":{"score":-0.5,"label":"negative"}}
{"id":"e6","text":"null","flags":["no_content"]}
`
	kindsWant = `set      n  accuracy  macro-F1  majority  class         vs majority
cx      10    0.5000    0.5000    0.4000  negative          +0.1000
survey   6    0.5000    0.6333    0.6667  positive          -0.1667
all     16    0.5000    0.5114    0.5000  (each set's)      +0.0000
scored as neutral, flagged no_content: cx 1, survey 1

cx by kind
kind      n  accuracy  macro-F1  most common miss
contrast  1    1.0000    1.0000  -
irony     3    0.3333    0.5000  negative → positive (2)
negation  3    0.3333    0.3333  negative → neutral (1)
short     2    1.0000    1.0000  -
(none)    1    0.0000    0.0000  mixed → negative (1)
`
)

// kindsFiles writes the two sets and the predictions into a directory of
// their own and returns the paths.
func kindsFiles(t *testing.T) (cx, survey, pred string) {
	t.Helper()
	dir := t.TempDir()
	cx, survey, pred = filepath.Join(dir, "cx.jsonl"), filepath.Join(dir, "survey.jsonl"), filepath.Join(dir, "pred.jsonl")
	writeFile(t, cx, kindsGold)
	writeFile(t, survey, surveyGold)
	writeFile(t, pred, kindsPred)
	return cx, survey, pred
}

func TestEvalTables(t *testing.T) {
	cx, survey, pred := kindsFiles(t)
	tests := []struct {
		name string
		args []string
		want string // the whole stdout, or with prefix the start of it
		// prefix: want is the start of stdout; contains: what must be in
		// it; absent: what must not.
		prefix   bool
		contains []string
		absent   []string
		// wide: the detailed reports may pass 100 columns (their summary
		// lines do); the default output must not.
		wide bool
	}{
		{name: "two sets", args: []string{cx, survey}, want: kindsWant},
		{name: "one set has no all row", args: []string{survey},
			want: "set     n  accuracy  macro-F1  majority  class     vs majority\n" +
				"survey  6    0.5000    0.6333    0.6667  positive      -0.1667\n" +
				"scored as neutral, flagged no_content: survey 1\n"},
		{name: "detail after the tables", args: []string{"--detail", cx, survey}, want: kindsWant, prefix: true,
			contains: []string{"\ncx: n=10 coverage=1.0000 accuracy=0.5000 macro_f1=0.5000", "confusion (rows: gold, columns: predicted)",
				"\nsurvey: n=6 coverage=0.8333 accuracy=0.5000 macro_f1=0.6333"}, wide: true},
		{name: "-v is --detail", args: []string{"-v", survey}, contains: []string{"class     precision"}, wide: true},
		{name: "misses imply detail", args: []string{"--misses", "2", survey}, wide: true,
			contains: []string{"misses (up to 2 per gold/predicted pair", "e6  positive  neutral    +0.0000  null\n"}},
		{name: "no detail by default", args: []string{cx, survey}, absent: []string{"precision", "confusion"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"eval", "--predictions", pred}, tc.args...)
			out, stderr, code := run(t, nil, args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			switch {
			case tc.want == "":
			case tc.prefix && !strings.HasPrefix(out, tc.want), !tc.prefix && out != tc.want:
				t.Errorf("got\n%s\nwant\n%s", out, tc.want)
			}
			for _, s := range tc.contains {
				if !strings.Contains(out, s) {
					t.Errorf("no %q in\n%s", s, out)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(out, s) {
					t.Errorf("%q in\n%s", s, out)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				if !tc.wide && utf8.RuneCountInString(line) > 100 {
					t.Errorf("line wider than 100 columns: %q", line)
				}
			}
		})
	}
}

// The JSON document: its keys are documented in the README; a script may
// rely on them. Unknown keys fail the test, so that a new key is a
// decision (and a README line), not an accident.
func TestEvalJSONSchema(t *testing.T) {
	cx, survey, pred := kindsFiles(t)
	out, stderr, code := run(t, nil, "eval", "--predictions", pred, "--json", cx, survey)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("want one JSON document on one line, got\n%s", out)
	}
	type miss struct {
		Gold      string `json:"gold"`
		Predicted string `json:"predicted"`
		N         int    `json:"n"`
	}
	type kind struct {
		Kind           string   `json:"kind"`
		N              int      `json:"n"`
		Accuracy       float64  `json:"accuracy"`
		MacroF1        float64  `json:"macro_f1"`
		Classes        []string `json:"classes"`
		MostCommonMiss *miss    `json:"most_common_miss"`
	}
	type set struct {
		Name               string                     `json:"name"`
		File               string                     `json:"file"`
		N                  int                        `json:"n"`
		Coverage           float64                    `json:"coverage"`
		Accuracy           float64                    `json:"accuracy"`
		MacroF1            float64                    `json:"macro_f1"`
		WeightedF1         float64                    `json:"weighted_f1"`
		MajorityBaseline   float64                    `json:"majority_baseline"`
		MajorityClass      string                     `json:"majority_class"`
		VsMajority         float64                    `json:"vs_majority"`
		Classes            []string                   `json:"classes"`
		BinarySignAccuracy *float64                   `json:"binary_sign_accuracy"`
		PearsonR           *float64                   `json:"pearson_r"`
		NoContent          int                        `json:"no_content"`
		PerClass           map[string]json.RawMessage `json:"per_class"`
		Confusion          json.RawMessage            `json:"confusion"`
		Misses             json.RawMessage            `json:"misses"`
		Kinds              []kind                     `json:"kinds"`
	}
	type overall struct {
		Name             string   `json:"name"`
		Sets             int      `json:"sets"`
		N                int      `json:"n"`
		Coverage         float64  `json:"coverage"`
		Accuracy         float64  `json:"accuracy"`
		MacroF1          float64  `json:"macro_f1"`
		WeightedF1       float64  `json:"weighted_f1"`
		MajorityBaseline float64  `json:"majority_baseline"`
		VsMajority       float64  `json:"vs_majority"`
		Classes          []string `json:"classes"`
		NoContent        int      `json:"no_content"`
	}
	var doc struct {
		Sets    []set   `json:"sets"`
		Overall overall `json:"overall"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	if len(doc.Sets) != 2 {
		t.Fatalf("%d sets, want 2", len(doc.Sets))
	}
	c, s := doc.Sets[0], doc.Sets[1]
	if c.Name != "cx" || c.File != cx || c.N != 10 || c.Accuracy != 0.5 || c.MacroF1 != 0.5 || c.MajorityBaseline != 0.4 ||
		c.MajorityClass != "negative" || c.VsMajority != 0.1 || c.NoContent != 1 || c.Coverage != 1 {
		t.Errorf("set cx: %+v", c)
	}
	if s.Name != "survey" || s.N != 6 || s.MacroF1 != 0.6333 || s.VsMajority != -0.1667 || s.NoContent != 1 || s.Coverage != 0.8333 || s.Kinds != nil {
		t.Errorf("set survey: %+v", s)
	}
	wantKinds := []kind{
		{"contrast", 1, 1, 1, []string{"mixed"}, nil},
		{"irony", 3, 0.3333, 0.5, []string{"negative"}, &miss{"negative", "positive", 2}},
		{"negation", 3, 0.3333, 0.3333, []string{"negative", "neutral", "positive"}, &miss{"negative", "neutral", 1}},
		{"short", 2, 1, 1, []string{"neutral", "positive"}, nil},
		{"", 1, 0, 0, []string{"mixed"}, &miss{"mixed", "negative", 1}},
	}
	if !reflect.DeepEqual(c.Kinds, wantKinds) {
		t.Errorf("kinds:\n%+v\nwant\n%+v", c.Kinds, wantKinds)
	}
	wantAll := overall{Name: "all", Sets: 2, N: 16, Coverage: 0.9375, Accuracy: 0.5, MacroF1: 0.5114, WeightedF1: doc.Overall.WeightedF1,
		MajorityBaseline: 0.5, VsMajority: 0, Classes: []string{"mixed", "negative", "neutral", "positive"}, NoContent: 2}
	if !reflect.DeepEqual(doc.Overall, wantAll) {
		t.Errorf("overall:\n%+v\nwant\n%+v", doc.Overall, wantAll)
	}
}

// In the pipeline, the normalize stage flags non-answers no_content and
// the sentiment stage skips them; eval counts them as neutral.
func TestEvalNoContentIsNeutral(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "answers.jsonl")
	writeFile(t, gold, `{"id":"1","text":"null","lang":"en","label":"neutral"}
{"id":"2","text":"-","lang":"de","label":"neutral"}
{"id":"3","text":"nothing!","lang":"en","label":"neutral"}
{"id":"4","text":"keine Angabe","lang":"de","label":"neutral"}
{"id":"5","text":"","lang":"de","label":"positive"}
`)
	out, stderr, code := run(t, nil, "eval", "--json", gold)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	r := firstSet(t, out)
	conf, _ := json.Marshal(r["confusion"])
	if r["no_content"] != 5.0 || r["coverage"] != 1.0 || r["accuracy"] != 0.8 ||
		string(conf) != `{"counts":[[4,0],[1,0]],"gold":["neutral","positive"],"predicted":["neutral","positive"]}` {
		t.Errorf("no_content %v, coverage %v, accuracy %v, confusion %s; want 5, 1, 0.8, all predicted neutral", r["no_content"], r["coverage"], r["accuracy"], conf)
	}
	text, _, _ := run(t, nil, "eval", gold)
	if !strings.Contains(text, "scored as neutral, flagged no_content: answers 5\n") {
		t.Errorf("no note on no_content in\n%s", text)
	}
}
