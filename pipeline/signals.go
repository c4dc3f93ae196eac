package pipeline

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/sentiment"
	"github.com/stimmung/stimmung/pipeline/signals"
	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
)

type signalsStage struct {
	opts signals.Config
	c    *signals.Computer
	tx   *themes.Taxonomy
	cues *cueTagger
}

func newSignals(o *Options, env *Env) (Stage, error) {
	opts := signals.Defaults()
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	if key, msg := opts.Check(); key != "" {
		return nil, o.Errorf(key, "%s", msg)
	}
	cues := env.Cues
	if cues == nil {
		var err error
		if cues, err = newCueTagger(""); err != nil {
			return nil, err
		}
	}
	c, err := signals.New(opts, cues.tagger)
	if err != nil {
		return nil, configs.Wrap(configs.Pos{}, "signals", err)
	}
	return &signalsStage{opts: opts, c: c, tx: cues.tx, cues: cues}, nil
}

// cueTagger tags the signals taxonomy. The signals stage turns its
// mentions into effort, urgency and churn; the sentiment stage turns those
// with a sentiment weight into implicit complaints (sentiment.Cue). Build
// makes one for both, from the top-level key signals: the taxonomy is an
// input of two stages, so no stage owns it.
type cueTagger struct {
	tx     *themes.Taxonomy
	tagger *themes.Tagger
	// source is, per theme, "file:line" for explain.
	source []string
}

// newCueTagger loads the signals taxonomy at path ("" = built-in).
func newCueTagger(path string) (*cueTagger, error) {
	var tx *themes.Taxonomy
	var err error
	if path == "" {
		tx, err = themes.Parse(configs.SignalsName, configs.SignalsYAML)
	} else {
		tx, err = themes.Load(path)
	}
	if err != nil {
		return nil, configs.Wrap(configs.Pos{}, "signals", err)
	}
	c := &cueTagger{tx: tx, tagger: themes.NewTagger(tx, text.Stem), source: make([]string, len(tx.Themes))}
	for i, th := range tx.Themes {
		c.source[i] = fmt.Sprintf("%s:%d", filepath.Base(tx.Source), th.Line)
	}
	return c, nil
}

// signalCues builds the cue tagger from the configuration's signals
// taxonomy (the built-in one when it names none).
func signalCues(cfg *configs.Config) (*cueTagger, error) {
	return newCueTagger(cfg.Signals)
}

// cues appends the record's implicit complaints to dst: the mentions of
// themes with a sentiment weight, those after an absence word marked
// negated.
func (c *cueTagger) cues(n *Notes, r *models.Record, dst []sentiment.Cue) []sentiment.Cue {
	for _, m := range n.signalMentions(c, r) {
		th := c.tx.Themes[m.Theme]
		if th.Sentiment == 0 {
			continue
		}
		dst = append(dst, sentiment.Cue{First: m.First, Last: m.Last, Weight: th.Sentiment, Negated: m.Negated,
			Name: th.Path, Source: c.source[m.Theme]})
	}
	return dst
}

func (*signalsStage) Name() string { return "signals" }

// config returns the decoded options (for the defaults test).
func (s *signalsStage) config() any { return s.opts }

func (s *signalsStage) Process(_ context.Context, r *models.Record, n *Notes) error {
	var ms []models.ThemeMention
	if r.Analysed() && len(r.Tokens) > 0 {
		ms = n.signalMentions(s.cues, r)
	}
	s.c.Compute(r, ms)
	return nil
}

func (s *signalsStage) versions(v map[string]string) {
	v["signals"] = s.tx.Name + "@" + s.tx.Version
}
