package read

import (
	"strings"

	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// appendScore appends a score cell (nps, csat, ces) of a table. A number,
// also with a German decimal comma ("4,5"), becomes a JSON number; an empty
// cell becomes null rather than being left out, so that every record of a
// table has the same fields; anything else ("Extremely likely") stays a
// string for the user to see.
func appendScore(dst []byte, cell string) []byte {
	s := strings.TrimSpace(cell)
	if s == "" {
		return append(dst, "null"...)
	}
	if n, ok := scoreNumber(s); ok {
		return append(dst, n...)
	}
	return jsontext.AppendString(dst, cell)
}

// scoreNumber turns [+-]digits[(.|,)digits] into JSON number syntax.
func scoreNumber(s string) (string, bool) {
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, hasFrac := s, "", false
	if i := indexAnyByte(s, '.', ','); i >= 0 {
		intPart, frac, hasFrac = s[:i], s[i+1:], true
	}
	if !allDigits(intPart) || (hasFrac && !allDigits(frac)) {
		return "", false
	}
	for len(intPart) > 1 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	out := intPart
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func indexAnyByte(s string, a, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == a || s[i] == b {
			return i
		}
	}
	return -1
}
