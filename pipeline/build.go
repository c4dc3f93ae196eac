package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
)

// Pipeline is a built chain of stages.
type Pipeline struct {
	stages []builtStage
}

type builtStage struct {
	Stage
	onEmpty bool
}

// Build constructs the enabled stages of cfg in the configured order. Every
// option is checked before any data is read; an error names the stage or
// option path and its place in the configuration file. A stage's needs
// must be provided by a stage before it (the stage table).
func Build(cfg *configs.Config) (*Pipeline, error) {
	env := &Env{DefaultLang: cfg.DefaultLang, Explain: cfg.Output.Explain, Themes: cfg.Themes}
	cues, err := signalCues(cfg)
	if err != nil {
		return nil, err
	}
	env.Cues = cues
	p := &Pipeline{}
	var ran []stageDef
	for i, spec := range cfg.Pipeline.Stages {
		o := &Options{spec: spec, index: i}
		def, ok := lookupStage(spec.Name)
		if !ok {
			names := make([]string, len(table))
			for j, d := range table {
				names[j] = d.name
			}
			return nil, &configs.Error{Pos: spec.Pos, Key: o.path("") + ".name",
				Msg: fmt.Sprintf("unknown stage %q (stages: %s)", spec.Name, strings.Join(names, ", "))}
		}
		if spec.IsEnabled() && slices.ContainsFunc(ran, func(d stageDef) bool { return d.name == spec.Name }) {
			return nil, o.Errorf("", "stage %s is listed twice", spec.Name)
		}
		if !spec.IsEnabled() {
			continue
		}
		if msg := checkNeeds(def, ran); msg != "" {
			return nil, o.Errorf("", "%s", msg)
		}
		st, err := def.build(o, env)
		if err != nil {
			return nil, err
		}
		p.stages = append(p.stages, builtStage{Stage: st, onEmpty: def.onEmpty})
		ran = append(ran, def)
	}
	return p, nil
}

// Names lists the built stages in order.
func (p *Pipeline) Names() []string {
	out := make([]string, len(p.stages))
	for i, s := range p.stages {
		out[i] = s.Name()
	}
	return out
}

// Process runs every stage on r. A stage's error or panic marks the record
// as failed and stops its processing; it never ends the run. What the
// stages hand each other about r is in n afterwards (see RunOptions.Notes).
func (p *Pipeline) Process(ctx context.Context, r *models.Record, n *Notes) {
	for _, s := range p.stages {
		if r.Err != nil {
			return
		}
		if !r.Analysed() && !s.onEmpty {
			continue
		}
		if err := safeProcess(ctx, s.Stage, r, n); err != nil {
			r.Err = &models.RecordError{Stage: s.Name(), Message: err.Error()}
			return
		}
	}
}

func safeProcess(ctx context.Context, s Stage, r *models.Record, n *Notes) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error, please report it: %v", v)
		}
	}()
	return s.Process(ctx, r, n)
}

// versioned stages name the versions of what they annotate with.
type versioned interface{ versions(v map[string]string) }

// Versions names what the built stages annotate with: the sentiment
// engine, each lexicon, the theme and signal taxonomies. An index records
// them, so that results of different versions are not mixed unknowingly.
func (p *Pipeline) Versions() map[string]string {
	v := map[string]string{"stages": strings.Join(p.Names(), ",")}
	for _, s := range p.stages {
		if vs, ok := s.Stage.(versioned); ok {
			vs.versions(v)
		}
	}
	return v
}
