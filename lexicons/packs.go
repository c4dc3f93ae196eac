package lexicons

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Packs lists the built-in domain packs (lexicons/domains/<pack>/).
func Packs() []string {
	entries, _ := fs.ReadDir(builtinFS, "domains")
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// packFiles names a pack's files as the built-in ones are named.
var packFiles = []struct {
	file string
	kind Kind
}{{"polarity.tsv", Polarity}, {"phrases.tsv", Phrase}, {"negators.tsv", Negator}, {"modifiers.tsv", Modifier}, {"contrast.tsv", Contrast}, {"emoji.tsv", Emoji},
	{"wordlists.tsv", List}, {"separable.tsv", Separable}, {"compound_modifiers.tsv", CompoundModifier}}

// PackLayers returns the layers of domain pack name for lang: one per file
// domains/<name>/<lang>/{polarity,phrases,negators,modifiers,contrast,emoji,wordlists,separable,compound_modifiers}.tsv. A pack may cover only
// some kinds or one language; an unknown pack is an error that lists the
// known ones.
func PackLayers(name, lang string) ([]Layer, error) {
	dir := path.Join("domains", name)
	if _, err := fs.Stat(builtinFS, dir); err != nil || name == "" || strings.ContainsAny(name, "/\\.") {
		return nil, fmt.Errorf("unknown domain pack %q (packs: %s)", name, strings.Join(Packs(), ", "))
	}
	var layers []Layer
	for _, f := range packFiles {
		p := path.Join(dir, lang, f.file)
		if _, err := fs.Stat(builtinFS, p); err != nil {
			continue
		}
		layers = append(layers, Layer{Name: builtinPrefix + p, Path: p, FS: builtinFS, Kind: f.kind, Mode: Merge, Lang: lang})
	}
	return layers, nil
}
