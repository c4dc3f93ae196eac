package synth

import (
	"strconv"
	"strings"
)

// expand appends template t to g.text, replacing $-slots:
//
//	S subject (nominative)  T subject (dative)  U zum/zur + subject  A subject (accusative)
//	V was/were  B is/are (agreeing with the subject)
//	P adjective of the clause polarity  N adjective of the opposite polarity
//	X intensifier  Q theme clause  G short clause (for contrasts)  F feeling  W consequence
//	J evaluative word  E feeling adjective  e opposite feeling adjective
//	C city  c another city  R product (a/einen …)  r product (the/der …)  O order number
//	D days 2–14  d days 2–3  M minutes  m minutes 2–9  H hours  K euro amount
//	Z train  L surname  Y weekday
//
// An unknown slot is copied as it stands.
func (g *Generator) expand(t string) {
	for {
		i := strings.IndexByte(t, '$')
		if i < 0 || i+1 >= len(t) {
			g.text = append(g.text, t...)
			return
		}
		g.text = append(g.text, t[:i]...)
		c := t[i+1]
		t = t[i+2:]
		if !g.wordSlot(c) && !g.valueSlot(c) {
			g.text = append(g.text, '$', c)
		}
	}
}

// wordSlot expands the slots that depend on the clause's subject, theme and
// polarity, and reports whether c is one of them.
func (g *Generator) wordSlot(c byte) bool {
	r := g.r
	l := g.l
	switch c {
	case 'S':
		g.expand(g.subj.nom)
	case 'T':
		g.expand(g.subj.dat)
	case 'U':
		g.expand(g.subj.zu)
	case 'A':
		g.expand(g.subj.acc)
	case 'V':
		g.text = append(g.text, l.past[g.subj.pl]...)
	case 'B':
		g.text = append(g.text, l.pres[g.subj.pl]...)
	case 'P':
		g.adjective(g.pol)
	case 'N':
		g.adjective(1 - g.pol)
	case 'X':
		g.text = append(g.text, l.intens[r.IntN(len(l.intens))]...)
	case 'Q':
		q := g.th.clause[g.pol]
		s := q[r.IntN(len(q))]
		if s == g.lastQ { // one more draw makes verbatim repeats rare
			s = q[r.IntN(len(q))]
		}
		g.lastQ = s
		g.expand(s)
	case 'G':
		g.expand(l.conj[r.IntN(len(l.conj))])
	case 'F':
		f := g.tl.feel[g.pol]
		g.expand(f[r.IntN(len(f))])
	case 'W':
		w := g.tl.cons[g.pol]
		g.expand(w[r.IntN(len(w))])
	case 'J':
		j := l.eval[g.pol]
		g.text = append(g.text, j[r.IntN(len(j))]...)
	case 'E':
		e := l.emo[g.pol]
		g.text = append(g.text, e[r.IntN(len(e))]...)
	case 'e':
		e := l.emo[1-g.pol]
		g.text = append(g.text, e[r.IntN(len(e))]...)
	default:
		return false
	}
	return true
}

// valueSlot expands the slots for names, numbers and the record's fixed
// product, order number and cities, and reports whether c is one of them.
func (g *Generator) valueSlot(c byte) bool {
	r := g.r
	switch c {
	case 'C':
		g.text = append(g.text, g.d.cities[g.city]...)
	case 'c':
		g.text = append(g.text, g.d.cities[g.city2]...)
	case 'R':
		g.text = append(g.text, g.l.products[g.prod].indef...)
	case 'r':
		g.text = append(g.text, g.l.products[g.prod].def...)
	case 'O':
		g.text = append(g.text, g.d.orderNumbers[g.order]...)
	case 'D':
		g.text = strconv.AppendInt(g.text, int64(2+r.IntN(13)), 10)
	case 'd':
		g.text = strconv.AppendInt(g.text, int64(2+r.IntN(2)), 10)
	case 'M':
		g.text = strconv.AppendInt(g.text, int64(minutes[r.IntN(len(minutes))]), 10)
	case 'm':
		g.text = strconv.AppendInt(g.text, int64(2+r.IntN(8)), 10)
	case 'H':
		g.text = strconv.AppendInt(g.text, int64(2+r.IntN(7)), 10)
	case 'K':
		g.text = strconv.AppendInt(g.text, int64(euros[r.IntN(len(euros))]), 10)
	case 'Z':
		tr := &trains[r.IntN(len(trains))]
		g.text = append(g.text, tr.kind...)
		g.text = append(g.text, ' ')
		g.text = strconv.AppendInt(g.text, int64(tr.lo+r.IntN(tr.n)), 10)
	case 'L':
		g.text = append(g.text, g.d.surnames[r.IntN(len(g.d.surnames))]...)
	case 'Y':
		g.text = append(g.text, g.l.weekdays[r.IntN(len(g.l.weekdays))]...)
	default:
		return false
	}
	return true
}

// adjective appends a predicative adjective of polarity p: mostly one that
// belongs to the clause's theme, otherwise a general one.
func (g *Generator) adjective(p int) {
	a := g.th.adj[p]
	if g.r.IntN(100) >= 65 {
		a = g.l.gen[p]
	}
	g.text = append(g.text, a[g.r.IntN(len(a))]...)
}
