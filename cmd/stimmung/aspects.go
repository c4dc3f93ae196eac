package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/metrics"
)

// evalAspects runs the pipeline on each gold file and scores the themes
// against the gold aspects.
func evalAspects(cfg *configs.Config, s Streams, args []string, asJSON bool, nMisses int) error {
	p, err := pipeline.Build(cfg)
	if err != nil {
		return err
	}
	if !slices.Contains(p.Names(), "themes") {
		return usageError{fmt.Errorf("--aspects needs the themes stage in the pipeline")}
	}
	rep := newReporter(s.Err, false, false, 0)
	var bad []string
	for i, name := range args {
		a := &aspectSet{name: name}
		src := &inputChain{names: []string{name}, opts: pipeline.ReadOptions(cfg), rep: rep}
		_, err := p.Run(context.Background(), src.next, a, pipeline.RunOptions{Workers: cfg.Workers})
		src.close()
		if err != nil {
			if exitCode(err) == ExitUsage {
				err = ioError{err}
			}
			return err
		}
		if len(a.problems) > 0 {
			for j, m := range a.problems {
				if j == maxGoldProblems {
					fmt.Fprintf(s.Err, "stimmung: %s: %d more unusable lines\n", name, len(a.problems)-j)
					break
				}
				fmt.Fprintf(s.Err, "stimmung: %s\n", m)
			}
			bad = append(bad, name)
			continue
		}
		r := metrics.ComputeAspects(a.docs, nMisses)
		r.Name = name
		if asJSON {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if _, err := s.Out.Write(append(b, '\n')); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(s.Out)
		}
		if err := r.WriteText(s.Out); err != nil {
			return err
		}
	}
	if len(bad) > 0 {
		return ioError{fmt.Errorf("no report for %s: unusable gold lines", strings.Join(bad, ", "))}
	}
	return nil
}

// aspectSet is the pipeline's writer in --aspects mode: it collects each
// record's gold aspects and predicted themes, in input order.
type aspectSet struct {
	name     string
	docs     []metrics.AspectDoc
	problems []string
}

func (a *aspectSet) Flush() error { return nil }

func (a *aspectSet) Write(r *models.Record) error {
	raw := r.Field("aspects")
	if raw == nil {
		msg := `no "aspects" field`
		if r.Err != nil && r.Err.Stage == "read" {
			msg = r.Err.Message
		}
		a.problems = append(a.problems, fmt.Sprintf("%s:%d: %s", a.name, r.Line, msg))
		return nil
	}
	var gold []struct {
		Category string `json:"category"`
		Polarity string `json:"polarity"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		a.problems = append(a.problems, fmt.Sprintf(`%s:%d: "aspects": want a list of {"category", "polarity"}`, a.name, r.Line))
		return nil
	}
	d := metrics.AspectDoc{ID: r.ID, Text: r.Original}
	for _, g := range gold {
		d.Gold = append(d.Gold, metrics.Aspect{Category: g.Category, Polarity: g.Polarity})
	}
	for _, th := range r.Themes {
		pol := th.Label
		if pol == models.Mixed {
			pol = models.Neutral
		}
		d.Pred = append(d.Pred, metrics.Aspect{Category: th.Name, Polarity: pol})
	}
	a.docs = append(a.docs, d)
	return nil
}
