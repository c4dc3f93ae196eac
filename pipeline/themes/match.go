package themes

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
)

// MinHead is the shortest term stem, in letters, that matches by itself
// as the head of a compound token, after a first part of
// text.MinCompoundModifier letters or more: "verspätung" in
// "Zugverspätung", but not "zug" in "Anzug". A tuning of the tagger
// (theme discovery reads it: a head this long needs no "*" pattern).
const MinHead = 5

// headRules is how the tagger asks the compound analyser (pipeline/text)
// for a head: any first part of text.MinCompoundModifier characters, no
// vowel or prefix test; the length of the head is checked when a term is
// compiled (MinHead).
var headRules = text.CompoundOptions{}

// role is what a compiled term does for its theme.
type role uint8

const (
	roleTerm role = iota
	roleExclude
	roleAll // a pattern of a rule's all list
	roleAny
	roleNot
)

// word is one compiled word of a term.
type word struct {
	kind wordKind
	s    string // the stem (stemWord, suffixWord) or lower-cased form
	head bool   // stemWord may also match as a compound head
	// form is the lower-cased term: Snowball strips some endings only in
	// long words ("störung" stems to "storung", "weichenstörung" to
	// "weichenstor"), so a head is also found by its written form plus an
	// inflection ending.
	form string
}

// isFormHeadOf: lower is some modifier (text.MinCompoundModifier letters
// or more), then form, then an inflection ending (text.HeadInflections:
// Störung/Störungen; Zug/Züge is left to stems).
func isFormHeadOf(lower, form string) bool {
	return headRules.IsInflectedHead(lower, form)
}

type term struct {
	words []word
	raw   string
	theme int
	role  role
	rule  int // index into the language's rules, for rule roles
	slot  int // position in the rule's all list
}

// compiledRule is a Rule with its theme, for one language.
type compiledRule struct {
	theme  int
	within int
	nAll   int
}

// matcher finds the terms of one language in a token sequence.
type matcher struct {
	lang  string
	terms []term
	rules []compiledRule
	// Indexes of the terms by their first word. For prefixes and
	// suffixes, the lengths (in bytes) that occur, so that a token is
	// cut only where a key of that length exists.
	byStem, byExact, byPrefix, bySuffix, byHead, byForm map[string][]int32
	prefixLens, suffixLens, headLens, formLens          []int
	absence                                             map[string]bool
	cache                                               *candCache
}

func newMatcher(tx *Taxonomy, lang string, stem func(lang, lower string) string) *matcher {
	m := &matcher{lang: lang, byStem: map[string][]int32{}, byExact: map[string][]int32{}, byPrefix: map[string][]int32{},
		bySuffix: map[string][]int32{}, byHead: map[string][]int32{}, byForm: map[string][]int32{}, absence: map[string]bool{},
		cache: newCandCache(100_000)}
	for _, w := range tx.Absence[lang] {
		m.absence[w] = true
	}
	add := func(pattern string, t term) {
		raw, _ := compileTerm(pattern) // checked by Parse
		t.raw = pattern
		for _, rw := range raw {
			w := word{kind: rw.kind, s: rw.text}
			if rw.kind == stemWord || rw.kind == suffixWord {
				w.s = stem(lang, rw.text)
				if w.s == "" {
					w.s = rw.text
				}
			}
			w.head = rw.kind == stemWord && lang == "de" && utf8.RuneCountInString(w.s) >= MinHead
			if w.head {
				w.form = rw.text
			}
			t.words = append(t.words, w)
		}
		id := int32(len(m.terms))
		m.terms = append(m.terms, t)
		first := t.words[0]
		switch first.kind {
		case stemWord:
			m.byStem[first.s] = append(m.byStem[first.s], id)
			if first.head {
				m.byHead[first.s] = append(m.byHead[first.s], id)
				m.headLens = addLen(m.headLens, len(first.s))
				m.byForm[first.form] = append(m.byForm[first.form], id)
				m.formLens = addLen(m.formLens, len(first.form))
			}
		case exactWord:
			m.byExact[first.s] = append(m.byExact[first.s], id)
		case prefixWord:
			m.byPrefix[first.s] = append(m.byPrefix[first.s], id)
			m.prefixLens = addLen(m.prefixLens, len(first.s))
		case suffixWord:
			m.bySuffix[first.s] = append(m.bySuffix[first.s], id)
			m.suffixLens = addLen(m.suffixLens, len(first.s))
		}
	}
	for ti, th := range tx.Themes {
		for _, p := range th.Terms[lang] {
			add(p, term{theme: ti, role: roleTerm})
		}
		for _, p := range th.Exclude[lang] {
			add(p, term{theme: ti, role: roleExclude})
		}
		for _, r := range th.Rules[lang] {
			ri := len(m.rules)
			within := r.Within
			if within == 0 {
				within = tx.Within
			}
			m.rules = append(m.rules, compiledRule{theme: ti, within: within, nAll: len(r.All)})
			for i, p := range r.All {
				add(p, term{theme: ti, role: roleAll, rule: ri, slot: i})
			}
			for _, p := range r.Any {
				add(p, term{theme: ti, role: roleAny, rule: ri})
			}
			for _, p := range r.Not {
				add(p, term{theme: ti, role: roleNot, rule: ri})
			}
		}
	}
	return m
}

func addLen(lens []int, n int) []int {
	if !slices.Contains(lens, n) {
		lens = append(lens, n)
		slices.Sort(lens)
	}
	return lens
}

// tokenKey is what a token offers for matching: its lower-cased form and
// its stem. Hashtags match without their "#"; punctuation, URLs, e-mails,
// mentions and emoji never match.
func (m *matcher) tokenKey(t *models.Token, stem func(lang, lower string) string) (lower, st string, ok bool) {
	switch t.Kind {
	case models.Word, models.Number:
		lower = t.Lower
		if lower == "" {
			lower = strings.ToLower(t.Text)
		}
		st = t.Stem
		if st == "" {
			st = lower
		}
		return lower, st, true
	case models.Hashtag:
		lower = strings.ToLower(strings.TrimPrefix(t.Text, "#"))
		if lower == "" {
			return "", "", false
		}
		return lower, stem(m.lang, lower), true
	}
	return "", "", false
}

func (w *word) matches(lower, st string) bool {
	switch w.kind {
	case stemWord:
		return st == w.s || (w.head && (isHeadOf(st, w.s) || isFormHeadOf(lower, w.form)))
	case prefixWord:
		return strings.HasPrefix(lower, w.s)
	case suffixWord:
		return strings.HasSuffix(st, w.s)
	case exactWord:
		return lower == w.s
	}
	return false
}

// isHeadOf: st ends with head and at least text.MinCompoundModifier
// letters stand before it.
func isHeadOf(st, head string) bool {
	return headRules.IsHead(st, head)
}

// hit is one term found at tokens [first, last].
type hit struct {
	term        int32
	first, last int32
}

// keys are the lower-cased form and stem of each token, computed once per
// record.
type keys struct {
	lower, stem []string
	ok          []bool
}

func (m *matcher) tokenKeys(toks []models.Token, stem func(lang, lower string) string, k *keys) {
	k.lower = slices.Grow(k.lower[:0], len(toks))[:len(toks)]
	k.stem = slices.Grow(k.stem[:0], len(toks))[:len(toks)]
	k.ok = slices.Grow(k.ok[:0], len(toks))[:len(toks)]
	for i := range toks {
		k.lower[i], k.stem[i], k.ok[i] = m.tokenKey(&toks[i], stem)
	}
}

// find appends every term found in toks to hits.
func (m *matcher) find(k *keys, hits []hit) []hit {
	n := len(k.lower)
	for i := 0; i < n; i++ {
		if !k.ok[i] {
			continue
		}
		lower := k.lower[i]
		ids, ok := m.cache.get(lower)
		if !ok {
			ids = m.candidates(lower, k.stem[i])
			m.cache.put(strings.Clone(lower), ids)
		}
		for _, id := range ids {
			if last, ok := m.rest(&m.terms[id], k, i); ok {
				hits = append(hits, hit{term: id, first: int32(i), last: int32(last)})
			}
		}
	}
	// A term may be found twice (by its stem and as a head); keep one.
	slices.SortFunc(hits, func(a, b hit) int {
		if a.first != b.first {
			return int(a.first - b.first)
		}
		if a.term != b.term {
			return int(a.term - b.term)
		}
		return int(a.last - b.last)
	})
	return slices.CompactFunc(hits, func(a, b hit) bool { return a == b })
}

// candidates returns the terms whose first word matches a token with
// this form and stem, from every index: about forty map lookups for a long
// German word, which is why find remembers the answer per form.
func (m *matcher) candidates(lower, st string) []int32 {
	var out []int32
	out = append(out, m.byStem[st]...)
	out = append(out, m.byExact[lower]...)
	for _, l := range m.prefixLens {
		if l > len(lower) {
			break
		}
		out = append(out, m.byPrefix[lower[:l]]...)
	}
	for _, l := range m.suffixLens {
		if l > len(st) {
			break
		}
		out = append(out, m.bySuffix[st[len(st)-l:]]...)
	}
	for _, l := range m.headLens {
		if l >= len(st) {
			break
		}
		if ids := m.byHead[st[len(st)-l:]]; ids != nil && isHeadOf(st, st[len(st)-l:]) {
			out = append(out, ids...)
		}
	}
	for _, e := range text.HeadInflections() {
		if len(m.formLens) == 0 || !strings.HasSuffix(lower, e) {
			continue
		}
		base := lower[:len(lower)-len(e)]
		for _, l := range m.formLens {
			if l >= len(base) {
				break
			}
			if ids := m.byForm[base[len(base)-l:]]; ids != nil && isHeadOf(base, base[len(base)-l:]) {
				out = append(out, ids...)
			}
		}
	}
	// A term may be found twice (by its stem and as a head); keep one.
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// candCache remembers the candidates per word form, bounded: feedback
// repeats a small vocabulary. Safe for concurrent use.
type candCache struct {
	shards [32]struct {
		mu sync.RWMutex
		m  map[string][]int32
	}
	perShard int
}

func newCandCache(words int) *candCache {
	c := &candCache{perShard: words / 32}
	for i := range c.shards {
		c.shards[i].m = map[string][]int32{}
	}
	return c
}

func (c *candCache) shard(k string) int {
	h := uint32(2166136261)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * 16777619
	}
	return int(h % 32)
}

func (c *candCache) get(k string) ([]int32, bool) {
	sh := &c.shards[c.shard(k)]
	sh.mu.RLock()
	v, ok := sh.m[k]
	sh.mu.RUnlock()
	return v, ok
}

func (c *candCache) put(k string, v []int32) {
	sh := &c.shards[c.shard(k)]
	sh.mu.Lock()
	if len(sh.m) < c.perShard {
		sh.m[k] = v
	}
	sh.mu.Unlock()
}

// rest checks the words of t after the first, from token i on; it returns
// the last token of the match.
func (m *matcher) rest(t *term, k *keys, i int) (int, bool) {
	j := i
	for _, w := range t.words[1:] {
		j++
		if j >= len(k.lower) || !k.ok[j] || !w.matches(k.lower[j], k.stem[j]) {
			return 0, false
		}
	}
	return j, true
}
