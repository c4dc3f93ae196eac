package lexicons

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// The generator (gen/) and the hand-written sources (src/) are not
// embedded: only the generated data files ship in the binary.
//
//go:embed en/*.tsv de/*.tsv emoji.tsv emoticons.tsv domains
var builtinFS embed.FS

// Files returns the embedded lexicon files (en/polarity.tsv, emoji.tsv, ...),
// for `lexicon lookup`/`lexicon export` and for Layers that name a built-in
// file. An fs.FS keeps callers from mutating shared data.
func Files() fs.FS { return builtinFS }

// builtinFiles is the table of built-in files, in load order. Lang "" means
// every language.
var builtinFiles = []struct {
	path string
	kind Kind
	lang string
}{
	{"en/polarity.tsv", Polarity, "en"},
	{"en/phrases.tsv", Phrase, "en"},
	{"en/negators.tsv", Negator, "en"},
	{"en/modifiers.tsv", Modifier, "en"},
	{"en/contrast.tsv", Contrast, "en"},
	{"en/wordlists.tsv", List, "en"},
	{"de/polarity.tsv", Polarity, "de"},
	{"de/phrases.tsv", Phrase, "de"},
	{"de/negators.tsv", Negator, "de"},
	{"de/modifiers.tsv", Modifier, "de"},
	{"de/contrast.tsv", Contrast, "de"},
	{"de/wordlists.tsv", List, "de"},
	{"de/separable.tsv", Separable, "de"},
	{"de/compound_modifiers.tsv", CompoundModifier, "de"},
	{"emoji.tsv", Emoji, ""},
	{"emoticons.tsv", Emoji, ""},
}

// builtinPrefix is put before a built-in file's path in Entry.Source, so
// that "lexicons/de/polarity.tsv:812" names the file in the repository.
const builtinPrefix = "lexicons/"

// Layer modes.
const (
	// Merge (the default) adds a layer's entries, replacing earlier entries
	// of the same kind and key (term; term and match for polarity).
	Merge = "merge"
	// Replace drops every earlier entry of the layer's kind (built-in and
	// earlier layers) before adding the layer's entries. For word lists
	// (Kind List) it replaces only the lists the layer names.
	Replace = "replace"
)

// Layer formats.
const (
	// TSV is the lexicon file format that Parse reads (the default).
	TSV = "tsv"
	// SentiWS reads a SentiWS v2.0 directory (see ImportSentiWS); Kind must
	// be Polarity. SentiWS is licensed for non-commercial use only and is
	// never shipped: a user points a layer at their own copy.
	SentiWS = "sentiws"
)

// Layer is one file applied on top of the built-in lexicon: a domain pack
// or a user's own file.
type Layer struct {
	// Name labels the layer in errors and Entry.Source; default Path.
	Name string
	// Path is the file (for SentiWS, the directory) to read: from FS if FS
	// is set, else from the operating system.
	Path string
	FS   fs.FS
	Kind Kind
	// Mode is Merge ("" means Merge) or Replace.
	Mode string
	// Lang is "de" or "en" to apply the layer to that language only; ""
	// applies it to every language.
	Lang string
	// Format is TSV ("" means TSV) or SentiWS.
	Format string
}

func (l Layer) name() string {
	if l.Name != "" {
		return l.Name
	}
	return l.Path
}

// Languages lists the languages that Builtin and Load accept.
var Languages = []string{"de", "en"}

// Builtin returns the built-in lexicon of lang ("de" or "en"): the
// language's embedded files plus the emoji and emoticons. Each call parses
// the files afresh (a few milliseconds) and returns a Lexicon of its own.
func Builtin(lang string) (*Lexicon, error) { return Load(lang) }

// Load returns the lexicon of lang: the built-in files, then the layers in
// order (domain packs first, then the user's files, as the caller lists
// them). A layer in Merge mode overrides entries of the same kind and key
// (term; term and match for polarity, so that an exact entry does not
// replace a stem entry); Replace drops every earlier entry of its kind
// first. An entry with weight 0 stays: it neutralizes what it overrides.
// Errors name the file and line (*ParseError) or the layer.
func Load(lang string, layers ...Layer) (*Lexicon, error) {
	if !validLang(lang) {
		return nil, fmt.Errorf("lexicons: unknown language %q: want de or en", lang)
	}
	b := newBuilder(lang)
	for _, f := range builtinFiles {
		if f.lang != "" && f.lang != lang {
			continue
		}
		data, err := fs.ReadFile(builtinFS, f.path)
		if err != nil {
			return nil, fmt.Errorf("lexicons: built-in %s: %w", f.path, err)
		}
		es, err := Parse(bytes.NewReader(data), builtinPrefix+f.path, f.kind)
		if err != nil {
			return nil, err
		}
		b.add(f.kind, Merge, es)
	}
	for i, l := range layers {
		if l.Lang != "" && !validLang(l.Lang) {
			return nil, fmt.Errorf("lexicons: layer %d (%s): unknown language %q: want de, en or empty", i+1, l.name(), l.Lang)
		}
		if l.Lang != "" && l.Lang != lang {
			continue
		}
		es, err := readLayer(l)
		if err != nil {
			return nil, err
		}
		b.add(l.Kind, l.Mode, es)
	}
	return b.build()
}

func validLang(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

func readLayer(l Layer) ([]Entry, error) {
	if int(l.Kind) >= len(kindNames) {
		return nil, fmt.Errorf("lexicons: layer %s: unknown kind %d", l.name(), l.Kind)
	}
	switch l.Mode {
	case "", Merge, Replace:
	default:
		return nil, fmt.Errorf("lexicons: layer %s: unknown mode %q: want merge or replace", l.name(), l.Mode)
	}
	switch l.Format {
	case "", TSV:
		var data []byte
		var err error
		if l.FS != nil {
			data, err = fs.ReadFile(l.FS, l.Path)
		} else {
			data, err = os.ReadFile(l.Path)
		}
		if err != nil {
			return nil, &ParseError{File: l.name(), Msg: err.Error(), Err: err}
		}
		return Parse(bytes.NewReader(data), l.name(), l.Kind)
	case SentiWS:
		if l.Kind != Polarity {
			return nil, fmt.Errorf("lexicons: layer %s: a SentiWS layer holds polarity words, not %s entries", l.name(), l.Kind)
		}
		if l.FS != nil {
			return ImportSentiWSFS(l.FS, l.Path)
		}
		return ImportSentiWS(l.Path)
	}
	return nil, fmt.Errorf("lexicons: layer %s: unknown format %q: want tsv or sentiws", l.name(), l.Format)
}

// record is one entry as loaded, kept in load order for Check.
type record struct {
	Entry
	key   string // entryKey, or "s "+stem for stem entries
	layer int    // index of the file or layer that set it
}

type builder struct {
	lang  string
	layer int
	// cur maps kind → key → index into recs of the entry in force.
	cur  [len(kindNames)]map[string]int
	recs []record
	// dropped marks records removed by a Replace layer.
	dropped map[int]bool
}

func newBuilder(lang string) *builder {
	b := &builder{lang: lang, dropped: map[int]bool{}}
	for k := range b.cur {
		b.cur[k] = map[string]int{}
	}
	return b
}

// key returns the map key of e within its kind. Stem entries are keyed by
// their stem: two terms with one stem are the same entry.
func (b *builder) key(e Entry) string {
	if e.Kind == Polarity && e.Match == Stem {
		return "s " + StemWord(b.lang, e.Term)
	}
	return entryKey(e)
}

func (b *builder) add(kind Kind, mode string, es []Entry) {
	switch {
	case mode == Replace && kind == List:
		// Replace each list the layer names, keep the others.
		names := map[string]bool{}
		for _, e := range es {
			names[e.List] = true
		}
		for k, i := range b.cur[kind] {
			if names[b.recs[i].List] {
				b.dropped[i] = true
				delete(b.cur[kind], k)
			}
		}
	case mode == Replace:
		for _, i := range b.cur[kind] {
			b.dropped[i] = true
		}
		b.cur[kind] = map[string]int{}
	}
	b.recs = slices.Grow(b.recs, len(es))
	for _, e := range es {
		e.Kind = kind
		k := b.key(e)
		b.cur[kind][k] = len(b.recs)
		b.recs = append(b.recs, record{Entry: e, key: k, layer: b.layer})
	}
	b.layer++
}

func (b *builder) build() (*Lexicon, error) {
	lx := &Lexicon{
		Lang:              b.lang,
		Words:             make(map[string]Entry, len(b.cur[Polarity])),
		Stems:             map[string]Entry{},
		Phrases:           map[string][]Entry{},
		Negators:          make(map[string]Entry, len(b.cur[Negator])),
		Modifiers:         make(map[string]Entry, len(b.cur[Modifier])),
		Contrast:          make(map[string]Entry, len(b.cur[Contrast])),
		Emoji:             make(map[string]Entry, len(b.cur[Emoji])),
		Lists:             map[string]map[string]Entry{},
		Separable:         make(map[string]Entry, len(b.cur[Separable])),
		CompoundModifiers: make(map[string]Entry, len(b.cur[CompoundModifier])),
		records:           b.recs,
		dropped:           b.dropped,
	}
	for kind, m := range b.cur {
		for k, i := range m {
			e := b.recs[i].Entry
			switch Kind(kind) {
			case Polarity:
				if e.Match == Stem {
					lx.Stems[strings.TrimPrefix(k, "s ")] = e
				} else {
					lx.Words[e.Term] = e
				}
			case Phrase:
				first, _, _ := strings.Cut(e.Term, " ")
				lx.Phrases[first] = append(lx.Phrases[first], e)
			case Negator:
				lx.Negators[e.Term] = e
			case Modifier:
				lx.Modifiers[e.Term] = e
			case Contrast:
				lx.Contrast[e.Term] = e
			case Emoji:
				lx.Emoji[k] = e
			case List:
				lx.AddToList(e.List, e)
			case Separable:
				lx.Separable[e.Term] = e
			case CompoundModifier:
				lx.CompoundModifiers[e.Term] = e
			}
		}
	}
	for _, ps := range lx.Phrases {
		sortPhrases(ps)
	}
	if err := lx.IndexSeparable(); err != nil {
		return nil, err
	}
	lx.Version = lx.version()
	return lx, nil
}

// sortPhrases orders phrases longest first (by words, then bytes), then by
// term, so that a scorer can take the first that matches.
func sortPhrases(ps []Entry) {
	sort.Slice(ps, func(i, j int) bool {
		wi, wj := strings.Count(ps[i].Term, " "), strings.Count(ps[j].Term, " ")
		if wi != wj {
			return wi > wj
		}
		if len(ps[i].Term) != len(ps[j].Term) {
			return len(ps[i].Term) > len(ps[j].Term)
		}
		return ps[i].Term < ps[j].Term
	})
}

// version hashes every entry in force in a canonical order (kind, key,
// term, weights, match; not Source, so moving a line keeps the version).
func (lx *Lexicon) version() string {
	type item struct {
		kind Kind
		key  string
		i    int // index into es
	}
	n := len(lx.Words) + len(lx.Stems) + len(lx.Negators) + len(lx.Modifiers) + len(lx.Contrast) + len(lx.Emoji) + len(lx.Separable) + len(lx.CompoundModifiers)
	for _, l := range lx.Lists {
		n += len(l)
	}
	for _, ps := range lx.Phrases {
		n += len(ps)
	}
	items := make([]item, 0, n)
	es := make([]Entry, 0, n)
	add := func(kind Kind, key string, e Entry) {
		items = append(items, item{kind, key, len(es)})
		es = append(es, e)
	}
	for k, e := range lx.Words {
		add(Polarity, "w "+k, e)
	}
	for k, e := range lx.Stems {
		add(Polarity, "s "+k, e)
	}
	for _, ps := range lx.Phrases {
		for _, e := range ps {
			add(Phrase, e.Term, e)
		}
	}
	for _, m := range []struct {
		kind Kind
		m    map[string]Entry
	}{{Negator, lx.Negators}, {Modifier, lx.Modifiers}, {Contrast, lx.Contrast}, {Emoji, lx.Emoji}, {Separable, lx.Separable}, {CompoundModifier, lx.CompoundModifiers}} {
		for k, e := range m.m {
			add(m.kind, k, e)
		}
	}
	for name, l := range lx.Lists {
		for term, e := range l {
			add(List, name+"\t"+term, e)
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(a.key, b.key)
	})
	h := sha256.New()
	buf := append([]byte(nil), lx.Lang...)
	buf = append(buf, '\n')
	for _, it := range items {
		e := &es[it.i]
		buf = append(buf, it.kind.String()...)
		buf = append(buf, '\t')
		buf = append(buf, it.key...)
		buf = append(buf, '\t')
		buf = append(buf, e.Term...)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, e.Weight, 'g', -1, 64)
		buf = append(buf, '\t')
		buf = strconv.AppendFloat(buf, e.After, 'g', -1, 64)
		buf = append(buf, '\t')
		buf = append(buf, e.Match.String()...)
		if e.Forms != "" {
			buf = append(buf, '\t')
			buf = append(buf, e.Forms...)
		}
		buf = append(buf, '\n')
		if len(buf) > 32<<10 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))[:12]
}
