package index

import (
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/pipeline/text"
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

// splitHeads is where a head may start in the index (the compound
// analyser, pipeline/text): after a first part of text.MinCompoundModifier
// characters ("Umzug" and "Bezug" are not "Zug") with a vowel, and never
// after a verbal prefix ("Verzug", "Auszug", "Vertrag", "Einkauf"). A head
// has minPart characters or more.
var splitHeads = text.CompoundOptions{MinHead: minPart, Vowel: true, NotAfterPrefix: true}

// minPart is the shortest part, in characters, as a head and as what is
// left of a part without its ending: the shortest words of the list. A
// tuning of the index.
const minPart = 3

// minCompound is the shortest word tried; shorter ones are rarely
// compounds of two nouns. A tuning of the index.
const minCompound = 7

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

// isWord reports whether w is a dictionary word, possibly inflected
// ("verzögerungen", "mitarbeiterin"), and returns its base form.
func (s *splitter) isWord(w string) (string, bool) {
	return text.PartBase(w, minPart, s.words)
}

// modifier returns the dictionary word behind a compound's first part,
// which often drops its ending or adds a linking element: "liefer" →
// "lieferung", "bestell" → "bestellung", "kunden" → "kunde",
// "bestellungs" → "bestellung".
func (s *splitter) modifier(m string) (string, bool) {
	return text.ModifierBase(m, minPart, s.words)
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
	for h := splitHeads.Heads(w); h.Next(); {
		head := h.Head
		if b, ok := s.isWord(head); ok {
			dst = appendOnce(dst, b)
			dst = s.split(head, dst)
			m := h.Modifier
			if b, ok := s.modifier(m); ok {
				return s.split(m, appendOnce(dst, b))
			}
			// A modifier that is itself a compound of known words is a
			// word too: "Kundenservicemitarbeiter" is found by
			// "Kundenservice" as well as by "Service".
			n := len(dst)
			if dst = s.split(m, dst); len(dst) > n {
				dst = appendOnce(dst, text.TrimLinking(m))
			}
			return dst
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
