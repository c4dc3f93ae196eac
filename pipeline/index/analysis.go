package index

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// The analyzers the mapping names. They are registered with Bleve in this
// package's init, the one place every command that opens an index passes
// through: an index whose mapping names an analyzer Bleve does not know
// cannot be opened.
const (
	AnalyzerDE      = "stimmung_de"      // German: stimmung's tokens, Snowball stems, no stop words but negations
	AnalyzerEN      = "stimmung_en"      // English: the same with the English stemmer
	AnalyzerOther   = "stimmung_other"   // other languages: lower-cased tokens, no stemming
	AnalyzerKeyword = "stimmung_keyword" // the whole value, lower-cased, as one term
)

func init() {
	for name, a := range map[string]analysis.Analyzer{
		AnalyzerDE:      textAnalyzer{lang: "de"},
		AnalyzerEN:      textAnalyzer{lang: "en"},
		AnalyzerOther:   textAnalyzer{lang: ""},
		AnalyzerKeyword: keywordAnalyzer{},
	} {
		registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return a, nil
		})
	}
}

// textAnalyzer analyses query text exactly as Document analyses a record's
// text, through the same function (appendTerms) and the same tokenizer and
// stemmer as the pipeline, so that a query term meets the indexed term by
// construction. Only compound splitting is left to indexing: the parts of
// "Lieferverzögerung" are indexed, so "Verzögerung" finds it, while a query
// for "Lieferverzögerung" asks for that word and not for every delay.
type textAnalyzer struct{ lang string }

func (a textAnalyzer) Analyze(in []byte) analysis.TokenStream {
	s := string(in)
	toks := text.Tokenize(s, nil)
	return appendTerms(nil, a.lang, toks, nil)
}

// keywordAnalyzer makes the whole value one lower-cased term, for query
// values of keyword fields ("touchpoint:App" finds "app").
type keywordAnalyzer struct{}

func (keywordAnalyzer) Analyze(in []byte) analysis.TokenStream {
	v := KeywordValue(string(in))
	return analysis.TokenStream{{Term: []byte(v), Start: 0, End: len(in), Position: 1, Type: analysis.AlphaNumeric}}
}

// KeywordValue is how a keyword field stores a value: trimmed and lower-cased.
func KeywordValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// stopwords are the words left out of the text fields: lexicons.Stopwords
// minus every negator of the lexicons, so that "nicht", "kein", "nie",
// "not" and "never" stay searchable (the built-in Bleve analyzers drop
// them, which makes "gefällt mir nicht" unfindable).
var stopwords = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, lang := range []string{"de", "en"} {
		stop := lexicons.Stopwords(lang)
		if lx, err := lexicons.Builtin(lang); err == nil {
			for w := range lx.Negators {
				delete(stop, w)
			}
		}
		out[lang] = stop
	}
	return out
})

// appendTerms appends the index terms of toks to ts: the stem of every word
// that is not a stop word, the lower-cased text of numbers, emoji,
// hashtags, mentions, URLs and e-mail addresses; punctuation is left out.
// Positions count the stop words, so that a phrase query keeps its gaps.
// With split, German compounds add their parts at the compound's position
// and offsets (highlighting marks the whole word).
//
// Tokens from the pipeline carry Lower and Stem already; tokens of a query
// get them here, from the same functions.
func appendTerms(ts analysis.TokenStream, lang string, toks []models.Token, split *splitter) analysis.TokenStream {
	stop := stopwords()[lang]
	pos := 0
	var parts []string
	for i := range toks {
		t := &toks[i]
		if t.Kind == models.Punct {
			continue
		}
		pos++
		lower := t.Lower
		if lower == "" {
			lower = text.Lower(t.Text)
		}
		term := lower
		switch t.Kind {
		case models.Word:
			if strings.ContainsRune(lower, '’') {
				lower = strings.ReplaceAll(lower, "’", "'")
			}
			if stop[lower] {
				continue
			}
			if lang == "de" || lang == "en" {
				term = t.Stem
				if term == "" {
					term = text.Stem(lang, lower)
				}
			}
		case models.Emoji, models.Emoticon:
			term = lexicons.EmojiKey(t.Text)
		}
		if term == "" {
			continue
		}
		ts = append(ts, &analysis.Token{Term: []byte(term), Start: t.Start, End: t.End, Position: pos, Type: analysis.AlphaNumeric})
		if split != nil && t.Kind == models.Word {
			parts = split.split(lower, parts[:0])
			for _, p := range parts {
				if st := text.Stem(lang, p); st != term {
					ts = append(ts, &analysis.Token{Term: []byte(st), Start: t.Start, End: t.End, Position: pos, Type: analysis.AlphaNumeric})
				}
			}
		}
	}
	return ts
}
