package index

import (
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// splitter finds the parts of German compounds that are words of its
// dictionary, so that the index holds "verzögerung" for
// "Lieferverzögerung" and "service" and "mitarbeiter" for
// "Servicemitarbeiterin". Dictionary-based splitting is deliberate: a
// split by letter statistics finds heads everywhere ("Passagiere" is not
// "Gier"), while a list of nouns customers write about, kept as data
// (lexicons/de/compound_parts.txt), splits what matters and nothing else.
type splitter struct {
	words map[string]bool
	// version is a short hash of the words: an index records it, since a
	// changed list changes which parts are indexed.
	version string
}

// minModifier is the shortest first part split off: "Umzug" and "Bezug"
// are not "Zug".
const minModifier = 3

// minCompound is the shortest word tried; shorter ones are rarely
// compounds of two nouns.
const minCompound = 7

// prefixes are verbal and adverbial prefixes that look like a first part
// but make a word of their own ("Verzug", "Auszug", "Vertrag", "Einkauf").
var prefixes = map[string]bool{
	"ver": true, "aus": true, "ein": true, "vor": true, "zer": true, "ent": true, "emp": true,
	"miss": true, "über": true, "unter": true, "auf": true, "nach": true, "mit": true, "weg": true,
	"her": true, "hin": true, "durch": true, "wider": true, "wieder": true, "gegen": true,
	"zurück": true, "voraus": true, "heraus": true, "hinaus": true, "herein": true, "hinein": true,
	"ueber": true, "zusammen": true, "fort": true, "los": true, "bei": true, "dar": true,
	"abs": true, "ans": true, "auss": true, "ers": true, "ges": true, "bes": true, "ums": true,
}

// endings are inflection endings a part may carry ("Verzögerungen",
// "Mitarbeitern", "Kunden"), and linking elements between parts
// ("Liefer|ungs|…", "Kunden|service").
var endings = []string{"en", "n", "e", "s", "es", "er", "ern", "in", "innen"}

func newSplitter(words []string) *splitter {
	s := &splitter{words: make(map[string]bool, len(words))}
	h := fnv.New32a()
	for _, w := range words {
		s.words[w] = true
		h.Write([]byte(w))
		h.Write([]byte{'\n'})
	}
	s.version = fmt.Sprintf("%08x", h.Sum32())
	return s
}

// isWord reports whether w is a dictionary word, possibly inflected, and
// returns its base form.
func (s *splitter) isWord(w string) (string, bool) {
	if s.words[w] {
		return w, true
	}
	for _, e := range endings {
		if b, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(b) >= 3 && s.words[b] {
			return b, true
		}
	}
	return "", false
}

// modifier returns the dictionary word behind a compound's first part,
// which often drops its ending or adds a linking element: "liefer" →
// "lieferung", "bestell" → "bestellung", "kunden" → "kunde",
// "bestellungs" → "bestellung".
func (s *splitter) modifier(m string) (string, bool) {
	if b, ok := s.isWord(m); ok {
		return b, true
	}
	if s.words[m+"ung"] {
		return m + "ung", true
	}
	if b, ok := strings.CutSuffix(m, "s"); ok && s.words[b] {
		return b, true
	}
	return "", false
}

// split appends the dictionary parts of the lower-cased word w to dst: the
// head first (the longest dictionary word that ends w), then the parts of
// the rest, recursively. A word that is not a compound of known parts adds
// nothing; neither does a word that is itself in the dictionary and has no
// known parts.
func (s *splitter) split(w string, dst []string) []string {
	if s == nil || utf8.RuneCountInString(w) < minCompound {
		return dst
	}
	if strings.ContainsRune(w, '-') {
		// "Liefer-Verzögerung", "WLAN-Router": each part, and its parts.
		for part := range strings.SplitSeq(w, "-") {
			if b, ok := s.modifier(part); ok {
				dst = appendOnce(dst, b)
			}
			dst = s.split(part, dst)
		}
		return dst
	}
	letters := 0
	vowel := false
	for k, c := range w {
		if letters >= minModifier && vowel && !prefixes[w[:k]] {
			head := w[k:]
			if utf8.RuneCountInString(head) < 3 {
				break
			}
			if b, ok := s.isWord(head); ok {
				dst = appendOnce(dst, b)
				dst = s.split(head, dst)
				m := w[:k]
				if b, ok := s.modifier(m); ok {
					return s.split(m, appendOnce(dst, b))
				}
				// A modifier that is itself a compound of known words is a
				// word too: "Kundenservicemitarbeiter" is found by
				// "Kundenservice" as well as by "Service".
				n := len(dst)
				if dst = s.split(m, dst); len(dst) > n {
					dst = appendOnce(dst, strings.TrimSuffix(m, "s"))
				}
				return dst
			}
		}
		letters++
		if strings.ContainsRune("aeiouyäöü", c) {
			vowel = true
		}
	}
	return dst
}

func appendOnce(dst []string, w string) []string {
	for _, x := range dst {
		if x == w {
			return dst
		}
	}
	return append(dst, w)
}

// defaultSplitter is the splitter of the built-in word list, built once.
var defaultSplitter = sync.OnceValue(func() *splitter { return newSplitter(lexicons.CompoundParts()) })
