package read

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonString returns the content of raw when it is a JSON string. raw must
// be valid JSON (the scanner or appendJSONString made it). Unescaping by hand
// keeps the common case, a string without escapes, at one allocation.
func jsonString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	i := bytes.IndexByte(inner, '\\')
	if i < 0 {
		return string(inner), true
	}
	buf := make([]byte, 0, len(inner))
	buf = append(buf, inner[:i]...)
	for i < len(inner) {
		c := inner[i]
		if c != '\\' {
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(inner) {
			return "", false
		}
		switch e := inner[i+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(inner[i+2:])
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				// A lone surrogate becomes U+FFFD, as encoding/json does.
				r2, ok := rune(-1), false
				if i+6 <= len(inner) && inner[i] == '\\' && inner[i+1] == 'u' {
					r2, ok = hex4(inner[i+2:])
				}
				if d := utf16.DecodeRune(r, r2); ok && d != utf8.RuneError {
					i += 6
					r = d
				} else {
					r = utf8.RuneError
				}
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default:
			return "", false
		}
		i += 2
	}
	return string(buf), true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// appendJSONString appends s as a JSON string. s must be valid UTF-8.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

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
	return appendJSONString(dst, cell)
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
