package sentiment

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
)

// Scorer scores records. It is safe for concurrent use: all per-record
// state lives on the stack of Score.
type Scorer struct {
	lex   map[string]*lexicons.Lexicon
	rules Rules
	// stem stems a compound's head the way the stems stage stems words.
	stem func(lang, lower string) string
}

// New returns a Scorer over one lexicon per language ("de", "en").
func New(lex map[string]*lexicons.Lexicon, rules Rules, stem func(lang, lower string) string) *Scorer {
	return &Scorer{lex: lex, rules: rules, stem: stem}
}

// role is what a token does besides (or instead of) carrying sentiment.
type role uint8

const (
	plain role = iota
	negator
	modifier
	contrast
	boundary // ends a clause: , ; : and dashes
	covered  // inside a phrase: plays no other part
)

type tokInfo struct {
	role role
	// entry is the negator, modifier or contrast entry; span is the number
	// of tokens a multi-word modifier covers.
	entry lexicons.Entry
	span  int
	// item is the index+1 of the sentiment item starting here, 0 if none.
	item   int
	clause int
	used   bool // a negator already spent on a word
	// polar is the polarity entry of a modifier that is also a sentiment
	// word ("incredible"); it counts when the modifier modifies nothing.
	polar    lexicons.Entry
	polarHow string
}

// item is one piece of sentiment evidence: a word, phrase or emoji.
type item struct {
	first, last int // token range, inclusive
	sentence    int
	clause      int
	base, val   float64
	// pre is val before contrast weighting: how strong the clause is on
	// its own, which is what "mixed" asks.
	pre     float64
	source  string
	match   string
	negated bool
	rules   []string
}

// Score sets r.Sentiment and r.SentenceSentiments (and r.Explain when
// explain is true). A record in a language without a lexicon is neutral.
func (s *Scorer) Score(r *models.Record, explain bool) {
	lx := s.lex[r.Lang]
	if lx == nil || len(r.Tokens) == 0 {
		r.Sentiment = &models.Sentiment{Neutral: 1, Label: models.Neutral}
		r.SentenceSentiments = r.SentenceSentiments[:0]
		for range r.Sentences {
			r.SentenceSentiments = append(r.SentenceSentiments, models.Sentiment{Neutral: 1, Label: models.Neutral})
		}
		return
	}
	toks := r.Tokens
	info := make([]tokInfo, len(toks))
	sent := sentenceIndex(r)
	items := s.findItems(r, lx, info, sent)
	s.markClauses(r, info, sent)
	if s.rules.Negation && r.Lang == "en" {
		items = s.neverAgain(toks, info, items, sent)
	}
	for i := range items {
		items[i].clause = info[items[i].first].clause
	}
	allCaps := isAllCaps(toks)
	for i := range items {
		it := &items[i]
		if s.rules.Modifiers {
			s.applyModifiers(toks, info, it, explain)
		}
		if s.rules.Caps && !allCaps && it.first == it.last && isCapsWord(toks[it.first].Text) && it.val != 0 {
			it.val += sign(it.val) * s.rules.CapsIncrement
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("capitals (%+.3f)", sign(it.val)*s.rules.CapsIncrement))
			}
		}
	}
	if s.rules.Negation {
		s.applyNegation(r, toks, info, items, explain)
	}
	for i := range items {
		items[i].pre = items[i].val
	}
	if w := s.rules.DanglingNegation[r.Lang]; s.rules.Negation && w != 0 {
		items = s.danglingNegation(toks, info, items, sent, w)
	}
	if s.rules.Contrast {
		s.applyContrast(r, toks, info, items, sent, explain)
	}
	s.aggregate(r, items, info, explain)
}

// sentenceIndex maps each token to its sentence.
func sentenceIndex(r *models.Record) []int {
	out := make([]int, len(r.Tokens))
	for si, se := range r.Sentences {
		for j := se.FirstToken; j < se.EndToken && j < len(out); j++ {
			out[j] = si
		}
	}
	return out
}

func lowerOf(t *models.Token) string {
	if t.Lower != "" {
		return t.Lower
	}
	return strings.ToLower(t.Text)
}

// isCapsWord: two or more letters, all upper case ("ÄRGERLICH", not "A").
func isCapsWord(s string) bool {
	letters := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// isAllCaps: a text written all in capitals emphasises nothing in
// particular, so the caps rule is off for it (as in VADER).
func isAllCaps(toks []models.Token) bool {
	words := 0
	for i := range toks {
		if toks[i].Kind == models.Word && utf8.RuneCountInString(toks[i].Text) >= 2 {
			if !isCapsWord(toks[i].Text) {
				return false
			}
			words++
		}
	}
	return words > 0
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// round keeps four decimals: the output stays readable and byte-stable.
func round(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return math.Round(v*1e4) / 1e4
}
