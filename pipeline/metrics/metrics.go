package metrics

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Labels with a meaning of their own in the scoring rules.
const (
	Positive = "positive"
	Negative = "negative"
	Neutral  = "neutral"
	Mixed    = "mixed"
)

// None heads the confusion-matrix column of items without a prediction, and
// is the predicted label of such items in Misses.
const None = "none"

// Pair is one gold item and what the system said about it.
type Pair struct {
	// ID and Text identify the item in Misses; both are optional.
	ID   string
	Text string
	// Gold is the gold label; it must not be empty.
	Gold string
	// Pred is the predicted label, "" when there is no prediction (none was
	// made, or the record failed). Any other label counts as a prediction,
	// also one that is no class at all.
	Pred string
	// Score is the predicted score, NaN (or ±Inf) when there is none. It is
	// ignored when Pred is "".
	Score float64
	// Rating is the gold rating (a mean human rating), NaN when absent.
	Rating float64
}

// Options configure Compute.
type Options struct {
	// Misses is the number of wrongly predicted items to keep per cell of
	// the confusion matrix (0: none).
	Misses int
}

// ClassStats are the figures of one gold class.
type ClassStats struct {
	Class     string
	Precision float64
	Recall    float64
	F1        float64
	// Support is the number of gold items of the class; Predicted the
	// number of items predicted as the class.
	Support   int
	Predicted int
}

// Confusion counts items by gold label (rows) and predicted label (columns).
type Confusion struct {
	// Gold holds the gold classes in sorted order.
	Gold []string
	// Pred holds the gold classes, then the other predicted labels sorted,
	// then None when some item has no prediction.
	Pred []string
	// Counts[i][j] is the number of items with gold Gold[i] predicted as Pred[j].
	Counts [][]int
}

// Count returns the number of items with gold label gold predicted as pred
// (None for no prediction).
func (c *Confusion) Count(gold, pred string) int {
	i, j := slices.Index(c.Gold, gold), slices.Index(c.Pred, pred)
	if i < 0 || j < 0 {
		return 0
	}
	return c.Counts[i][j]
}

// Miss is one wrongly predicted item.
type Miss struct {
	ID   string
	Text string
	Gold string
	// Pred is the predicted label after the mixed rule, None when there was
	// no prediction.
	Pred  string
	Score float64
}

// Report holds the figures of one evaluation. Rates are not rounded; JSON
// and WriteText round them to 4 decimals.
type Report struct {
	// Name says what was evaluated (a file name); optional.
	Name string

	N        int
	Covered  int
	Correct  int
	Coverage float64
	Accuracy float64
	MacroF1  float64
	// WeightedF1 is the F1 of each class weighted by its support.
	WeightedF1       float64
	MajorityBaseline float64
	// MajorityClass is the most frequent gold class (the first in sorted
	// order on a tie).
	MajorityClass string
	// Classes are the gold classes, sorted.
	Classes []string

	// SignAccuracy is the binary accuracy of the sign of the score, NaN
	// unless every gold label is positive or negative. SignN is its
	// denominator.
	SignAccuracy float64
	SignN        int
	// PearsonR is Pearson's r between score and rating, NaN unless more
	// than two items have both. PearsonN is the number of such items.
	PearsonR float64
	PearsonN int

	// PerClass follows Classes.
	PerClass  []ClassStats
	Confusion Confusion
	// MissesPerCell is Options.Misses.
	MissesPerCell int
	// Misses lists, per off-diagonal cell of the confusion matrix (rows,
	// then columns, in matrix order), the first Options.Misses items of
	// that cell in input order.
	Misses []Miss
}

// Compute scores pairs, in input order, by the rules of score.py.
func Compute(pairs []Pair, o Options) *Report {
	r := &Report{N: len(pairs), SignAccuracy: math.NaN(), PearsonR: math.NaN(), MissesPerCell: max(o.Misses, 0)}

	counts := map[string]int{}
	for _, p := range pairs {
		counts[p.Gold]++
	}
	r.Classes = make([]string, 0, len(counts))
	for c := range counts {
		r.Classes = append(r.Classes, c)
	}
	slices.Sort(r.Classes)
	keepMixed := counts[Mixed] > 0

	// pred returns the label an item counts with: "" for none.
	pred := func(p Pair) string {
		if p.Pred == Mixed && !keepMixed {
			return Neutral
		}
		return p.Pred
	}

	// Columns of the confusion matrix: gold classes first, so that the
	// diagonal is the top-left square.
	extra := map[string]bool{}
	missing := false
	for _, p := range pairs {
		switch l := pred(p); {
		case l == "":
			missing = true
		case counts[l] == 0:
			extra[l] = true
		}
	}
	cols := slices.Clone(r.Classes)
	extraCols := make([]string, 0, len(extra))
	for l := range extra {
		extraCols = append(extraCols, l)
	}
	slices.Sort(extraCols)
	cols = append(cols, extraCols...)
	row := indexOf(r.Classes)
	// The column of missing predictions is kept apart from col, so that a
	// label that happens to be called "none" stays a label.
	col := indexOf(cols)
	noneCol := len(cols)
	if missing {
		cols = append(cols, None)
	}
	cm := make([][]int, len(r.Classes))
	for i := range cm {
		cm[i] = make([]int, len(cols))
	}

	allBinary := true
	for c := range counts {
		if c != Positive && c != Negative {
			allBinary = false
		}
	}
	signOK := 0
	var xs, ys []float64
	for _, p := range pairs {
		l := pred(p)
		binaryGold := p.Gold == Positive || p.Gold == Negative
		if l == "" {
			cm[row[p.Gold]][noneCol]++
			// A missing prediction is wrong for the sign too.
			if binaryGold {
				r.SignN++
			}
			continue
		}
		r.Covered++
		cm[row[p.Gold]][col[l]]++
		if l == p.Gold {
			r.Correct++
		}
		// A prediction without a usable score is left out of the sign
		// accuracy and of r (score.py does the same).
		if !finite(p.Score) {
			continue
		}
		if binaryGold {
			r.SignN++
			if (p.Score > 0 && p.Gold == Positive) || (p.Score < 0 && p.Gold == Negative) {
				signOK++
			}
		}
		if !math.IsNaN(p.Rating) {
			xs = append(xs, p.Score)
			ys = append(ys, p.Rating)
		}
	}

	r.Confusion = Confusion{Gold: r.Classes, Pred: cols, Counts: cm}
	r.PerClass = make([]ClassStats, len(r.Classes))
	var f1s, weighted []float64
	for i, c := range r.Classes {
		tp := cm[i][col[c]]
		predicted := 0
		for k := range r.Classes {
			predicted += cm[k][col[c]]
		}
		s := ClassStats{Class: c, Support: counts[c], Predicted: predicted}
		if predicted > 0 {
			s.Precision = float64(tp) / float64(predicted)
		}
		if s.Support > 0 {
			s.Recall = float64(tp) / float64(s.Support)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		r.PerClass[i] = s
		f1s = append(f1s, s.F1)
		weighted = append(weighted, s.F1*float64(s.Support))
		if s.Support > counts[r.MajorityClass] {
			r.MajorityClass = c
		}
	}

	if r.N == 0 {
		// score.py divides by zero here; an empty report is more useful.
		return r
	}
	n := float64(r.N)
	r.Coverage = float64(r.Covered) / n
	r.Accuracy = float64(r.Correct) / n
	r.MacroF1 = sum(f1s) / float64(len(f1s))
	r.WeightedF1 = sum(weighted) / n
	r.MajorityBaseline = float64(counts[r.MajorityClass]) / n
	if allBinary && r.SignN > 0 {
		r.SignAccuracy = float64(signOK) / float64(r.SignN)
	}
	if r.PearsonN = len(xs); r.PearsonN > 2 {
		r.PearsonR = pearson(xs, ys)
	}
	r.Misses = misses(pairs, pred, func(p Pair) [2]int {
		if l := pred(p); l != "" {
			return [2]int{row[p.Gold], col[l]}
		}
		return [2]int{row[p.Gold], noneCol}
	}, o.Misses)
	return r
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func indexOf(ss []string) map[string]int {
	m := make(map[string]int, len(ss))
	for i, s := range ss {
		m[s] = i
	}
	return m
}

// sum adds left to right, as Python's sum did up to 3.11, so that the last
// bits agree with score.py; they only matter for a value on a rounding edge.
func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// pearson is score.py's formula, including its answer 0 when either side
// does not vary (r is undefined then).
func pearson(xs, ys []float64) float64 {
	mx, my := sum(xs)/float64(len(xs)), sum(ys)/float64(len(ys))
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	sx, sy := math.Sqrt(sxx), math.Sqrt(syy)
	if sx == 0 || sy == 0 {
		return 0
	}
	return sxy / (sx * sy)
}

// misses picks up to k items per off-diagonal cell, in input order, and
// returns them cell by cell in matrix order: deterministic, and every kind
// of error shows up however rare it is. cell gives an item's row and column.
func misses(pairs []Pair, pred func(Pair) string, cell func(Pair) [2]int, k int) []Miss {
	if k <= 0 {
		return nil
	}
	byCell := map[[2]int][]Miss{}
	var cells [][2]int
	for _, p := range pairs {
		l := pred(p)
		if l == p.Gold {
			continue
		}
		m := Miss{ID: p.ID, Text: p.Text, Gold: p.Gold, Pred: l, Score: p.Score}
		if l == "" {
			m.Pred, m.Score = None, math.NaN()
		}
		c := cell(p)
		if _, seen := byCell[c]; !seen {
			cells = append(cells, c)
		}
		if len(byCell[c]) < k {
			byCell[c] = append(byCell[c], m)
		}
	}
	slices.SortFunc(cells, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	var out []Miss
	for _, c := range cells {
		out = append(out, byCell[c]...)
	}
	return out
}

// Round4 rounds x to 4 decimals the way Python's round(x, 4) does: the
// decimal closest to the exact binary value, ties to even. (math.Round on
// x*1e4 differs for values like 0.00015, whose product is inexact.)
func Round4(x float64) float64 {
	if !finite(x) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

// HasSignAccuracy reports whether SignAccuracy applies.
func (r *Report) HasSignAccuracy() bool { return !math.IsNaN(r.SignAccuracy) }

// HasPearsonR reports whether PearsonR applies.
func (r *Report) HasPearsonR() bool { return !math.IsNaN(r.PearsonR) }

// Summary is the one-line header of the text report: the figures score.py
// prints, under its key names, plus the majority class and the difference
// between accuracy and the baseline.
func (r *Report) Summary() string {
	var b strings.Builder
	if r.Name != "" {
		b.WriteString(r.Name + ": ")
	}
	fmt.Fprintf(&b, "n=%d coverage=%.4f accuracy=%.4f macro_f1=%.4f weighted_f1=%.4f majority_baseline=%.4f",
		r.N, r.Coverage, r.Accuracy, r.MacroF1, r.WeightedF1, r.MajorityBaseline)
	if r.MajorityClass != "" {
		fmt.Fprintf(&b, " (%s)", r.MajorityClass)
	}
	// Rounded before subtracting, so that the difference agrees with the
	// two figures printed beside it.
	fmt.Fprintf(&b, " vs_majority=%+.4f", Round4(r.Accuracy)-Round4(r.MajorityBaseline))
	if r.HasSignAccuracy() {
		fmt.Fprintf(&b, " binary_sign_accuracy=%.4f", r.SignAccuracy)
	}
	if r.HasPearsonR() {
		fmt.Fprintf(&b, " pearson_r=%.4f", r.PearsonR)
	}
	return b.String()
}

// maxMissText is the number of characters of a text shown in a miss.
const maxMissText = 120

// WriteText prints the report: the summary line, the per-class table, the
// confusion matrix and the misses, if any.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	b.WriteString(r.Summary() + "\n")
	if r.N == 0 {
		_, err := io.WriteString(w, b.String())
		return err
	}

	b.WriteString("\n")
	t := [][]string{{"class", "precision", "recall", "f1", "support", "predicted"}}
	for _, c := range r.PerClass {
		t = append(t, []string{c.Class, f4(c.Precision), f4(c.Recall), f4(c.F1), strconv.Itoa(c.Support), strconv.Itoa(c.Predicted)})
	}
	WriteTable(&b, t, "lrrrrr")

	b.WriteString("\nconfusion (rows: gold, columns: predicted)\n")
	t = [][]string{append([]string{""}, r.Confusion.Pred...)}
	for i, g := range r.Confusion.Gold {
		row := []string{g}
		for _, n := range r.Confusion.Counts[i] {
			row = append(row, strconv.Itoa(n))
		}
		t = append(t, row)
	}
	WriteTable(&b, t, "l"+strings.Repeat("r", len(r.Confusion.Pred)))

	if len(r.Misses) > 0 {
		fmt.Fprintf(&b, "\nmisses (up to %d per gold/predicted pair, in input order)\n", r.MissesPerCell)
		t = [][]string{{"id", "gold", "predicted", "score", "text"}}
		for _, m := range r.Misses {
			score := "-"
			if finite(m.Score) {
				score = fmt.Sprintf("%+.4f", m.Score)
			}
			t = append(t, []string{m.ID, m.Gold, m.Pred, score, cut(m.Text, maxMissText)})
		}
		WriteTable(&b, t, "lllrl")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func f4(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// WriteTable aligns columns; align has one letter per column, 'l' or 'r'.
// Trailing blanks are dropped, so a last left-aligned column of free text
// is not padded.
func WriteTable(b *strings.Builder, rows [][]string, align string) {
	width := make([]int, len(align))
	for _, row := range rows {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		for i, c := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if align[i] == 'r' {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// cut returns s on one line, at most n characters long.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// jsonReport is the JSON form: score.py's keys in score.py's order, then
// what score.py does not print.
type jsonReport struct {
	Name               string               `json:"name,omitempty"`
	N                  int                  `json:"n"`
	Coverage           float64              `json:"coverage"`
	Accuracy           float64              `json:"accuracy"`
	MacroF1            float64              `json:"macro_f1"`
	WeightedF1         float64              `json:"weighted_f1"`
	MajorityBaseline   float64              `json:"majority_baseline"`
	Classes            []string             `json:"classes"`
	BinarySignAccuracy *float64             `json:"binary_sign_accuracy,omitempty"`
	PearsonR           *float64             `json:"pearson_r,omitempty"`
	MajorityClass      string               `json:"majority_class"`
	PerClass           map[string]jsonClass `json:"per_class"`
	Confusion          jsonConfusion        `json:"confusion"`
	Misses             []jsonMiss           `json:"misses,omitempty"`
}

type jsonClass struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
}

type jsonConfusion struct {
	Gold      []string `json:"gold"`
	Predicted []string `json:"predicted"`
	Counts    [][]int  `json:"counts"`
}

type jsonMiss struct {
	ID        string   `json:"id"`
	Gold      string   `json:"gold"`
	Predicted string   `json:"predicted"`
	Score     *float64 `json:"score"`
	Text      string   `json:"text"`
}

// JSON returns the report as one JSON object (no line break): the keys and
// values of score.py --json, rounded alike, then majority_class, per_class,
// confusion and, when asked for, misses (with the whole text).
func (r *Report) JSON() ([]byte, error) {
	j := jsonReport{
		Name:             r.Name,
		N:                r.N,
		Coverage:         Round4(r.Coverage),
		Accuracy:         Round4(r.Accuracy),
		MacroF1:          Round4(r.MacroF1),
		WeightedF1:       Round4(r.WeightedF1),
		MajorityBaseline: Round4(r.MajorityBaseline),
		Classes:          r.Classes,
		MajorityClass:    r.MajorityClass,
		PerClass:         make(map[string]jsonClass, len(r.PerClass)),
		Confusion:        jsonConfusion{Gold: r.Confusion.Gold, Predicted: r.Confusion.Pred, Counts: r.Confusion.Counts},
	}
	if j.Classes == nil {
		j.Classes = []string{}
	}
	if j.Confusion.Gold == nil {
		j.Confusion = jsonConfusion{Gold: []string{}, Predicted: []string{}, Counts: [][]int{}}
	}
	if r.HasSignAccuracy() {
		v := Round4(r.SignAccuracy)
		j.BinarySignAccuracy = &v
	}
	if r.HasPearsonR() {
		v := Round4(r.PearsonR)
		j.PearsonR = &v
	}
	for _, c := range r.PerClass {
		j.PerClass[c.Class] = jsonClass{Round4(c.Precision), Round4(c.Recall), Round4(c.F1), c.Support, c.Predicted}
	}
	for _, m := range r.Misses {
		jm := jsonMiss{ID: m.ID, Gold: m.Gold, Predicted: m.Pred, Text: m.Text}
		if finite(m.Score) {
			v := Round4(m.Score)
			jm.Score = &v
		}
		j.Misses = append(j.Misses, jm)
	}
	return json.Marshal(j)
}
