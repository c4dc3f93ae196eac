package lexgen

import (
	"bytes"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stimmung/stimmung/lexicons"
)

// Options are the generator's settings; lexicons/gen/main.go sets them from
// its flags.
type Options struct {
	// Src is the lexicon-sources directory (../shared/data/lexicon-sources).
	Src string
	// Out is the lexicons directory to write.
	Out string
	// Hand is the directory of the hand-written files (lexicons/src).
	Hand string
	// EmojiMin skips emoji seen fewer times in the Emoji Sentiment Ranking.
	EmojiMin int
	// EmojiNeutral is the Emoji Sentiment Ranking score mapped to weight 0.
	EmojiNeutral float64
	// BingLiu adds Bing Liu's opinion lexicon.
	BingLiu bool
	// Verbose logs every entry dropped or changed.
	Verbose bool
	// Only, if set, names the output files to write (comma-separated);
	// the others are generated and checked but not written.
	Only string
}

// The defaults of main.go's -emoji-min and -emoji-neutral, with which the
// committed files are generated.
const (
	DefaultEmojiMin     = 20
	DefaultEmojiNeutral = 0.2
)

// Run generates every output file, checks it with lexicons.Parse and
// writes it (or, with Only, the files named there) under o.Out.
func Run(o Options) error {
	g := &gen{o: o}
	return g.run()
}

type gen struct {
	o Options
	// hand holds the parsed hand-written files by output path ("en/polarity.tsv").
	hand map[string][]lexicons.Entry
	// handText holds their text, copied verbatim into the output.
	handText map[string]string
	// englishWords holds every VADER and AFINN-en word, to drop untranslated
	// leftovers from AFINN-de.
	englishWords map[string]bool
}

func (g *gen) logf(format string, args ...any) {
	if g.o.Verbose {
		log.Printf(format, args...)
	}
}

// outputs lists every generated file, in the order they are written.
var outputs = []struct {
	path string
	kind lexicons.Kind
}{
	{"en/polarity.tsv", lexicons.Polarity},
	{"en/phrases.tsv", lexicons.Phrase},
	{"en/negators.tsv", lexicons.Negator},
	{"en/modifiers.tsv", lexicons.Modifier},
	{"en/contrast.tsv", lexicons.Contrast},
	{"en/wordlists.tsv", lexicons.List},
	{"de/polarity.tsv", lexicons.Polarity},
	{"de/phrases.tsv", lexicons.Phrase},
	{"de/negators.tsv", lexicons.Negator},
	{"de/modifiers.tsv", lexicons.Modifier},
	{"de/contrast.tsv", lexicons.Contrast},
	{"de/wordlists.tsv", lexicons.List},
	{"de/separable.tsv", lexicons.Separable},
	{"de/compound_modifiers.tsv", lexicons.CompoundModifier},
	{"emoji.tsv", lexicons.Emoji},
	{"emoticons.tsv", lexicons.Emoji},
}

func (g *gen) run() error {
	if err := g.readHand(); err != nil {
		return err
	}
	files := map[string]*file{}
	for _, build := range []func() (map[string]*file, error){g.english, g.german, g.emoji} {
		m, err := build()
		if err != nil {
			return err
		}
		maps.Copy(files, m)
	}
	for _, f := range outputs {
		out, ok := files[f.path]
		if !ok {
			return fmt.Errorf("no output for %s", f.path)
		}
		if err := g.write(f.path, f.kind, out); err != nil {
			return err
		}
	}
	return nil
}

// readHand parses the hand-written file of every output that has one.
func (g *gen) readHand() error {
	g.hand = map[string][]lexicons.Entry{}
	g.handText = map[string]string{}
	for _, f := range outputs {
		p := filepath.Join(g.o.Hand, f.path)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		es, err := lexicons.Parse(bytes.NewReader(b), filepath.ToSlash(filepath.Join("lexicons/src", f.path)), f.kind)
		if err != nil {
			return err
		}
		g.hand[f.path] = es
		g.handText[f.path] = string(b)
	}
	return nil
}

// write renders one output file, checks it with the parser that loads it
// and writes it unless Only leaves it out.
func (g *gen) write(path string, kind lexicons.Kind, out *file) error {
	b := out.render(path, g.handText[path])
	es, err := lexicons.Parse(bytes.NewReader(b), path, kind)
	if err != nil {
		return fmt.Errorf("generated file does not parse: %w", err)
	}
	if g.o.Only != "" && !slices.Contains(strings.Split(g.o.Only, ","), path) {
		return nil
	}
	dst := filepath.Join(g.o.Out, path)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		return err
	}
	log.Printf("%-20s %6d entries", path, len(es))
	return nil
}
