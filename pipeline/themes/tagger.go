package themes

import (
	"cmp"
	"slices"
	"sync"

	"github.com/stimmung/stimmung/models"
)

// Tagger finds a taxonomy's themes in records. It is safe for concurrent
// use.
type Tagger struct {
	tx       *Taxonomy
	matchers map[string]*matcher
	stem     func(lang, lower string) string
	pool     sync.Pool // *scratch
}

// NewTagger compiles tx for German and English. stem must be the stemmer
// the stems stage uses, so that terms and tokens meet.
func NewTagger(tx *Taxonomy, stem func(lang, lower string) string) *Tagger {
	t := &Tagger{tx: tx, stem: stem, matchers: map[string]*matcher{}}
	for _, lang := range languages {
		t.matchers[lang] = newMatcher(tx, lang, stem)
	}
	t.pool.New = func() any { return new(scratch) }
	return t
}

// Taxonomy returns the taxonomy the tagger was built from.
func (t *Tagger) Taxonomy() *Taxonomy { return t.tx }

// Mention is one place where a theme is mentioned (models.ThemeMention).
type Mention = models.ThemeMention

type scratch struct {
	k        keys
	hits     []hit
	sent     []int
	ruleHits []hit // the hits of rule patterns, by rule
	excl     []hit // the hits of exclude patterns
	group    []hit
}

// Limits on what one record yields, so that a long comment (a
// 1,000,000-byte one has tens of thousands of mentions) costs bounded
// work after the matcher and writes bounded output.
const (
	// MaxMentions is the most mentions Mentions keeps for one record: the
	// first ones in text order. The rest are dropped and the record gets
	// the warning WarnTooManyMatches.
	MaxMentions = 1000
	// MaxMatchesPerTheme is the most matches Themes lists for one theme:
	// the first ones in text order. The theme's score and negation still
	// come from all its kept mentions; the record gets the warning
	// WarnTooManyMatches.
	MaxMatchesPerTheme = 100
	// WarnTooManyMatches is the warning on a record some of whose
	// mentions or matches were dropped by the limits above.
	WarnTooManyMatches = "too_many_matches"
)

// warnTooMany adds WarnTooManyMatches to r once.
func warnTooMany(r *models.Record) {
	if !slices.Contains(r.Warnings, WarnTooManyMatches) {
		r.Warnings = append(r.Warnings, WarnTooManyMatches)
	}
}

// Mentions returns the theme mentions in r, ordered by position, then by
// theme: at most MaxMentions, the first ones; when there are more, r gets
// the warning WarnTooManyMatches. r needs tokens with stems and sentences.
func (t *Tagger) Mentions(r *models.Record) []Mention {
	m := t.matchers[r.Lang]
	if m == nil || len(r.Tokens) == 0 {
		return nil
	}
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	m.tokenKeys(r.Tokens, t.stem, &sc.k)
	sc.hits = m.find(&sc.k, sc.hits[:0])
	hits := sc.hits
	if len(hits) == 0 {
		return nil
	}
	sc.sent = r.SentenceOfTokens(sc.sent)
	sent := sc.sent

	out := make([]Mention, 0, len(hits))
	// A mention is checked against the exclude hits near it only: they
	// are in text order and short, so a binary search finds the few that
	// can overlap it (checking it against every hit made a long comment
	// quadratic).
	sc.excl = sc.excl[:0]
	var span int32 // the longest exclude hit, in tokens
	for _, h := range hits {
		if m.terms[h.term].role == roleExclude {
			sc.excl = append(sc.excl, h)
			span = max(span, h.last-h.first)
		}
	}
	excluded := func(theme int, first, last int32) bool {
		end, _ := slices.BinarySearchFunc(sc.excl, last+1, func(h hit, t int32) int { return cmp.Compare(h.first, t) })
		for k := end - 1; k >= 0 && sc.excl[k].first >= first-span; k-- {
			if h := sc.excl[k]; m.terms[h.term].theme == theme && first <= h.last {
				return true
			}
		}
		return false
	}
	add := func(theme int, h hit) {
		if excluded(theme, h.first, h.last) {
			return
		}
		out = append(out, Mention{Theme: theme, First: int(h.first), Last: int(h.last), Term: m.terms[h.term].raw,
			Negated: m.negated(&sc.k, sent, int(h.first))})
	}
	for _, h := range hits {
		if tm := &m.terms[h.term]; tm.role == roleTerm {
			add(tm.theme, h)
		}
	}
	// Only rules whose first pattern (or any pattern) was found can fire;
	// a signals taxonomy has hundreds of rules and a comment touches few.
	// The hits of rule patterns are grouped by rule once, so that each
	// rule looks at its own hits only.
	sc.ruleHits = sc.ruleHits[:0]
	for _, h := range hits {
		if tm := &m.terms[h.term]; tm.role == roleAll || tm.role == roleAny || tm.role == roleNot {
			sc.ruleHits = append(sc.ruleHits, h)
		}
	}
	slices.SortFunc(sc.ruleHits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(m.terms[a.term].rule, m.terms[b.term].rule), cmp.Compare(a.first, b.first),
			cmp.Compare(a.last, b.last), cmp.Compare(a.term, b.term))
	})
	for start := 0; start < len(sc.ruleHits); {
		ri := m.terms[sc.ruleHits[start].term].rule
		end, fires := start, false
		for ; end < len(sc.ruleHits) && m.terms[sc.ruleHits[end].term].rule == ri; end++ {
			tm := &m.terms[sc.ruleHits[end].term]
			fires = fires || tm.role == roleAny || tm.role == roleAll && tm.slot == 0
		}
		if fires {
			sc.group = t.applyRule(m, ri, sc.ruleHits[start:end], sent, sc.group[:0], add)
		}
		start = end
	}
	slices.SortFunc(out, func(a, b Mention) int {
		if a.First != b.First {
			return a.First - b.First
		}
		if a.Theme != b.Theme {
			return a.Theme - b.Theme
		}
		return a.Last - b.Last
	})
	// One mention per theme and token span, even when several terms or
	// rules found it.
	out = slices.CompactFunc(out, func(a, b Mention) bool { return a.Theme == b.Theme && a.First == b.First && a.Last == b.Last })
	if len(out) > MaxMentions {
		out = slices.Clip(out[:MaxMentions])
		warnTooMany(r)
	}
	return out
}

// applyRule fires rule ri in every sentence where it holds; hits are the
// hits of the rule's patterns. group is scratch space, returned for reuse.
func (t *Tagger) applyRule(m *matcher, ri int, hits []hit, sent []int, group []hit, add func(int, hit)) []hit {
	// The hits come sorted by position, so a sentence's hits are one run:
	// each sentence is looked at on its own (comparing every hit with
	// every other made a long comment quadratic).
	for start := 0; start < len(hits); {
		s := sent[hits[start].first]
		end := start + 1
		for end < len(hits) && sent[hits[end].first] == s {
			end++
		}
		group = t.applyRuleInSentence(m, ri, hits[start:end], group, add)
		start = end
	}
	return group
}

// applyRuleInSentence fires rule ri on the hits of one sentence.
func (t *Tagger) applyRuleInSentence(m *matcher, ri int, hits []hit, group []hit, add func(int, hit)) []hit {
	rule := m.rules[ri]
	for _, h := range hits {
		if m.terms[h.term].role == roleNot {
			return group // a "not" pattern blocks the rule in the sentence
		}
	}
	for _, h := range hits {
		tm := &m.terms[h.term]
		switch {
		case tm.role == roleAny:
			add(rule.theme, h)
		case tm.role == roleAll && tm.slot == 0:
			// Take the nearest hit of every other slot in the sentence;
			// the rule holds when all of them fit in the window.
			group = append(group[:0], h)
			lo, hi := h.first, h.last
			for slot := 1; slot < rule.nAll; slot++ {
				best, bestD := hit{}, int32(-1)
				for _, o := range hits {
					ot := &m.terms[o.term]
					if ot.role != roleAll || ot.slot != slot {
						continue
					}
					if d := distance(h, o); bestD < 0 || d < bestD {
						best, bestD = o, d
					}
				}
				if bestD < 0 {
					group = group[:0]
					break
				}
				group = append(group, best)
				lo, hi = min(lo, best.first), max(hi, best.last)
			}
			if len(group) > 0 && int(hi-lo) < rule.within {
				for _, g := range group {
					add(rule.theme, g)
				}
			}
		}
	}
	return group
}

func distance(a, b hit) int32 {
	switch {
	case b.first > a.last:
		return b.first - a.last
	case a.first > b.last:
		return a.first - b.last
	}
	return 0
}

// negated reports whether an absence word stands up to three tokens before
// token i in its sentence, with no punctuation between ("kein schnelles
// WLAN", "no reply").
func (m *matcher) negated(k *keys, sent []int, i int) bool {
	if len(m.absence) == 0 {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3 && sent[j] == sent[i]; j-- {
		if !k.ok[j] {
			return false
		}
		if m.absence[k.lower[j]] {
			return true
		}
	}
	return false
}
