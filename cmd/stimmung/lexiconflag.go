package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline"
)

func addLexiconFlag(fs *pflag.FlagSet) {
	fs.StringArray("lexicon", nil, "lexicon file layered over the built-in ones and the configured layers: PATH[:de|en][:KIND] (KIND polarity by default; both languages when none is named); repeatable")
}

// withLexiconFlags adds the --lexicon files to the sentiment stage's
// lexicons option, after the files the configuration names.
func withLexiconFlags(cmd *cobra.Command, cfg *configs.Config) (*configs.Config, error) {
	f := cmd.Flags().Lookup("lexicon")
	if f == nil || !f.Changed {
		return cfg, nil
	}
	specs, _ := cmd.Flags().GetStringArray("lexicon")
	withConfig := false
	if c, _ := cmd.Flags().GetString("config"); c != "" {
		withConfig = true
	}
	var files []pipeline.LexiconFile
	for _, spec := range specs {
		fs, err := parseLexiconSpec(spec)
		if err != nil {
			return nil, usageError{err}
		}
		for _, f := range fs {
			// The stage reads relative paths from the configuration
			// file's folder; a path on the command line is relative to
			// the working directory.
			if withConfig && !filepath.IsAbs(f.Path) {
				if f.Path, err = filepath.Abs(f.Path); err != nil {
					return nil, usageError{err}
				}
			}
			files = append(files, f)
		}
	}
	out, err := pipeline.WithLexicons(cfg, files...)
	if errors.Is(err, pipeline.ErrNoSentimentStage) {
		return nil, usageError{fmt.Errorf("--lexicon: %w", err)}
	}
	return out, err
}

// parseLexiconSpec reads PATH[:de|en][:KIND].
func parseLexiconSpec(spec string) ([]pipeline.LexiconFile, error) {
	path, kind, lang := spec, "", ""
	if i := strings.LastIndexByte(path, ':'); i >= 0 && isKindName(path[i+1:]) {
		path, kind = path[:i], path[i+1:]
	}
	if i := strings.LastIndexByte(path, ':'); i >= 0 && (path[i+1:] == "de" || path[i+1:] == "en") {
		path, lang = path[:i], path[i+1:]
	}
	if path == "" {
		return nil, fmt.Errorf("--lexicon %q: no file", spec)
	}
	if kind == "polarity" {
		kind = ""
	}
	langs := []string{lang}
	if lang == "" {
		langs = slices.Clone(lexicons.Languages)
	}
	var out []pipeline.LexiconFile
	for _, l := range langs {
		out = append(out, pipeline.LexiconFile{Path: path, Lang: l, Kind: kind, From: "--lexicon"})
	}
	return out, nil
}

func isKindName(s string) bool {
	_, ok := lexicons.KindByName(s)
	return ok
}
