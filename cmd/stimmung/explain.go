package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/write"
)

func newExplain(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain TEXT...",
		Short: "Show how a comment's sentiment comes about, word by word",
		Long: `Runs the configured pipeline on one comment and prints each word, phrase and
emoji that moved its sentiment: where it stands, its lexicon entry and base
weight, the rules that changed it and what it finally contributed.`,
		Example: `  stimmung explain "Die Lieferung kam nicht pünktlich, aber der Service war top"
  stimmung explain --json "I can't believe it, never again :-("`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(cmd, s, cmd.Flags())
			if err != nil {
				return err
			}
			cfg.Output.Explain = true
			p, err := pipeline.Build(cfg)
			if err != nil {
				return err
			}
			txt := strings.Join(args, " ")
			raw, _ := json.Marshal(txt)
			r := &models.Record{Source: "explain", Line: 1, ID: "explain", Original: txt, Text: txt,
				Fields: []models.Field{{Key: "text", Value: raw}}}
			if strings.TrimSpace(txt) == "" {
				r.AddFlag(models.FlagNoContent)
			}
			p.Process(context.Background(), r, &pipeline.Notes{})
			if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
				b := write.AppendRecord(nil, r, write.Options{Debug: cfg.Output.Debug})
				_, err := s.Out.Write(append(b, '\n'))
				return err
			}
			return printExplain(s.Out, r)
		},
	}
	addConfigFlags(cmd.Flags())
	cmd.Flags().Bool("json", false, "print the analysed record as JSON, with its explain list")
	return cmd
}

func printExplain(w io.Writer, r *models.Record) error {
	fmt.Fprintf(w, "text       %s\n", r.Original)
	if r.Err != nil {
		return fmt.Errorf("%s: %s", r.Err.Stage, r.Err.Message)
	}
	if r.Sentiment == nil {
		fmt.Fprintln(w, "sentiment  none (empty comment, or no sentiment stage in the pipeline)")
		return nil
	}
	st := r.Sentiment
	fmt.Fprintf(w, "language   %s (%s)\n", r.Lang, r.LangSource)
	fmt.Fprintf(w, "sentiment  %s, score %+.3f (positive %.2f, negative %.2f, neutral %.2f)\n", st.Label, st.Score, st.Positive, st.Negative, st.Neutral)
	fmt.Fprintf(w, "versions   engine %s, lexicon %s\n", st.Engine, st.Lexicon)
	for si, se := range r.Sentences {
		label, score := "", 0.0
		if si < len(r.SentenceSentiments) {
			label, score = r.SentenceSentiments[si].Label, r.SentenceSentiments[si].Score
		}
		fmt.Fprintf(w, "\nsentence %d  %s, score %+.3f  %q\n", si+1, label, score, r.Text[se.Start:se.End])
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  word\tbytes\tmatch\tbase\tfinal\trules\tsource")
		n := 0
		for _, c := range r.Explain {
			if c.Sentence != si {
				continue
			}
			n++
			rules := strings.Join(c.Rules, "; ")
			if rules == "" {
				rules = "-"
			}
			fmt.Fprintf(tw, "  %s\t%d-%d\t%s\t%+.2f\t%+.2f\t%s\t%s\n", c.Text, c.Start, c.End, c.Match, c.Base, c.Final, rules, c.Source)
		}
		if n == 0 {
			fmt.Fprintln(tw, "  (nothing with sentiment)")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	printThemes(w, r)
	return nil
}

// printThemes lists the themes found, the words that tagged each and the
// taxonomy term they matched, and the CX signals.
func printThemes(w io.Writer, r *models.Record) {
	if r.Themes != nil {
		fmt.Fprintln(w, "\nthemes")
		if len(r.Themes) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, th := range r.Themes {
			neg := ""
			if th.Negated {
				neg = " (missing)"
			}
			fmt.Fprintf(tw, "  %s\t%s%s, score %+.3f\t", th.Path, th.Label, neg, th.Score)
			if len(th.Matches) == 0 {
				fmt.Fprint(tw, "fallback: nothing specific matched")
			}
			for i, m := range th.Matches {
				if i > 0 {
					fmt.Fprint(tw, "; ")
				}
				fmt.Fprintf(tw, "%q %d-%d by %s", m.Text, m.Start, m.End, m.Term)
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}
	if s := r.Signals; s != nil {
		fmt.Fprintln(w, "\nsignals")
		if s.NPSGroup != "" {
			fmt.Fprintf(w, "  nps group  %s\n", s.NPSGroup)
		}
		fmt.Fprintf(w, "  effort %.2f, urgency %.2f, churn %.2f", s.Effort, s.Urgency, s.Churn)
		if len(r.Flags) > 0 {
			fmt.Fprintf(w, "; flags %s", strings.Join(r.Flags, ", "))
		}
		fmt.Fprintln(w)
		for _, m := range s.Matches {
			fmt.Fprintf(w, "  %s  %q %d-%d\n", m.Signal, m.Text, m.Start, m.End)
		}
		fmt.Fprintf(w, "  priority %d", s.Priority)
		if len(s.Reasons) > 0 {
			fmt.Fprintf(w, ": %s", strings.Join(s.Reasons, "; "))
		}
		fmt.Fprintln(w)
	}
}
