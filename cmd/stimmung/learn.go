package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/learn"
)

func newLexiconLearn(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "learn -o LAYER.tsv FILE...",
		Short: "Fit word weights from labelled or rated comments into a lexicon layer file",
		Long: `Fits polarity weights from comments with a label (positive, negative,
neutral; mixed and other labels are skipped) or a rating mapped to one, and
writes them as a lexicon layer: new words of the data and lexicon words whose
weight the data moved, each with the number of comments behind it and its
weight before learning. Use the layer with --lexicon LAYER.tsv:de (analyze,
explain, eval, index) or the sentiment stage's lexicons option.

The weights are fitted through the configured pipeline: its tokens, stems,
negation, boosters and contrast rules, so that a word seen as "nicht X" in
negative comments is learned as positive. A prior keeps each word near its
lexicon weight (new words near 0) unless enough comments say otherwise:
--prior is its strength in comments.

Methods: lr (default), a regularised cumulative-logit regression (negative <
neutral < positive, cut where the scorer's thresholds lie; with --neutral
ignore, or without neutral comments, logistic regression), fitted with gonum's
L-BFGS; logodds, the log-odds ratio with an informative Dirichlet prior
(Monroe et al. 2008) over positive and negative comments.

Ratings (--rating): nps (0-10: 0-6 negative, 7-8 neutral, 9-10 positive),
csat and stars (1-5: 1-2 negative, 3 neutral, 4-5 positive); --negative and
--positive set other ranges, and a rating in no range is neutral. The rating
decides where a comment has one; otherwise its label does.

Exit codes: 0 layer written, 1 usage, 2 configuration, 4 I/O or too few
usable comments.`,
		Example: `  stimmung lexicon learn --lang de -o learned_de.tsv labelled.jsonl
  stimmung lexicon learn --rating nps --rating-field nps_score -o nps_de.tsv survey.csv
  stimmung lexicon learn --rating stars --negative 1-2 --positive 5 -o reviews.tsv reviews.jsonl
  stimmung analyze --lexicon learned_de.tsv:de comments.jsonl`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("learn needs at least one file of labelled comments")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return lexiconLearn(cmd, s, args) },
	}
	fs := cmd.Flags()
	addConfigFlags(fs)
	for _, name := range []string{"max-errors", "format", "debug", "explain", "themes"} {
		_ = fs.MarkHidden(name)
	}
	fs.Lookup("lang").Usage = "language of the layer, de or en (default: the language most comments are in); also the language of texts too short to detect"
	fs.StringP("output", "o", "", "write the layer to FILE (- for stdout)")
	fs.String("phrases-out", "", "also fit the lexicon's phrases and write their layer to FILE (kind phrase)")
	addLearnFlags(fs)
	fs.BoolP("quiet", "q", false, "no summary on stderr")
	return cmd
}

// addLearnFlags adds the flags that choose the labels and the fit (for
// lexicon learn and eval --learn).
func addLearnFlags(fs *pflag.FlagSet) {
	fs.String("label-field", "label", "field with the label: positive, negative or neutral (others are skipped)")
	fs.String("rating", "", "map a rating to the label: nps, csat or stars")
	fs.String("rating-field", "", "field with the rating (default: nps, csat, or rating for stars)")
	fs.String("negative", "", "ratings that mean negative, e.g. 0-6 or 1-2 (default by --rating)")
	fs.String("positive", "", "ratings that mean positive, e.g. 9-10 or 4-5 (default by --rating)")
	fs.Int("min-count", 5, "a new word needs this many comments")
	fs.Float64("prior", 50, "strength of the prior (the current lexicon weight, 0 for a new word), in comments")
	fs.String("method", learn.LR, "lr (regularised logistic regression) or logodds (log-odds with an informative Dirichlet prior)")
	fs.Float64("scale", 0, "logit of one lexicon unit (0: fit it on the current lexicon)")
	fs.String("neutral", learn.Ordinal, "neutral comments: ordinal (between negative and positive; lr only) or ignore")
	fs.Int("passes", 2, "1, or 2 to refit with only the words kept")
}

// learnSettings reads the flags of addLearnFlags.
func learnSettings(cmd *cobra.Command) (labelRule, learn.Options, error) {
	fs := cmd.Flags()
	var o learn.Options
	rule := labelRule{}
	rule.field, _ = fs.GetString("label-field")
	rule.rating, _ = fs.GetString("rating")
	rule.ratingField, _ = fs.GetString("rating-field")
	negs, _ := fs.GetString("negative")
	poss, _ := fs.GetString("positive")
	if err := rule.setRanges(negs, poss); err != nil {
		return rule, o, usageError{err}
	}
	o.MinCount, _ = fs.GetInt("min-count")
	o.Prior, _ = fs.GetFloat64("prior")
	o.Method, _ = fs.GetString("method")
	o.Scale, _ = fs.GetFloat64("scale")
	o.Neutral, _ = fs.GetString("neutral")
	o.Passes, _ = fs.GetInt("passes")
	switch {
	case o.MinCount < 1:
		return rule, o, usageError{fmt.Errorf("--min-count %d: want 1 or more", o.MinCount)}
	case o.Prior <= 0:
		return rule, o, usageError{fmt.Errorf("--prior %v: want a positive number of comments", o.Prior)}
	case o.Method != learn.LR && o.Method != learn.LogOdds:
		return rule, o, usageError{fmt.Errorf("--method %q: want lr or logodds", o.Method)}
	case o.Scale < 0:
		return rule, o, usageError{fmt.Errorf("--scale %v: want a positive number, or 0 to fit it", o.Scale)}
	case o.Neutral != learn.Ordinal && o.Neutral != learn.Ignore:
		return rule, o, usageError{fmt.Errorf("--neutral %q: want ordinal or ignore", o.Neutral)}
	case o.Passes != 1 && o.Passes != 2:
		return rule, o, usageError{fmt.Errorf("--passes %d: want 1 or 2", o.Passes)}
	}
	return rule, o, nil
}

func lexiconLearn(cmd *cobra.Command, s Streams, args []string) error {
	cfg, err := loadConfig(cmd, s, cmd.Flags())
	if err != nil {
		return err
	}
	rule, o, err := learnSettings(cmd)
	if err != nil {
		return err
	}
	out, _ := cmd.Flags().GetString("output")
	if out == "" {
		return usageError{errors.New("learn: -o FILE is required (- for stdout)")}
	}
	phrasesOut, _ := cmd.Flags().GetString("phrases-out")
	o.Phrases = phrasesOut != ""
	if cmd.Flags().Changed("lang") {
		o.Lang = cfg.DefaultLang
	}
	o.Workers = cfg.Workers
	quiet, _ := cmd.Flags().GetBool("quiet")
	inputs, _, err := checkInputs(args)
	if err != nil {
		return err
	}
	if err := checkOutput("output", out, inputs, s.In); err != nil {
		return err
	}
	if err := checkOutput("phrases-out", phrasesOut, inputs, s.In); err != nil {
		return err
	}

	start := time.Now()
	exs, skipped, err := readExamples(cfg, args, s, rule)
	if err != nil {
		return err
	}
	read := time.Since(start)
	res, err := learn.Learn(context.Background(), cfg, exs, o)
	if err != nil {
		var ce *configs.Error
		if errors.As(err, &ce) {
			return err
		}
		return ioError{fmt.Errorf("learn: %w", err)}
	}
	bases := make([]string, len(args))
	for i, a := range args {
		bases[i] = filepath.Base(a)
	}
	header := []string{
		fmt.Sprintf("Polarity weights learned by `stimmung lexicon learn` (stimmung %s) from %s.", Version, strings.Join(bases, ", ")),
		fmt.Sprintf("Layer it over the built-in lexicon: stimmung analyze --lexicon FILE:%s, or the sentiment stage's lexicons option.", res.Lang),
	}
	if err := writeLayer(out, s.Out, res, lexicons.Polarity, header); err != nil {
		return err
	}
	if phrasesOut != "" {
		header[0] = strings.Replace(header[0], "Polarity weights", "Phrase weights", 1)
		header[1] = fmt.Sprintf("Layer it over the built-in lexicon: stimmung analyze --lexicon FILE:%s:phrase.", res.Lang)
		if err := writeLayer(phrasesOut, s.Out, res, lexicons.Phrase, header); err != nil {
			return err
		}
	}
	if !quiet {
		words := res.Layer(lexicons.Polarity)
		nNew := 0
		for _, e := range words {
			if e.New {
				nNew++
			}
		}
		fmt.Fprintf(s.Err, "stimmung: learned %s weights (%s) from %d comments (%d positive, %d negative, %d neutral; %d skipped here, %d unlabelled): %d new words of %d candidates, %d lexicon entries changed; scale %.3f; %s (reading %s)\n",
			res.Lang, res.Method, res.Positive+res.Negative+res.Neutral, res.Positive, res.Negative, res.Neutral, res.Skipped, skipped,
			nNew, res.Candidates, len(words)-nNew, res.Scale, time.Since(start).Round(time.Millisecond), read.Round(time.Millisecond))
	}
	return nil
}

func writeLayer(path string, stdout io.Writer, res *learn.Result, kind lexicons.Kind, header []string) error {
	if path == "-" {
		return res.WriteLayer(stdout, kind, header)
	}
	f, err := createOutput(path)
	if err != nil {
		return ioError{fmt.Errorf("output: %w", err)}
	}
	defer f.abort()
	if err := res.WriteLayer(f, kind, header); err != nil {
		return ioError{fmt.Errorf("output: %w", err)}
	}
	if err := f.commit(); err != nil {
		return ioError{fmt.Errorf("output: %w", err)}
	}
	return nil
}

// readExamples reads the comments of the files (any input format) and
// their class by rule; skipped counts records without a usable class or
// text, or that could not be read.
func readExamples(cfg *configs.Config, names []string, s Streams, rule labelRule) ([]learn.Example, int, error) {
	rep := newReporter(s.Err, true, true, 0)
	src := &inputChain{names: names, stdin: s.In, opts: pipeline.ReadOptions(cfg), rep: rep}
	defer src.close()
	var exs []learn.Example
	skipped := 0
	for {
		r, err := src.next()
		if err == io.EOF {
			return exs, skipped, nil
		}
		if err != nil {
			return nil, 0, err
		}
		class, ok := rule.class(r)
		if !ok || r.Err != nil || !r.Analysed() {
			skipped++
			continue
		}
		id := r.ID
		if id == "" {
			id = pipeline.DefaultID(r)
		}
		exs = append(exs, learn.Example{ID: id, Text: r.Original, Lang: r.Lang, Class: class})
	}
}

// labelRule turns a record's label or rating into a class.
type labelRule struct {
	field       string
	rating      string
	ratingField string
	// neg and pos are inclusive ranges of ratings; lo and hi the scale.
	neg, pos [2]float64
	lo, hi   float64
}

func (l *labelRule) setRanges(negs, poss string) error {
	switch l.rating {
	case "":
		if negs != "" || poss != "" {
			return errors.New("--negative and --positive need --rating")
		}
		return nil
	case "nps":
		l.neg, l.pos, l.lo, l.hi = [2]float64{0, 6}, [2]float64{9, 10}, 0, 10
	case "csat", "stars":
		l.neg, l.pos, l.lo, l.hi = [2]float64{1, 2}, [2]float64{4, 5}, 1, 5
	default:
		return fmt.Errorf("--rating %q: want nps, csat or stars", l.rating)
	}
	if l.ratingField == "" {
		l.ratingField = map[string]string{"nps": "nps", "csat": "csat", "stars": "rating"}[l.rating]
	}
	var err error
	if negs != "" {
		if l.neg, err = parseRange(negs); err != nil {
			return fmt.Errorf("--negative: %w", err)
		}
	}
	if poss != "" {
		if l.pos, err = parseRange(poss); err != nil {
			return fmt.Errorf("--positive: %w", err)
		}
	}
	l.lo = min(l.lo, l.neg[0], l.pos[0])
	l.hi = max(l.hi, l.neg[1], l.pos[1])
	if l.neg[0] <= l.pos[1] && l.pos[0] <= l.neg[1] {
		return fmt.Errorf("--negative %v-%v and --positive %v-%v overlap", l.neg[0], l.neg[1], l.pos[0], l.pos[1])
	}
	return nil
}

// parseRange reads "4-5", "5" or "-1-0".
func parseRange(s string) ([2]float64, error) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, "-")
	if i > 0 && s[i-1] == '-' { // "-3--1"
		i--
	}
	a, b := s, s
	if i > 0 {
		a, b = s[:i], s[i+1:]
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil || x > y {
		return [2]float64{}, fmt.Errorf("%q: want a range such as 0-6 or a number", s)
	}
	return [2]float64{x, y}, nil
}

// class returns the record's class: from its rating when the rule maps
// one and the record has it, else from its label.
func (l *labelRule) class(r *models.Record) (int, bool) {
	if l.rating != "" {
		if v, ok := numberField(r.Field(l.ratingField)); ok {
			switch {
			case v < l.lo || v > l.hi:
				return 0, false
			case v >= l.neg[0] && v <= l.neg[1]:
				return learn.Negative, true
			case v >= l.pos[0] && v <= l.pos[1]:
				return learn.Positive, true
			}
			return learn.Neutral, true
		}
	}
	var label string
	if raw := r.Field(l.field); raw == nil || json.Unmarshal(raw, &label) != nil {
		return 0, false
	}
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "positive", "positiv", "pos":
		return learn.Positive, true
	case "negative", "negativ", "neg":
		return learn.Negative, true
	case "neutral", "neu":
		return learn.Neutral, true
	}
	return 0, false
}

// numberField reads a JSON number or a string holding one (a CSV cell,
// with a decimal comma too), with models.ParseRating.
func numberField(raw json.RawMessage) (float64, bool) {
	r := models.ParseRating(raw)
	return r.Value, r.Valid
}
