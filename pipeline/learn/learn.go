package learn

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline"
)

// Methods.
const (
	LR      = "lr"
	LogOdds = "logodds"
)

// How neutral comments enter the fit.
const (
	// Ordinal puts neutral comments between negative and positive (lr
	// only): a word common in neutral comments is pulled towards 0.
	Ordinal = "ordinal"
	// Ignore leaves neutral comments out.
	Ignore = "ignore"
)

// Classes of a training comment.
const (
	Negative = -1
	Neutral  = 0
	Positive = 1
)

// Example is one training comment.
type Example struct {
	ID   string
	Text string
	// Lang is "de" or "en", or "" to let the pipeline detect it.
	Lang string
	// Class is Negative, Neutral or Positive.
	Class int
}

// Options configure Learn. The zero value of each field means its default.
type Options struct {
	// Lang is the language of the layer ("de" or "en"); "" means the
	// language most examples are in. Examples in another language are
	// skipped.
	Lang string
	// Method is LR (default) or LogOdds.
	Method string
	// MinCount is the number of comments a new word needs to be fitted
	// (default 5).
	MinCount int
	// Prior is the strength of the prior, in comments (default 50).
	Prior float64
	// Scale is the logit of one lexicon unit; 0 fits it on the current
	// lexicon.
	Scale float64
	// Neutral is Ordinal (default) or Ignore.
	Neutral string
	// Passes is 1 or 2 (default): see the package documentation.
	Passes int
	// Phrases also fits the weights of the lexicon's phrases (written to a
	// phrase layer of their own); otherwise phrases keep their weights.
	Phrases bool
	// MinWeight is the smallest |weight| of a new word that enters the
	// layer (default 0.1); an existing entry enters when its weight moved
	// by at least 0.05.
	MinWeight float64
	// Workers run the pipeline (0: one per CPU core).
	Workers int
}

func (o *Options) defaults() error {
	if o.Method == "" {
		o.Method = LR
	}
	if o.Method != LR && o.Method != LogOdds {
		return fmt.Errorf("method %q: want lr or logodds", o.Method)
	}
	if o.MinCount == 0 {
		o.MinCount = 5
	}
	if o.MinCount < 1 {
		return fmt.Errorf("min count %d: want 1 or more", o.MinCount)
	}
	if o.Prior == 0 {
		o.Prior = 50
	}
	if o.Prior < 0 || math.IsNaN(o.Prior) || math.IsInf(o.Prior, 0) {
		return fmt.Errorf("prior %v: want a positive number of comments", o.Prior)
	}
	if o.Scale < 0 || math.IsNaN(o.Scale) || math.IsInf(o.Scale, 0) {
		return fmt.Errorf("scale %v: want a positive number (0 fits it)", o.Scale)
	}
	if o.Neutral == "" {
		o.Neutral = Ordinal
	}
	if o.Neutral != Ordinal && o.Neutral != Ignore {
		return fmt.Errorf("neutral %q: want ordinal or ignore", o.Neutral)
	}
	if o.Passes == 0 {
		o.Passes = 2
	}
	if o.Passes < 1 || o.Passes > 2 {
		return fmt.Errorf("passes %d: want 1 or 2", o.Passes)
	}
	if o.MinWeight == 0 {
		o.MinWeight = 0.1
	}
	if o.Lang != "" && o.Lang != "de" && o.Lang != "en" {
		return fmt.Errorf("lang %q: want de or en", o.Lang)
	}
	return nil
}

// Entry is one fitted weight.
type Entry struct {
	// Kind is lexicons.Polarity or lexicons.Phrase.
	Kind  lexicons.Kind
	Term  string
	Match lexicons.Match
	// Weight is the learned weight, Prior the weight before learning (the
	// lexicon's, 0 for a new word).
	Weight float64
	Prior  float64
	// Comments is the number of training comments it contributed to.
	Comments int
	// New is true for a word the lexicon did not score.
	New bool
	// Source is the lexicon line of the prior ("" for a new word).
	Source string
}

// Result is what Learn fitted.
type Result struct {
	Lang   string
	Method string
	// Scale is the logit of one lexicon unit; ScaleFitted says whether it
	// was fitted on the current lexicon.
	Scale       float64
	ScaleFitted bool
	Prior       float64
	// NeutralMode is Options.Neutral.
	NeutralMode string
	// CutLow and CutHigh are the scorer's label thresholds as sums of
	// contributions: the cut points of lr with neutral comments.
	CutLow, CutHigh float64
	// Positive, Negative and Neutral count the comments in the fit;
	// Skipped those in another language, empty or in no class.
	Positive, Negative, Neutral, Skipped int
	// Candidates is the number of new words fitted in the first pass.
	Candidates int
	// Entries are every fitted weight of the last pass, sorted by kind,
	// term and match; Layer picks those that go into the layer.
	Entries []Entry
	// MinWeight is Options.MinWeight.
	MinWeight float64
}

// Layer returns the entries of kind that belong in the layer file: new
// words of at least MinWeight, existing entries whose weight moved by at
// least 0.05. Weights are rounded to two decimals.
func (r *Result) Layer(kind lexicons.Kind) []Entry {
	var out []Entry
	for _, e := range r.Entries {
		if e.Kind != kind {
			continue
		}
		e.Weight = math.Round(e.Weight*100) / 100
		if e.New && math.Abs(e.Weight) < r.MinWeight {
			continue
		}
		if !e.New && math.Abs(e.Weight-e.Prior) < r.MinWeight {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Learn fits weights on the examples through the pipeline of cfg (its
// sentiment stage, rules and lexicon layers). cfg is not changed.
func Learn(ctx context.Context, cfg *configs.Config, examples []Example, o Options) (*Result, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	lexs, err := pipeline.Lexicons(cfg)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "stimmung-learn-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	// Pass 0: the pipeline as configured finds each comment's language
	// and the words the lexicon does not score.
	st, err := survey(ctx, cfg, examples, o.Workers)
	if err != nil {
		return nil, err
	}
	lang := o.Lang
	if lang == "" {
		lang = st.majorityLang()
	}
	lx := lexs[lang]
	if lx == nil {
		return nil, fmt.Errorf("no lexicon for language %q", lang)
	}
	use := make([]bool, len(examples))
	res := &Result{Lang: lang, Method: o.Method, Prior: o.Prior, NeutralMode: o.Neutral, MinWeight: o.MinWeight}
	for i, ex := range examples {
		ok := st.langs[i] == lang && st.analysed[i]
		switch {
		case !ok:
		case ex.Class == Positive:
			res.Positive++
		case ex.Class == Negative:
			res.Negative++
		case ex.Class == Neutral && o.Neutral == Ordinal && o.Method == LR:
			res.Neutral++
		default:
			ok = false
		}
		use[i] = ok
		if !ok {
			res.Skipped++
		}
	}
	if res.Positive == 0 || res.Negative == 0 {
		return nil, fmt.Errorf("%s: need positive and negative comments, have %d positive, %d negative", lang, res.Positive, res.Negative)
	}
	cands := st.candidates(lang, lx, res.Neutral > 0, o.MinCount)
	res.Candidates = len(cands)
	keys := lexiconKeys(lx, o.Phrases)
	for _, w := range cands {
		keys = append(keys, key{kind: lexicons.Polarity, term: w, unit: newUnit, isNew: true})
	}
	if res.CutLow, res.CutHigh, err = pipeline.SentimentCuts(cfg, lang); err != nil {
		return nil, err
	}

	var weights []float64
	var d *data
	for pass := 1; pass <= o.Passes; pass++ {
		if pass == 2 {
			keys = keep(keys, weights, o.MinWeight)
		}
		d, err = features(ctx, cfg, examples, use, lang, keys, dir, o.Workers)
		if err != nil {
			return nil, err
		}
		if pass == 1 {
			res.Scale, res.ScaleFitted = o.Scale, false
			if o.Scale == 0 {
				res.Scale, res.ScaleFitted = fitScale(d, keys, res.cuts()), true
			}
		}
		switch o.Method {
		case LR:
			weights, err = fitLR(d, keys, res.Scale, o.Prior, res.cuts())
		case LogOdds:
			weights = fitLogOdds(d, keys, res.Scale, o.Prior)
		}
		if err != nil {
			return nil, err
		}
	}
	counts := d.comments(len(keys))
	for k, ky := range keys {
		if ky.fixed {
			continue
		}
		res.Entries = append(res.Entries, Entry{Kind: ky.kind, Term: ky.term, Match: ky.match, Weight: weights[k],
			Prior: ky.prior, Comments: counts[k], New: ky.isNew, Source: ky.source})
	}
	slices.SortFunc(res.Entries, func(a, b Entry) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		if c := strings.Compare(a.Term, b.Term); c != 0 {
			return c
		}
		return int(a.Match) - int(b.Match)
	})
	return res, nil
}

// newUnit is the weight a new word carries in the feature layer of the
// first pass: about the size of a learned weight, so that additive rules
// (boosters, capitals) come out in proportion.
const newUnit = 1.5

// key is one weight to fit: a polarity entry (exact or stem) or a phrase.
type key struct {
	kind   lexicons.Kind
	term   string
	match  lexicons.Match
	prior  float64
	source string
	// unit is the weight the key carries in the feature layer; a
	// contribution's Final/unit is its multiplier.
	unit  float64
	isNew bool
	// fixed keys are written to the layer with weight 0 (a lexicon entry
	// that neutralizes a word) and are not fitted.
	fixed bool
}

// lexiconKeys lists the polarity entries (and phrases) of lx in a fixed
// order.
func lexiconKeys(lx *lexicons.Lexicon, phrases bool) []key {
	var keys []key
	add := func(kind lexicons.Kind, e lexicons.Entry) {
		k := key{kind: kind, term: e.Term, match: e.Match, prior: e.Weight, source: e.Source, unit: math.Abs(e.Weight)}
		if e.Weight == 0 {
			k.fixed = true
		}
		keys = append(keys, k)
	}
	for _, e := range lx.Words {
		add(lexicons.Polarity, e)
	}
	for _, e := range lx.Stems {
		add(lexicons.Polarity, e)
	}
	if phrases {
		for _, ps := range lx.Phrases {
			for _, e := range ps {
				add(lexicons.Phrase, e)
			}
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		if c := strings.Compare(a.term, b.term); c != 0 {
			return c
		}
		return int(a.match) - int(b.match)
	})
	return keys
}

// keep prepares the keys of pass 2: new words below minWeight leave, lexicon
// entries fitted to 0 become fixed zeros, and every unit becomes the size
// of the pass-1 weight.
func keep(keys []key, w []float64, minWeight float64) []key {
	var out []key
	for k, ky := range keys {
		if ky.fixed {
			out = append(out, ky)
			continue
		}
		r := math.Round(w[k]*100) / 100
		switch {
		case ky.isNew && math.Abs(r) < minWeight:
			continue
		case r == 0:
			ky.fixed, ky.unit = true, 0
		default:
			ky.unit = min(max(math.Abs(w[k]), 0.5), 4)
		}
		out = append(out, ky)
	}
	return out
}

// cuts are the cut points of the fit: the scorer's thresholds with neutral
// comments, 0 without.
func (r *Result) cuts() cuts {
	if r.Neutral > 0 && r.CutHigh > r.CutLow {
		return cuts{r.CutLow, r.CutHigh, true}
	}
	return cuts{}
}
