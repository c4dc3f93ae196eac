package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/signals"
	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
)

type signalsOptions struct {
	signals.Config `mapstructure:",squash"`
	// Taxonomy is the signals taxonomy file; empty means the built-in
	// configs/signals.yaml.
	Taxonomy string `mapstructure:"taxonomy"`
}

type signalsStage struct {
	opts signalsOptions
	c    *signals.Computer
	tx   *themes.Taxonomy
}

func newSignals(o *Options, _ Env) (Stage, error) {
	opts := signalsOptions{Config: signals.Defaults()}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	if key, msg := opts.Check(); key != "" {
		return nil, o.Errorf(key, "%s", msg)
	}
	var tx *themes.Taxonomy
	var err error
	if opts.Taxonomy == "" {
		tx, err = themes.Parse(configs.SignalsName, configs.SignalsYAML)
	} else {
		tx, err = themes.Load(opts.Taxonomy)
	}
	if err != nil {
		return nil, o.Errorf("taxonomy", "%v", err)
	}
	c, err := signals.New(opts.Config, themes.NewTagger(tx, text.Stem))
	if err != nil {
		return nil, o.Errorf("taxonomy", "%v", err)
	}
	return &signalsStage{opts: opts, c: c, tx: tx}, nil
}

func (*signalsStage) Name() string { return "signals" }

// config returns the decoded options (for the defaults test).
func (s *signalsStage) config() any { return s.opts }

// runsOnEmpty: a comment of "-" with an NPS of 2 is still a detractor to
// call back.
func (*signalsStage) runsOnEmpty() {}

func (s *signalsStage) Process(_ context.Context, r *models.Record) error {
	s.c.Compute(r)
	return nil
}

func (s *signalsStage) versions(v map[string]string) {
	v["signals"] = s.tx.Name + "@" + s.tx.Version
}
