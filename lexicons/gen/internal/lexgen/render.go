package lexgen

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/lexicons"
)

type entry struct {
	term   string
	weight float64
	after  float64
	stem   bool
	pos    string // part of speech, German Polarity Lexicon only
}

type section struct {
	title   string // one comment line or several
	entries []entry
}

type file struct {
	header   string
	sections []section
	kind     lexicons.Kind
}

func (f *file) render(path, hand string) []byte {
	var b bytes.Buffer
	b.WriteString(f.header)
	if !strings.HasSuffix(f.header, "\n") {
		b.WriteString("\n")
	}
	if hand != "" {
		fmt.Fprintf(&b, "\n# ==== hand-written: lexicons/src/%s (copied verbatim) ====\n\n", path)
		b.WriteString(strings.TrimRight(hand, "\n"))
		fmt.Fprintf(&b, "\n\n# ==== end of lexicons/src/%s ====\n", path)
	}
	for _, s := range f.sections {
		if len(s.entries) == 0 {
			continue
		}
		b.WriteString("\n")
		for _, l := range strings.Split(strings.TrimRight(s.title, "\n"), "\n") {
			b.WriteString("# " + l + "\n")
		}
		b.WriteString("\n")
		for _, e := range s.entries {
			b.WriteString(e.term)
			b.WriteString("\t")
			b.WriteString(num(e.weight))
			if f.kind == lexicons.Contrast {
				b.WriteString("\t" + num(e.after))
			}
			if e.stem {
				b.WriteString("\tstem")
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// num formats a weight with at most three decimals and no trailing zeros.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func sortEntries(es []entry) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].term != es[j].term {
			return es[i].term < es[j].term
		}
		return !es[i].stem && es[j].stem
	})
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

// dedupe merges lists by term; the first list that has a term wins.
func dedupe(lists ...[]entry) []entry {
	seen := map[string]bool{}
	var out []entry
	for _, l := range lists {
		for _, e := range l {
			if seen[e.term] {
				continue
			}
			seen[e.term] = true
			out = append(out, e)
		}
	}
	return out
}
