package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// internLimit bounds the key cache, so that an input with ever new keys
// costs allocations, not memory.
const internLimit = 4096

// objectScanner splits a JSON object into its top-level fields without
// decoding the values. It exists because the JSON lines reader is on the hot
// path: encoding/json would decode every value into a RawMessage copy and
// give no field order.
type objectScanner struct {
	keys  map[string]string // interned keys: inputs repeat the same few
	index map[string]int    // key → field index, for objects with many keys
	// dup is the first key the object last scanned gave twice, or "".
	dup string
}

// scan appends the fields of the object b to fields (values are sub-slices
// of b) and reports whether b is exactly one valid JSON object, surrounded
// by whitespace at most. A repeated key keeps its first position and takes
// the last value, as decoding into a map would.
func (s *objectScanner) scan(b []byte, fields []models.Field) ([]models.Field, bool) {
	s.dup = ""
	i := jsontext.SkipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return fields, false
	}
	i = jsontext.SkipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return fields, jsontext.SkipWS(b, i+1) == len(b)
	}
	first := len(fields)
	for {
		if i >= len(b) || b[i] != '"' {
			return fields, false
		}
		end, esc, ok := jsontext.ScanString(b, i)
		if !ok {
			return fields, false
		}
		key, ok := s.key(b[i:end], esc)
		if !ok {
			return fields, false
		}
		i = jsontext.SkipWS(b, end)
		if i >= len(b) || b[i] != ':' {
			return fields, false
		}
		i = jsontext.SkipWS(b, i+1)
		start := i
		if i, ok = jsontext.SkipValue(b, i, 1); !ok {
			return fields, false
		}
		fields = s.add(fields, first, key, b[start:i])
		i = jsontext.SkipWS(b, i)
		if i >= len(b) {
			return fields, false
		}
		switch b[i] {
		case ',':
			i = jsontext.SkipWS(b, i+1)
		case '}':
			return fields, jsontext.SkipWS(b, i+1) == len(b)
		default:
			return fields, false
		}
	}
}

func (s *objectScanner) key(quoted []byte, esc bool) (string, bool) {
	if esc {
		k, ok := jsontext.Unquote(quoted)
		return k, ok
	}
	raw := quoted[1 : len(quoted)-1]
	if k, ok := s.keys[string(raw)]; ok {
		return k, true
	}
	k := string(raw)
	if s.keys == nil {
		s.keys = make(map[string]string)
	}
	if len(s.keys) < internLimit {
		s.keys[k] = k
	}
	return k, true
}

// add appends a field to fields[first:], or replaces the value of an earlier
// field of the same key. A linear search is fastest for the few keys of a
// survey response; the map keeps a line with many keys linear in time.
func (s *objectScanner) add(fields []models.Field, first int, key string, val []byte) []models.Field {
	const linear = 16
	obj := fields[first:]
	if len(obj) < linear {
		for i := range obj {
			if obj[i].Key == key {
				obj[i].Value = val
				s.noteDup(key)
				return fields
			}
		}
		fields = append(fields, models.Field{Key: key, Value: val})
		if len(fields)-first == linear {
			if s.index == nil {
				s.index = make(map[string]int)
			}
			clear(s.index)
			for i, f := range fields[first:] {
				s.index[f.Key] = i
			}
		}
		return fields
	}
	if i, ok := s.index[key]; ok {
		obj[i].Value = val
		s.noteDup(key)
		return fields
	}
	s.index[key] = len(obj)
	return append(fields, models.Field{Key: key, Value: val})
}

func (s *objectScanner) noteDup(key string) {
	if s.dup == "" {
		s.dup = key
	}
}

// notObjectMessage explains why b, which the scanner rejected, gives no
// fields: it is valid JSON of another type, or invalid JSON, in which case
// encoding/json (slow, but only on this path) says where. It returns ""
// when b is a JSON object after all.
func notObjectMessage(b []byte, what string) string {
	var raw json.RawMessage
	err := json.Unmarshal(b, &raw)
	if err == nil {
		if t := typeName(raw); t != "object" {
			return fmt.Sprintf("%s is not a JSON object (got %s)", what, t)
		}
		return ""
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return syntaxMessage(se)
	}
	return "invalid JSON: " + err.Error()
}

// syntaxMessage words a syntax error for users: encoding/json's message
// with the byte offset, where byte 1 is the first byte of the line.
func syntaxMessage(se *json.SyntaxError) string {
	msg := strings.Replace(se.Error(), "unexpected end of JSON input", "unexpected end of input", 1)
	return fmt.Sprintf("invalid JSON: %s at byte %d", msg, se.Offset)
}

// typeName names the JSON type of a valid value.
func typeName(raw []byte) string {
	switch k := kindOf(raw); k {
	case "null", "empty":
		return k
	default:
		_, noun, _ := strings.Cut(k, " ")
		return noun
	}
}

// slowObject is the encoding/json reading of an object into ordered fields.
// It backs the scanner up should the two ever disagree, and tests compare
// them.
func slowObject(b []byte, fields []models.Field) ([]models.Field, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fields, false
	}
	at := make(map[string]int)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fields, false
		}
		key, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return fields, false
		}
		start := int(dec.InputOffset()) - len(v)
		if i, dup := at[key]; dup {
			fields[i].Value = b[start : start+len(v)]
			continue
		}
		at[key] = len(fields)
		fields = append(fields, models.Field{Key: key, Value: b[start : start+len(v)]})
	}
	if _, err := dec.Token(); err != nil {
		return fields, false
	}
	if _, err := dec.Token(); err == nil {
		return fields, false
	}
	return fields, json.Valid(b)
}
