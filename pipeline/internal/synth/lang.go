package synth

import (
	"fmt"
	"strings"
)

// np is a noun phrase used as the subject of a clause.
type np struct {
	nom, dat, zu, acc string
	pl                int // 1 for plural
}

type themeLang struct {
	subj   []np
	adj    [2][]string // predicative adjectives by polarity
	clause [2][]string // complete clauses by polarity
}

type product struct{ indef, def string }

// form is a contrast sentence: a is written with the opposite polarity, b
// with the sentence's polarity.
type form struct{ a, b string }

// lang is the vocabulary of one language, ready for generation.
type lang struct {
	german    bool
	tps       []tpLang // by touchpoint
	conj      []string // short clauses for contrast sentences
	contrast  []form
	narrative []string
	gen       [2][]string // general adjectives
	feel      [2][]string // feeling statements
	cons      [2][]string // consequences (German: verb first)
	eval      [2][]string
	emo       [2][]string
	intens    []string
	weekdays  []string
	products  []product
	past      [2]string
	pres      [2]string
}

// tpLang is the part of a language that depends on the touchpoint.
type tpLang struct {
	themes    [nThemes]themeLang
	tmpl      [2][]string // sentence templates by polarity
	narrative []string
	feel      [2][]string
	cons      [2][]string
}

// themeSrc is a theme's entries as read, before touchpoint tags are applied.
type themeSrc struct {
	subj        []string
	adj, clause [2][]string
}

// buildLang fills l from the sections of a language's data file.
func buildLang(l *lang, s *sections, german bool) {
	l.german = german
	l.conj = s.list("contrast clauses")
	for _, c := range s.list("contrasts") {
		a, b, ok := strings.Cut(c, "|")
		if !ok || strings.Contains(b, "|") {
			s.fail(fmt.Sprintf("contrast %q needs exactly one '|'", c))
		}
		l.contrast = append(l.contrast, form{a, b})
	}
	l.narrative = s.list("narrative")
	l.gen = s.pair("", "adjectives")
	l.feel = s.pair("", "feelings")
	l.cons = s.pair("", "consequences")
	l.eval = s.pair("", "evaluations")
	l.emo = s.pair("", "emotions")
	l.intens = s.list("intensifiers")
	l.weekdays = s.list("weekdays")
	l.past = s.two("past")
	l.pres = s.two("present")
	for _, p := range s.list("products") {
		l.products = append(l.products, makeProduct(s, p, german))
	}
	var themes [nThemes]themeSrc
	for i, name := range themeNames {
		themes[i] = themeSrc{
			subj:   s.list(name + " subjects"),
			adj:    s.pair(name+" ", "adjectives"),
			clause: s.pair(name+" ", "clauses"),
		}
	}
	both := s.list("templates")
	tmpl := [2][]string{
		neg: append(append([]string{}, both...), s.list("neg templates")...),
		pos: append(append([]string{}, both...), s.list("pos templates")...),
	}
	s.done()
	l.tps = make([]tpLang, len(touchpoints))
	for tp := range touchpoints {
		l.tps[tp] = buildTouchpoint(s, l, &themes, &tmpl, tp)
	}
}

// buildTouchpoint selects the vocabulary of l usable for touchpoint tp.
// Subjects, clauses, templates, narrative sentences, feelings and
// consequences may end in "@touchpoint,touchpoint" to be used only for those
// touchpoints (the conductor belongs on the train, the breakfast buffet in the
// hotel, order numbers in a shop).
func buildTouchpoint(s *sections, l *lang, themes *[nThemes]themeSrc, tmpl *[2][]string, tp int) tpLang {
	var tl tpLang
	for i := range themes {
		src := &themes[i]
		t := &tl.themes[i]
		for _, subj := range forTouchpoint(s, src.subj, tp) {
			t.subj = append(t.subj, makeNP(s, subj, l.german))
		}
		t.adj = src.adj
		for p := range 2 {
			t.clause[p] = forTouchpoint(s, src.clause[p], tp)
		}
	}
	tl.narrative = forTouchpoint(s, l.narrative, tp)
	for p := range 2 {
		tl.tmpl[p] = forTouchpoint(s, tmpl[p], tp)
		tl.feel[p] = forTouchpoint(s, l.feel[p], tp)
		tl.cons[p] = forTouchpoint(s, l.cons[p], tp)
	}
	return tl
}

// forTouchpoint returns the entries of list usable for touchpoint tp, without
// their tags. If none is, it returns all entries, so that no list is empty.
func forTouchpoint(s *sections, list []string, tp int) []string {
	var out, all []string
	for _, e := range list {
		text, tags, tagged := strings.Cut(e, "@")
		all = append(all, text)
		if !tagged {
			out = append(out, text)
			continue
		}
		for _, name := range strings.Split(tags, ",") {
			i := touchpointIndex(name)
			if i < 0 {
				s.fail(fmt.Sprintf("unknown touchpoint %q in the tag of %q", name, e))
			}
			if i == tp {
				out = append(out, text)
			}
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

func touchpointIndex(name string) int {
	for i, tp := range touchpoints {
		if tp.name == name {
			return i
		}
	}
	return -1
}

// makeProduct derives the indefinite and definite forms of a product. German
// entries are a gender letter (m, f, n), a blank and the noun; English
// entries are the bare noun.
func makeProduct(s *sections, p string, german bool) product {
	if !german {
		art := "a "
		if strings.ContainsRune("aeiou", rune(p[0])) {
			art = "an "
		}
		return product{art + p, "the " + p}
	}
	if len(p) < 3 || p[1] != ' ' {
		s.fail(fmt.Sprintf("product %q is not gender letter, blank, noun", p))
	}
	noun := p[2:]
	switch p[0] {
	case 'm':
		return product{"einen " + noun, "der " + noun}
	case 'f':
		return product{"eine " + noun, "die " + noun}
	case 'n':
		return product{"ein " + noun, "das " + noun}
	}
	s.fail(fmt.Sprintf("product %q: gender must be m, f or n", p))
	return product{}
}

// makeNP derives the case forms of a subject. A trailing '*' marks a plural.
// German subjects must start with der/die/das and carry no adjective, so that
// the dative is a change of article (plus -n for plurals).
func makeNP(s *sections, subj string, german bool) np {
	p := np{}
	if strings.HasSuffix(subj, "*") {
		subj = subj[:len(subj)-1]
		p.pl = 1
	}
	p.nom = subj
	p.dat, p.zu, p.acc = subj, subj, subj
	if !german {
		return p
	}
	art, rest, _ := strings.Cut(subj, " ")
	switch {
	case art != "der" && art != "die" && art != "das":
		s.fail(fmt.Sprintf("subject %q does not start with der, die or das", subj))
	case p.pl == 1:
		if !strings.HasSuffix(rest, "n") && !strings.HasSuffix(rest, "s") {
			rest += "n"
		}
		p.dat = "den " + rest
		p.zu = "zu den " + rest
	case art == "der":
		p.dat = "dem " + rest
		p.zu = "zum " + rest
		p.acc = "den " + rest
	case art == "die":
		p.dat = "der " + rest
		p.zu = "zur " + rest
	default: // das
		p.dat = "dem " + rest
		p.zu = "zum " + rest
	}
	return p
}
