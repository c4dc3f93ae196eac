package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline"
)

func newConfigCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the merged configuration, check a file, list the stages",
	}
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the merged configuration (default, --config, STIMMUNG_*, flags) as YAML",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd, s, nil)
			if err != nil {
				return err
			}
			out, err := cfg.YAML()
			if err != nil {
				return err
			}
			_, err = s.Out.Write(out)
			return err
		},
	}
	lint := &cobra.Command{
		Use:   "lint [FILE]",
		Short: "Check a configuration file (stdin when FILE is - or missing): keys, values, stages and their options",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o := configs.Options{Environ: s.Environ}
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			if name == "-" {
				data, err := io.ReadAll(s.In)
				if err != nil {
					return ioError{fmt.Errorf("stdin: %w", err)}
				}
				o.File, o.Data = "stdin", data
			} else {
				o.File = name
			}
			cfg, err := configs.Load(o)
			if err != nil {
				return err
			}
			p, err := pipeline.Build(cfg)
			if err != nil {
				return err
			}
			fmt.Fprintf(s.Out, "%s: ok (stages: %s)\n", o.File, strings.Join(p.Names(), " → "))
			return nil
		},
	}
	stages := &cobra.Command{
		Use:   "stages",
		Short: "List the stages a pipeline can use, in their natural order",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			for _, st := range pipeline.Stages() {
				needs := ""
				if len(st.Needs) > 0 {
					needs = " (needs " + strings.Join(st.Needs, ", ") + ")"
				}
				fmt.Fprintf(s.Out, "%-10s %s%s\n", st.Name, st.Doc, needs)
			}
			return nil
		},
	}
	cmd.AddCommand(show, lint, stages)
	return cmd
}
