package text

import (
	"testing"
	"unicode/utf8"
)

// fuzzLangs maps the fuzzer's byte to a language argument.
var fuzzLangs = [...]string{"de", "en", ""}

func addFuzzSeeds(f *testing.F, add func(s string, k int)) {
	for _, tc := range tokenizeCases {
		add(tc.in, 2)
	}
	for k, tc := range sentenceCases {
		add(tc.in, k)
	}
	for k, c := range benchComments {
		add(c.text, k)
	}
}

// maxFuzzLen keeps single inputs small enough that a slow (quadratic) path
// shows up as a failure instead of a fuzzer that silently crawls.
const maxFuzzLen = 4096

func FuzzTokenize(f *testing.F) {
	addFuzzSeeds(f, func(s string, _ int) { f.Add(s) })
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzLen {
			return
		}
		toks := Tokenize(s, nil)
		checkTokens(t, s, toks)
		if utf8.ValidString(s) {
			// Every non-space, visible rune is covered by a token: the
			// tokenizer may skip only whitespace and invisible characters.
			covered := make([]bool, len(s))
			for _, tok := range toks {
				for k := tok.Start; k < tok.End; k++ {
					covered[k] = true
				}
			}
			for k, r := range s {
				if !covered[k] && !ignorable(r) {
					t.Fatalf("%q: rune %q at %d is in no token", s, r, k)
				}
			}
		}
	})
}

func FuzzSplitSentences(f *testing.F) {
	addFuzzSeeds(f, func(s string, k int) { f.Add(s, uint8(k)) })
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		if len(s) > maxFuzzLen {
			return
		}
		lang := fuzzLangs[int(k)%len(fuzzLangs)]
		checkSentences(t, s, SplitSentences(s, lang, nil))
		checkSpanTokens(t, s, lang)
	})
}
