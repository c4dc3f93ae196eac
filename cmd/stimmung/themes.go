package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/discover"
	"github.com/stimmung/stimmung/pipeline/themes"
)

func newThemesCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "themes",
		Short: "Find what the theme taxonomy misses; check and list taxonomies",
	}
	cmd.AddCommand(newThemesSuggest(s), newThemesCheck(s), newThemesList(s))
	return cmd
}

func newThemesSuggest(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "suggest [flags] FILE...",
		Short: "Propose themes from the comments no theme matched, as a taxonomy snippet",
		Long: `Runs the configured pipeline over the inputs (as analyze does: FILEs, or
stdin without a FILE or with "-") and looks at the comments that no theme
matched (none, or only the fallback theme). It prints the coverage and, per
language, the candidates found in the most of those comments:

  words           stems of content words: 3 letters or more, no stop word,
                  no number, no sentiment word ("gut", "terrible")
  phrases         two adjacent content words
  compound heads  German: the head that several compounds share
                  (Lieferverzögerung, Paketverzögerung → verzögerung)
  noun phrases    English: adjective and noun runs ending in a noun, by
                  prose's part-of-speech tagger ("battery life")

Each candidate comes with its number of comments, their average sentiment
and examples. The YAML output is a taxonomy (name: suggestions) with one
theme per candidate: paste the themes you want into your taxonomy and run
analyze --themes with it. Comments without text and failed records are
skipped (and counted).`,
		Example: `  stimmung themes suggest comments.jsonl
  stimmung themes suggest --themes my-themes.yaml --min-count 5 --top 30 export.csv
  stimmung themes suggest --format json --examples 3 survey.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error { return themesSuggest(cmd, s, args) },
	}
	config := pflag.NewFlagSet("config", pflag.ContinueOnError)
	addConfigFlags(config)
	config.VisitAll(func(f *pflag.Flag) {
		if f.Name != "format" && f.Name != "debug" && f.Name != "explain" {
			cmd.Flags().AddFlag(f)
		}
	})
	cmd.Flags().StringP("format", "f", "yaml", "output format: yaml (a taxonomy snippet with comments) or json")
	cmd.Flags().Int("min-count", 3, "a candidate needs at least K untagged comments")
	cmd.Flags().Int("top", 20, "at most N candidates of each kind (0: all)")
	cmd.Flags().Int("examples", 2, "example comments per candidate")
	cmd.Flags().Bool("noun-phrases", true, "English noun phrases by prose's tagger: loads its model once (about 0.3 s, 30 MB), then about 0.1 ms per untagged English comment")
	cmd.Flags().BoolP("quiet", "q", false, "no progress bar, no summary, no per-record messages on stderr")
	return cmd
}

func themesSuggest(cmd *cobra.Command, s Streams, args []string) error {
	f := cmd.Flags()
	format, _ := f.GetString("format")
	minCount, _ := f.GetInt("min-count")
	top, _ := f.GetInt("top")
	examples, _ := f.GetInt("examples")
	nounPhrases, _ := f.GetBool("noun-phrases")
	quiet, _ := f.GetBool("quiet")
	switch {
	case format != "yaml" && format != "json":
		return usageError{fmt.Errorf("--format %q: want yaml or json", format)}
	case minCount < 1:
		return usageError{fmt.Errorf("--min-count %d: want 1 or more", minCount)}
	case top < 0:
		return usageError{fmt.Errorf("--top %d: want 0 (all) or more", top)}
	case examples < 0:
		return usageError{fmt.Errorf("--examples %d: want 0 or more", examples)}
	}
	// The config flags, without this command's own --format.
	cf := pflag.NewFlagSet("config", pflag.ContinueOnError)
	f.VisitAll(func(fl *pflag.Flag) {
		if _, ok := configFlags[fl.Name]; ok && cf.Lookup(fl.Name) == nil && fl.Name != "format" {
			cf.AddFlag(fl)
		}
	})
	cfg, err := loadConfig(cmd, s, cf)
	if err != nil {
		return err
	}
	p, err := pipeline.Build(cfg)
	if err != nil {
		return err
	}
	if !slices.Contains(p.Names(), "themes") {
		return &configs.Error{Key: "pipeline.stages", Msg: "themes suggest needs the themes stage"}
	}
	tx, err := pipeline.LoadTaxonomy(cfg.Themes)
	if err != nil {
		return configs.Wrap(configs.Pos{}, "themes", err)
	}
	inputs, total, err := checkInputs(args)
	if err != nil {
		return err
	}

	rep := newReporter(s.Err, quiet, !(len(inputs) == 1 && inputs[0] == "-"), total)
	col := discover.New(discover.Options{MinCount: minCount, Top: top, Examples: examples, NounPhrases: nounPhrases})
	src := &inputChain{names: inputs, stdin: s.In, opts: pipeline.ReadOptions(cfg), rep: rep}
	defer src.close()
	rep.start()
	st, runErr := p.Run(context.Background(), src.next, &reportingWriter{Writer: col, rep: rep}, pipeline.RunOptions{Workers: cfg.Workers, MaxErrors: cfg.MaxErrors,
		Notes: func(r *models.Record, n *pipeline.Notes) { col.Analysis(r, &n.Analysis) }})
	rep.finish(st, runErr == nil || errors.Is(runErr, pipeline.ErrTooManyErrors))
	switch {
	case errors.Is(runErr, pipeline.ErrTooManyErrors):
		return recordsFailed{fmt.Errorf("stopped after %d failed records (--max-errors)", st.Errors), quiet}
	case runErr != nil:
		var ce *configs.Error
		if errors.As(runErr, &ce) {
			return runErr
		}
		return ioError{runErr}
	}

	report := col.Report()
	report.Taxonomy, report.TaxonomyVersion = tx.Name, tx.Version
	if format == "json" {
		err = report.WriteJSON(s.Out)
	} else {
		err = report.WriteYAML(s.Out)
	}
	if err != nil {
		return ioError{err}
	}
	if st.Errors > 0 {
		return recordsFailed{fmt.Errorf("%d of %d records failed", st.Errors, st.Records), quiet}
	}
	return nil
}

func newThemesCheck(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a theme taxonomy file: keys, patterns, rules, duplicate paths",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			tx, err := themes.Load(args[0])
			var te *themes.Error
			switch {
			case errors.As(err, &te):
				return configs.Wrap(configs.Pos{}, "", err)
			case err != nil:
				return ioError{err}
			}
			paths := make([]string, len(tx.Themes))
			for i, th := range tx.Themes {
				paths[i] = th.Path
			}
			_, err = fmt.Fprintf(s.Out, "%s: ok (%d themes: %s)\n", args[0], len(tx.Themes), strings.Join(paths, ", "))
			return err
		},
	}
}

func newThemesList(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the themes of the taxonomy in force (--themes, --config or built-in) with their term counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd, s, cmd.Flags())
			if err != nil {
				return err
			}
			tx, err := pipeline.LoadTaxonomy(cfg.Themes)
			if err != nil {
				return configs.Wrap(configs.Pos{}, "themes", err)
			}
			source := cfg.Themes
			if source == "" {
				source = "built-in"
			}
			fmt.Fprintf(s.Out, "%s version %s (%s): %d themes\n", tx.Name, tx.Version, source, len(tx.Themes))
			tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "theme\tde\ten\trules")
			for _, th := range tx.Themes {
				depth := 0
				for p := th.Parent; p >= 0; p = tx.Themes[p].Parent {
					depth++
				}
				fmt.Fprintf(tw, "%s%s\t%d\t%d\t%d\n", strings.Repeat("  ", depth), th.Path,
					len(th.Terms["de"]), len(th.Terms["en"]), len(th.Rules["de"])+len(th.Rules["en"]))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().String("themes", "", "theme taxonomy file (default: the configuration's, else the built-in one)")
	return cmd
}
