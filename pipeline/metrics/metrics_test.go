package metrics

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

var nan = math.NaN()

// p is a pair without score and rating.
func p(gold, pred string) Pair { return Pair{Gold: gold, Pred: pred, Score: nan, Rating: nan} }

// ps is a pair with a score.
func ps(gold, pred string, score float64) Pair {
	return Pair{Gold: gold, Pred: pred, Score: score, Rating: nan}
}

// psr is a pair with a score and a rating.
func psr(gold, pred string, score, rating float64) Pair {
	return Pair{Gold: gold, Pred: pred, Score: score, Rating: rating}
}

// want holds the expected figures of a case; NaN means "absent".
type want struct {
	n, covered, correct int
	accuracy, macro     float64
	weighted, majority  float64
	majorityClass       string
	classes             []string
	sign, pearson       float64
	cols                []string
	cells               map[[2]string]int
	perClass            map[string][3]float64 // precision, recall, f1
}

func TestCompute(t *testing.T) {
	tests := []struct {
		name  string
		pairs []Pair
		want  want
	}{
		{
			// Worked by hand: neg P 1/1 R 1/2 F1 2/3; neu P 2/3 R 2/3 F1 2/3;
			// pos P 1/2 R 1/2 F1 1/2.
			name: "three classes with a missing prediction",
			pairs: []Pair{
				p("positive", "positive"), p("positive", "neutral"),
				p("negative", "negative"), p("negative", "positive"),
				p("neutral", "neutral"), p("neutral", "neutral"), p("neutral", ""),
			},
			want: want{
				n: 7, covered: 6, correct: 4,
				accuracy: 4.0 / 7, macro: (2.0/3 + 2.0/3 + 0.5) / 3,
				weighted: (2.0/3*2 + 2.0/3*3 + 0.5*2) / 7, majority: 3.0 / 7, majorityClass: "neutral",
				classes: []string{"negative", "neutral", "positive"},
				sign:    nan, pearson: nan,
				cols: []string{"negative", "neutral", "positive", None},
				cells: map[[2]string]int{
					{"negative", "negative"}: 1, {"negative", "positive"}: 1,
					{"neutral", "neutral"}: 2, {"neutral", None}: 1,
					{"positive", "positive"}: 1, {"positive", "neutral"}: 1,
				},
				perClass: map[string][3]float64{
					"negative": {1, 0.5, 2.0 / 3}, "neutral": {2.0 / 3, 2.0 / 3, 2.0 / 3}, "positive": {0.5, 0.5, 0.5},
				},
			},
		},
		{
			// Sign: 0.5 right; -0.1 for a positive wrong; 0 wrong; the missing
			// prediction wrong and counted; the NaN score left out: 1 of 4.
			name: "binary sign accuracy",
			pairs: []Pair{
				ps("positive", "positive", 0.5), ps("positive", "negative", -0.1),
				ps("negative", "negative", 0), ps("negative", "", 0.9),
				ps("positive", "positive", nan),
			},
			want: want{
				n: 5, covered: 4, correct: 3,
				accuracy: 3.0 / 5, macro: (0.5 + 0.8) / 2, weighted: (0.5*2 + 0.8*3) / 5,
				majority: 3.0 / 5, majorityClass: "positive",
				classes: []string{"negative", "positive"},
				sign:    1.0 / 4, pearson: nan,
				cols: []string{"negative", "positive", None},
				perClass: map[string][3]float64{
					"negative": {0.5, 0.5, 0.5},
					"positive": {1, 2.0 / 3, 0.8},
				},
			},
		},
		{
			name:  "mixed counts as neutral when the gold has no mixed",
			pairs: []Pair{p("neutral", "mixed"), p("negative", "mixed")},
			want: want{
				n: 2, covered: 2, correct: 1,
				accuracy: 0.5, macro: (0 + 2.0/3) / 2, weighted: (0 + 2.0/3) / 2,
				majority: 0.5, majorityClass: "negative",
				classes: []string{"negative", "neutral"},
				sign:    nan, pearson: nan,
				cols:  []string{"negative", "neutral"},
				cells: map[[2]string]int{{"neutral", "neutral"}: 1, {"negative", "neutral"}: 1},
			},
		},
		{
			name:  "mixed is kept when the gold uses it",
			pairs: []Pair{p("mixed", "mixed"), p("neutral", "mixed"), p("neutral", "neutral")},
			want: want{
				n: 3, covered: 3, correct: 2,
				accuracy: 2.0 / 3, macro: (2.0/3 + 2.0/3) / 2, weighted: (2.0/3 + 2.0/3*2) / 3,
				majority: 2.0 / 3, majorityClass: "neutral",
				classes: []string{"mixed", "neutral"},
				sign:    nan, pearson: nan,
				cols:  []string{"mixed", "neutral"},
				cells: map[[2]string]int{{"mixed", "mixed"}: 1, {"neutral", "mixed"}: 1, {"neutral", "neutral"}: 1},
			},
		},
		{
			// A prediction outside the gold classes gets a column of its own
			// and counts against recall only.
			name:  "all one class",
			pairs: []Pair{p("neutral", "neutral"), p("neutral", "neutral"), p("neutral", "positive"), p("neutral", "")},
			want: want{
				n: 4, covered: 3, correct: 2,
				accuracy: 0.5, macro: 2.0 / 3, weighted: 2.0 / 3, majority: 1, majorityClass: "neutral",
				classes: []string{"neutral"},
				sign:    nan, pearson: nan,
				cols:     []string{"neutral", "positive", None},
				perClass: map[string][3]float64{"neutral": {1, 0.5, 2.0 / 3}},
			},
		},
		{
			// Every sign is wrong (none was given) and counted.
			name:  "no predictions at all",
			pairs: []Pair{ps("positive", "", 0.4), ps("negative", "", nan), ps("negative", "", nan)},
			want: want{
				n: 3, majority: 2.0 / 3, majorityClass: "negative",
				classes: []string{"negative", "positive"},
				sign:    0, pearson: nan,
				cols:  []string{"negative", "positive", None},
				cells: map[[2]string]int{{"negative", None}: 2, {"positive", None}: 1},
			},
		},
		{
			// Pearson over (1,2) (2,4) (3,7); the NaN rating, the NaN and
			// infinite scores and the missing prediction are left out.
			name: "pearson over the pairs with score and rating",
			pairs: []Pair{
				psr("positive", "positive", 1, 2), psr("positive", "positive", 2, 4),
				psr("positive", "positive", 3, 7), psr("positive", "positive", 5, nan),
				psr("positive", "positive", nan, 1), psr("positive", "positive", math.Inf(1), 1),
				psr("positive", "", 9, 9),
			},
			want: want{
				n: 7, covered: 6, correct: 6,
				accuracy: 6.0 / 7, macro: 2 * (6.0 / 7) / (1 + 6.0/7), weighted: 2 * (6.0 / 7) / (1 + 6.0/7),
				majority: 1, majorityClass: "positive",
				classes: []string{"positive"},
				// Sign: four finite positive scores right, the missing one
				// wrong; NaN and +Inf left out.
				sign: 4.0 / 5, pearson: 5 / math.Sqrt(2*38.0/3),
				cols: []string{"positive", None},
			},
		},
		{
			name:  "pearson needs more than two pairs",
			pairs: []Pair{psr("negative", "negative", -1, -2), psr("positive", "positive", 1, 2)},
			want: want{
				n: 2, covered: 2, correct: 2, accuracy: 1, macro: 1, weighted: 1,
				majority: 0.5, majorityClass: "negative",
				classes: []string{"negative", "positive"},
				sign:    1, pearson: nan,
				cols: []string{"negative", "positive"},
			},
		},
		{
			name:  "pearson is 0 when a side does not vary",
			pairs: []Pair{psr("positive", "positive", 1, 2), psr("positive", "positive", 1, 3), psr("positive", "positive", 1, 4)},
			want: want{
				n: 3, covered: 3, correct: 3, accuracy: 1, macro: 1, weighted: 1,
				majority: 1, majorityClass: "positive",
				classes: []string{"positive"},
				sign:    1, pearson: 0,
				cols: []string{"positive"},
			},
		},
		{
			name:  "a tie for the majority names the first class",
			pairs: []Pair{p("positive", "positive"), p("negative", "positive")},
			want: want{
				n: 2, covered: 2, correct: 1, accuracy: 0.5, macro: (0 + 2.0/3) / 2, weighted: (0 + 2.0/3) / 2,
				majority: 0.5, majorityClass: "negative",
				classes: []string{"negative", "positive"},
				// No scores: nothing for the sign, so it is left out.
				sign: nan, pearson: nan,
				cols: []string{"negative", "positive"},
			},
		},
		{
			name: "empty",
			want: want{classes: []string{}, sign: nan, pearson: nan, cols: []string{}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compute(tc.pairs, Options{})
			w := tc.want
			if r.N != w.n || r.Covered != w.covered || r.Correct != w.correct {
				t.Errorf("n, covered, correct = %d, %d, %d; want %d, %d, %d", r.N, r.Covered, r.Correct, w.n, w.covered, w.correct)
			}
			if w.n > 0 {
				checkF(t, "coverage", r.Coverage, float64(w.covered)/float64(w.n))
			}
			checkF(t, "accuracy", r.Accuracy, w.accuracy)
			checkF(t, "macro F1", r.MacroF1, w.macro)
			checkF(t, "weighted F1", r.WeightedF1, w.weighted)
			checkF(t, "majority baseline", r.MajorityBaseline, w.majority)
			checkF(t, "sign accuracy", r.SignAccuracy, w.sign)
			checkF(t, "pearson r", r.PearsonR, w.pearson)
			if r.MajorityClass != w.majorityClass {
				t.Errorf("majority class %q, want %q", r.MajorityClass, w.majorityClass)
			}
			if !slices.Equal(r.Classes, w.classes) {
				t.Errorf("classes %q, want %q", r.Classes, w.classes)
			}
			if !slices.Equal(r.Confusion.Pred, w.cols) {
				t.Errorf("columns %q, want %q", r.Confusion.Pred, w.cols)
			}
			for cell, n := range w.cells {
				if got := r.Confusion.Count(cell[0], cell[1]); got != n {
					t.Errorf("confusion %s→%s = %d, want %d", cell[0], cell[1], got, n)
				}
			}
			total := 0
			for _, row := range r.Confusion.Counts {
				for _, n := range row {
					total += n
				}
			}
			if total != w.n {
				t.Errorf("confusion sums to %d, want n = %d", total, w.n)
			}
			for _, c := range r.PerClass {
				pc, ok := w.perClass[c.Class]
				if !ok {
					continue
				}
				checkF(t, c.Class+" precision", c.Precision, pc[0])
				checkF(t, c.Class+" recall", c.Recall, pc[1])
				checkF(t, c.Class+" F1", c.F1, pc[2])
			}
			if _, err := r.JSON(); err != nil {
				t.Errorf("JSON: %v", err)
			}
			var b bytes.Buffer
			if err := r.WriteText(&b); err != nil || !strings.Contains(b.String(), "n=") {
				t.Errorf("WriteText: %v\n%s", err, b.String())
			}
		})
	}
}

func checkF(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if !math.IsNaN(got) {
			t.Errorf("%s = %v, want none (NaN)", what, got)
		}
		return
	}
	if math.IsNaN(got) || math.Abs(got-want) > 1e-12 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestRound4LikePython(t *testing.T) {
	// Right-hand sides are Python's round(x, 4).
	tests := []struct{ in, want float64 }{
		{0.00015, 0.0001}, // math.Round(x*1e4)/1e4 gives 0.0002
		{0.12345, 0.1235},
		{0.00005, 0.0001},
		{0.99995, 1},
		{2.0 / 3, 0.6667},
		{0.66665, 0.6666},
		{1.00005, 1.0001},
		{0.30005, 0.3},
		{-0.12345, -0.1235},
	}
	for _, tc := range tests {
		if got := Round4(tc.in); got != tc.want {
			t.Errorf("Round4(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestMisses(t *testing.T) {
	pairs := []Pair{
		{ID: "a", Gold: "negative", Pred: "neutral", Score: 0.01, Text: "first"},
		{ID: "b", Gold: "negative", Pred: "neutral", Score: 0.02},
		{ID: "c", Gold: "negative", Pred: "neutral", Score: 0.03},
		{ID: "d", Gold: "positive", Pred: "", Score: 0.5},
		{ID: "e", Gold: "negative", Pred: "negative", Score: -1},
		{ID: "f", Gold: "negative", Pred: "mixed", Score: 0},
		{ID: "g", Gold: "negative", Pred: "", Score: nan},
	}
	r := Compute(pairs, Options{Misses: 2})
	var got []string
	for _, m := range r.Misses {
		got = append(got, m.ID+":"+m.Gold+">"+m.Pred)
	}
	// Matrix order: negative row (neutral, then none), positive row; f's
	// mixed became neutral but the cell is full.
	want := []string{"a:negative>neutral", "b:negative>neutral", "g:negative>none", "d:positive>none"}
	if !slices.Equal(got, want) {
		t.Errorf("misses %q, want %q", got, want)
	}
	if !math.IsNaN(r.Misses[3].Score) {
		t.Errorf("a missing prediction has score %v, want NaN", r.Misses[3].Score)
	}
	if Compute(pairs, Options{}).Misses != nil {
		t.Error("misses without asking")
	}
}

func TestJSONKeys(t *testing.T) {
	r := Compute([]Pair{psr("positive", "positive", 0.5, 2), psr("negative", "positive", 0.1, -1),
		psr("negative", "negative", -0.3, -2), psr("negative", "", nan, -3)}, Options{Misses: 1})
	r.Name = "gold.jsonl"
	b, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	// score.py's keys come first, in its order.
	const head = `{"name":"gold.jsonl","n":4,"coverage":0.75,"accuracy":0.5,"macro_f1":0.5833,"weighted_f1":0.5417,` +
		`"majority_baseline":0.75,"classes":["negative","positive"],"binary_sign_accuracy":0.5,"pearson_r":0.9608,"majority_class":"negative",`
	if !strings.HasPrefix(string(b), head) {
		t.Errorf("JSON starts\n%s\nwant\n%s", b, head)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	pc := m["per_class"].(map[string]any)["negative"].(map[string]any)
	if pc["support"] != 3.0 || pc["precision"] != 1.0 || pc["recall"] != 0.3333 {
		t.Errorf("per_class.negative = %v", pc)
	}
	conf := m["confusion"].(map[string]any)
	if got, _ := json.Marshal(conf); string(got) != `{"counts":[[1,1,1],[0,1,0]],"gold":["negative","positive"],"predicted":["negative","positive","none"]}` {
		t.Errorf("confusion = %s", got)
	}
	misses, _ := json.Marshal(m["misses"])
	if string(misses) != `[{"gold":"negative","id":"","predicted":"positive","score":0.1,"text":""},{"gold":"negative","id":"","predicted":"none","score":null,"text":""}]` {
		t.Errorf("misses = %s", misses)
	}

	// Optional figures are left out, as score.py does.
	b, _ = Compute([]Pair{p("neutral", "neutral")}, Options{}).JSON()
	if strings.Contains(string(b), "binary_sign_accuracy") || strings.Contains(string(b), "pearson_r") || strings.Contains(string(b), "misses") {
		t.Errorf("optional keys present: %s", b)
	}
	b, _ = Compute(nil, Options{}).JSON()
	if !strings.Contains(string(b), `"classes":[]`) || strings.Contains(string(b), "null") {
		t.Errorf("empty report: %s", b)
	}
}

func TestWriteText(t *testing.T) {
	pairs := []Pair{
		{ID: "k1", Gold: "negative", Pred: "negative", Score: -0.6, Rating: nan},
		{ID: "k2", Gold: "negative", Pred: "neutral", Score: 0, Rating: nan, Text: "Die Klimaanlage war\nausgefallen, aber das Personal war nett. " + strings.Repeat("x", 200)},
		{ID: "k3", Gold: "neutral", Pred: "neutral", Score: 0.05, Rating: nan},
		{ID: "k4", Gold: "positive", Pred: "", Score: nan, Rating: nan, Text: "Top!"},
	}
	r := Compute(pairs, Options{Misses: 5})
	r.Name = "mini.jsonl"
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `mini.jsonl: n=4 coverage=0.7500 accuracy=0.5000 macro_f1=0.4444 weighted_f1=0.5000 majority_baseline=0.5000 (negative) vs_majority=+0.0000

class     precision  recall      f1  support  predicted
negative     1.0000  0.5000  0.6667        2          1
neutral      0.5000  1.0000  0.6667        1          2
positive     0.0000  0.0000  0.0000        1          0

confusion (rows: gold, columns: predicted)
          negative  neutral  positive  none
negative         1        1         0     0
neutral          0        1         0     0
positive         0        0         0     1

misses (up to 5 per gold/predicted pair, in input order)
id  gold      predicted    score  text
k2  negative  neutral    +0.0000  Die Klimaanlage war ausgefallen, aber das Personal war nett. ` + strings.Repeat("x", 58) + `…
k4  positive  none             -  Top!
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A class that happens to be called "none" is kept apart from the column
// of missing predictions.
func TestClassNamedNone(t *testing.T) {
	r := Compute([]Pair{p("none", "none"), p("none", ""), p("other", "")}, Options{Misses: 5})
	if r.Correct != 1 || r.Covered != 1 {
		t.Errorf("correct %d, covered %d; want 1, 1", r.Correct, r.Covered)
	}
	if pc := r.PerClass[0]; pc.Class != "none" || pc.Precision != 1 || pc.Recall != 0.5 {
		t.Errorf("per class %+v", pc)
	}
	if !slices.Equal(r.Confusion.Pred, []string{"none", "other", None}) || !slices.Equal(r.Confusion.Counts[0], []int{1, 0, 1}) {
		t.Errorf("confusion %q %v", r.Confusion.Pred, r.Confusion.Counts)
	}
	if len(r.Misses) != 2 {
		t.Errorf("misses %+v, want 2", r.Misses)
	}
}
