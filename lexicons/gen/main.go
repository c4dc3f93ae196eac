//go:build ignore

// Command gen regenerates stimmung's lexicon files (lexicons/en/*.tsv,
// lexicons/de/*.tsv, lexicons/emoji.tsv, lexicons/emoticons.tsv) from the
// public sources in shared/data/lexicon-sources and the hand-written files
// in lexicons/src:
//
//	go run lexicons/gen/main.go -src ../shared/data/lexicon-sources -out lexicons
//
// Every output file is generated; hand edits go into lexicons/src/<same
// path>, which the generator validates with lexicons.Parse and copies
// verbatim into the output. A hand entry replaces every source entry of
// the same term, and a hand stem entry also the source entries with the
// same stem. Running the generator twice gives the same bytes.
//
// This file only reads the flags; the generator is the package in
// internal/lexgen (see its doc.go). It stays a single file run with
// go run because the generated files name it.
package main

import (
	"flag"
	"log"
	"path/filepath"

	"github.com/stimmung/stimmung/lexicons/gen/internal/lexgen"
)

func main() {
	var o lexgen.Options
	flag.StringVar(&o.Src, "src", "../shared/data/lexicon-sources", "lexicon-sources directory")
	flag.StringVar(&o.Out, "out", "lexicons", "lexicons directory to write")
	flag.StringVar(&o.Hand, "hand", "", "hand-written files (default: <out>/src)")
	flag.IntVar(&o.EmojiMin, "emoji-min", lexgen.DefaultEmojiMin, "skip emoji seen fewer times in the Emoji Sentiment Ranking")
	flag.Float64Var(&o.EmojiNeutral, "emoji-neutral", lexgen.DefaultEmojiNeutral, "Emoji Sentiment Ranking score mapped to weight 0")
	flag.BoolVar(&o.BingLiu, "bingliu", false, "add Bing Liu's opinion lexicon (only once its licence allows shipping it)")
	flag.BoolVar(&o.Verbose, "v", false, "log every entry dropped or changed")
	flag.StringVar(&o.Only, "only", "", "write only these output files (comma-separated, e.g. de/wordlists.tsv); the others are generated and checked but not written")
	flag.Parse()
	if o.Hand == "" {
		o.Hand = filepath.Join(o.Out, "src")
	}
	if err := lexgen.Run(o); err != nil {
		log.Fatal(err)
	}
}
