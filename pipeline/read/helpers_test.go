package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/models"
)

// result is what a test sees of reading one input.
type result struct {
	recs  []*models.Record
	warns []string
}

// testOptions returns options with the default columns, named name.
func testOptions(name string) Options {
	return Options{Name: name, Columns: DefaultColumns()}
}

// readAll opens input and reads it to the end. An error of Open or Next
// fails the test.
func readAll(t testing.TB, input []byte, o Options) result {
	t.Helper()
	res, err := tryReadAll(input, o)
	if err != nil {
		t.Fatalf("reading %s: %v", o.Name, err)
	}
	return res
}

func tryReadAll(input []byte, o Options) (result, error) {
	var res result
	o.Warn = func(msg string) { res.warns = append(res.warns, msg) }
	src, err := Open(bytes.NewReader(input), o)
	if err != nil {
		return res, err
	}
	defer src.Close()
	for {
		rec, err := src.Next()
		if errors.Is(err, io.EOF) {
			return res, nil
		}
		if err != nil {
			return res, err
		}
		res.recs = append(res.recs, rec)
	}
}

// view is a record as tests and golden files show it.
type view struct {
	Line       int64           `json:"line"`
	ID         string          `json:"id,omitempty"`
	Text       string          `json:"text,omitempty"`
	TextColumn string          `json:"text_column,omitempty"`
	Lang       string          `json:"lang,omitempty"`
	LangSource string          `json:"lang_source,omitempty"`
	Flags      []string        `json:"flags,omitempty"`
	Warnings   []string        `json:"warnings,omitempty"`
	Fields     json.RawMessage `json:"fields,omitempty"`
	Error      string          `json:"error,omitempty"`
}

func viewOf(t testing.TB, r *models.Record) view {
	t.Helper()
	if r.Original != r.Text {
		t.Errorf("line %d: Original %q != Text %q", r.Line, r.Original, r.Text)
	}
	v := view{
		Line: r.Line, ID: r.ID, Text: r.Text, TextColumn: r.TextColumn,
		Lang: r.Lang, LangSource: r.LangSource, Flags: r.Flags, Warnings: r.Warnings,
		Fields: fieldsJSON(t, r.Fields),
	}
	if r.Err != nil {
		if r.Err.Stage != "read" {
			t.Errorf("line %d: error stage %q, want read", r.Line, r.Err.Stage)
		}
		v.Error = r.Err.Message
	}
	return v
}

// fieldsJSON writes fields as one JSON object in their order; it fails the
// test when a value is not valid JSON.
func fieldsJSON(t testing.TB, fields []models.Field) json.RawMessage {
	t.Helper()
	if len(fields) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fields {
		if !json.Valid(f.Value) {
			t.Errorf("field %q: invalid JSON value %q", f.Key, f.Value)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.Key)
		b.Write(k)
		b.WriteByte(':')
		if err := json.Compact(&b, f.Value); err != nil {
			b.WriteString(`"INVALID"`)
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// keys lists the field keys of r in order.
func keys(r *models.Record) string {
	var k []string
	for _, f := range r.Fields {
		k = append(k, f.Key)
	}
	return strings.Join(k, ",")
}

// rec is a compact expectation for table tests: only set parts are checked.
type rec struct {
	line     int64
	id       string
	text     string
	err      string // substring of the error message; "" means no error
	flags    string // comma-separated
	warnings string // comma-separated
	lang     string
	column   string
	keys     string // comma-separated field keys, checked when set
}

func checkRecords(t *testing.T, got []*models.Record, want []rec) {
	t.Helper()
	if len(got) != len(want) {
		for _, r := range got {
			t.Logf("got %+v err=%v", viewOf(t, r), r.Err)
		}
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.line {
			t.Errorf("record %d: line %d, want %d", i, g.Line, w.line)
		}
		if w.id != "" && g.ID != w.id {
			t.Errorf("record %d: id %q, want %q", i, g.ID, w.id)
		}
		if g.Text != w.text {
			t.Errorf("record %d: text %q, want %q", i, g.Text, w.text)
		}
		switch {
		case w.err == "" && g.Err != nil:
			t.Errorf("record %d: unexpected error %q", i, g.Err.Message)
		case w.err != "" && g.Err == nil:
			t.Errorf("record %d: no error, want %q", i, w.err)
		case w.err != "" && !strings.Contains(g.Err.Message, w.err):
			t.Errorf("record %d: error %q, want it to contain %q", i, g.Err.Message, w.err)
		}
		if g.Err != nil && g.Err.Stage != "read" {
			t.Errorf("record %d: stage %q", i, g.Err.Stage)
		}
		if f := strings.Join(g.Flags, ","); f != w.flags {
			t.Errorf("record %d: flags %q, want %q", i, f, w.flags)
		}
		if ws := strings.Join(g.Warnings, ","); ws != w.warnings {
			t.Errorf("record %d: warnings %q, want %q", i, ws, w.warnings)
		}
		if g.Lang != w.lang {
			t.Errorf("record %d: lang %q, want %q", i, g.Lang, w.lang)
		}
		if (g.Lang != "") != (g.LangSource == "input") {
			t.Errorf("record %d: lang %q with source %q", i, g.Lang, g.LangSource)
		}
		if g.TextColumn != w.column {
			t.Errorf("record %d: text column %q, want %q", i, g.TextColumn, w.column)
		}
		if w.keys != "" && keys(g) != w.keys {
			t.Errorf("record %d: keys %q, want %q", i, keys(g), w.keys)
		}
		if g.Source == "" || g.Seq != 0 {
			t.Errorf("record %d: source %q seq %d", i, g.Source, g.Seq)
		}
	}
}

// field returns the compact JSON of field key of r, or "<absent>".
func field(r *models.Record, key string) string {
	v := r.Field(key)
	if v == nil {
		return "<absent>"
	}
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		return "<invalid " + string(v) + ">"
	}
	return b.String()
}
