package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// Numbers and German ordinals ("3.", "24.12.").

// scanNumber reads 42, 3,5, 1.000,50, 12:30, 24/7 and an ordinal "3.";
// alphanumerics that start with a digit ("5G", "2nd", "9-Euro-Ticket") are
// words. j0 is the end of the token's alphanumeric prefix.
func (sc *scanner) scanNumber(j0 int) (int, models.TokenKind) {
	s, i := sc.s, sc.i
	j := digitRunEnd(s, i)
	if j0 > j || (j < len(s) && hyphenLen(s, j) > 0 && startsLetter(s, j+hyphenLen(s, j))) {
		return sc.scanWord(j0)
	}
	for j+1 < len(s) && (s[j] == '.' || s[j] == ',' || s[j] == ':' || s[j] == '/') && isDigit(s[j+1]) {
		j = digitRunEnd(s, j+1)
	}
	if j < len(s) && s[j] == '.' && sc.ordinalDot(j) {
		j++
	}
	return j, models.Number
}

// ordinalDot decides whether the dot after the number s[sc.i:dot] belongs
// to it. German writes ordinals and dates with a dot ("am 3. Mai", "der 2.
// Versuch", "24.12. war"), which would otherwise end a sentence.
//
// The left context is the previous token, not the raw text before the
// number: a sentence span starting at the number has no previous token, and
// in the whole text the token before it is the punctuation, emoji or
// emoticon that ended the previous sentence. Both read as "start", so the
// tokenizer of a span and the splitter over the whole text decide alike.
func (sc *scanner) ordinalDot(dot int) bool {
	s, num := sc.s, sc.i
	if !ordinalShape(s[num:dot]) {
		return false
	}
	k := dot + 1
	spaced := false
	for k < len(s) {
		if s[k] == ' ' || s[k] == '\t' {
			k++
			spaced = true
			continue
		}
		if r, n := utf8.DecodeRuneInString(s[k:]); r == 0xA0 || r == 0x202F || r == 0x2009 {
			k += n
			spaced = true
			continue
		}
		break
	}
	if !spaced || k >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.IsLower(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	if inFoldSet(sc.t.ordinalAfter, s[k:letterRunEnd(s, k)]) {
		return true
	}
	// Look back: an enumeration at the start of a text, line or sentence
	// ("1. Klasse", "Toll. 2. Versuch"), or a determiner ("der 2. Versuch").
	prev := sc.tok
	switch {
	case !sc.hasTok || sc.nl:
		return true
	case prev.kind == models.Word:
		return inFoldSet(sc.t.ordinalBefore, s[prev.start:prev.end])
	case prev.kind == models.Punct || prev.kind == models.Emoji || prev.kind == models.Emoticon:
		return true
	}
	return false
}

// ordinalShape: up to three digits ("3", "100"), or a day and month
// ("24.12").
func ordinalShape(n string) bool {
	d := 0
	groups := 1
	for k := 0; k < len(n); k++ {
		if n[k] == '.' {
			if d == 0 || d > 2 {
				return false
			}
			groups++
			d = 0
			continue
		}
		if !isDigit(n[k]) {
			return false
		}
		d++
	}
	if groups == 1 {
		return d >= 1 && d <= 3
	}
	return groups == 2 && d >= 1 && d <= 2
}
