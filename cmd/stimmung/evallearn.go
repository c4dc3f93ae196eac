package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/evaluate"
	"github.com/stimmung/stimmung/pipeline/learn"
)

// addEvalLearnFlags adds eval's cross-validation flags: --learn, --folds
// and the flags of lexicon learn that choose the labels and the fit.
func addEvalLearnFlags(fs *pflag.FlagSet) {
	fs.Bool("learn", false, "cross-validate `lexicon learn` on each gold file: learn on k-1 folds, score the held-out fold with the learned layer, and compare with the plain pipeline")
	fs.Int("folds", 5, "number of folds for --learn")
	addLearnFlags(fs)
	fs.Lookup("label-field").Usage = "field with the label to learn from (the gold label is always \"label\")"
}

// evalLearnWanted reports whether eval should cross-validate learning.
func evalLearnWanted(cmd *cobra.Command) bool {
	on, _ := cmd.Flags().GetBool("learn")
	return on
}

// evalLearn runs k-fold cross-validation of lexicon learn on each gold file
// and prints, per file, the figures of the plain pipeline and of the
// pipeline with the layer learned on the other folds.
func evalLearn(cmd *cobra.Command, s Streams, cfg *configs.Config, args []string) error {
	folds, _ := cmd.Flags().GetInt("folds")
	if folds < 2 {
		return usageError{fmt.Errorf("--folds %d: want 2 or more", folds)}
	}
	if cmd.Flags().Changed("predictions") || cmd.Flags().Changed("aspects") {
		return usageError{errors.New("--learn runs the pipeline and scores sentiment: it does not take --predictions or --aspects")}
	}
	rule, o, err := learnSettings(cmd)
	if err != nil {
		return err
	}
	o.Workers = cfg.Workers
	asJSON, _ := cmd.Flags().GetBool("json")
	var results []*evaluate.CVResult
	for _, name := range args {
		res, err := crossValidate(cfg, name, s, rule, o, folds)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	if asJSON {
		return evaluate.WriteCVJSON(s.Out, results)
	}
	return evaluate.WriteCVText(s.Out, results)
}

// crossValidate reads the gold lines of the file name and cross-validates
// learning on them (evaluate.CrossValidate), with the learned layers in a
// temporary directory.
func crossValidate(cfg *configs.Config, name string, s Streams, rule labelRule, o learn.Options, folds int) (*evaluate.CVResult, error) {
	start := time.Now()
	items, err := readCVItems(cfg, name, s, rule)
	if err != nil {
		return nil, err
	}
	if len(items) < folds {
		return nil, ioError{fmt.Errorf("%s: %d gold lines for %d folds", name, len(items), folds)}
	}
	dir, err := os.MkdirTemp("", "stimmung-cv-")
	if err != nil {
		return nil, ioError{err}
	}
	defer os.RemoveAll(dir)
	res, err := evaluate.CrossValidate(cfg, name, items, evaluate.CVOptions{
		Folds: folds, Learn: o, Dir: dir,
		WriteLayer: func(path string, lr *learn.Result) error {
			return writeLayer(path, nil, lr, lexicons.Polarity, nil)
		},
	})
	if err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// readCVItems reads the gold lines of one file: a usable "label" each.
func readCVItems(cfg *configs.Config, name string, s Streams, rule labelRule) ([]evaluate.CVItem, error) {
	rep := newReporter(s.Err, true, true, 0)
	src := &inputChain{names: []string{name}, opts: pipeline.ReadOptions(cfg), rep: rep}
	defer src.close()
	var g evaluate.CVGold
	for {
		r, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		class, ok := rule.class(r)
		g.Add(r, class, ok)
	}
	if g.Unlabelled > 0 {
		fmt.Fprintf(s.Err, "stimmung: %s: %s without a usable label, left out of the cross-validation\n", name, cvPlural(g.Unlabelled))
	}
	return g.Items, nil
}

func cvPlural(n int) string {
	if n == 1 {
		return "1 line"
	}
	return fmt.Sprintf("%d lines", n)
}
