package synth

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Generator makes synthetic feedback records; the same seed gives the same records.
// A Generator is not safe for concurrent use.
type Generator struct {
	r    *rand.Rand
	d    *tables
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

// New returns a Generator whose output depends only on seed. The first call
// in a process parses the embedded word lists.
func New(seed uint64) *Generator {
	return &Generator{
		r:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		d:    loadTables(),
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

	tp := g.d.touchpointPick[r.IntN(len(g.d.touchpointPick))]
	day := r.IntN(len(g.d.dates))
	g.l = &g.d.en
	if r.IntN(100) < 60 {
		g.l = &g.d.de
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

	nps, csat := g.scores(recPol)

	b = append(b, `{"id":"S`...)
	var tmp [20]byte
	digits := strconv.AppendUint(tmp[:0], g.seq, 10)
	for i := len(digits); i < 7; i++ {
		b = append(b, '0')
	}
	b = append(b, digits...)
	b = append(b, `","date":"`...)
	b = append(b, g.d.dates[day][:]...)
	b = append(b, `","touchpoint":"`...)
	b = append(b, touchpoints[tp].name...)
	b = append(b, '"')
	if nps >= 0 {
		b = append(b, `,"nps":`...)
		b = strconv.AppendInt(b, int64(nps), 10)
	}
	if csat >= 0 {
		b = append(b, `,"csat":`...)
		b = strconv.AppendInt(b, int64(csat), 10)
	}
	b = append(b, `,"text":`...)
	b = jsontext.AppendString(b, string(g.text))
	return append(b, '}')
}

// scores draws the NPS (0–10) and CSAT (1–5) scores of a record whose text
// has polarity recPol; -1 means the record has no such score. Scores follow
// the text, except for a deliberate share of mismatches (scale misread,
// score given for something else).
func (g *Generator) scores(recPol int) (nps, csat int) {
	r := g.r
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
	nps = pickWeighted(r, npsWeights[scorePol][:])
	hasCSAT := r.IntN(2) == 0
	csat = 1 + pickWeighted(r, csatWeights[scorePol][:])
	if !hasNPS {
		nps = -1
	}
	if !hasCSAT {
		csat = -1
	}
	return nps, csat
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
