package text

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// The compound analyser: how German compounds are built, in one place.
// A compound is a first part (the modifier) and a head, which carries the
// meaning: "Liefer|verzögerung", "Service|mitarbeiterin". Four uses ask it
// different questions with their own dictionaries:
//
//   - scoring (pipeline/sentiment): the longest head that is a lexicon word
//     ("Lieferverzögerung" is negative as "Verzögerung" is);
//   - themes (pipeline/themes): whether a taxonomy term is the head of a
//     token, possibly inflected (IsHead, IsInflectedHead);
//   - the search index (pipeline/index): the dictionary parts of a word,
//     split recursively (Heads, PartBase, ModifierBase, TrimLinking);
//   - theme discovery (pipeline/discover): the longest head among the words
//     also seen alone (Heads, IsHead).
//
// What differs between the uses is in CompoundOptions, which each use
// declares beside itself, together with its minimum head length (tuning
// of that use). What German is like is here and in the data file
// lexicons/de/compound_rules.txt (prefixes that are not first parts,
// inflection endings, linking elements), loaded on first use.

// MinCompoundModifier is the shortest first part of a compound, in
// letters: a fact of German, not a tuning. "Umzug", "Bezug" and "Anzug"
// are not "Zug"; "unfreundlich" is not a compound of "freundlich".
const MinCompoundModifier = 3

// compoundVowels are the vowels a first part needs with Vowel: a word part
// has one ("Schrauben" is not "Sch" + "rauben").
const compoundVowels = "aeiouyäöü"

// CompoundOptions are what a use of the analyser asks of a first part and a
// head. The zero value accepts any head after MinCompoundModifier
// characters.
type CompoundOptions struct {
	// MinHead is the shortest head, in characters (runes); a tuning of the
	// use. Heads stops at the first head shorter than that.
	MinHead int
	// Letters counts only letters toward MinCompoundModifier; otherwise
	// every character counts (a hyphen, a digit, an apostrophe).
	Letters bool
	// Vowel wants a vowel in the first part.
	Vowel bool
	// NotAfterPrefix lets no head start after a verbal or adverbial prefix
	// that makes a word of its own ("Verzug", "Einkauf", "Anschluss"):
	// section not_modifiers of the data file.
	NotAfterPrefix bool
	// Hyphen drops a hyphen at the start of a head ("Horror-Trip": "trip").
	Hyphen bool
}

// CompoundHeads walks the heads of a word from the longest to the
// shortest; see CompoundOptions.Heads. It is a plain value: walking it
// allocates nothing.
type CompoundHeads struct {
	// Modifier is the first part before the current head (without a
	// dropped hyphen), Head the head; both are substrings of the word.
	Modifier, Head string

	word  string
	o     CompoundOptions
	not   map[string]bool
	maxNt int  // longest not_modifiers entry, in bytes
	runes int  // characters of word
	k     int  // byte offset of the next candidate start
	left  int  // characters from k on
	n     int  // letters (or characters) before k
	vowel bool // a vowel before k
}

// Heads returns the walk over the heads of word (lower case):
//
//	h := opts.Heads(word)
//	for h.Next() {
//		... h.Head, h.Modifier ...
//	}
//
// A head may start after a first part that is acceptable to o; the walk
// ends at the first such head shorter than o.MinHead.
func (o CompoundOptions) Heads(word string) CompoundHeads {
	n := utf8.RuneCountInString(word)
	h := CompoundHeads{word: word, o: o, runes: n, left: n}
	if o.NotAfterPrefix {
		d := compoundRules()
		h.not, h.maxNt = d.notModifiers, d.maxNotModifier
	}
	return h
}

// Runes is the length of the word in characters.
func (h *CompoundHeads) Runes() int { return h.runes }

// Next moves to the next shorter head; false when there is none.
func (h *CompoundHeads) Next() bool {
	w := h.word
	for h.k < len(w) {
		k := h.k
		c, size := utf8.DecodeRuneInString(w[k:])
		ok := h.o.accepts(w[:k], h.n, h.vowel, h.not, h.maxNt)
		h.k += size
		h.left--
		if !h.o.Letters || unicode.IsLetter(c) {
			h.n++
		}
		if !h.vowel && isCompoundVowel(c) {
			h.vowel = true
		}
		if !ok {
			continue
		}
		head, runes := w[k:], h.left+1
		if h.o.Hyphen && c == '-' {
			head, runes = w[h.k:], h.left
		}
		if runes < h.o.MinHead {
			h.k = len(w)
			return false
		}
		h.Modifier, h.Head = w[:k], head
		return true
	}
	return false
}

// IsHead reports whether word is a first part acceptable to o followed by
// head, a head of o.MinHead characters or more: the same test as Heads,
// for one head. A hyphen before head counts as part of the first part
// (Hyphen is for Heads).
func (o CompoundOptions) IsHead(word, head string) bool {
	if len(word) <= len(head) || !strings.HasSuffix(word, head) {
		return false
	}
	m := word[:len(word)-len(head)]
	n := 0
	if o.Letters {
		for _, c := range m {
			if unicode.IsLetter(c) {
				n++
			}
		}
	} else {
		n = utf8.RuneCountInString(m)
	}
	vowel := o.Vowel && strings.ContainsAny(m, compoundVowels)
	var not map[string]bool
	maxNt := 0
	if o.NotAfterPrefix {
		d := compoundRules()
		not, maxNt = d.notModifiers, d.maxNotModifier
	}
	return o.accepts(m, n, vowel, not, maxNt) && (o.MinHead <= 0 || utf8.RuneCountInString(head) >= o.MinHead)
}

// IsInflectedHead reports whether word is an acceptable first part, then
// form, then an inflection ending (or none): "Zugverspätungen" has the
// head "verspätung".
func (o CompoundOptions) IsInflectedHead(word, form string) bool {
	for _, e := range compoundRules().headEndings {
		if strings.HasSuffix(word, e) && o.IsHead(word[:len(word)-len(e)], form) {
			return true
		}
	}
	return false
}

// accepts is the one test of a first part m with n letters (characters)
// and a vowel or not, for Heads and IsHead alike.
func (o *CompoundOptions) accepts(m string, n int, vowel bool, not map[string]bool, maxNt int) bool {
	return n >= MinCompoundModifier && (vowel || !o.Vowel) && (not == nil || len(m) > maxNt || !not[m])
}

func isCompoundVowel(c rune) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü':
		return true
	}
	return false
}

// HeadInflections are the endings a compound head may carry after its base
// form, the empty one first: "", "en", "n", ... (section inflections). The
// slice is shared: do not modify it.
func HeadInflections() []string { return compoundRules().headEndings }

// PartBase returns the dictionary form of a compound part w, given the
// known words (a map, so that a lookup allocates nothing): w itself if
// known, else w without an inflection or derivation ending ("kunden" →
// "kunde", "mitarbeiterin" → "mitarbeiter"), the first ending in the data
// file's order that leaves a known word of minBase characters or more.
func PartBase(w string, minBase int, known map[string]bool) (string, bool) {
	if known[w] {
		return w, true
	}
	for _, e := range compoundRules().partEndings {
		if b, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(b) >= minBase && known[b] {
			return b, true
		}
	}
	return "", false
}

// ModifierBase returns the dictionary word behind a compound's first part
// m, which often drops an ending or adds a linking element: PartBase, then
// m with a dropped ending restored ("liefer" → "lieferung"), then m
// without a linking element ("bestellungs" → "bestellung").
func ModifierBase(m string, minBase int, known map[string]bool) (string, bool) {
	if b, ok := PartBase(m, minBase, known); ok {
		return b, true
	}
	d := compoundRules()
	for _, e := range d.dropped {
		if known[m+e] {
			return m + e, true
		}
	}
	for _, l := range d.linking {
		if b, ok := strings.CutSuffix(m, l); ok && known[b] {
			return b, true
		}
	}
	return "", false
}

// TrimLinking returns m without the first linking element that ends it
// ("kundenservices" → "kundenservice").
func TrimLinking(m string) string {
	for _, l := range compoundRules().linking {
		if b, ok := strings.CutSuffix(m, l); ok {
			return b
		}
	}
	return m
}

// StripLink returns what follows a first part without the hyphen or the
// linking element that starts it ("-trip" → "trip", "smangel" → "mangel");
// a linking element only when minHead characters or more remain.
func StripLink(rest string, minHead int) string {
	if r, ok := strings.CutPrefix(rest, "-"); ok {
		return r
	}
	for _, l := range compoundRules().linking {
		if r, ok := strings.CutPrefix(rest, l); ok && utf8.RuneCountInString(r) >= minHead {
			return r
		}
	}
	return rest
}

// compoundData is lexicons/de/compound_rules.txt, parsed.
type compoundData struct {
	notModifiers   map[string]bool
	maxNotModifier int      // in bytes
	headEndings    []string // "" and the inflections
	partEndings    []string // the inflections, then the derivations
	linking        []string
	dropped        []string
}

// compoundRules parses the data on first use. The file is embedded: a
// broken one is a build defect, so it panics.
var compoundRules = sync.OnceValue(func() *compoundData {
	d, err := loadCompoundRules()
	if err != nil {
		panic("text: embedded lexicons/de/compound_rules.txt: " + err.Error())
	}
	return d
})

func loadCompoundRules() (*compoundData, error) {
	sec, err := lexicons.CompoundRules()
	if err != nil {
		return nil, err
	}
	want := []string{"not_modifiers", "inflections", "derivations", "linking", "dropped"}
	for _, name := range want {
		if _, ok := sec[name]; !ok {
			return nil, fmt.Errorf("no section [%s]", name)
		}
	}
	if len(sec) != len(want) {
		return nil, fmt.Errorf("%d sections, want %d (%s)", len(sec), len(want), strings.Join(want, ", "))
	}
	d := &compoundData{notModifiers: map[string]bool{}, linking: sec["linking"], dropped: sec["dropped"]}
	for _, p := range sec["not_modifiers"] {
		d.notModifiers[p] = true
		d.maxNotModifier = max(d.maxNotModifier, len(p))
	}
	d.headEndings = append([]string{""}, sec["inflections"]...)
	d.partEndings = append(append([]string{}, sec["inflections"]...), sec["derivations"]...)
	for _, l := range d.linking {
		if l == "" || l == "-" {
			return nil, fmt.Errorf("linking element %q", l)
		}
	}
	return d, nil
}
