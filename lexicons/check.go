package lexicons

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Severity grades a Problem.
type Severity uint8

const (
	// Info: worth knowing, often intended (a user file overriding a
	// built-in entry with the same sign).
	Info Severity = iota
	// Warning: probably a mistake (opposite signs for one word, a negator
	// that also carries polarity).
	Warning
	// Error: the lexicon is invalid (a weight out of range).
	Error
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "info"
}

// Problem codes.
const (
	CodeDuplicate       = "duplicate"        // the same entry in two files, same weight
	CodeOverride        = "override"         // a later file changes the weight, same sign
	CodeConflict        = "conflict"         // a later file flips the sign
	CodeStemCollision   = "stem-collision"   // two stem entries meet at one stem
	CodeExactStem       = "exact-stem"       // an exact entry and the stem entry its word falls under disagree in sign
	CodeRange           = "range"            // a weight outside Kind.Range
	CodeNegatorPolarity = "negator-polarity" // a negator that is also a polarity word
	CodeContrastPol     = "contrast-polarity"
	CodeModifierPol     = "modifier-polarity" // a modifier that is also a polarity word (VADER has several on purpose)
	CodeNegatorModifier = "negator-modifier"
	CodeStemFunction    = "stem-function-word" // a stem entry gives a negator/modifier/contrast word polarity
	CodeNoEffect        = "no-effect"          // a phrase with weight 0 whose words carry no sentiment
)

// Problem is one finding of Check. Source is "file:line" of the entry the
// problem is about; Other, if set, that of the entry it clashes with.
type Problem struct {
	Severity Severity
	Code     string
	Kind     Kind
	Term     string
	Msg      string
	Source   string
	Other    string
}

func (p Problem) String() string {
	s := fmt.Sprintf("%s: %s: %s: %s", p.Source, p.Severity, p.Code, p.Msg)
	if p.Other != "" {
		s += " (see " + p.Other + ")"
	}
	return s
}

// Check reports problems in a loaded lexicon for `stimmung lexicon check`:
// entries defined in several files (info when the weight is the same or
// only its size changes, warning when the sign flips), stem entries that
// meet at one stem, exact entries whose stem entry disagrees in sign,
// weights out of range, words that are both negator (or contrast word) and
// polarity word, modifiers that are polarity words (info), stem entries that
// give a function word polarity, and weight-0 phrases that change nothing.
// Problems are sorted by severity (worst first), then by source.
func Check(lx *Lexicon) []Problem {
	var ps []Problem
	for _, check := range []func(*Lexicon) []Problem{checkRedefined, checkRanges, checkExactStems, checkFunctionWords, checkZeroPhrases} {
		ps = append(ps, check(lx)...)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Severity != ps[j].Severity {
			return ps[i].Severity > ps[j].Severity
		}
		return lessSource(ps[i].Source, ps[j].Source)
	})
	return ps
}

// checkRedefined reports entries set more than once, in load order.
func checkRedefined(lx *Lexicon) []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	type seen struct {
		i int
		r record
	}
	first := map[string]seen{}
	for i, r := range lx.records {
		id := r.Kind.String() + "\x00" + r.key
		prev, ok := first[id]
		first[id] = seen{i, r}
		if !ok || lx.dropped[prev.i] {
			continue
		}
		p := Problem{Kind: r.Kind, Term: r.Term, Source: r.Source, Other: prev.r.Source}
		sameTerm := prev.r.Term == r.Term
		switch {
		case !sameTerm && r.layer == prev.r.layer:
			p.Severity, p.Code = Warning, CodeStemCollision
			if r.Weight == prev.r.Weight {
				p.Severity = Info
			}
			p.Msg = fmt.Sprintf("stem entries %q (%g) and %q (%g) meet at stem %q: the later one wins",
				r.Term, r.Weight, prev.r.Term, prev.r.Weight, strings.TrimPrefix(r.key, "s "))
		case r.Kind == List:
			p.Severity, p.Code = Info, CodeDuplicate
			p.Msg = fmt.Sprintf("%q is in the word list %s again", r.Term, r.List)
		case r.Weight == prev.r.Weight && r.After == prev.r.After:
			p.Severity, p.Code = Info, CodeDuplicate
			p.Msg = fmt.Sprintf("%s %q (%s) is defined again with the same weight", r.Kind, r.Term, num(r.Weight, r.After, r.Kind))
		case sign(r.Weight) != 0 && sign(r.Weight) == -sign(prev.r.Weight):
			p.Severity, p.Code = Warning, CodeConflict
			p.Msg = fmt.Sprintf("%s %q is %s here but %s earlier", r.Kind, r.Term, num(r.Weight, r.After, r.Kind), num(prev.r.Weight, prev.r.After, prev.r.Kind))
		default:
			p.Severity, p.Code = Info, CodeOverride
			p.Msg = fmt.Sprintf("%s %q overrides %s with %s", r.Kind, r.Term, num(prev.r.Weight, prev.r.After, prev.r.Kind), num(r.Weight, r.After, r.Kind))
		}
		add(p)
	}
	return ps
}

// checkRanges reports weights out of range (only possible in a Lexicon
// built by hand).
func checkRanges(lx *Lexicon) []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	each(lx, func(e Entry) {
		lo, hi := e.Kind.Range()
		bad := e.Weight < lo || e.Weight > hi || math.IsNaN(e.Weight)
		if e.Kind == Contrast {
			bad = bad || e.After < lo || e.After > hi || math.IsNaN(e.After)
		}
		if bad {
			add(Problem{Severity: Error, Code: CodeRange, Kind: e.Kind, Term: e.Term, Source: e.Source,
				Msg: fmt.Sprintf("%s %q: weight %s out of range %g..%g", e.Kind, e.Term, num(e.Weight, e.After, e.Kind), lo, hi)})
		}
	})
	return ps
}

// checkExactStems reports exact entries whose stem entry disagrees in sign.
func checkExactStems(lx *Lexicon) []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	for _, w := range sortedEntries(lx.Words) {
		if w.Weight == 0 {
			continue
		}
		s, ok := lx.Stems[StemWord(lx.Lang, w.Term)]
		if ok && sign(s.Weight) == -sign(w.Weight) {
			add(Problem{Severity: Warning, Code: CodeExactStem, Kind: Polarity, Term: w.Term, Source: w.Source, Other: s.Source,
				Msg: fmt.Sprintf("exact %q (%g) and stem entry %q (%g) disagree in sign: inflections of %q get %g", w.Term, w.Weight, s.Term, s.Weight, w.Term, s.Weight)})
		}
	}
	return ps
}

// checkFunctionWords reports negators, contrast words and modifiers that
// are also polarity words.
func checkFunctionWords(lx *Lexicon) []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	for _, n := range sortedEntries(lx.Negators) {
		if n.Weight == 0 {
			continue
		}
		if e, ok := polarityOf(lx, n.Term); ok {
			code, how := CodeNegatorPolarity, "is also a polarity word"
			if e.Term != n.Term {
				code, how = CodeStemFunction, fmt.Sprintf("falls under the stem entry %q", e.Term)
			}
			add(Problem{Severity: Warning, Code: code, Kind: Negator, Term: n.Term, Source: n.Source, Other: e.Source,
				Msg: fmt.Sprintf("negator %q %s (%g)", n.Term, how, e.Weight)})
		}
		if m, ok := lx.Modifiers[n.Term]; ok && m.Weight != 0 {
			add(Problem{Severity: Warning, Code: CodeNegatorModifier, Kind: Negator, Term: n.Term, Source: n.Source, Other: m.Source,
				Msg: fmt.Sprintf("negator %q is also a modifier (%g)", n.Term, m.Weight)})
		}
	}
	for _, c := range sortedEntries(lx.Contrast) {
		if e, ok := polarityOf(lx, c.Term); ok {
			add(Problem{Severity: Warning, Code: CodeContrastPol, Kind: Contrast, Term: c.Term, Source: c.Source, Other: e.Source,
				Msg: fmt.Sprintf("contrast word %q also carries polarity through %q (%g)", c.Term, e.Term, e.Weight)})
		}
	}
	for _, m := range sortedEntries(lx.Modifiers) {
		if m.Weight == 0 {
			continue
		}
		if e, ok := polarityOf(lx, m.Term); ok {
			p := Problem{Severity: Info, Code: CodeModifierPol, Kind: Modifier, Term: m.Term, Source: m.Source, Other: e.Source,
				Msg: fmt.Sprintf("modifier %q (%g) is also a polarity word (%g)", m.Term, m.Weight, e.Weight)}
			if e.Term != m.Term {
				p.Severity, p.Code = Warning, CodeStemFunction
				p.Msg = fmt.Sprintf("modifier %q falls under the stem entry %q (%g)", m.Term, e.Term, e.Weight)
			}
			add(p)
		}
	}
	return ps
}

// checkZeroPhrases reports weight-0 phrases that neutralize nothing.
func checkZeroPhrases(lx *Lexicon) []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	for _, first := range sortedKeys(lx.Phrases) {
		for _, p := range lx.Phrases[first] {
			if p.Weight != 0 {
				continue
			}
			carries := false
			for w := range strings.FieldsSeq(p.Term) {
				if _, ok := polarityOf(lx, w); ok {
					carries = true
					break
				}
			}
			if !carries {
				add(Problem{Severity: Info, Code: CodeNoEffect, Kind: Phrase, Term: p.Term, Source: p.Source,
					Msg: fmt.Sprintf("phrase %q has weight 0 but none of its words carries sentiment: it changes nothing", p.Term)})
			}
		}
	}
	return ps
}

// polarityOf returns the polarity entry a single word falls under (its
// exact entry, else its stem entry), and whether its weight is not 0.
func polarityOf(lx *Lexicon, term string) (Entry, bool) {
	if strings.Contains(term, " ") {
		return Entry{}, false
	}
	if e, ok := lx.Words[term]; ok {
		return e, e.Weight != 0
	}
	if e, ok := lx.Stems[StemWord(lx.Lang, term)]; ok {
		return e, e.Weight != 0
	}
	return Entry{}, false
}

// num formats an entry's weight for messages: "0.5/1.5" for contrast.
func num(w, after float64, k Kind) string {
	if k == Contrast {
		return fmt.Sprintf("%g/%g", w, after)
	}
	return fmt.Sprintf("%g", w)
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// each calls fn for every entry in force, in no particular order.
func each(lx *Lexicon, fn func(Entry)) {
	for _, m := range []map[string]Entry{lx.Words, lx.Stems, lx.Negators, lx.Modifiers, lx.Contrast, lx.Emoji, lx.Separable, lx.CompoundModifiers} {
		for _, e := range m {
			fn(e)
		}
	}
	for _, ps := range lx.Phrases {
		for _, e := range ps {
			fn(e)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortedEntries(m map[string]Entry) []Entry {
	ks := sortedKeys(m)
	es := make([]Entry, len(ks))
	for i, k := range ks {
		es[i] = m[k]
	}
	return es
}

// lessSource orders "file:line" sources by file, then numerically by line.
func lessSource(a, b string) bool {
	fa, la := splitSource(a)
	fb, lb := splitSource(b)
	if fa != fb {
		return fa < fb
	}
	return la < lb
}

func splitSource(s string) (string, int) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0
	}
	n := 0
	for _, c := range s[i+1:] {
		if c < '0' || c > '9' {
			return s, 0
		}
		n = n*10 + int(c-'0')
	}
	return s[:i], n
}
