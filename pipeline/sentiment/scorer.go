package sentiment

import (
	"fmt"
	"math"
	"slices"
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

// findItems marks the roles of tokens and collects the sentiment items:
// phrases first (they win over the words inside them), then emoji, then
// words by form, stem and compound head.
func (s *Scorer) findItems(r *models.Record, lx *lexicons.Lexicon, info []tokInfo, sentOf []int) []item {
	toks := r.Tokens
	var items []item
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		lower := t.Lower
		if lower == "" {
			lower = strings.ToLower(t.Text)
		}
		if s.rules.Phrases && t.Kind == models.Word {
			if e, n := matchPhrase(lx.Phrases[lower], toks, i); n > 0 {
				for j := i; j < i+n; j++ {
					info[j].role = covered
				}
				info[i].item = len(items) + 1
				items = append(items, item{first: i, last: i + n - 1, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: "phrase"})
				i += n - 1
				continue
			}
		}
		switch t.Kind {
		case models.Emoji, models.Emoticon:
			if !s.rules.Emoji {
				continue
			}
			if e, ok := lx.EmojiEntry(t.Text); ok {
				info[i].item = len(items) + 1
				items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: "emoji"})
			}
			continue
		case models.Punct:
			if isBoundary(t.Text) {
				info[i].role = boundary
			}
			continue
		case models.Word:
		default:
			continue
		}
		// Two-word negators and modifiers ("far from", "no one", "ein
		// bisschen", "kind of") before one-word roles.
		if i+1 < len(toks) {
			if e, ok := lx.Negators[lower+" "+lowerOf(&toks[i+1])]; ok {
				info[i].role, info[i].entry = negator, e
				info[i+1].role = covered
				i++
				continue
			}
			if e, ok := lx.Modifiers[lower+" "+lowerOf(&toks[i+1])]; ok {
				info[i].role, info[i].entry, info[i].span = modifier, e, 2
				info[i+1].role = covered
				i++
				continue
			}
		}
		if e, ok := lx.Negators[lower]; ok {
			info[i].role, info[i].entry = negator, e
			continue
		}
		if r.Lang == "en" && (strings.HasSuffix(lower, "n't") || strings.HasSuffix(lower, "n’t")) {
			info[i].role = negator
			info[i].entry = lexicons.Entry{Term: lower, Weight: s.rules.NegationScalar, Kind: lexicons.Negator, Source: "rule: n't"}
			continue
		}
		if e, ok := lx.Contrast[lower]; ok {
			info[i].role, info[i].entry = contrast, e
			continue
		}
		if e, ok := lx.Modifiers[lower]; ok {
			info[i].role, info[i].entry, info[i].span = modifier, e, 1
			// "incredible", "super": a booster that is also a sentiment
			// word counts as one when it has nothing to boost.
			if p, how, ok := s.lookupWord(lx, r.Lang, t); ok && p.Weight != 0 {
				info[i].polar, info[i].polarHow = p, how
			}
			continue
		}
		// A word neutralized with weight 0 ("service", "gerade") is no
		// evidence: it must not claim a negator or block one.
		if e, how, ok := s.lookupWord(lx, r.Lang, t); ok && e.Weight != 0 {
			info[i].item = len(items) + 1
			items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: how})
		}
	}
	return standaloneModifiers(toks, info, items, sentOf)
}

// neverAgainWeight is the weight of "never … again" / "never … back" with
// words in between ("we'll never go again", "never coming back"): the
// customer says they are gone, which the words around rarely carry.
const neverAgainWeight = -2.5

// neverAgain adds an item for "never" followed later in its clause by
// "again" or "back" (contiguous "never again" is a lexicon phrase). The
// "never" token is then spent: it negates nothing else.
func (s *Scorer) neverAgain(toks []models.Token, info []tokInfo, items []item, sent []int) []item {
	for i := range toks {
		if lowerOf(&toks[i]) != "never" || info[i].role != negator {
			continue
		}
		for j := i + 2; j < len(toks) && j <= i+8; j++ {
			if info[j].clause != info[i].clause || info[j].role == boundary || info[j].item != 0 {
				break
			}
			if w := lowerOf(&toks[j]); w == "again" || w == "back" {
				info[i].role, info[i].item = covered, len(items)+1
				items = append(items, item{first: i, last: j, sentence: sent[i], base: neverAgainWeight, val: neverAgainWeight,
					source: "rule: never … again", match: "rule"})
				break
			}
		}
	}
	return items
}

// standaloneModifiers turns a modifier that is also a sentiment word into
// a sentiment item when no sentiment word follows it within three tokens
// of its sentence: "Incredible!", "The shield is super."
func standaloneModifiers(toks []models.Token, info []tokInfo, items []item, sentOf []int) []item {
	added := false
	for i := range info {
		if info[i].role != modifier || info[i].polar.Term == "" {
			continue
		}
		modifies := false
		for j := i + 1; j < len(toks) && j <= i+3 && sentOf[j] == sentOf[i]; j++ {
			if info[j].item != 0 {
				modifies = true
				break
			}
			if toks[j].Kind == models.Punct {
				break
			}
		}
		if modifies {
			continue
		}
		e := info[i].polar
		info[i].role = plain
		items = append(items, item{first: i, last: i, sentence: sentOf[i], base: e.Weight, val: e.Weight, source: e.Source, match: info[i].polarHow})
		added = true
	}
	if added {
		// Keep items in text order and their back references right.
		slices.SortFunc(items, func(a, b item) int { return a.first - b.first })
		for k := range items {
			info[items[k].first].item = k + 1
		}
	}
	return items
}

// lookupWord finds a word's polarity: its form first, then its stem, then
// (German) the head of a compound. Looking forms up before stems matters:
// some German stems collide ("schön" and "schon" both stem to "schon").
func (s *Scorer) lookupWord(lx *lexicons.Lexicon, lang string, t *models.Token) (lexicons.Entry, string, bool) {
	lower := lowerOf(t)
	if e, ok := lx.Words[lower]; ok {
		return e, "exact", true
	}
	if s.rules.StemFallback && t.Stem != "" {
		if e, ok := lx.Stems[t.Stem]; ok {
			return e, "stem", true
		}
	}
	// Only nouns (capitalized in German) are split: splitting any word
	// finds short heads everywhere ("Passagiere" is not "Gier").
	if s.rules.Compounds && lang == "de" {
		if first, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(first) {
			return s.lookupCompound(lx, lang, lower)
		}
	}
	return lexicons.Entry{}, "", false
}

// minStemHead is the shortest compound head looked up by its stem.
const minStemHead = 8

// lookupCompound tries the heads of a German compound from the longest:
// "lieferverzögerung" → "verzögerung". A modifier part of fewer than three
// letters is not split off, so "unfreundlich" never becomes "freundlich";
// a remaining "un" prefix before a head flips it ("kundenunfreundlich").
func (s *Scorer) lookupCompound(lx *lexicons.Lexicon, lang, lower string) (lexicons.Entry, string, bool) {
	minHead := s.rules.CompoundMinHead
	if utf8.RuneCountInString(lower) < minHead+3 {
		return lexicons.Entry{}, "", false
	}
	letters := 0
	for k, c := range lower {
		if letters >= 3 {
			head := lower[k:]
			if strings.HasPrefix(head, "-") {
				head = head[1:]
			}
			if utf8.RuneCountInString(head) < minHead {
				break
			}
			e, ok := lx.Words[head]
			// A stem match needs a long head: "Pfandflaschen" must not
			// meet "lasch" through the stem of "laschen".
			if !ok && s.stem != nil && s.rules.StemFallback && utf8.RuneCountInString(head) >= minStemHead {
				e, ok = lx.Stems[s.stem(lang, head)]
			}
			if ok && e.Weight == 0 {
				// A head the lexicon knows as neutral ends the search:
				// "Stromsteuer" is a "Steuer", not "teuer".
				return lexicons.Entry{}, "", false
			}
			if ok {
				if strings.HasSuffix(lower[:k], "un") {
					e.Weight = -e.Weight
					return e, "compound (un-)", true
				}
				return e, "compound", true
			}
		}
		if unicode.IsLetter(c) {
			letters++
		}
	}
	return lexicons.Entry{}, "", false
}

// matchPhrase returns the longest phrase (candidates are longest first) that
// the tokens from i on spell, and its length in tokens.
func matchPhrase(cands []lexicons.Entry, toks []models.Token, i int) (lexicons.Entry, int) {
	for _, e := range cands {
		n := 0
		rest := e.Term
		ok := true
		for rest != "" {
			word, after, _ := strings.Cut(rest, " ")
			if i+n >= len(toks) || lowerOf(&toks[i+n]) != word {
				ok = false
				break
			}
			n++
			rest = after
		}
		if ok && n > 0 {
			return e, n
		}
	}
	return lexicons.Entry{}, 0
}

// subordinators open a subordinate clause: a negation does not reach across
// them ("Sanktionen, wenn er's nicht einsieht").
var subordinators = map[string]bool{
	"wenn": true, "dass": true, "daß": true, "weil": true, "ob": true, "falls": true, "damit": true, "sodass": true, "während": true,
	"because": true, "if": true, "whether": true, "unless": true, "while": true, "since": true,
}

// markClauses numbers the clauses: a new clause starts after a boundary
// mark, at a contrast word or subordinating conjunction, and at each
// sentence.
func (s *Scorer) markClauses(r *models.Record, info []tokInfo, sent []int) {
	clause := 0
	for i := range info {
		if i > 0 && (sent[i] != sent[i-1] || info[i-1].role == boundary || info[i].role == contrast ||
			(info[i].role == plain && subordinators[lowerOf(&r.Tokens[i])])) {
			clause++
		}
		info[i].clause = clause
	}
}

// applyModifiers adds boosters and dampeners up to three tokens before a
// word, inside its clause, each a little weaker with distance (as VADER).
func (s *Scorer) applyModifiers(toks []models.Token, info []tokInfo, it *item, explain bool) {
	if it.val == 0 {
		return
	}
	decay := [...]float64{1, 0.95, 0.9}
	dist := 0
	for j := it.first - 1; j >= 0 && dist < 3; j-- {
		in := &info[j]
		if in.clause != info[it.first].clause || in.role == boundary || in.item != 0 {
			break
		}
		if in.role == covered {
			continue
		}
		if in.role == modifier {
			inc := in.entry.Weight * decay[dist]
			it.val += sign(it.val) * inc
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("%s by %s (%+.3f)", modName(in.entry.Weight), in.entry.Term, sign(it.val)*inc))
			}
		}
		dist++
	}
}

func modName(w float64) string {
	if w < 0 {
		return "dampened"
	}
	return "boosted"
}

// postNegators may negate a word before them (German word order: "gefällt
// mir nicht"). "kein" and "ohne" stand before what they negate, so they are
// not in this list.
var postNegators = map[string]bool{"nicht": true, "nie": true, "niemals": true, "nichts": true, "keineswegs": true, "keinesfalls": true,
	"garnicht": true, "kaum": true, "nirgends": true, "nirgendwo": true}

// notNegated are sentence adverbs and phrases that comment on the whole
// sentence: "leider nicht geschafft" regrets a failure, it does not make
// "leider" positive.
var notNegated = map[string]bool{"leider": true, "schade": true, "hoffentlich": true, "endlich": true, "schon wieder": true,
	"mal wieder": true, "wieder mal": true, "zum glück": true, "gott sei dank": true, "unfortunately": true, "sadly": true, "hopefully": true, "finally": true}

// applyNegation negates each item with a negator before it in its clause
// (within NegationWindow tokens, and no other sentiment word in between);
// then, in German, a negator that negated nothing negates the nearest item
// before it in its clause.
func (s *Scorer) applyNegation(r *models.Record, toks []models.Token, info []tokInfo, items []item, explain bool) {
	negate := func(it *item, by int, how string) {
		info[by].used = true
		if it.negated || notNegated[strings.ToLower(r.Text[toks[it.first].Start:toks[it.last].End])] {
			return
		}
		it.negated = true
		scalar := s.rules.NegationScalar
		it.val *= scalar
		if explain {
			it.rules = append(it.rules, fmt.Sprintf("negated by %s%s (×%.2f)", lowerOf(&toks[by]), how, scalar))
		}
	}
	// "weder … noch": after "weder", "noch" negates too.
	weder := -1
	for i := range info {
		if lowerOf(&toks[i]) == "weder" {
			weder = info[i].clause
		}
		if weder >= 0 && info[i].role == plain && lowerOf(&toks[i]) == "noch" && sentenceClauseNear(info, i, weder) {
			info[i].role = negator
			info[i].entry = lexicons.Entry{Term: "noch", Weight: s.rules.NegationScalar, Kind: lexicons.Negator, Source: "rule: weder … noch"}
		}
	}
	for k := range items {
		it := &items[k]
		if it.match == "emoji" {
			continue // 😡 says how the writer feels; "nichts 😡" does not negate it
		}
		dist := 0
		for j := it.first - 1; j >= 0 && dist < s.rules.NegationWindow; j-- {
			in := &info[j]
			if in.clause != info[it.first].clause || in.role == boundary || in.item != 0 {
				break
			}
			if in.role == negator {
				negate(it, j, "")
				break
			}
			if in.role != covered {
				dist++
			}
		}
	}
	// "wasn't helpful or friendly", "nicht schnell oder freundlich": a
	// negation carries over "or" to the next word of its clause.
	for k := 1; k < len(items); k++ {
		prev, it := &items[k-1], &items[k]
		if prev.negated && !it.negated && it.match != "emoji" && it.clause == prev.clause && it.first == prev.last+2 &&
			orWords[lowerOf(&toks[prev.last+1])] {
			it.negated = true
			it.val *= s.rules.NegationScalar
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("negated through %s (×%.2f)", lowerOf(&toks[prev.last+1]), s.rules.NegationScalar))
			}
		}
	}
	if !s.rules.PostNegation || r.Lang != "de" {
		return
	}
	for j := range info {
		in := &info[j]
		if in.role != negator || in.used || !postNegators[lowerOf(&toks[j])] || isTagQuestion(toks, j) {
			continue
		}
		dist := 0
		for k := j - 1; k >= 0 && dist < s.rules.PostNegationWindow; k-- {
			if info[k].clause != in.clause || info[k].role == boundary {
				break
			}
			if info[k].item != 0 {
				it := &items[info[k].item-1]
				if it.val != 0 && !it.negated && it.match != "emoji" {
					negate(it, j, " (after the word)")
				}
				break
			}
			if info[k].role != covered {
				dist++
			}
		}
	}
}

// orWords join alternatives that a negation covers together.
var orWords = map[string]bool{"or": true, "nor": true, "oder": true, "noch": true}

// danglingNegation adds an item for each negator that negated nothing and
// whose clause holds no sentiment word: the negation is itself the verdict.
func (s *Scorer) danglingNegation(toks []models.Token, info []tokInfo, items []item, sent []int, w float64) []item {
	hasItem := map[int]bool{}
	for _, it := range items {
		hasItem[it.clause] = true
	}
	added := false
	for j := range info {
		if info[j].role != negator || info[j].used || hasItem[info[j].clause] || isTagQuestion(toks, j) {
			continue
		}
		items = append(items, item{first: j, last: j, sentence: sent[j], clause: info[j].clause, base: w, val: w, pre: w,
			source: "rule: negation without a target", match: "rule"})
		info[j].used = true
		added = true
	}
	if added {
		slices.SortFunc(items, func(a, b item) int { return a.first - b.first })
		for k := range items {
			info[items[k].first].item = k + 1
		}
	}
	return items
}

// sentenceClauseNear reports whether token i is in the clause of "weder" or
// the next one ("weder schnell, noch freundlich").
func sentenceClauseNear(info []tokInfo, i, clause int) bool {
	return info[i].clause == clause || info[i].clause == clause+1
}

// isTagQuestion: "…, oder nicht?" and "nicht wahr?" ask rather than negate.
func isTagQuestion(toks []models.Token, j int) bool {
	if j+1 < len(toks) && (strings.HasPrefix(toks[j+1].Text, "?") || lowerOf(&toks[j+1]) == "wahr") {
		return true
	}
	return j > 0 && lowerOf(&toks[j-1]) == "oder"
}

// applyContrast weighs the clauses around contrast words. "aber"/"but":
// what comes before counts less, what follows more; at the start of a
// sentence it weighs the previous sentences. "obwohl"/"although": its own
// clause counts less, the rest of the sentence more.
func (s *Scorer) applyContrast(r *models.Record, toks []models.Token, info []tokInfo, items []item, sent []int, explain bool) {
	for c := range info {
		if info[c].role != contrast {
			continue
		}
		e := info[c].entry
		word := lowerOf(&toks[c])
		scale := func(it *item, f float64, why string) {
			if it.val == 0 || f == 1 {
				return
			}
			it.val *= f
			if explain {
				it.rules = append(it.rules, fmt.Sprintf("%s %s (×%.2f)", why, word, f))
			}
		}
		if e.After < 1 && e.Weight >= 1 {
			// Subordinating: the clause that "obwohl" opens ends at the
			// next boundary.
			for k := range items {
				it := &items[k]
				if it.sentence != sent[c] {
					continue
				}
				if it.first > c && it.clause == info[c].clause {
					scale(it, e.After, "in the clause of")
				} else {
					scale(it, e.Weight, "outside the clause of")
				}
			}
			continue
		}
		atStart := c == r.Sentences[sent[c]].FirstToken
		for k := range items {
			it := &items[k]
			switch {
			case it.first > c && it.sentence == sent[c]:
				scale(it, e.After, "after")
			case it.first < c && (it.sentence == sent[c] || atStart):
				scale(it, e.Weight, "before")
			}
		}
	}
}

// aggregate sums the items per sentence and clause, adds punctuation
// emphasis, and sets the record's sentiment.
func (s *Scorer) aggregate(r *models.Record, items []item, info []tokInfo, explain bool) {
	toks := r.Tokens
	nSent := len(r.Sentences)
	sums := make([]float64, nSent)
	for _, it := range items {
		sums[it.sentence] += it.val
	}
	// Punctuation emphasis, per sentence, in the direction of its sum.
	emph := make([]float64, nSent)
	if s.rules.Punctuation {
		for si, se := range r.Sentences {
			excl, quest := 0, 0
			for j := se.FirstToken; j < se.EndToken; j++ {
				if toks[j].Kind == models.Punct {
					excl += strings.Count(toks[j].Text, "!")
					quest += strings.Count(toks[j].Text, "?")
				}
			}
			if sums[si] == 0 {
				continue
			}
			e := float64(min(excl, 4)) * s.rules.ExclamationIncrement
			if quest > 1 {
				e += float64(min(quest, 3)) * s.rules.QuestionIncrement
			}
			emph[si] = sign(sums[si]) * e
			sums[si] += emph[si]
		}
	}
	// Clause sums before contrast weighting, for "mixed": "nicht pünktlich,
	// aber top" holds a clearly negative and a clearly positive clause even
	// though "aber" tips the balance.
	maxPos, maxNeg := 0.0, 0.0
	if len(items) > 1 {
		clauseSum := make([]float64, info[len(info)-1].clause+1)
		for _, it := range items {
			clauseSum[it.clause] += it.pre
		}
		for _, v := range clauseSum {
			n := s.normalize(v)
			maxPos = max(maxPos, n)
			maxNeg = min(maxNeg, n)
		}
	}

	r.SentenceSentiments = r.SentenceSentiments[:0]
	var num, den, pos, neg float64
	for si := range r.Sentences {
		sc := s.normalize(sums[si])
		w := math.Abs(sums[si])
		if sums[si] == 0 {
			w = s.rules.NeutralWeight
		}
		num += w * sc
		den += w
		r.SentenceSentiments = append(r.SentenceSentiments, models.Sentiment{Score: round(sc), Label: s.label(r.Lang, sc, 0, 0)})
	}
	neutralWords := 0
	for j := range toks {
		if toks[j].Kind == models.Word && info[j].item == 0 && info[j].role == plain {
			neutralWords++
		}
	}
	for _, it := range items {
		if it.val > 0 {
			pos += it.val + 1 // VADER adds 1 per sentiment word to the shares
		} else if it.val < 0 {
			neg += -it.val + 1
		}
	}
	score := 0.0
	if den > 0 {
		score = num / den
	}
	st := &models.Sentiment{Score: round(score), Label: s.label(r.Lang, score, maxPos, maxNeg)}
	if total := pos + neg + float64(neutralWords); total > 0 {
		st.Positive, st.Negative = round(pos/total), round(neg/total)
		st.Neutral = round(1 - st.Positive - st.Negative)
	} else {
		st.Neutral = 1
	}
	r.Sentiment = st
	for si := range r.SentenceSentiments {
		ss := &r.SentenceSentiments[si]
		ss.Positive, ss.Negative, ss.Neutral = sentenceShares(items, info, toks, r.Sentences[si], si)
	}
	if explain {
		r.Explain = r.Explain[:0]
		for _, it := range items {
			a, b := toks[it.first].Start, toks[it.last].End
			r.Explain = append(r.Explain, models.Contribution{Text: r.Text[a:b], Start: a, End: b, Sentence: it.sentence,
				Source: it.source, Match: it.match, Base: it.base, Final: round(it.val), Rules: it.rules})
		}
		for si, e := range emph {
			if e != 0 {
				se := r.Sentences[si]
				r.Explain = append(r.Explain, models.Contribution{Text: r.Text[se.Start:se.End], Start: se.Start, End: se.End, Sentence: si,
					Match: "punctuation", Final: round(e), Rules: []string{"emphasis by ! and ?"}})
			}
		}
	}
}

func sentenceShares(items []item, info []tokInfo, toks []models.Token, se models.Sentence, si int) (p, n, u float64) {
	var pos, neg, neu float64
	for _, it := range items {
		if it.sentence != si {
			continue
		}
		if it.val > 0 {
			pos += it.val + 1
		} else if it.val < 0 {
			neg += -it.val + 1
		}
	}
	for j := se.FirstToken; j < se.EndToken; j++ {
		if toks[j].Kind == models.Word && info[j].item == 0 && info[j].role == plain {
			neu++
		}
	}
	total := pos + neg + neu
	if total == 0 {
		return 0, 0, 1
	}
	p, n = round(pos/total), round(neg/total)
	return p, n, round(1 - p - n)
}

func (s *Scorer) normalize(sum float64) float64 {
	if sum == 0 {
		return 0
	}
	return sum / math.Sqrt(sum*sum+s.rules.Alpha)
}

func (s *Scorer) label(lang string, score, maxPos, maxNeg float64) string {
	th, ok := s.rules.Thresholds[lang]
	if !ok {
		th = Threshold{Positive: 0.05, Negative: -0.05, Mixed: 0.5}
	}
	switch {
	case maxPos >= th.Mixed && maxNeg <= -th.Mixed:
		return models.Mixed
	case score >= th.Positive:
		return models.Positive
	case score <= th.Negative:
		return models.Negative
	}
	return models.Neutral
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

func isBoundary(p string) bool {
	switch p {
	case ",", ";", ":", "–", "—", "-", "(", ")", "/":
		return true
	}
	return false
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
