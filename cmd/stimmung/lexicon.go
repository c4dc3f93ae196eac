package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline"
)

// errLexiconProblems ends `lexicon check` when it found errors.
var errLexiconProblems = errors.New("the lexicons have errors")

func newLexiconCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Look words up in the lexicons and check them",
		Long: `The lexicons are the built-in German and English files (lexicons/) with the
layers the configuration adds (the sentiment stage's lexicons and sentiws
options), exactly as the sentiment stage loads them.`,
	}
	langs := func(cmd *cobra.Command) []string {
		if l, _ := cmd.Flags().GetString("lang"); l != "" {
			return []string{l}
		}
		return []string{"de", "en"}
	}
	load := func(cmd *cobra.Command) (map[string]*lexicons.Lexicon, error) {
		cfg, err := loadConfig(cmd, s, nil)
		if err != nil {
			return nil, err
		}
		if l, _ := cmd.Flags().GetString("lang"); l != "" && l != "de" && l != "en" {
			return nil, usageError{fmt.Errorf("--lang %q: want de or en", l)}
		}
		return pipeline.Lexicons(cfg)
	}
	lookup := &cobra.Command{
		Use:     "lookup WORD...",
		Short:   "Show every lexicon entry a word (or phrase) can meet: exact, by stem, phrases, negator, modifier, contrast, emoji",
		Example: "  stimmung lexicon lookup Verspätung\n  stimmung lexicon lookup --lang en \"waste of money\"",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lex, err := load(cmd)
			if err != nil {
				return err
			}
			word := strings.Join(args, " ")
			tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "lang\tkind\tterm\tweight\tmatch\tsource")
			found := 0
			for _, lang := range langs(cmd) {
				for _, e := range lex[lang].Lookup(word, "") {
					w, kind := fmt.Sprintf("%+.3g", e.Weight), e.Kind.String()
					switch e.Kind {
					case lexicons.Contrast:
						w = fmt.Sprintf("×%.3g before, ×%.3g after", e.Weight, e.After)
					case lexicons.List:
						w, kind = "-", "list "+e.List
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", lang, kind, e.Term, w, e.Match, e.Source)
					found++
				}
			}
			if found == 0 {
				fmt.Fprintf(tw, "-\t-\t%s\t-\t-\tnot in the lexicons\n", word)
			}
			return tw.Flush()
		},
	}
	check := &cobra.Command{
		Use:   "check",
		Short: "Report duplicates, conflicts (one word positive here, negative there), weights out of range, clashing roles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lex, err := load(cmd)
			if err != nil {
				return err
			}
			verbose, _ := cmd.Flags().GetBool("all")
			errs := 0
			for _, lang := range langs(cmd) {
				counts := map[lexicons.Severity]int{}
				for _, p := range lexicons.Check(lex[lang]) {
					counts[p.Severity]++
					if p.Severity >= lexicons.Warning || verbose {
						fmt.Fprintf(s.Out, "%s: %s\n", lang, p)
					}
				}
				errs += counts[lexicons.Error]
				fmt.Fprintf(s.Out, "%s: lexicon %s: %d errors, %d warnings, %d notes%s\n", lang, lex[lang].Version,
					counts[lexicons.Error], counts[lexicons.Warning], counts[lexicons.Info], map[bool]string{true: "", false: " (--all shows the notes)"}[verbose])
			}
			if errs > 0 {
				return errLexiconProblems
			}
			return nil
		},
	}
	check.Flags().Bool("all", false, "also print the notes (intended duplicates and overrides)")
	for _, c := range []*cobra.Command{lookup, check} {
		c.Flags().String("lang", "", "de or en (default: both)")
		addLexiconFlag(c.Flags())
	}
	cmd.AddCommand(lookup, check, newLexiconLearn(s))
	return cmd
}
