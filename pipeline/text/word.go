package text

import (
	"strings"

	"github.com/stimmung/stimmung/models"
)

// Words: contractions, elisions, hyphenated compounds, and listed
// abbreviations that keep their dot.

// scanWord reads a word whose alphanumeric prefix ends at j: it continues
// over apostrophes and hyphens between word characters, so "can't",
// "war's", "E-Mail" and "well-known" stay whole, then checks for a listed
// abbreviation that keeps its dot.
func (sc *scanner) scanWord(j int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	joined := false
	for j < len(s) {
		var n int
		// Most words end at a space or comma: decide on the first byte.
		switch s[j] {
		case '&':
			if j > i && isUpperASCII(s[j-1]) && j+1 < len(s) && isUpperASCII(s[j+1]) {
				n = 1
			}
		case '\'', '`', '-':
			n = 1
		case 0xC2, 0xE2:
			if n = apostropheLen(s, j); n == 0 {
				if n = hyphenLen(s, j); n == 0 {
					n = invisibleJoinerLen(s, j)
				}
			}
		}
		if n == 0 || !startsWordRune(s, j+n) {
			break
		}
		joined = true
		j = alnumRunEnd(s, j+n)
	}
	if !joined && j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] != '.') {
		if end, ok := sc.abbreviation(j); ok {
			return end, models.Word
		}
	}
	return j, models.Word
}

// abbreviation matches a listed abbreviation for the word s[sc.i:dot]
// followed by a dot, trying the longest multi-part form first ("z.B.",
// "z. B.", "i. d. R.").
func (sc *scanner) abbreviation(dot int) (int, bool) {
	s, i := sc.s, sc.i
	if dot-i > sc.t.maxFirst || !allLetters(s[i:dot]) {
		return 0, false
	}
	type part struct{ start, end int } // end is after the part's dot
	var parts [6]part
	n := 1
	parts[0] = part{i, dot + 1}
	for n < sc.t.maxParts && n < len(parts) {
		k := parts[n-1].end
		if k < len(s) && s[k] == ' ' {
			k++
		}
		e := letterRunEnd(s, k)
		if e == k || e-k > 6 || e >= len(s) || s[e] != '.' || (e+1 < len(s) && s[e+1] == '.') {
			break
		}
		parts[n] = part{k, e + 1}
		n++
	}
	var kb, eb [40]byte
	for ; n > 0; n-- {
		key, exact := kb[:0], eb[:0]
		ok := true
		for _, p := range parts[:n] {
			var fits bool
			key, fits = foldLetters(key, s[p.start:p.end-1])
			ok = ok && fits && len(exact)+p.end-p.start <= len(eb)
			if !ok {
				break
			}
			key = append(key, '.')
			exact = append(exact, s[p.start:p.end]...)
		}
		if !ok {
			continue
		}
		e := sc.t.abbrevs[string(key)]
		if e == nil || !e.accepts(exact, beforeNumber(s, parts[n-1].end), langBoth) {
			continue
		}
		end := parts[n-1].end
		// Emit up to the first space; the other parts follow from abbrevPart.
		first := end
		if k := strings.IndexByte(s[i:end], ' '); k >= 0 {
			first = i + k
			sc.abbrevUntil, sc.abbrevLast = end, e
			sc.tok.inner = true
			return first, true
		}
		sc.tok.abbrev = e
		return end, true
	}
	return 0, false
}

// abbrevPart emits the next space-separated part of a spaced abbreviation.
func (sc *scanner) abbrevPart() (int, models.TokenKind) {
	s, i := sc.s, sc.i
	end := sc.abbrevUntil
	if k := strings.IndexByte(s[i:end], ' '); k >= 0 {
		sc.tok.inner = true
		return i + k, models.Word
	}
	e := sc.abbrevLast
	sc.abbrevUntil, sc.abbrevLast = 0, nil
	sc.tok.abbrev = e
	return end, models.Word
}

func beforeNumber(s string, j int) bool {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j < len(s) && isDigit(s[j])
}

// elisionEnd matches a word with a dropped start ("'s", "'ne", "'cause") at
// sc.i, where the apostrophe is n bytes long. Elsewhere a leading apostrophe
// is a quotation mark and stays punctuation.
func (sc *scanner) elisionEnd(n int) int {
	s, i := sc.s, sc.i
	if sc.attached() {
		switch s[sc.tok.start:sc.tok.end] {
		case "(", "[", "\"", "„", "“", "«", "»":
		default:
			return 0
		}
	}
	j := letterRunEnd(s, i+n)
	if j == i+n || j-i-n > 8 {
		return 0
	}
	if j < len(s) && apostropheLen(s, j) > 0 {
		return 0
	}
	var buf [16]byte
	key, ok := foldASCII(buf[:0], s[i+n:j])
	if !ok {
		return 0
	}
	if _, ok := sc.t.elisions[string(key)]; !ok {
		return 0
	}
	return j
}

type langs uint8

const (
	langDE langs = 1 << iota
	langEN
	langBoth = langDE | langEN
)

// abbrevRule is one language's reading of an abbreviation.
type abbrevRule struct {
	listed bool
	exact  string // non-empty: case-sensitive, this spelling only
	num    bool   // only before a number
	end    bool   // may end a sentence before a typical opener
}

type abbrevEntry struct {
	rules [2]abbrevRule // [0] German, [1] English
}

// accepts reports whether the abbreviation, spelled exact, is one in any of
// the languages in l.
func (e *abbrevEntry) accepts(exact []byte, beforeNum bool, l langs) bool {
	for k, r := range e.rules {
		if l&(1<<k) == 0 || !r.listed || (r.exact != "" && r.exact != string(exact)) || (r.num && !beforeNum) {
			continue
		}
		return true
	}
	return false
}

// in returns the rule that applies for languages l, and whether it is listed
// there at all.
func (e *abbrevEntry) in(l langs) (end, listed bool) {
	for k, r := range e.rules {
		if l&(1<<k) != 0 && r.listed {
			listed = true
			end = end || r.end
		}
	}
	return end, listed
}
