package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
	"github.com/kljensen/snowball/english"
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
// English uses kljensen/snowball. It has no German stemmer, so German uses
// blevesearch/snowballstem, generated from the reference Snowball
// definitions (and already a dependency of Bleve, which indexes the results).
func Stem(lang, lower string) string {
	switch lang {
	case "en":
		// Stop words are stemmed too: "was" and "has" must stay stable keys
		// for the lexicon; the library skips them unless told otherwise.
		return english.Stem(lower, true)
	case "de":
		env := snowballstem.NewEnv(lower)
		german.Stem(env)
		return env.Current()
	}
	return lower
}
