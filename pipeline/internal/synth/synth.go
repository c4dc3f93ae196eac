package synth

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Generator makes synthetic feedback records; the same seed gives the same records.
// A Generator is not safe for concurrent use.
type Generator struct {
	r    *rand.Rand
	seq  uint64
	text []byte // scratch buffer for the text of the current record

	// state of the record and clause being written
	l     *lang
	th    *themeLang
	subj  *np
	pol   int // polarity of the current clause: neg or pos
	prod  int // product, order number and cities are fixed per record so that
	order int // a text that mentions them twice stays consistent
	city  int
	city2 int
	tl    *tpLang // vocabulary of the record's language and touchpoint
	lastQ string  // last theme clause written, to avoid repeating it at once
	told  uint64  // narrative sentences used in this record (bit set)
}

// New returns a Generator whose output depends only on seed.
func New(seed uint64) *Generator {
	return &Generator{
		r:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		text: make([]byte, 0, 1024),
	}
}

// WriteJSONL writes n records, one per line, to w.
func WriteJSONL(w io.Writer, n int, seed uint64) error {
	g := New(seed)
	bw := bufio.NewWriterSize(w, 64<<10)
	buf := make([]byte, 0, 2048)
	for i := 0; i < n; i++ {
		buf = g.Next(buf[:0])
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Next appends the next record as one JSON object (no trailing newline) to b and returns it.
func (g *Generator) Next(b []byte) []byte {
	r := g.r
	g.seq++

	tp := touchpointPick[r.IntN(len(touchpointPick))]
	day := r.IntN(len(dates))
	g.l = &en
	if r.IntN(100) < 60 {
		g.l = &de
	}

	// Record polarity: what the text says overall.
	var recPol int
	switch u := r.IntN(100); {
	case u < 48:
		recPol = neg
	case u < 88:
		recPol = pos
	default:
		recPol = mixed
	}
	if r.IntN(1000) < 20 {
		g.text = append(g.text[:0], nonAnswers[r.IntN(len(nonAnswers))]...)
		recPol = mixed
	} else {
		g.writeText(tp, recPol)
	}

	// Scores follow the text, except for a deliberate share of mismatches
	// (scale misread, score given for something else).
	scorePol := recPol
	if r.IntN(100) < 8 {
		switch recPol {
		case neg:
			scorePol = pos
		case pos:
			scorePol = neg
		default:
			scorePol = r.IntN(2)
		}
	}
	hasNPS := r.IntN(100) >= 10
	nps := pickWeighted(r, npsWeights[scorePol][:])
	hasCSAT := r.IntN(2) == 0
	csat := 1 + pickWeighted(r, csatWeights[scorePol][:])

	b = append(b, `{"id":"S`...)
	var tmp [20]byte
	digits := strconv.AppendUint(tmp[:0], g.seq, 10)
	for i := len(digits); i < 7; i++ {
		b = append(b, '0')
	}
	b = append(b, digits...)
	b = append(b, `","date":"`...)
	b = append(b, dates[day][:]...)
	b = append(b, `","touchpoint":"`...)
	b = append(b, touchpoints[tp].name...)
	b = append(b, '"')
	if hasNPS {
		b = append(b, `,"nps":`...)
		b = strconv.AppendInt(b, int64(nps), 10)
	}
	if hasCSAT {
		b = append(b, `,"csat":`...)
		b = strconv.AppendInt(b, int64(csat), 10)
	}
	b = append(b, `,"text":`...)
	b = jsontext.AppendString(b, string(g.text))
	return append(b, '}')
}

const (
	neg   = 0
	pos   = 1
	mixed = 2
)

// writeText fills g.text with a feedback text for touchpoint tp.
func (g *Generator) writeText(tp, recPol int) {
	r := g.r
	l := g.l
	g.text = g.text[:0]
	g.tl = &l.tps[tp]
	g.lastQ = ""
	g.told = 0
	g.prod = r.IntN(len(l.products))
	g.order = r.IntN(len(orderNumbers))
	g.city = r.IntN(len(cities))
	g.city2 = (g.city + 1 + r.IntN(len(cities)-1)) % len(cities)
	themes := touchpoints[tp].themes
	primary := themes[r.IntN(len(themes))]

	words := 0
	if r.IntN(100) < 3 {
		// A long, several-sentence text that tells a story.
		target := 80 + r.IntN(56)
		if r.IntN(100) < 60 {
			words += g.narrative()
		}
		for words < target {
			if r.IntN(100) < 25 {
				words += g.narrative()
			} else {
				words += g.sentence(themes, primary, recPol)
			}
		}
	} else {
		n := 1
		switch u := r.IntN(100); {
		case u >= 78:
			n = 3
		case u >= 30:
			n = 2
		}
		for i := 0; i < n; i++ {
			words += g.sentence(themes, primary, recPol)
		}
		if words < 6 && r.IntN(5) != 0 {
			g.sentence(themes, primary, recPol)
		}
	}
	capitalize(g.text, l == &de)

	if r.IntN(100) == 0 {
		e := emojis[recPol]
		g.text = append(g.text, ' ')
		g.text = append(g.text, e[r.IntN(len(e))]...)
	}
	if r.IntN(100) < 4 {
		// Some people type everything in lower case and skip the full stop.
		for i, c := range g.text {
			if 'A' <= c && c <= 'Z' {
				g.text[i] = c + 'a' - 'A'
			}
		}
		if n := len(g.text); n > 0 && g.text[n-1] == '.' {
			g.text = g.text[:n-1]
		}
	}
}

// sentence appends one sentence (with a leading space unless it is the first)
// and returns the number of words it added.
func (g *Generator) sentence(themes []int, primary, recPol int) int {
	r := g.r
	start := g.beginSentence()
	pol := recPol
	if pol == mixed {
		pol = r.IntN(2)
	}
	contrast := r.IntN(100) < 18
	if recPol == mixed {
		contrast = r.IntN(2) == 0
	}
	if contrast {
		f := &g.l.contrast[r.IntN(len(g.l.contrast))]
		g.clauseTheme(themes, primary)
		g.pol = 1 - pol
		g.expand(f.a)
		first := g.th
		// Praise and blame for the same thing reads as nonsense: contrast
		// two themes where the touchpoint allows it.
		for i := 0; i < 4 && g.th == first; i++ {
			g.clauseTheme(themes, primary)
		}
		g.pol = pol
		g.expand(f.b)
	} else {
		g.clauseTheme(themes, primary)
		g.pol = pol
		t := g.tl.tmpl[pol]
		g.expand(t[r.IntN(len(t))])
	}
	return countWords(g.text[start:])
}

// narrative appends a polarity-free sentence of a story and returns its word
// count. A sentence already told in this record is redrawn (twice at most).
func (g *Generator) narrative() int {
	start := g.beginSentence()
	n := g.tl.narrative
	i := g.r.IntN(len(n))
	for try := 0; try < 2 && g.told&(1<<(i&63)) != 0; try++ {
		i = g.r.IntN(len(n))
	}
	g.told |= 1 << (i & 63)
	g.expand(n[i])
	g.text = append(g.text, '.')
	return countWords(g.text[start:])
}

func (g *Generator) beginSentence() int {
	if len(g.text) > 0 {
		g.text = append(g.text, ' ')
	}
	return len(g.text)
}

// clauseTheme picks the theme and grammatical subject of the next clause:
// mostly the record's primary theme, otherwise another theme of the touchpoint.
func (g *Generator) clauseTheme(themes []int, primary int) {
	t := primary
	if g.r.IntN(100) >= 55 {
		t = themes[g.r.IntN(len(themes))]
	}
	g.th = &g.tl.themes[t]
	g.subj = &g.th.subj[g.r.IntN(len(g.th.subj))]
}

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
func (g *Generator) expand(t string) {
	r := g.r
	l := g.l
	for {
		i := strings.IndexByte(t, '$')
		if i < 0 || i+1 >= len(t) {
			g.text = append(g.text, t...)
			return
		}
		g.text = append(g.text, t[:i]...)
		c := t[i+1]
		t = t[i+2:]
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
		case 'C':
			g.text = append(g.text, cities[g.city]...)
		case 'c':
			g.text = append(g.text, cities[g.city2]...)
		case 'R':
			g.text = append(g.text, l.products[g.prod].indef...)
		case 'r':
			g.text = append(g.text, l.products[g.prod].def...)
		case 'O':
			g.text = append(g.text, orderNumbers[g.order]...)
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
			g.text = append(g.text, surnames[r.IntN(len(surnames))]...)
		case 'Y':
			g.text = append(g.text, l.weekdays[r.IntN(len(l.weekdays))]...)
		default:
			g.text = append(g.text, '$', c)
		}
	}
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

func countWords(b []byte) int {
	n := 1
	for _, c := range b {
		if c == ' ' {
			n++
		}
	}
	return n
}

// capitalize upper-cases the first letter of the text and of every sentence
// (after ". ", "! ", "? ", and in German also ": ", since the German templates
// put whole sentences after a colon), including German umlauts.
func capitalize(b []byte, afterColon bool) {
	up := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case (c == '.' || c == '!' || c == '?' || c == ':' && afterColon) && i+1 < len(b) && b[i+1] == ' ':
			up = true
		case !up:
		case 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
			up = false
		case c == 0xC3 && i+1 < len(b):
			switch b[i+1] {
			case 0xA4, 0xB6, 0xBC: // ä ö ü → Ä Ö Ü
				b[i+1] -= 0x20
			}
			up = false
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			up = false
		}
	}
}

func pickWeighted(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	u := r.IntN(total)
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// Scores by polarity (neg, pos, mixed).
var npsWeights = [3][11]int{
	{10, 8, 10, 12, 10, 12, 10, 4, 0, 0, 0},
	{0, 0, 0, 0, 0, 0, 0, 8, 25, 30, 37},
	{0, 0, 0, 0, 5, 15, 25, 30, 20, 5, 0},
}

var csatWeights = [3][5]int{
	{45, 35, 15, 5, 0},
	{0, 0, 8, 40, 52},
	{0, 20, 50, 30, 0},
}

var emojis = [3][]string{
	{"😡", "😞"},
	{"👍", "🙂"},
	{"🙂", "😞"},
}

var nonAnswers = []string{"-", "nichts", "n/a", "keine Angabe", "", "Nichts", "k.A.", "nein", "/", "none", "nothing", "."}

var minutes = []int{15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 75, 80, 90, 120}

var euros = []int{5, 8, 9, 12, 15, 19, 20, 25, 29, 30, 35, 39, 40, 45, 49, 50, 60, 75, 79, 89, 99, 120, 149, 199, 249}

type train struct {
	kind  string
	lo, n int
}

var trains = []train{{"ICE", 100, 1900}, {"IC", 2000, 1000}, {"EC", 100, 300}, {"RE", 1, 99}, {"RB", 10, 90}}

var cities = []string{
	"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen",
	"Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster",
	"Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz",
	"Halle", "Magdeburg", "Freiburg", "Krefeld", "Mainz", "Lübeck", "Erfurt", "Rostock", "Kassel", "Potsdam",
	"Saarbrücken", "Osnabrück", "Heidelberg", "Darmstadt", "Regensburg", "Würzburg", "Göttingen", "Ulm", "Tübingen", "Konstanz",
}

var surnames = []string{
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
	"Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
	"Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Yilmaz", "Kaya", "Nowak",
}

// orderNumbers are 200 order numbers drawn once from a fixed seed, so that
// the same numbers recur across records as they would in a real shop.
var orderNumbers = func() []string {
	r := rand.New(rand.NewPCG(200, 48213))
	out := make([]string, 200)
	for i := range out {
		var n int
		switch i % 3 {
		case 0:
			n = 10000 + r.IntN(90000)
		case 1:
			n = 100000 + r.IntN(900000)
		default:
			n = 10000000 + r.IntN(90000000)
		}
		out[i] = strconv.Itoa(n)
	}
	return out
}()

// dates holds every day of 2024 and 2025 as YYYY-MM-DD.
var dates = func() [][10]byte {
	var out [][10]byte
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		var s [10]byte
		d.AppendFormat(s[:0], "2006-01-02")
		out = append(out, s)
	}
	return out
}()

// Themes.
const (
	tDelivery = iota
	tWaiting
	tService
	tHotline
	tApp
	tWebsite
	tLogin
	tBilling
	tPrice
	tRefund
	tStaff
	tTrain
	tClean
	tWifi
	tSeat
	tFood
	tQuality
	tPackaging
	nThemes
)

type touchpoint struct {
	name   string
	themes []int // repeated entries weight the pick
}

var touchpoints = []touchpoint{
	{"delivery", []int{tDelivery, tDelivery, tDelivery, tDelivery, tPackaging, tPackaging, tWaiting, tQuality, tQuality, tRefund, tService}},
	{"support", []int{tService, tService, tService, tHotline, tHotline, tHotline, tWaiting, tWaiting, tRefund, tBilling}},
	{"app", []int{tApp, tApp, tApp, tApp, tLogin, tLogin, tWebsite, tBilling, tService}},
	{"website", []int{tWebsite, tWebsite, tWebsite, tWebsite, tLogin, tLogin, tPrice, tDelivery, tApp}},
	{"store", []int{tStaff, tStaff, tStaff, tStaff, tClean, tQuality, tQuality, tPrice, tPrice, tWaiting, tRefund}},
	{"billing", []int{tBilling, tBilling, tBilling, tBilling, tPrice, tPrice, tRefund, tRefund, tHotline, tService}},
	{"train", []int{tTrain, tTrain, tTrain, tTrain, tSeat, tSeat, tWifi, tWifi, tClean, tFood, tStaff, tPrice}},
	{"hotel", []int{tClean, tClean, tClean, tWifi, tWifi, tFood, tFood, tStaff, tStaff, tPrice, tWaiting}},
}

// touchpointPick weights the touchpoints: delivery 22, support 16, app 14,
// website 10, store 10, billing 8, train 12, hotel 8 (per 100).
var touchpointPick = func() []int {
	weights := []int{22, 16, 14, 10, 10, 8, 12, 8}
	var out []int
	for tp, w := range weights {
		for i := 0; i < w; i++ {
			out = append(out, tp)
		}
	}
	return out
}()

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

type lang struct {
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

type themeSrc struct {
	subj, pos, neg, posQ, negQ []string
}

type langSrc struct {
	german                   bool
	themes                   [nThemes]themeSrc
	tmplAny, tmplPos, tmplNg []string
	products                 []string // German: gender letter, space, noun
}

// build prepares a language for generation. Subjects, clauses, templates,
// narrative sentences, feelings and consequences may end in
// "@touchpoint,touchpoint" to be used only for those touchpoints (the
// conductor belongs on the train, the breakfast buffet in the hotel, order
// numbers in a shop).
func build(src *langSrc, l *lang) {
	l.tps = make([]tpLang, len(touchpoints))
	for tp := range touchpoints {
		tl := &l.tps[tp]
		for i := range src.themes {
			s := &src.themes[i]
			t := &tl.themes[i]
			for _, subj := range forTouchpoint(s.subj, tp) {
				t.subj = append(t.subj, makeNP(subj, src.german))
			}
			t.adj = [2][]string{s.neg, s.pos}
			t.clause = [2][]string{forTouchpoint(s.negQ, tp), forTouchpoint(s.posQ, tp)}
		}
		tl.tmpl[neg] = forTouchpoint(append(append([]string{}, src.tmplAny...), src.tmplNg...), tp)
		tl.tmpl[pos] = forTouchpoint(append(append([]string{}, src.tmplAny...), src.tmplPos...), tp)
		tl.narrative = forTouchpoint(l.narrative, tp)
		for p := range 2 {
			tl.feel[p] = forTouchpoint(l.feel[p], tp)
			tl.cons[p] = forTouchpoint(l.cons[p], tp)
		}
	}
	for _, p := range src.products {
		if src.german {
			noun := p[2:]
			switch p[0] {
			case 'm':
				l.products = append(l.products, product{"einen " + noun, "der " + noun})
			case 'f':
				l.products = append(l.products, product{"eine " + noun, "die " + noun})
			default:
				l.products = append(l.products, product{"ein " + noun, "das " + noun})
			}
			continue
		}
		art := "a "
		if strings.ContainsRune("aeiou", rune(p[0])) {
			art = "an "
		}
		l.products = append(l.products, product{art + p, "the " + p})
	}
}

// forTouchpoint returns the entries of list usable for touchpoint tp, without
// their tags. If none is, it returns all entries, so that no list is empty.
func forTouchpoint(list []string, tp int) []string {
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
				panic("synth: unknown touchpoint in tag of " + strconv.Quote(e))
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

// makeNP derives the case forms of a subject. A trailing '*' marks a plural.
// German subjects must start with der/die/das and carry no adjective, so that
// the dative is a change of article (plus -n for plurals).
func makeNP(s string, german bool) np {
	p := np{}
	if strings.HasSuffix(s, "*") {
		s = s[:len(s)-1]
		p.pl = 1
	}
	p.nom = s
	p.dat, p.zu, p.acc = s, s, s
	if !german {
		return p
	}
	art, rest, _ := strings.Cut(s, " ")
	switch {
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

var de, en lang

// Tags for entries that only make sense where something was ordered or bought.
const (
	tagShop  = "@delivery,support,app,website,store,billing"
	tagOrder = "@delivery,support,app,website,billing"
)

func init() {
	de.conj = []string{
		"$S $V $X $P", "$S $V $P", "$Q", "$Q", "$S $V nicht $N", "$S $B $X $P",
		"mit $T war ich $X $E", "ich fand $A $X $P",
	}
	de.contrast = []form{
		{"$G, aber ", "$G."},
		{"$G, aber ", "$G."},
		{"Zwar $V $S $P, aber ", "$G."},
		{"$S $V zwar $X $P, aber ", "$G."},
		{"Obwohl $S $X $P $V, ", "$W."},
		{"$G. Trotzdem ", "$W."},
		{"$G. Allerdings ", "$V $S $X $P."},
		{"$G, dafür ", "$V $S $X $P."},
		{"Einerseits $V $S $P, andererseits ", "$V $S $X $P."},
		{"$G, doch ", "$G."},
	}
	de.narrative = []string{
		"ich habe am $Y $R bestellt" + tagOrder,
		"ich bin seit vielen Jahren Kunde",
		"wir waren für $d Nächte im Hotel in $C@hotel",
		"ich war am $Y mit dem $Z von $C nach $c unterwegs@train",
		"dann habe ich bei der Servicehotline angerufen",
		"meine Bestellnummer ist $O" + tagOrder,
		"ich schreibe diese Bewertung, damit andere Kunden Bescheid wissen",
		"zur Vorgeschichte: ich habe $R als Geschenk gekauft" + tagShop,
		"ich nutze die App fast jeden Tag@app,website,train",
		"das war schon meine dritte Bestellung in diesem Jahr" + tagOrder,
		"ich habe extra einen Tag Urlaub genommen, um das Paket anzunehmen@delivery",
		"am nächsten Morgen habe ich eine E-Mail an den Kundenservice geschrieben",
		"danach habe ich in der Filiale in $C nachgefragt@store,delivery,billing",
		"es ging um die Bestellung $O vom $Y" + tagOrder,
		"meine Frau und ich fahren die Strecke jede Woche@train",
		"ich hatte eine Sitzplatzreservierung für den $Z@train",
		"wir hatten das Zimmer direkt über die Webseite gebucht@hotel",
		"wir waren geschäftlich in $C und haben dort zwei Nächte verbracht@hotel",
		"ich pendle jeden Tag von $C nach $c@train",
		"ich habe alles mit Fotos dokumentiert",
	}
	de.gen = [2][]string{
		{"schlecht", "miserabel", "enttäuschend", "katastrophal", "unterirdisch", "ärgerlich", "mies", "unmöglich"},
		{"gut", "toll", "hervorragend", "ausgezeichnet", "erfreulich", "angenehm", "prima", "super"},
	}
	de.feel = [2][]string{
		{
			"ich bin $X enttäuscht", "das war $X ärgerlich", "nie wieder", "so etwas habe ich noch nie erlebt",
			"ich werde dort nicht mehr bestellen" + tagOrder, "ich bin kein Kunde mehr", "das ist kein Service",
			"eine absolute Frechheit", "ich bin $X $E", "das geht gar nicht", "ein totaler Reinfall",
			"ich kann das nicht empfehlen", "null Punkte", "ich erwarte eine Entschuldigung",
			"ich habe mich $X geärgert", "schade ums Geld", "ich bin fassungslos",
		},
		{
			"ich bin $X zufrieden", "vielen Dank", "weiter so", "ich komme gerne wieder", "ich kann es nur empfehlen",
			"alles bestens", "einfach klasse", "ich war $X positiv überrascht", "ich bin $X $E", "top Service",
			"volle Punktzahl", "danke an das ganze Team", "so muss das sein", "ich habe nichts zu bemängeln",
			"nie Probleme gehabt", "gerne wieder", "ich bin begeistert",
		},
	}
	de.cons = [2][]string{
		{
			"werde ich dort nicht mehr bestellen" + tagOrder, "gibt es von mir nur einen Stern", "bin ich $X $E",
			"wechsle ich jetzt zur Konkurrenz", "kann ich das leider niemandem empfehlen",
			"habe ich meinen Vertrag gekündigt@support,app,billing", "ist das für mich keine Option mehr",
			"fahre ich nächstes Mal lieber mit dem Auto@train",
			"buche ich nächstes Mal ein anderes Hotel@hotel",
		},
		{
			"gebe ich gerne die volle Punktzahl", "komme ich bestimmt wieder", "empfehle ich euch gerne weiter",
			"bleibe ich gerne Kunde", "bin ich $X $E", "gibt es von mir fünf Sterne", "werde ich sicher wieder bestellen" + tagOrder,
			"fahre ich gerne wieder mit der Bahn@train",
			"buche ich dieses Hotel gerne wieder@hotel",
		},
	}
	de.eval = [2][]string{
		{"schade", "ärgerlich", "enttäuschend", "unverschämt", "traurig", "bedauerlich"},
		{"toll", "super", "schön", "klasse", "großartig", "prima"},
	}
	de.emo = [2][]string{
		{"enttäuscht", "unzufrieden", "verärgert", "frustriert", "sauer", "genervt"},
		{"zufrieden", "begeistert", "glücklich", "angetan", "zufrieden"},
	}
	de.intens = []string{"sehr", "sehr", "extrem", "total", "wirklich", "echt", "absolut", "ziemlich", "richtig", "besonders", "unglaublich", "äußerst", "mega"}
	de.weekdays = []string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"}
	de.past = [2]string{"war", "waren"}
	de.pres = [2]string{"ist", "sind"}

	en.conj = []string{
		"$S $V $X $P", "$S $V $P", "$Q", "$Q", "$S $V not $N", "$S $B $X $P",
		"I was $X $E with $T", "I found $A $X $P",
	}
	en.contrast = []form{
		{"$G, but ", "$G."},
		{"$G, but ", "$G."},
		{"Although $G, ", "$G."},
		{"$G. However, ", "$G."},
		{"$G. Still, ", "$W."},
		{"While $G, ", "$G."},
		{"$S $V $X $P, but on the other hand ", "$G."},
		{"$G, but then again ", "$G."},
		{"On the one hand $S $V $P, on the other hand ", "$S $V $X $P."},
		{"$G, yet ", "$G."},
	}
	en.narrative = []string{
		"I ordered $R on $Y" + tagOrder,
		"I have been a customer for many years",
		"we stayed at the hotel in $C for $d nights@hotel",
		"on $Y I was travelling on the $Z from $C to $c@train",
		"then I called the service hotline",
		"my order number is $O" + tagOrder,
		"I'm writing this review so other customers know what to expect",
		"some background: I bought $R as a present" + tagShop,
		"I use the app almost every day@app,website,train",
		"it was already my third order this year" + tagOrder,
		"I even took a day off to receive the parcel@delivery",
		"the next morning I wrote an email to customer service",
		"after that I asked at the store in $C@store,delivery,billing",
		"this is about order $O from $Y" + tagOrder,
		"my wife and I take this route every week@train",
		"I had a seat reservation for the $Z@train",
		"we booked the room directly on the website@hotel",
		"we were in $C on business and spent two nights there@hotel",
		"I commute from $C to $c every day@train",
		"I documented everything with photos",
	}
	en.gen = [2][]string{
		{"bad", "poor", "terrible", "awful", "disappointing", "appalling", "dreadful", "shocking"},
		{"good", "great", "excellent", "outstanding", "brilliant", "pleasant", "superb", "fantastic"},
	}
	en.feel = [2][]string{
		{
			"I am $X disappointed", "that was $X annoying", "never again", "I have never experienced anything like it",
			"I will not order there again" + tagOrder, "I'm no longer a customer", "this is not what I call service",
			"an absolute disgrace", "I'm $X $E", "this is not acceptable", "a total waste of money",
			"I can't recommend it", "zero stars if I could", "I expect an apology", "what a joke",
			"I am speechless", "no thanks",
		},
		{
			"I am $X happy", "many thanks", "keep it up", "I'll gladly come back", "I can only recommend it",
			"all perfect", "simply great", "I was $X pleasantly surprised", "I'm $X $E", "top service",
			"full marks", "thanks to the whole team", "that's how it should be", "nothing to complain about",
			"never had any problems", "would buy again", "I'm thrilled",
		},
	}
	en.cons = [2][]string{
		{
			"I won't order there again" + tagOrder, "I'm only giving one star", "I am $X $E", "I'm switching to a competitor",
			"I can't recommend it to anyone", "I've cancelled my contract@support,app,billing", "this is no longer an option for me",
			"I'll take the car next time@train",
			"I'll book a different hotel next time@hotel",
		},
		{
			"I'm giving full marks", "I'll definitely be back", "I'd happily recommend you", "I'm staying a customer",
			"I am $X $E", "it's five stars from me", "I'll definitely order again" + tagOrder,
			"I'll happily take the train again@train",
			"I'd book this hotel again@hotel",
		},
	}
	en.eval = [2][]string{
		{"a shame", "annoying", "disappointing", "outrageous", "sad", "unacceptable"},
		{"great", "nice", "brilliant", "wonderful", "amazing", "reassuring"},
	}
	en.emo = [2][]string{
		{"disappointed", "unhappy", "annoyed", "frustrated", "angry", "fed up"},
		{"happy", "satisfied", "pleased", "impressed", "delighted"},
	}
	en.intens = []string{"very", "very", "really", "extremely", "totally", "incredibly", "pretty", "super", "absolutely", "quite", "seriously", "so"}
	en.weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	en.past = [2]string{"was", "were"}
	en.pres = [2]string{"is", "are"}

	build(&deSrc, &de)
	build(&enSrc, &en)
}

var deSrc = langSrc{
	german: true,
	tmplAny: []string{
		"$S $V $X $P.",
		"$S $V $P.",
		"$S $B $X $P.",
		"$S $V nicht $N.",
		"$S $V überhaupt nicht $N.",
		"Diesmal $V $S $X $P.",
		"Wie immer $V $S $P.",
		"Bei meiner Bestellung $O $V $S $X $P." + tagShop,
		"In der Filiale in $C $V $S $X $P.@store",
		"Ich finde, $S $V $X $P.",
		"Ich finde es $J, dass $S so $P $V.",
		"$Q.",
		"$Q.",
		"$Q, und $S $V $X $P.",
		"$F. $Q.",
		"$Q. $F.",
		"$Q! $F!",
		"Mein Eindruck: $S $B $X $P.",
		"Kurz gesagt: $S $V $P.",
		"Ehrlich gesagt $V $S $X $P.",
		"Das letzte Mal $V $S $X $P.",
		"$S? $X $P!",
		"Im Vergleich zum letzten Mal $V $S $X $P.",
		"Mit $T war ich $X $E.",
		"Mit $T bin ich nicht $e.",
		"$U kann ich nur sagen: $F.",
		"$S – $X $P.",
		"Was soll ich sagen, $S $V $X $P.",
		"Meiner Meinung nach $B $S $X $P.",
		"Insgesamt $V $S $X $P.",
		"Bestellung $O: $Q." + tagOrder,
		"Ich habe $R bestellt. $Q." + tagOrder,
		"Ich habe $R in $C gekauft, und $S $V $X $P.@store",
		"Man merkt, dass $S $X $P $B.",
		"Weil $S $X $P $V, $W.",
		"Am $Y $V $S $X $P.",
		"$Q, deshalb $W.",
		"$S $V $X $P, denn $Q.",
		"Als Stammkunde in $C muss ich sagen: $S $V $X $P.",
		"Ich bin seit Jahren Kunde, und $S $V noch nie so $P.",
		"Nur so viel: $Q.",
		"Ich bin $X $E, denn $Q.",
		"$F, $S $V einfach $P.",
		"Zu meiner Bestellung $O: $S $V $X $P, und $Q." + tagOrder,
	},
	tmplNg: []string{
		"Leider $V $S $X $P.",
		"Schon wieder $V $S $X $P.",
		"Unmöglich! $Q.",
		"Nie wieder! $Q.",
		"Eine Katastrophe: $Q.",
		"So geht das nicht: $Q.",
		"Leider $B $S immer noch nicht $N.",
		"$S $V leider nicht $N, und $Q.",
		"Ich kann $A leider nicht empfehlen.",
		"Wieder einmal $V $S $X $P, und niemand fühlt sich verantwortlich.",
	},
	tmplPos: []string{
		"Endlich $V $S mal $P.",
		"Top! $Q.",
		"Vielen Dank, $Q.",
		"Gerne wieder, denn $Q.",
		"Wie immer alles bestens: $Q.",
		"Besser geht es nicht: $S $V $X $P.",
		"Ein großes Lob für $A!",
		"Ich kann $A nur empfehlen.",
		"Positiv überrascht: $Q.",
	},
	products: []string{
		"m Wasserkocher", "f Kaffeemaschine", "m Staubsauger", "m Fernseher", "n Smartphone", "n Tablet",
		"m Laptop", "m Drucker", "f Waschmaschine", "m Kühlschrank", "f Mikrowelle", "m Toaster",
		"m Mixer", "f Bohrmaschine", "m Akkuschrauber", "m Rasenmäher", "m Föhn", "f elektrische Zahnbürste",
		"m Router", "f Smartwatch", "m Kopfhörer", "f Jacke", "m Rucksack", "f Matratze",
		"n Sofa", "m Schreibtisch", "m Bürostuhl", "f Stehlampe", "n Fahrrad", "m E-Scooter",
		"f Spielkonsole", "m Monitor", "f Tastatur", "f Winterjacke", "n Ladegerät", "f Powerbank",
		"n Topfset", "f Pfanne", "m Luftreiniger", "m Heizlüfter", "n Bügeleisen", "f Kamera",
		"m Lautsprecher", "m Geschirrspüler",
	},
	themes: [nThemes]themeSrc{
		tDelivery: {
			subj: []string{"die Lieferung", "der Versand", "die Zustellung", "der Paketzusteller", "der Lieferdienst", "die Paketzustellung"},
			pos:  []string{"schnell", "pünktlich", "zuverlässig", "unkompliziert", "flott"},
			neg:  []string{"langsam", "unzuverlässig", "chaotisch", "unpünktlich", "schlampig"},
			posQ: []string{
				"das Paket war schon nach $d Tagen da",
				"die Lieferung kam sogar einen Tag früher als angekündigt",
				"ich habe $R bestellt und alles kam pünktlich an",
				"der Paketzusteller war $X freundlich und hat das Paket bis in den dritten Stock getragen",
				"die Sendungsverfolgung hat jederzeit genau gestimmt",
				"die Bestellung $O war am $Y schon da",
				"die Lieferung nach $C hat reibungslos geklappt",
			},
			negQ: []string{
				"das Paket kam erst nach $D Tagen an",
				"die Lieferverzögerung wurde mit keinem Wort angekündigt",
				"der Paketzusteller hat das Paket einfach vor die Haustür gelegt",
				"die Sendung mit der Bestellnummer $O ist nie angekommen",
				"ich habe $R bestellt und nach $D Tagen immer noch nichts erhalten",
				"die Sendungsverfolgung zeigt seit $D Tagen denselben Status",
				"bestellt hatte ich $R, geliefert wurde etwas völlig anderes",
				"der Paketzusteller hat nicht einmal geklingelt",
				"das Paket lag am Ende bei einem Nachbarn, den ich gar nicht kenne",
				"angeblich wurde ich am $Y nicht angetroffen, obwohl ich den ganzen Tag zu Hause war",
				"die sogenannte „Express“-Lieferung hat $D Tage gedauert",
				"wegen der Lieferverzögerung war das Geschenk zum Geburtstag nicht da",
			},
		},
		tWaiting: {
			subj: []string{"die Wartezeit", "die Wartezeiten*", "die Bearbeitungszeit", "die Warteschlange"},
			pos:  []string{"kurz", "überschaubar", "angemessen"},
			neg:  []string{"lang", "unzumutbar", "inakzeptabel", "absurd", "endlos"},
			posQ: []string{
				"ich war schon nach $m Minuten dran",
				"ich musste kaum warten",
				"die Antwort kam noch am selben Tag",
				"es gab praktisch keine Wartezeit",
				"der Check-in ging in zwei Minuten@hotel",
				"mein Anliegen wurde innerhalb von $H Stunden bearbeitet",
			},
			negQ: []string{
				"ich habe $M Minuten in der Warteschleife verbracht@support,delivery,billing",
				"nach $M Minuten Wartezeit wurde einfach aufgelegt@support,delivery,billing",
				"ich musste über $H Stunden auf einen Rückruf warten@support,delivery,billing",
				"auf meine E-Mail habe ich seit $D Tagen keine Antwort",
				"die Schlange an der Kasse reichte bis zum Eingang@store",
				"die Bearbeitung meines Antrags dauert schon $D Wochen@support,delivery,billing",
				"trotz Termin habe ich $M Minuten gewartet@store,support",
				"beim Check-in mussten wir $M Minuten warten@hotel",
			},
		},
		tService: {
			subj: []string{"der Kundenservice", "der Kundendienst", "der Service", "der Kundenservicemitarbeiter", "die Kundenberaterin", "die Beratung"},
			pos:  []string{"freundlich", "kompetent", "hilfsbereit", "zuvorkommend", "lösungsorientiert", "geduldig"},
			neg:  []string{"unfreundlich", "inkompetent", "überfordert", "arrogant", "desinteressiert", "unhöflich"},
			posQ: []string{
				"Frau $L hat sich $X viel Zeit für mich genommen",
				"mein Problem wurde sofort gelöst",
				"Herr $L hat mir alles $X gut erklärt",
				"ich habe sofort eine Lösung bekommen",
				"man hat sich sogar für die Umstände entschuldigt",
				"der Kundenservicemitarbeiter hat sich selbst um die Rückerstattung gekümmert",
			},
			negQ: []string{
				"niemand fühlte sich zuständig",
				"ich wurde von einer Abteilung zur nächsten weitergeleitet",
				"man hat mir dreimal etwas anderes erzählt",
				"mein Anliegen wurde nie bearbeitet",
				"der Kundenservicemitarbeiter hat mich ständig unterbrochen",
				"ich habe nie eine Rückmeldung bekommen",
				"die Antwort war ein reiner Textbaustein",
				"auf meine Beschwerde kam keine einzige Reaktion",
			},
		},
		tHotline: {
			subj: []string{"die Hotline", "die Servicehotline", "der Telefonsupport", "die Beratung am Telefon", "das Callcenter"},
			pos:  []string{"kompetent", "hilfreich", "freundlich", "schnell"},
			neg:  []string{"überlastet", "nutzlos", "unerreichbar", "nervig", "teuer"},
			posQ: []string{
				"ich hatte sofort jemanden am Telefon",
				"am Telefon wurde mir $X schnell geholfen",
				"der Rückruf kam wie versprochen",
				"die Dame an der Hotline war $X nett",
				"nach $m Minuten war alles geklärt",
			},
			negQ: []string{
				"die Servicehotline ist ständig besetzt",
				"ich hing $M Minuten in der Warteschleife",
				"die Verbindung brach nach $M Minuten einfach ab",
				"der Sprachcomputer hat mich nie verstanden",
				"man wird am Telefon nur abgewimmelt",
				"die Hotline kostet auch noch 14 Cent pro Minute",
				"der versprochene Rückruf kam nie",
			},
		},
		tApp: {
			subj: []string{"die App", "die Anwendung", "das Update", "die Android-App", "die iPhone-App"},
			pos:  []string{"stabil", "übersichtlich", "schnell", "intuitiv", "praktisch"},
			neg:  []string{"instabil", "langsam", "fehlerhaft", "unbrauchbar", "umständlich", "unübersichtlich"},
			posQ: []string{
				"die App läuft seit Monaten ohne Absturz",
				"mit der App geht alles in wenigen Sekunden",
				"das neue Update hat die App $X schnell gemacht",
				"die App ist endlich übersichtlich",
				"der Dunkelmodus ist eine tolle Neuerung",
				"das Scannen der Belege in der App funktioniert einwandfrei",
			},
			negQ: []string{
				"die App stürzt bei jedem Start ab",
				"seit dem letzten Update stürzt die App ständig ab",
				"beim Bezahlen friert die App jedes Mal ein",
				"die App frisst meine Akkulaufzeit auf",
				"nach dem Update sind alle meine Daten weg",
				"Benachrichtigungen kommen mit $H Stunden Verspätung",
				"die App lädt ewig und zeigt dann eine Fehlermeldung",
				"die App verlangt ständig neue Berechtigungen",
			},
		},
		tWebsite: {
			subj: []string{"die Webseite", "die Website", "der Onlineshop", "die Suchfunktion", "der Bestellprozess", "der Checkout"},
			pos:  []string{"übersichtlich", "schnell", "benutzerfreundlich", "modern", "klar"},
			neg:  []string{"unübersichtlich", "langsam", "veraltet", "verwirrend", "umständlich"},
			posQ: []string{
				"ich habe sofort gefunden, was ich gesucht habe",
				"der Bestellprozess dauert keine zwei Minuten",
				"die Produktbeschreibungen sind $X ausführlich",
				"die Filter im Onlineshop funktionieren prima",
				"die Webseite funktioniert auch auf dem Handy einwandfrei",
			},
			negQ: []string{
				"die Seite lädt ewig",
				"der Warenkorb wird immer wieder geleert",
				"die Suchfunktion findet nicht einmal $R",
				"beim Checkout kommt nur eine Fehlermeldung",
				"auf dem Handy ist die Webseite kaum bedienbar",
				"die Cookie-Banner nerven $X",
				"der Gutscheincode wurde im Warenkorb nicht akzeptiert",
			},
		},
		tLogin: {
			subj: []string{"der Login", "die Anmeldung", "das Kundenkonto", "die Registrierung", "die Zwei-Faktor-Anmeldung"},
			pos:  []string{"einfach", "schnell", "sicher", "unkompliziert"},
			neg:  []string{"umständlich", "fehlerhaft", "nervig", "kompliziert", "unzuverlässig"},
			posQ: []string{
				"die Anmeldung mit Fingerabdruck klappt super",
				"das Passwort war in einer Minute zurückgesetzt",
				"ich musste mich nie wieder neu anmelden",
				"die Registrierung ging $X schnell",
			},
			negQ: []string{
				"ich kann mich seit $D Tagen nicht einloggen",
				"das Zurücksetzen des Passworts funktioniert nicht",
				"der Bestätigungscode kommt nie an",
				"ich werde ständig automatisch ausgeloggt",
				"mein Kundenkonto wurde ohne Grund gesperrt",
				"nach jedem Update muss ich mich neu registrieren",
			},
		},
		tBilling: {
			subj: []string{"die Rechnung", "die Abrechnung", "die Monatsrechnung", "die Zahlung", "die Abbuchung"},
			pos:  []string{"korrekt", "verständlich", "transparent", "nachvollziehbar", "übersichtlich"},
			neg:  []string{"falsch", "fehlerhaft", "undurchsichtig", "unverständlich", "intransparent"},
			posQ: []string{
				"die Rechnung war sofort im Kundenkonto",
				"die Abbuchung hat genau gestimmt",
				"alle Posten sind klar aufgeschlüsselt",
				"die Zahlung per PayPal ging problemlos",
				"die Gutschrift über $K Euro war schon am nächsten Tag da",
			},
			negQ: []string{
				"mir wurden $K Euro zu viel berechnet",
				"die Rechnung kam doppelt",
				"ich habe eine Mahnung bekommen, obwohl ich längst bezahlt habe",
				"die Abbuchung erfolgte zweimal",
				"auf der Rechnung stehen Posten, die ich nie bestellt habe",
				"die Rechnung zur Bestellung $O fehlt bis heute",
				"die Mahngebühr von $K Euro ist eine Frechheit",
			},
		},
		tPrice: {
			subj: []string{"der Preis", "die Preise*", "das Preis-Leistungs-Verhältnis", "die Versandkosten*@website,billing", "die Gebühren*"},
			pos:  []string{"fair", "günstig", "angemessen", "attraktiv"},
			neg:  []string{"teuer", "überteuert", "unverschämt", "happig", "hoch"},
			posQ: []string{
				"für $K Euro bekommt man hier wirklich viel",
				"die Rabattaktion hat sich gelohnt@website,store",
				"der Preis war günstiger als bei der Konkurrenz",
				"es gab sogar einen Gutschein für die nächste Bestellung@website,store,billing",
				"die Versandkosten entfallen ab $K Euro@website,billing",
				"mit dem Sparpreis bin ich für $K Euro nach $C gefahren@train",
				"für $K Euro pro Nacht war das Zimmer ein Schnäppchen@hotel",
			},
			negQ: []string{
				"für $K Euro erwarte ich deutlich mehr",
				"die Preise wurden schon wieder erhöht",
				"die Versandkosten sind höher als der Artikel selbst@website,billing",
				"im Laden in $C war es $K Euro billiger@website,billing",
				"versteckte Gebühren tauchen erst an der Kasse auf@website,billing,hotel",
				"der Preis an der Kasse war ein anderer als am Regal@store",
				"das Ticket von $C nach $c hat $K Euro gekostet@train",
				"die Übernachtung für $K Euro war ihr Geld nicht wert@hotel",
			},
		},
		tRefund: {
			subj: []string{"die Erstattung", "die Rückerstattung", "die Rückgabe", "die Reklamation", "der Umtausch", "die Retoure"},
			pos:  []string{"schnell", "unkompliziert", "kulant", "reibungslos"},
			neg:  []string{"langwierig", "kompliziert", "umständlich", "nervig", "schleppend"},
			posQ: []string{
				"das Geld war nach $d Tagen wieder auf dem Konto",
				"der Umtausch in der Filiale in $C ging in fünf Minuten",
				"die Rückerstattung kam ohne Nachfragen",
				"das Retourenlabel war sofort per E-Mail da",
				"ich habe die vollen $K Euro zurückbekommen",
			},
			negQ: []string{
				"auf meine Rückerstattung warte ich seit $D Wochen",
				"die Rücksendung wurde angeblich nie empfangen",
				"ich musste dreimal nachfragen, bis das Geld kam",
				"statt Geld gab es nur einen Gutschein",
				"die Reklamation zur Bestellung $O wurde einfach abgelehnt",
				"für die Rücksendung sollte ich auch noch zahlen",
				"von den $K Euro habe ich bis heute nichts gesehen",
			},
		},
		tStaff: {
			subj: []string{"das Personal", "die Mitarbeiter*", "die Mitarbeiterin", "der Verkäufer@store", "die Verkäuferin@store", "das Team", "der Schaffner@train", "die Zugbegleiterin@train", "die Dame an der Rezeption@hotel"},
			pos:  []string{"freundlich", "nett", "hilfsbereit", "aufmerksam", "herzlich", "höflich"},
			neg:  []string{"unfreundlich", "unhöflich", "genervt", "gleichgültig", "respektlos", "pampig"},
			posQ: []string{
				"Frau $L hat uns $X herzlich empfangen@store,hotel",
				"der Verkäufer hat sich viel Zeit für die Beratung genommen@store",
				"man wurde sofort freundlich begrüßt",
				"Herr $L hat uns sogar einen Kaffee angeboten",
				"die Zugbegleiterin hat uns beim Umsteigen geholfen@train",
				"an der Rezeption bekamen wir ein kostenloses Upgrade@hotel",
			},
			negQ: []string{
				"der Verkäufer hat mich komplett ignoriert@store",
				"man fühlte sich als Kunde nur störend",
				"die Mitarbeiterin an der Kasse hat mich angeschnauzt@store",
				"niemand hat uns begrüßt",
				"auf Nachfrage wurde nur mit den Schultern gezuckt",
				"der Schaffner war nicht bereit, uns weiterzuhelfen@train",
				"an der Rezeption hat man uns einfach warten lassen@hotel",
			},
		},
		tTrain: {
			subj: []string{"der Zug", "die Verbindung", "die Bahn", "der $Z", "die Fahrt"},
			pos:  []string{"pünktlich", "zuverlässig", "angenehm", "entspannt"},
			neg:  []string{"unpünktlich", "verspätet", "chaotisch", "unzuverlässig", "katastrophal"},
			posQ: []string{
				"der $Z war auf die Minute pünktlich",
				"den Anschluss in $C habe ich locker erreicht",
				"die Fahrt von $C nach $c lief ohne jede Verspätung",
				"trotz Baustelle kamen wir pünktlich in $C an",
				"die Durchsagen im Zug waren klar und rechtzeitig",
			},
			negQ: []string{
				"der $Z hatte $M Minuten Verspätung",
				"wegen der Zugverspätung habe ich meinen Anschluss in $C verpasst",
				"der Zug fiel ohne Ansage einfach aus",
				"die Zugverspätung wurde erst nach $M Minuten durchgesagt",
				"wir standen $M Minuten auf freier Strecke",
				"der Schienenersatzverkehr von $C nach $c war eine Katastrophe",
				"wegen einer Stellwerksstörung kamen wir $H Stunden zu spät an",
				"die Wagenreihung war mal wieder umgekehrt",
			},
		},
		tClean: {
			subj: []string{"das Zimmer@hotel", "das Bad@hotel", "die Toilette", "der Waggon@train", "die Filiale@store", "das Hotelzimmer@hotel", "die Lobby@hotel"},
			pos:  []string{"sauber", "gepflegt", "ordentlich", "hygienisch"},
			neg:  []string{"schmutzig", "dreckig", "ungepflegt", "eklig", "verdreckt", "muffig"},
			posQ: []string{
				"alles war blitzblank",
				"das Zimmer wurde jeden Tag gründlich gereinigt@hotel",
				"selbst die Toiletten waren sauber",
				"man merkt, dass hier auf Sauberkeit geachtet wird",
				"die Handtücher wurden täglich gewechselt@hotel",
				"die Regale waren ordentlich eingeräumt@store",
				"der Wagen war frisch gereinigt@train",
			},
			negQ: []string{
				"die Toilette im Zug war verstopft und eklig@train",
				"im Bad lagen noch Haare vom Vorgänger@hotel",
				"die Bettwäsche war fleckig@hotel",
				"überall lag Müll herum",
				"die Sauberkeit lässt $X zu wünschen übrig",
				"es roch unangenehm nach Rauch",
				"unter dem Bett lag Staub von mehreren Wochen@hotel",
				"in der Umkleidekabine lag Müll auf dem Boden@store",
			},
		},
		tWifi: {
			subj: []string{"das WLAN", "das Internet", "die Internetverbindung", "der Handyempfang"},
			pos:  []string{"schnell", "stabil", "zuverlässig", "flott"},
			neg:  []string{"langsam", "instabil", "unbrauchbar", "katastrophal", "lückenhaft"},
			posQ: []string{
				"das WLAN war kostenlos und $X schnell",
				"ich konnte während der ganzen Fahrt arbeiten@train",
				"Videokonferenzen über das Hotel-WLAN liefen ohne Probleme@hotel",
				"der Empfang war überall im Haus gut@hotel",
			},
			negQ: []string{
				"das WLAN im Zug funktioniert praktisch nie@train",
				"es gab kein WLAN im ganzen Hotel@hotel",
				"die Verbindung brach alle $m Minuten ab",
				"für das WLAN sollte man auch noch $K Euro zahlen",
				"an Arbeiten war ohne Internet nicht zu denken",
				"das kostenlose WLAN war nur in der Lobby verfügbar@hotel",
			},
		},
		tSeat: {
			subj: []string{"der Sitzplatz", "der Sitz", "die Sitze*", "der Platz", "die Sitzplätze*"},
			pos:  []string{"bequem", "geräumig", "komfortabel", "breit"},
			neg:  []string{"unbequem", "eng", "durchgesessen", "hart", "abgenutzt"},
			posQ: []string{
				"ich hatte einen ruhigen Platz am Fenster",
				"die Sitzplatzreservierung hat problemlos geklappt",
				"in der ersten Klasse war genug Platz für die Beine",
				"die neuen Sitze sind $X bequem",
			},
			negQ: []string{
				"trotz Reservierung war kein Sitzplatz frei",
				"meine Sitzplatzreservierung wurde nicht angezeigt",
				"der Zug war so voll, dass ich $H Stunden stehen musste",
				"der Wagen mit meinem reservierten Platz fehlte komplett",
				"die Rückenlehne ließ sich nicht verstellen",
				"an meinem Platz gab es keine Steckdose",
			},
		},
		tFood: {
			subj: []string{"das Essen", "das Frühstück@hotel", "das Frühstücksbuffet@hotel", "der Kaffee", "das Abendessen@hotel", "die Speisen*", "das Angebot im Bordbistro@train"},
			pos:  []string{"lecker", "frisch", "vielfältig", "köstlich", "reichhaltig"},
			neg:  []string{"kalt", "fad", "lieblos", "ungenießbar", "versalzen", "überteuert"},
			posQ: []string{
				"das Frühstück war reichhaltig und frisch@hotel",
				"es gab sogar vegane Optionen",
				"die Suppe im Bordbistro war $X lecker@train",
				"der Koch hat auf meine Allergie Rücksicht genommen@hotel",
				"der Cappuccino war der beste seit Langem",
			},
			negQ: []string{
				"im Bordbistro gab es nur noch kalte Brezeln@train",
				"der Kaffee war lauwarm und schmeckte verbrannt",
				"das Frühstücksbuffet war schon um neun Uhr leergeräumt@hotel",
				"für ein belegtes Brötchen zahlt man $K Euro",
				"das Restaurant hatte trotz Reservierung keinen Tisch für uns@hotel",
				"im Salat war ein Haar",
				"das Bordbistro war geschlossen, und es gab nicht einmal Wasser@train",
			},
		},
		tQuality: {
			subj: []string{"die Qualität", "das Produkt", "der Artikel", "das Gerät", "die Verarbeitung", "das Material"},
			pos:  []string{"hochwertig", "solide", "robust", "langlebig", "wertig"},
			neg:  []string{"billig", "mangelhaft", "minderwertig", "enttäuschend", "wackelig"},
			posQ: []string{
				"$r funktioniert auch nach einem Jahr noch einwandfrei",
				"die Akkulaufzeit ist $X gut",
				"man merkt die hochwertige Verarbeitung sofort",
				"das Ersatzteil war innerhalb von $d Tagen da",
				"ich habe $R gekauft und bin rundum zufrieden",
			},
			negQ: []string{
				"$r ging nach $D Tagen kaputt",
				"die Akkulaufzeit ist ein schlechter Witz",
				"das Ersatzteil ist seit Wochen nicht lieferbar",
				"die Verarbeitung wirkt $X billig",
				"schon beim Auspacken ist ein Teil abgebrochen",
				"die Farbe sah in echt völlig anders aus",
				"die Bedienungsanleitung gibt es nur auf Englisch",
				"$r macht seit dem ersten Tag komische Geräusche",
			},
		},
		tPackaging: {
			subj: []string{"die Verpackung", "der Karton", "das Paket", "die Umverpackung"},
			pos:  []string{"stabil", "umweltfreundlich", "sorgfältig", "ordentlich", "durchdacht"},
			neg:  []string{"beschädigt", "eingedrückt", "übertrieben", "verschwenderisch", "aufgerissen"},
			posQ: []string{
				"alles war sorgfältig verpackt",
				"die Verpackung war komplett aus Papier",
				"$r kam gut gepolstert an",
				"die Verpackung lässt sich wiederverwenden",
			},
			negQ: []string{
				"der Karton war eingedrückt und der Inhalt beschädigt",
				"für $R kam ein riesiger Karton voller Plastik",
				"das Paket war völlig durchnässt",
				"die Verpackung war schon geöffnet",
				"das Siegel war aufgebrochen",
				"in der Verpackung fehlte das Zubehör",
			},
		},
	},
}

var enSrc = langSrc{
	tmplAny: []string{
		"$S $V $X $P.",
		"$S $V $P.",
		"$S $B $X $P.",
		"$S $V not $N.",
		"$S $V not $N at all.",
		"This time $S $V $X $P.",
		"As always, $S $V $P.",
		"With my order $O, $S $V $X $P." + tagShop,
		"At the store in $C, $S $V $X $P.@store",
		"I think $S $V $X $P.",
		"I find it $J that $S $V so $P.",
		"$Q.",
		"$Q.",
		"$Q, and $S $V $X $P.",
		"$F. $Q.",
		"$Q. $F.",
		"$Q! $F!",
		"My impression: $S $B $X $P.",
		"In short, $S $V $P.",
		"Honestly, $S $V $X $P.",
		"Last time $S $V $X $P.",
		"$S? $X $P!",
		"Compared to last time, $S $V $X $P.",
		"I was $X $E with $T.",
		"I'm not $e with $T.",
		"About $T I can only say: $F.",
		"$S – $X $P.",
		"What can I say, $S $V $X $P.",
		"In my opinion $S $B $X $P.",
		"Overall, $S $V $X $P.",
		"Order $O: $Q." + tagOrder,
		"I ordered $R. $Q." + tagOrder,
		"I bought $R in $C and $S $V $X $P.@store",
		"You can tell that $S $B $X $P.",
		"Because $S $V $X $P, $W.",
		"On $Y $S $V $X $P.",
		"$Q, so $W.",
		"$S $V $X $P, because $Q.",
		"As a regular customer in $C I have to say: $S $V $X $P.",
		"I've been a customer for years and $S $V never this $P.",
		"Just this: $Q.",
		"I am $X $E because $Q.",
		"$F, $S $V simply $P.",
		"About order $O: $S $V $X $P, and $Q." + tagOrder,
	},
	tmplNg: []string{
		"Unfortunately $S $V $X $P.",
		"Once again $S $V $X $P.",
		"Unbelievable! $Q.",
		"Never again! $Q.",
		"A disaster: $Q.",
		"This is not okay: $Q.",
		"Sadly $S $B still not $N.",
		"$S $V not $N, and $Q.",
		"I can't recommend $A.",
		"Once again $S $V $X $P and nobody takes responsibility.",
	},
	tmplPos: []string{
		"Finally $S $V $P.",
		"Top! $Q.",
		"Many thanks, $Q.",
		"Happy to come back, $Q.",
		"All good as always: $Q.",
		"Couldn't be better: $S $V $X $P.",
		"Big praise for $A!",
		"I can only recommend $A.",
		"Pleasantly surprised: $Q.",
	},
	products: []string{
		"kettle", "coffee machine", "vacuum cleaner", "TV", "smartphone", "tablet",
		"laptop", "printer", "washing machine", "fridge", "microwave", "toaster",
		"blender", "drill", "cordless screwdriver", "lawn mower", "hairdryer", "electric toothbrush",
		"router", "smartwatch", "headset", "jacket", "backpack", "mattress",
		"sofa", "desk", "office chair", "floor lamp", "bike", "e-scooter",
		"games console", "monitor", "keyboard", "winter coat", "charger", "power bank",
		"cookware set", "frying pan", "air purifier", "fan heater", "iron", "camera",
		"speaker", "dishwasher",
	},
	themes: [nThemes]themeSrc{
		tDelivery: {
			subj: []string{"the delivery", "the shipping", "the courier", "the delivery service", "the parcel service"},
			pos:  []string{"fast", "quick", "punctual", "reliable", "smooth"},
			neg:  []string{"slow", "late", "unreliable", "chaotic", "sloppy"},
			posQ: []string{
				"the parcel arrived after just $d days",
				"it even arrived a day earlier than promised",
				"I ordered $R and it arrived right on time",
				"the driver was $X friendly and carried it up three floors",
				"tracking was accurate the whole time",
				"order $O was already here on $Y",
				"delivery to $C went without a hitch",
			},
			negQ: []string{
				"the parcel only arrived after $D days",
				"the delay was never announced",
				"the courier just left the parcel outside the front door",
				"order $O never arrived",
				"I ordered $R and after $D days I still have nothing",
				"tracking has shown the same status for $D days",
				"instead of $R I got a completely different item",
				"the driver didn't even ring the bell",
				"the so-called \"express\" delivery took $D days",
				"apparently nobody was home on $Y, which is simply not true",
				"the parcel ended up with a neighbour I don't even know",
			},
		},
		tWaiting: {
			subj: []string{"the waiting time", "the waiting times*", "the wait", "the queue", "the processing time"},
			pos:  []string{"short", "reasonable", "acceptable"},
			neg:  []string{"long", "unacceptable", "ridiculous", "endless", "absurd"},
			posQ: []string{
				"I was through after $m minutes",
				"I hardly had to wait",
				"the answer came the same day",
				"there was practically no wait at all",
				"check-in took two minutes@hotel",
				"my request was handled within $H hours",
			},
			negQ: []string{
				"I spent $M minutes on hold@support,delivery,billing",
				"after $M minutes on hold they just hung up@support,delivery,billing",
				"I had to wait over $H hours for a callback@support,delivery,billing",
				"my email has gone unanswered for $D days",
				"the queue at the checkout went all the way to the entrance@store",
				"processing my request has taken $D weeks already@support,delivery,billing",
				"despite my appointment I waited $M minutes@store,support",
				"we had to wait $M minutes at check-in@hotel",
			},
		},
		tService: {
			subj: []string{"the customer service", "the support team", "the service", "the agent", "the advisor"},
			pos:  []string{"friendly", "helpful", "competent", "patient", "polite", "professional"},
			neg:  []string{"rude", "unhelpful", "incompetent", "clueless", "dismissive", "arrogant"},
			posQ: []string{
				"Ms $L took a lot of time for me",
				"my problem was solved right away",
				"Mr $L explained everything $X well",
				"I got a solution immediately",
				"they even apologised for the trouble",
				"the agent sorted out the refund himself",
			},
			negQ: []string{
				"nobody felt responsible",
				"I was passed from one department to the next",
				"I was told three different stories",
				"my request was never processed",
				"the agent kept interrupting me",
				"I never got a reply",
				"the answer was just a copy-paste template",
				"my complaint got no reaction whatsoever",
			},
		},
		tHotline: {
			subj: []string{"the hotline", "the phone support", "the service line", "the call centre"},
			pos:  []string{"helpful", "friendly", "quick", "efficient"},
			neg:  []string{"useless", "overloaded", "unreachable", "frustrating", "annoying"},
			posQ: []string{
				"someone picked up right away",
				"they helped me $X quickly on the phone",
				"the callback came as promised",
				"the lady on the phone was $X nice",
				"after $m minutes everything was sorted",
			},
			negQ: []string{
				"the line is always busy",
				"I was stuck on hold for $M minutes",
				"the call just dropped after $M minutes",
				"the voice menu never understood me",
				"they just fobbed me off on the phone",
				"the call cost me 14 cents a minute on top",
				"the promised callback never came",
			},
		},
		tApp: {
			subj: []string{"the app", "the update", "the mobile app", "the Android app", "the iPhone app"},
			pos:  []string{"stable", "fast", "intuitive", "clean", "handy"},
			neg:  []string{"buggy", "slow", "unstable", "useless", "clunky", "confusing"},
			posQ: []string{
				"the app has run for months without a single crash",
				"everything takes a few seconds in the app",
				"the update made the app $X fast",
				"the app is finally easy to navigate",
				"dark mode is a great addition",
				"scanning receipts in the app works flawlessly",
			},
			negQ: []string{
				"the app crashes every time I open it",
				"since the last update the app keeps crashing",
				"the app freezes at checkout every single time",
				"the app drains my battery",
				"all my data was gone after the update",
				"notifications arrive $H hours late",
				"the app loads forever and then shows an error",
				"the app keeps asking for new permissions",
			},
		},
		tWebsite: {
			subj: []string{"the website", "the online shop", "the search", "the checkout", "the site"},
			pos:  []string{"clear", "fast", "user-friendly", "modern", "intuitive"},
			neg:  []string{"confusing", "slow", "outdated", "cluttered", "clunky"},
			posQ: []string{
				"I found what I needed straight away",
				"ordering takes less than two minutes",
				"the product descriptions are $X detailed",
				"the filters in the shop work perfectly",
				"the website works perfectly on my phone too",
			},
			negQ: []string{
				"the site takes forever to load",
				"the basket keeps emptying itself",
				"the search can't even find $R",
				"checkout just throws an error",
				"the website is barely usable on my phone",
				"the cookie banners are $X annoying",
				"the voucher code wasn't accepted in the basket",
			},
		},
		tLogin: {
			subj: []string{"the login", "the sign-in", "the account", "the registration", "the two-factor login"},
			pos:  []string{"easy", "quick", "secure", "simple"},
			neg:  []string{"annoying", "complicated", "tedious", "unreliable", "cumbersome"},
			posQ: []string{
				"fingerprint login works great",
				"my password was reset in a minute",
				"I never had to sign in again",
				"registration was $X quick",
			},
			negQ: []string{
				"I haven't been able to log in for $D days",
				"the password reset doesn't work",
				"the verification code never arrives",
				"I keep getting logged out",
				"my account was locked for no reason",
				"after every update I have to register again",
			},
		},
		tBilling: {
			subj: []string{"the invoice", "the bill", "the billing", "the payment", "the monthly statement"},
			pos:  []string{"correct", "clear", "transparent", "accurate", "straightforward"},
			neg:  []string{"wrong", "confusing", "incorrect", "misleading", "opaque"},
			posQ: []string{
				"the invoice was in my account right away",
				"the direct debit was exactly right",
				"every item is clearly listed",
				"paying with PayPal was easy",
				"the credit of $K euros was there the next day",
			},
			negQ: []string{
				"I was overcharged by $K euros",
				"I got the invoice twice",
				"I received a reminder although I paid weeks ago",
				"the payment was taken twice",
				"the bill lists items I never ordered",
				"the invoice for order $O is still missing",
				"a late fee of $K euros is outrageous",
			},
		},
		tPrice: {
			subj: []string{"the price", "the prices*", "the value for money", "the shipping costs*@website,billing", "the fees*"},
			pos:  []string{"fair", "reasonable", "affordable", "competitive"},
			neg:  []string{"expensive", "overpriced", "outrageous", "steep", "high"},
			posQ: []string{
				"you get a lot for $K euros",
				"the sale was really worth it@website,store",
				"it was cheaper than anywhere else",
				"I even got a voucher for my next order@website,store,billing",
				"shipping is free above $K euros@website,billing",
				"with a saver fare I got to $C for $K euros@train",
				"at $K euros a night the room was a bargain@hotel",
			},
			negQ: []string{
				"for $K euros I expect a lot more",
				"prices have gone up again",
				"shipping costs more than the item itself@website,billing",
				"it was $K euros cheaper at the store in $C@website,billing",
				"hidden fees only show up at checkout@website,billing,hotel",
				"the price at the till was different from the shelf@store",
				"the ticket from $C to $c cost $K euros@train",
				"the room at $K euros a night was not worth the money@hotel",
			},
		},
		tRefund: {
			subj: []string{"the refund", "the return", "the exchange", "the complaint process", "the reimbursement"},
			pos:  []string{"quick", "easy", "smooth", "painless", "generous"},
			neg:  []string{"slow", "complicated", "tedious", "frustrating", "painful"},
			posQ: []string{
				"the money was back in my account after $d days",
				"the exchange at the $C store took five minutes",
				"the refund came without any questions",
				"the return label arrived by email right away",
				"I got the full $K euros back",
			},
			negQ: []string{
				"I have been waiting for my refund for $D weeks",
				"they claim my return never arrived",
				"I had to chase them three times for my money",
				"I only got a voucher instead of my money back",
				"the complaint about order $O was simply rejected",
				"I was even asked to pay for the return label",
				"I still haven't seen a cent of the $K euros",
			},
		},
		tStaff: {
			subj: []string{"the staff*", "the employees*", "the sales assistant@store", "the team", "the conductor@train", "the train attendant@train", "the receptionist@hotel"},
			pos:  []string{"friendly", "kind", "helpful", "attentive", "welcoming", "polite"},
			neg:  []string{"rude", "unfriendly", "grumpy", "indifferent", "disrespectful", "impolite"},
			posQ: []string{
				"Ms $L gave us a $X warm welcome@store,hotel",
				"the sales assistant took plenty of time to advise me@store",
				"we were greeted right away",
				"Mr $L even offered us a coffee",
				"the train attendant helped us with our connection@train",
				"reception gave us a free upgrade@hotel",
			},
			negQ: []string{
				"the sales assistant completely ignored me@store",
				"I felt like a nuisance as a customer",
				"the cashier snapped at me@store",
				"nobody greeted us",
				"when I asked, they just shrugged",
				"the conductor refused to help us@train",
				"at reception they just left us standing there@hotel",
			},
		},
		tTrain: {
			subj: []string{"the train", "the connection", "the service", "the $Z", "the journey"},
			pos:  []string{"punctual", "reliable", "pleasant", "relaxed"},
			neg:  []string{"late", "unreliable", "chaotic", "delayed", "disastrous"},
			posQ: []string{
				"the $Z was right on time",
				"I easily made my connection in $C",
				"the trip from $C to $c ran without any delay",
				"despite the engineering works we arrived in $C on time",
				"the announcements on the train were clear and timely",
			},
			negQ: []string{
				"the $Z was $M minutes late",
				"because of the delay I missed my connection in $C",
				"the train was cancelled without any announcement",
				"the delay was only announced after $M minutes",
				"we were stuck on the open track for $M minutes",
				"the replacement bus from $C to $c was a disaster",
				"a signal failure made us $H hours late",
				"the coaches were in reverse order yet again",
			},
		},
		tClean: {
			subj: []string{"the room@hotel", "the bathroom@hotel", "the toilet", "the carriage@train", "the store@store", "the hotel room@hotel", "the lobby@hotel"},
			pos:  []string{"clean", "tidy", "spotless", "hygienic"},
			neg:  []string{"dirty", "filthy", "disgusting", "grubby", "smelly"},
			posQ: []string{
				"everything was spotless",
				"the room was cleaned thoroughly every day@hotel",
				"even the toilets were clean",
				"you can tell they care about cleanliness",
				"the towels were changed every day@hotel",
				"the shelves were neatly stocked@store",
				"the carriage had just been cleaned@train",
			},
			negQ: []string{
				"the toilet on the train was blocked and disgusting@train",
				"there was still hair in the shower@hotel",
				"the bed sheets were stained@hotel",
				"there was rubbish everywhere",
				"cleanliness leaves a lot to be desired",
				"it smelled of smoke",
				"there was weeks of dust under the bed@hotel",
				"there was rubbish on the floor of the fitting room@store",
			},
		},
		tWifi: {
			subj: []string{"the wifi", "the internet", "the connection", "the mobile signal"},
			pos:  []string{"fast", "stable", "reliable", "good"},
			neg:  []string{"slow", "patchy", "useless", "unstable", "terrible"},
			posQ: []string{
				"the wifi was free and $X fast",
				"I could work the whole journey@train",
				"video calls over the hotel wifi ran without problems@hotel",
				"the signal was good everywhere in the building@hotel",
			},
			negQ: []string{
				"the wifi on the train basically never works@train",
				"there was no wifi anywhere in the hotel@hotel",
				"the connection dropped every $m minutes",
				"they wanted $K euros extra for wifi",
				"working without internet was impossible",
				"the free wifi only worked in the lobby@hotel",
			},
		},
		tSeat: {
			subj: []string{"the seat", "the seats*", "my seat", "the reserved seat", "the armchairs in first class*"},
			pos:  []string{"comfortable", "spacious", "roomy", "wide"},
			neg:  []string{"uncomfortable", "cramped", "worn", "hard", "narrow"},
			posQ: []string{
				"I had a quiet window seat",
				"the seat reservation worked perfectly",
				"first class had plenty of legroom",
				"the new seats are $X comfortable",
			},
			negQ: []string{
				"despite my reservation there was no free seat",
				"my seat reservation wasn't displayed",
				"the train was so full I had to stand for $H hours",
				"the carriage with my reserved seat was missing",
				"the backrest couldn't be adjusted",
				"there was no power socket at my seat",
			},
		},
		tFood: {
			subj: []string{"the food", "the breakfast@hotel", "the breakfast buffet@hotel", "the coffee", "the dinner@hotel", "the meals*"},
			pos:  []string{"delicious", "fresh", "tasty", "varied", "excellent"},
			neg:  []string{"cold", "bland", "stale", "overpriced", "inedible", "greasy"},
			posQ: []string{
				"breakfast was generous and fresh@hotel",
				"there were even vegan options",
				"the soup in the bistro car was $X tasty@train",
				"the chef took my allergy into account@hotel",
				"the cappuccino was the best in ages",
			},
			negQ: []string{
				"the bistro car only had cold pretzels left@train",
				"the coffee was lukewarm and tasted burnt",
				"the breakfast buffet was empty by nine@hotel",
				"a sandwich costs $K euros",
				"the restaurant had no table for us despite our booking@hotel",
				"there was a hair in my salad",
				"the bistro was closed and there wasn't even water@train",
			},
		},
		tQuality: {
			subj: []string{"the quality", "the product", "the item", "the device", "the build quality", "the material"},
			pos:  []string{"solid", "sturdy", "durable", "excellent", "high-quality"},
			neg:  []string{"cheap", "flimsy", "poor", "disappointing", "shoddy"},
			posQ: []string{
				"$r still works perfectly after a year",
				"the battery life is $X good",
				"you notice the quality right away",
				"the spare part arrived within $d days",
				"I bought $R and I am completely happy with it",
			},
			negQ: []string{
				"$r broke after $D days",
				"the battery life is a joke",
				"the spare part has been out of stock for weeks",
				"the build feels $X cheap",
				"a piece snapped off while unpacking",
				"the colour looked completely different in real life",
				"the manual is only in German",
				"$r has made strange noises since day one",
			},
		},
		tPackaging: {
			subj: []string{"the packaging", "the box", "the parcel", "the wrapping"},
			pos:  []string{"sturdy", "neat", "eco-friendly", "compact", "sensible"},
			neg:  []string{"damaged", "excessive", "soggy", "torn", "flimsy"},
			posQ: []string{
				"everything was carefully packed",
				"the packaging was all paper",
				"$r arrived well padded",
				"the packaging can be reused",
			},
			negQ: []string{
				"the box was crushed and the contents damaged",
				"$R came in a huge box full of plastic",
				"the parcel was soaking wet",
				"the packaging had already been opened",
				"the seal was broken",
				"the accessories were missing from the box",
			},
		},
	},
}
