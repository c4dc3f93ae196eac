package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
)

// Lower lower-cases s, returning s itself when it is already lower case so
// that the common case does not allocate.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lowerSlow(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func lowerSlow(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return strings.ToLower(s)
		}
	}
	return s
}

// Stem returns the Snowball stem of a lower-case word in lang ("de" or
// "en"); for other languages it returns the word unchanged.
//
// It is lexicons.StemWord: the lexicon's stem entries are keyed by the same
// function, so a token and an entry meet exactly when their stems agree.
// English uses kljensen/snowball; it has no German stemmer, so German uses
// blevesearch/snowballstem, generated from the reference Snowball
// definitions (and already a dependency of Bleve, which indexes the results).
func Stem(lang, lower string) string { return lexicons.StemWord(lang, lower) }

// Stemmer stems words with a bounded cache. Customer feedback repeats a
// small vocabulary (Lieferung, freundlich, delivery), and the Snowball
// stemmers cost about a microsecond a word, which was half of the whole
// pipeline's time before the cache. Safe for concurrent use.
type Stemmer struct {
	shards [stemShards]stemShard
	// perShard bounds memory: once a shard is full, new words are stemmed
	// without being remembered.
	perShard int
}

const stemShards = 32

type stemShard struct {
	mu sync.RWMutex
	m  map[string]string
}

// NewStemmer returns a Stemmer that remembers up to about max words per
// language; max <= 0 means 200,000.
func NewStemmer(max int) *Stemmer {
	if max <= 0 {
		max = 200_000
	}
	s := &Stemmer{perShard: max/(stemShards/2) + 1}
	for i := range s.shards {
		s.shards[i].m = make(map[string]string)
	}
	return s
}

// Stem returns Stem(lang, lower), from the cache when it can.
func (s *Stemmer) Stem(lang, lower string) string {
	if lang != "de" && lang != "en" {
		return lower
	}
	// The same word stems differently per language ("die"), so German and
	// English words live in separate halves of the shards.
	h := uint32(2166136261)
	for i := 0; i < len(lower); i++ {
		h = (h ^ uint32(lower[i])) * 16777619
	}
	idx := h % (stemShards / 2)
	if lang == "en" {
		idx += stemShards / 2
	}
	sh := &s.shards[idx]
	sh.mu.RLock()
	st, ok := sh.m[lower]
	sh.mu.RUnlock()
	if ok {
		return st
	}
	st = Stem(lang, lower)
	sh.mu.Lock()
	if len(sh.m) < s.perShard {
		sh.m[strings.Clone(lower)] = st
	}
	sh.mu.Unlock()
	return st
}
