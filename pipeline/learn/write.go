package learn

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/lexicons"
)

// WriteLayer writes the layer entries of kind (Polarity or Phrase) as a
// lexicon file that Parse reads: a header of "#" lines (the caller's lines,
// then what was fitted and how), then one entry a line, sorted by term and
// match, each with a trailing comment: the comments behind it and its prior
// weight. The output depends only on the data and the options.
func (r *Result) WriteLayer(w io.Writer, kind lexicons.Kind, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	scale := "fitted on the current lexicon"
	if !r.ScaleFitted {
		scale = "set"
	}
	fmt.Fprintf(bw, "# lang %s; method %s; prior strength %s comments; scale %s logit per lexicon unit (%s)\n",
		r.Lang, r.Method, fmtNum(r.Prior), strconv.FormatFloat(r.Scale, 'f', 3, 64), scale)
	fmt.Fprintf(bw, "# comments: %d positive, %d negative, %d neutral (neutral: %s); %d skipped\n",
		r.Positive, r.Negative, r.Neutral, r.NeutralMode, r.Skipped)
	es := r.Layer(kind)
	nNew := 0
	for _, e := range es {
		if e.New {
			nNew++
		}
	}
	fmt.Fprintf(bw, "# %d entries: %d new words (of %d candidates), %d changed lexicon entries\n", len(es), nNew, r.Candidates, len(es)-nNew)
	if kind == lexicons.Polarity {
		fmt.Fprintln(bw, "# term<TAB>weight<TAB>match<TAB># n=comments behind it, prior=weight before learning (new: not in the lexicon)")
	} else {
		fmt.Fprintln(bw, "# phrase<TAB>weight<TAB># n=comments behind it, prior=weight before learning")
	}
	for _, e := range es {
		note := fmt.Sprintf("# n=%d prior=%s", e.Comments, signed(e.Prior))
		if e.New {
			note += " new"
		}
		if kind == lexicons.Polarity {
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", e.Term, signed(e.Weight), e.Match, note)
		} else {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", e.Term, signed(e.Weight), note)
		}
	}
	return bw.Flush()
}

// signed prints a weight with two decimals and a sign ("+1.25", "0").
func signed(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	switch {
	case strings.Trim(s, "-0.") == "":
		return "0"
	case v > 0:
		return "+" + s
	}
	return s
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
