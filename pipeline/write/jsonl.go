package write

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// Options configure a writer.
type Options struct {
	// Debug adds the sentences and tokens of each record.
	Debug bool
}

// JSONL writes one JSON object per record and line.
type JSONL struct {
	w   *bufio.Writer
	buf []byte
	o   Options
}

// NewJSONL returns a JSON lines writer on w.
func NewJSONL(w io.Writer, o Options) *JSONL {
	return &JSONL{w: bufio.NewWriterSize(w, 64<<10), o: o}
}

// Write appends one line for r.
func (j *JSONL) Write(r *models.Record) error {
	j.buf = AppendRecord(j.buf[:0], r, j.o)
	j.buf = append(j.buf, '\n')
	_, err := j.w.Write(j.buf)
	return err
}

// Flush writes buffered lines through.
func (j *JSONL) Flush() error { return j.w.Flush() }

// AppendRecord appends the JSON object of r to b. The key order is fixed:
// id, line, the input's fields in input order, then stimmung's fields.
func AppendRecord(b []byte, r *models.Record, o Options) []byte {
	b = append(b, `{"id":`...)
	b = AppendString(b, r.ID)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, r.Line, 10)
	for _, f := range r.Fields {
		if reserved[f.Key] {
			continue
		}
		b = append(b, ',')
		b = AppendString(b, f.Key)
		b = append(b, ':')
		b = appendRaw(b, f.Value)
	}
	if r.Err != nil {
		b = append(b, `,"error":{"stage":`...)
		b = AppendString(b, r.Err.Stage)
		b = append(b, `,"message":`...)
		b = AppendString(b, r.Err.Message)
		b = append(b, '}')
		b = appendStrings(b, "warnings", r.Warnings)
		return append(b, '}')
	}
	if r.Lang != "" {
		b = append(b, `,"lang":`...)
		b = AppendString(b, r.Lang)
	}
	if r.LangSource != "" {
		b = append(b, `,"lang_source":`...)
		b = AppendString(b, r.LangSource)
	}
	if r.TextColumn != "" {
		b = append(b, `,"text_column":`...)
		b = AppendString(b, r.TextColumn)
	}
	if r.Text != r.Original && r.Text != "" {
		b = append(b, `,"text_normalized":`...)
		b = AppendString(b, r.Text)
	}
	b = appendStrings(b, "flags", r.Flags)
	b = appendStrings(b, "warnings", r.Warnings)
	if o.Debug {
		b = append(b, `,"sentences":`...)
		b = AppendSentences(b, r)
		b = append(b, `,"tokens":`...)
		b = AppendTokens(b, r)
	}
	return append(b, '}')
}

// AppendSentences appends the sentences of r as a JSON array.
func AppendSentences(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, s := range r.Sentences {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = AppendString(b, r.Text[s.Start:s.End])
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '}')
	}
	return append(b, ']')
}

// AppendTokens appends the tokens of r as a JSON array.
func AppendTokens(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, t := range r.Tokens {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = AppendString(b, t.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		b = append(b, `,"kind":"`...)
		b = append(b, t.Kind.String()...)
		b = append(b, '"')
		if t.Lower != "" && t.Lower != t.Text {
			b = append(b, `,"lower":`...)
			b = AppendString(b, t.Lower)
		}
		if t.Stem != "" {
			b = append(b, `,"stem":`...)
			b = AppendString(b, t.Stem)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendStrings(b []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, s)
	}
	return append(b, ']')
}

// appendRaw appends an input value. A value from a pretty-printed JSON array
// may span lines; it is compacted so that every record stays on one line.
func appendRaw(b []byte, v json.RawMessage) []byte {
	if len(v) == 0 {
		return append(b, "null"...)
	}
	if bytes.IndexByte(v, '\n') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return append(b, v...)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, v); err != nil {
		return AppendString(b, string(v))
	}
	return append(b, c.Bytes()...)
}

const hex = "0123456789abcdef"

// AppendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does; U+2028 and U+2029 are escaped so that the line is
// safe to embed in JavaScript.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
