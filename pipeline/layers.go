package pipeline

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline/sentiment"
)

// ErrNoSentimentStage: the configuration has no (enabled) sentiment stage
// to add a lexicon layer to.
var ErrNoSentimentStage = errors.New("the pipeline has no sentiment stage")

// LexiconFile is one user lexicon file for WithLexicons: the entries of
// the sentiment stage's lexicons option.
type LexiconFile struct {
	Path string
	// Lang is "de" or "en".
	Lang string
	// Kind is "" (polarity), "phrase", ...; Mode "" (merge) or "replace".
	Kind, Mode string
	// From names where the file was given ("--lexicon"), for its errors.
	From string
}

// WithLexicons returns a copy of cfg whose sentiment stage layers files
// after the lexicons it already names (command-line --lexicon, and the
// layers `lexicon learn` fits through). cfg itself is not changed. A
// relative path is taken as it is: with a configuration file it would be
// relative to that file's folder, so callers pass absolute paths then.
func WithLexicons(cfg *configs.Config, files ...LexiconFile) (*configs.Config, error) {
	out := *cfg
	out.Pipeline.Stages = slices.Clone(cfg.Pipeline.Stages)
	for i, spec := range out.Pipeline.Stages {
		if spec.Name != "sentiment" || !spec.IsEnabled() {
			continue
		}
		with := make(map[string]any, len(spec.With)+1)
		for k, v := range spec.With {
			with[k] = v
		}
		var list []any
		switch v := with["lexicons"].(type) {
		case nil:
		case []any:
			list = slices.Clone(v)
		case []map[string]any:
			for _, m := range v {
				list = append(list, m)
			}
		default:
			return nil, &configs.Error{Pos: spec.Pos, Key: fmt.Sprintf("pipeline.stages[%d].with.lexicons", i),
				Msg: fmt.Sprintf("bad value %v: want a list of {path, lang, kind, mode}", v)}
		}
		for _, f := range files {
			m := map[string]any{"path": f.Path, "lang": f.Lang}
			if f.From != "" {
				m["from"] = f.From
			}
			if f.Kind != "" {
				m["kind"] = f.Kind
			}
			if f.Mode != "" {
				m["mode"] = f.Mode
			}
			list = append(list, m)
		}
		with["lexicons"] = list
		spec.With = with
		out.Pipeline.Stages[i] = spec
		return &out, nil
	}
	return nil, ErrNoSentimentStage
}

// SentimentCuts returns the sums of contributions at which the sentiment
// stage of cfg labels a one-sentence comment in lang negative (at or below
// lo) and positive (at or above hi): its thresholds mapped back through
// sum/sqrt(sum²+alpha).
func SentimentCuts(cfg *configs.Config, lang string) (lo, hi float64, err error) {
	o := stageOptions(cfg, "sentiment")
	opts := sentimentOptions{Rules: sentiment.DefaultRules(), Packs: []string{}, Lexicons: []lexiconFile{}}
	if err := o.Decode(&opts); err != nil {
		return 0, 0, err
	}
	th, ok := opts.Thresholds[lang]
	if !ok || opts.Alpha <= 0 {
		return 0, 0, fmt.Errorf("sentiment: no thresholds for %q", lang)
	}
	inv := func(s float64) float64 {
		if s <= -1 || s >= 1 {
			return math.Copysign(math.Inf(1), s)
		}
		return math.Copysign(math.Sqrt(opts.Alpha*s*s/(1-s*s)), s)
	}
	return inv(th.Negative), inv(th.Positive), nil
}
