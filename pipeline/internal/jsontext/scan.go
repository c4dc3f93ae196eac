package jsontext

import (
	"bytes"
	"encoding/binary"
)

// MaxDepth is encoding/json's nesting limit; the scanners keep it so that
// both agree on what is valid.
const MaxDepth = 10000

// SkipWS returns the index of the first byte at or after i that is not JSON
// whitespace.
func SkipWS(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanString scans the JSON string starting at b[i] == '"' and returns the
// index after its closing quote and whether it holds escapes. The input is
// valid UTF-8 already, so only escapes and control bytes need checking.
func ScanString(b []byte, i int) (end int, esc, ok bool) {
	i++
	for i < len(b) {
		// Skip plain bytes in bulk: most of a line is string content.
		j := i
		for j+8 <= len(b) && !special8(binary.LittleEndian.Uint64(b[j:])) {
			j += 8
		}
		for j < len(b) && b[j] >= 0x20 && b[j] != '"' && b[j] != '\\' {
			j++
		}
		i = j
		if i >= len(b) {
			break
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, esc, true
		case c == '\\':
			esc = true
			if i+1 >= len(b) {
				return 0, false, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := Hex4(b[i+2:]); !ok {
					return 0, false, false
				}
				i += 6
			default:
				return 0, false, false
			}
		default: // a control byte
			return 0, false, false
		}
	}
	return 0, false, false
}

// skipValue returns the index after the JSON value starting at b[i]; depth
// is the nesting depth of the enclosing containers. Nested containers are
// tracked on an explicit stack, so a line of a million '[' cannot exhaust
// the goroutine stack.
func SkipValue(b []byte, i, depth int) (int, bool) {
	var stackBuf [32]byte
	stack := stackBuf[:0] // closing bytes of the open containers
	for {
		// A value starts at b[i].
		if i >= len(b) {
			return i, false
		}
		switch c := b[i]; {
		case c == '"':
			end, _, ok := ScanString(b, i)
			if !ok {
				return i, false
			}
			i = end
		case c == '{' || c == '[':
			if depth+len(stack)+1 > MaxDepth {
				return i, false
			}
			closer := byte('}')
			if c == '[' {
				closer = ']'
			}
			stack = append(stack, closer)
			i = SkipWS(b, i+1)
			if i < len(b) && b[i] == closer {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if c == '{' {
				var ok bool
				if i, ok = skipKey(b, i); !ok {
					return i, false
				}
			}
			continue
		case c == 't':
			if !bytes.HasPrefix(b[i:], []byte("true")) {
				return i, false
			}
			i += 4
		case c == 'f':
			if !bytes.HasPrefix(b[i:], []byte("false")) {
				return i, false
			}
			i += 5
		case c == 'n':
			if !bytes.HasPrefix(b[i:], []byte("null")) {
				return i, false
			}
			i += 4
		case c == '-' || ('0' <= c && c <= '9'):
			var ok bool
			if i, ok = skipNumber(b, i); !ok {
				return i, false
			}
		default:
			return i, false
		}
		// After a value: close containers or go on to the next element.
		for {
			if len(stack) == 0 {
				return i, true
			}
			i = SkipWS(b, i)
			if i >= len(b) {
				return i, false
			}
			top := stack[len(stack)-1]
			if b[i] == top {
				stack = stack[:len(stack)-1]
				i++
				continue
			}
			if b[i] != ',' {
				return i, false
			}
			i = SkipWS(b, i+1)
			if top == '}' {
				var ok bool
				if i, ok = skipKey(b, i); !ok {
					return i, false
				}
			}
			break
		}
	}
}

// skipKey skips `"key" :` and the whitespace after it.
func skipKey(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	end, _, ok := ScanString(b, i)
	if !ok {
		return i, false
	}
	i = SkipWS(b, end)
	if i >= len(b) || b[i] != ':' {
		return i, false
	}
	return SkipWS(b, i+1), true
}

// skipNumber skips -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func skipNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return i, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return i, false
		}
		i = j
	}
	return i, true
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// Fields calls field for each member of the JSON object that starts at b[i]
// (after whitespace), with the key as written (quoted, escapes left in) and
// the value's bytes, until field returns false. It returns the index after
// the object and whether the object is valid JSON; depth is the nesting
// depth of the enclosing containers. Values are scanned (SkipValue), so a
// reader can take the few members it needs and pass over the rest.
func Fields(b []byte, i, depth int, field func(key, value []byte) bool) (int, bool) {
	return fields(b, i, depth, nil, field)
}

// FieldsBefore is Fields that stops, unread, at the member whose key is
// stop (as written, quoted): for objects whose key order is known (those
// package encode writes), a reader that needs nothing from that member on
// is spared the rest of the object, and its validity is not checked. It
// returns the index of that key, or the end of the object.
func FieldsBefore(b []byte, i, depth int, stop string, field func(key, value []byte) bool) (int, bool) {
	return fields(b, i, depth, []byte(stop), field)
}

func fields(b []byte, i, depth int, stop []byte, field func(key, value []byte) bool) (int, bool) {
	return container(b, i, depth, '{', '}', func(i int) (int, bool, bool) {
		if i >= len(b) || b[i] != '"' {
			return i, false, false
		}
		end, _, ok := ScanString(b, i)
		if !ok {
			return i, false, false
		}
		key := b[i:end]
		if stop != nil && bytes.Equal(key, stop) {
			return i, true, false
		}
		i = SkipWS(b, end)
		if i >= len(b) || b[i] != ':' {
			return i, false, false
		}
		i = SkipWS(b, i+1)
		start := i
		if i, ok = SkipValue(b, i, depth+1); !ok {
			return i, false, false
		}
		return i, true, field(key, b[start:i])
	})
}

// Elements calls element for each value of the JSON array that starts at
// b[i] (after whitespace), as Fields does for objects.
func Elements(b []byte, i, depth int, element func(value []byte) bool) (int, bool) {
	return container(b, i, depth, '[', ']', func(i int) (int, bool, bool) {
		start := i
		i, ok := SkipValue(b, i, depth+1)
		if !ok {
			return i, false, false
		}
		return i, true, element(b[start:i])
	})
}

// container scans the object or array that starts at b[i] (after
// whitespace) between open and close: item reads the member or element
// at its index and returns the index after it, whether it was valid and
// whether to go on.
func container(b []byte, i, depth int, open, close byte, item func(i int) (end int, ok, more bool)) (int, bool) {
	i = SkipWS(b, i)
	if i >= len(b) || b[i] != open || depth+1 > MaxDepth {
		return i, false
	}
	i = SkipWS(b, i+1)
	if i < len(b) && b[i] == close {
		return i + 1, true
	}
	for {
		var ok, more bool
		if i, ok, more = item(i); !ok || !more {
			return i, ok
		}
		i = SkipWS(b, i)
		if i >= len(b) {
			return i, false
		}
		switch b[i] {
		case ',':
			i = SkipWS(b, i+1)
		case close:
			return i + 1, true
		default:
			return i, false
		}
	}
}

// special8 reports whether any of the 8 bytes in x ends a run of plain
// string content: a control byte, a quote or a backslash. It tests the
// eight at once (the "has a zero byte" trick: (v − 0x01…) &^ v & 0x80…
// is non-zero exactly when a byte of v is zero, and below-n likewise),
// which makes skipping long strings several times faster than a loop over
// bytes. Bytes of 0x80 and above (UTF-8) never match.
func special8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below20 := (x - ones*0x20) &^ x
	quote := x ^ (ones * '"')
	backslash := x ^ (ones * '\\')
	return (below20|(quote-ones)&^quote|(backslash-ones)&^backslash)&highs != 0
}
