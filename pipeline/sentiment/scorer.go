package sentiment

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
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
	// index holds, per language, everything a lower-cased word can be:
	// one lookup per word instead of six, and phrases split once.
	index   map[string]map[string]*wordIndex
	scratch sync.Pool // *scratch
	// stem stems a compound's head the way the stems stage stems words.
	stem func(lang, lower string) string
	// stop holds each language's stop words: the function words that
	// follow "zu"/"too" when it is no excess ("zu einem", "zu mir").
	stop map[string]map[string]bool
	// intensifiers are each language's intensifying prefixes and
	// compoundFirsts its compound modifiers, by first byte, longest first.
	intensifiers   map[string]*prefixes
	compoundFirsts map[string]*prefixes
	// particles are each language's separable-verb particles: every form
	// of a separable verb written as one word starts with one.
	particles map[string]*prefixes
	// negSuffixes are each language's negating endings ("n't").
	negSuffixes map[string][]string
	// pairs are the two-word terms of each language's tokenLists.
	pairs map[string]map[string]pairSet
}

// New returns a Scorer over one lexicon per language ("de", "en").
func New(lex map[string]*lexicons.Lexicon, rules Rules, stem func(lang, lower string) string) *Scorer {
	sc := &Scorer{lex: lex, rules: rules, stem: stem, index: map[string]map[string]*wordIndex{}, stop: map[string]map[string]bool{}, intensifiers: map[string]*prefixes{}, compoundFirsts: map[string]*prefixes{}, particles: map[string]*prefixes{}, negSuffixes: map[string][]string{}, pairs: map[string]map[string]pairSet{}}
	for lang, lx := range lex {
		sc.index[lang] = buildIndex(lx)
		sc.stop[lang] = lexicons.Stopwords(lang)
		sc.intensifiers[lang] = newPrefixes(maps.Keys(lx.List(lexicons.ListIntensifierPrefix)))
		sc.compoundFirsts[lang] = newPrefixes(maps.Keys(lx.CompoundModifiers))
		sc.particles[lang] = newPrefixes(maps.Keys(lx.List(lexicons.ListSeparableParticle)))
		sc.negSuffixes[lang] = slices.Sorted(maps.Keys(lx.List(lexicons.ListNegatorSuffix)))
		sc.pairs[lang] = map[string]pairSet{}
		for _, name := range tokenLists {
			sc.pairs[lang][name] = compilePairs(lx.List(name))
		}
	}
	sc.scratch.New = func() any { return new(scratch) }
	return sc
}

// wordIndex is what one lower-cased word can be in a lexicon. Building a
// two-word key for every token cost a string allocation per word; multi
// says whether the word starts a two-word negator or modifier at all.
type wordIndex struct {
	// lists says which of the one-word lists the rules test at every
	// token hold the word (tokenLists); pairs which two-word terms of
	// those lists start with it.
	lists                       listBits
	pairs                       listBits
	phrases                     []phrase // starting with the word, longest first
	negator, contrast, modifier *lexicons.Entry
	polar                       *lexicons.Entry // the exact-form polarity entry
	multi                       bool
}

type phrase struct {
	words []string
	e     lexicons.Entry
}

func buildIndex(lx *lexicons.Lexicon) map[string]*wordIndex {
	idx := map[string]*wordIndex{}
	get := func(w string) *wordIndex {
		wi := idx[w]
		if wi == nil {
			wi = &wordIndex{}
			idx[w] = wi
		}
		return wi
	}
	for first, ps := range lx.Phrases {
		wi := get(first)
		for _, e := range ps {
			wi.phrases = append(wi.phrases, phrase{words: strings.Split(e.Term, " "), e: e})
		}
	}
	for term, e := range lx.Negators {
		if w, _, ok := strings.Cut(term, " "); ok {
			get(w).multi = true
			continue
		}
		get(term).negator = &e
	}
	for term, e := range lx.Modifiers {
		if w, _, ok := strings.Cut(term, " "); ok {
			get(w).multi = true
			continue
		}
		get(term).modifier = &e
	}
	for term, e := range lx.Contrast {
		get(term).contrast = &e
	}
	for term, e := range lx.Words {
		get(term).polar = &e
	}
	for bit, name := range tokenLists {
		for term := range lx.List(name) {
			if first, _, ok := strings.Cut(term, " "); ok {
				get(first).pairs |= 1 << bit
				continue
			}
			get(term).lists |= 1 << bit
		}
	}
	return idx
}

// scratch is per-record working memory, pooled: allocating it for every
// record was a third of the scorer's garbage.
type scratch struct {
	info  []tokInfo
	sent  []int
	items []item
	sums  []float64 // per sentence: the sum of its items, then its emphasis
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
	// known: the lexicon has the word's form or stem (perhaps at weight
	// 0), so no other reading of the word applies.
	known bool
	// wi is what the word can be in the lexicon (nil: nothing).
	wi *wordIndex
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
// explain is true), and fills a with the clauses and evidence for the
// stages after it. cues are the record's implicit complaints, found by the
// caller (nil: none; see Cue). A record in a language without a lexicon is
// neutral.
func (s *Scorer) Score(r *models.Record, a *models.Analysis, cues []Cue, explain bool) {
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
	sc := s.scratch.Get().(*scratch)
	defer s.scratch.Put(sc)
	info := slices.Grow(sc.info[:0], len(toks))[:len(toks)]
	clear(info)
	sc.info = info
	sent := r.SentenceOfTokens(sc.sent)
	sc.sent = sent
	items := s.findItems(r, lx, info, sent, sc.items[:0])
	s.markClauses(r, info, sent)
	items = s.separableVerbs(r, lx, info, items, sent, explain)
	items = s.addCues(info, items, sent, cues, explain)
	items = s.addExcess(r, lx, info, items, sent, explain)
	items = s.addSuggestion(r, info, items, sent, explain)
	if s.rules.Negation {
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
	s.applyIrrealis(r, info, items, sent, explain)
	s.applyIrony(r, lx, info, items, explain)
	for i := range items {
		items[i].pre = items[i].val
	}
	if w := s.rules.DanglingNegation[r.Lang]; s.rules.Negation && w != 0 {
		items = s.danglingNegation(r, info, items, sent, w)
	}
	if s.rules.Contrast {
		s.applyContrast(r, toks, info, items, sent, explain)
	}
	s.aggregate(r, items, info, sc, explain)
	keepEvidence(a, info, sent, items)
	clear(items) // drop the explain strings before the slice goes back to the pool
	sc.items = items[:0]
}

// keepEvidence puts the clauses and the final value of each item into a,
// for the themes stage.
func keepEvidence(a *models.Analysis, info []tokInfo, sent []int, items []item) {
	if len(info) > 0 {
		a.Clauses = slices.Grow(a.Clauses[:0], info[len(info)-1].clause+1)
	}
	for i := range info {
		if i == 0 || info[i].clause != info[i-1].clause {
			a.Clauses = append(a.Clauses, models.Clause{FirstToken: i, EndToken: i + 1, Sentence: sent[i], Contrast: info[i].role == contrast})
		} else {
			a.Clauses[len(a.Clauses)-1].EndToken = i + 1
		}
	}
	a.Evidence = slices.Grow(a.Evidence[:0], len(items))
	for _, it := range items {
		if it.val == 0 && it.pre == 0 {
			continue
		}
		a.Evidence = append(a.Evidence, models.Evidence{FirstToken: it.first, LastToken: it.last, Clause: it.clause, Value: it.val, Pre: it.pre})
	}
}

// Normalize maps a sum of contributions into (-1, 1) as the scorer does for
// a sentence: s/sqrt(s²+alpha).
func (s *Scorer) Normalize(sum float64) float64 { return s.normalize(sum) }

// Label labels a score in lang with the configured thresholds; praise and
// blame are the sums of the positive and of the negative evidence (both
// >= 0), for mixed.
func (s *Scorer) Label(lang string, score, praise, blame float64) string {
	return s.label(lang, score, praise, blame)
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

// prefixes are words to try as prefixes of a word, bucketed by first byte
// (the lookup runs for every unknown word) and longest first, so that the
// match is deterministic and the longest wins.
type prefixes [256][]string

func newPrefixes(words iter.Seq[string]) *prefixes {
	ps := slices.Collect(words)
	slices.SortFunc(ps, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	var p prefixes
	for _, w := range ps {
		if w != "" {
			p[w[0]] = append(p[w[0]], w)
		}
	}
	return &p
}

// of returns the candidate prefixes of word.
func (p *prefixes) of(word string) []string {
	if p == nil || word == "" {
		return nil
	}
	return p[word[0]]
}

// listBits is a set of tokenLists, by index.
type listBits uint32

// tokenLists are the word lists that rules test at every token; the word
// index records each word's memberships, so that a test costs no lookup.
var tokenLists = [...]string{
	lexicons.ListSubordinator, lexicons.ListSeparableParticle, lexicons.ListCoordinator,
	lexicons.ListNegationTransparent, lexicons.ListPostNegator, lexicons.ListOrWord,
	lexicons.ListIrrealis, lexicons.ListIronyMarker, lexicons.ListExcessMarker,
	lexicons.ListInterjection, lexicons.ListSuggestionOpener, lexicons.ListComparison,
	lexicons.ListLaughter, lexicons.ListDerision, lexicons.ListNeverAgainStart, lexicons.ListNeverAgainEnd,
	lexicons.ListNeitherStart, lexicons.ListNeitherNor, lexicons.ListTagQuestionBefore, lexicons.ListTagQuestionAfter,
}

// listBit returns the bit of a list in tokenLists.
func listBit(name string) listBits {
	for i, n := range tokenLists {
		if n == name {
			return 1 << i
		}
	}
	panic("sentiment: " + name + " is not in tokenLists")
}

// Bits of the lists in tokenLists.
var (
	bitSubordinator = listBit(lexicons.ListSubordinator)
	bitParticle     = listBit(lexicons.ListSeparableParticle)
	bitCoordinator  = listBit(lexicons.ListCoordinator)
	bitTransparent  = listBit(lexicons.ListNegationTransparent)
	bitPostNegator  = listBit(lexicons.ListPostNegator)
	bitOrWord       = listBit(lexicons.ListOrWord)
	bitIrrealis     = listBit(lexicons.ListIrrealis)
	bitIronyMarker  = listBit(lexicons.ListIronyMarker)
	bitExcess       = listBit(lexicons.ListExcessMarker)
	bitInterjection = listBit(lexicons.ListInterjection)
	bitNeverStart   = listBit(lexicons.ListNeverAgainStart)
	bitNeverEnd     = listBit(lexicons.ListNeverAgainEnd)
	bitNeitherStart = listBit(lexicons.ListNeitherStart)
	bitNeitherNor   = listBit(lexicons.ListNeitherNor)
	bitTagBefore    = listBit(lexicons.ListTagQuestionBefore)
	bitTagAfter     = listBit(lexicons.ListTagQuestionAfter)
)

// inLists reports whether token i's word is in one of the lists of bits.
func (in *tokInfo) inLists(bits listBits) bool { return in.wi != nil && in.wi.lists&bits != 0 }

// hasPrefix reports whether one of the prefixes starts word.
func (p *prefixes) hasPrefix(word string) bool {
	for _, q := range p.of(word) {
		if strings.HasPrefix(word, q) {
			return true
		}
	}
	return false
}
