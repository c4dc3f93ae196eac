package read

import (
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"

	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func TestJSONL(t *testing.T) {
	const ff = "\uFFFD"
	tests := []struct {
		name  string
		input string
		cols  func(*Columns)
		max   int
		want  []rec
		warn  string
	}{
		{
			name:  "valid lines",
			input: `{"id":"a1","text":"Gut"}` + "\n" + `{"id":"a2","text":"Schlecht"}` + "\n",
			want:  []rec{{line: 1, id: "a1", text: "Gut"}, {line: 2, id: "a2", text: "Schlecht"}},
		},
		{
			name:  "field order preserved and mapped names canonical",
			input: `{"z":1,"text":"x","a":{"b":[1,2]},"id":7,"m":null}`,
			want:  []rec{{line: 1, id: "7", text: "x", keys: "z,text,a,id,m"}},
		},
		{
			name:  "broken line between good ones",
			input: "{\"text\":\"a\"}\n{\"text\":\"b\n{\"text\":\"c\"}\n",
			want: []rec{
				{line: 1, id: "t.jsonl:1", text: "a"},
				{line: 2, err: "invalid JSON: unexpected end of input at byte 10"},
				{line: 3, id: "t.jsonl:3", text: "c"},
			},
		},
		{
			name:  "syntax error names the byte",
			input: `{"text": x}`,
			want:  []rec{{line: 1, err: "invalid JSON: invalid character 'x' looking for beginning of value at byte 10"}},
		},
		{
			name:  "trailing garbage",
			input: `{"text":"a"} {"text":"b"}`,
			want:  []rec{{line: 1, err: "invalid JSON: invalid character '{' after top-level value"}},
		},
		{
			name:  "lines that are not objects",
			input: "[1,2]\n42\n\"text\"\ntrue\nnull\n",
			want: []rec{
				{line: 1, err: "line is not a JSON object (got array)"},
				{line: 2, err: "line is not a JSON object (got number)"},
				{line: 3, err: "line is not a JSON object (got string)"},
				{line: 4, err: "line is not a JSON object (got boolean)"},
				{line: 5, err: "line is not a JSON object (got null)"},
			},
		},
		{
			name:  "missing text",
			input: `{"id":"x","comment":"hi"}`,
			want:  []rec{{line: 1, id: "x", err: `no "text" field`}},
		},
		{
			name:  "text null is empty",
			input: `{"text":null}`,
			want:  []rec{{line: 1, flags: "no_content"}},
		},
		{
			name:  "text number",
			input: `{"id":"n","text":42}`,
			want:  []rec{{line: 1, id: "n", err: `field "text" is a number, want a string`}},
		},
		{
			name:  "text object",
			input: `{"text":{"a":1}}`,
			want:  []rec{{line: 1, err: `field "text" is an object, want a string`}},
		},
		{
			name:  "empty text",
			input: `{"text":""}`,
			want:  []rec{{line: 1, flags: "no_content"}},
		},
		{
			name:  "whitespace text",
			input: `{"text":" \t\n\u00a0 "}`,
			want:  []rec{{line: 1, text: " \t\n\u00a0 ", flags: "no_content"}},
		},
		{
			name:  "invalid UTF-8",
			input: "{\"text\":\"Versp\xe4tung \xff\xfe ok\"}\n",
			want:  []rec{{line: 1, text: "Versp" + ff + "tung " + ff + " ok", warnings: "invalid_utf8"}},
		},
		{
			name:  "invalid UTF-8 in a broken line",
			input: "{\"text\":\xff\n",
			want:  []rec{{line: 1, err: "invalid JSON", warnings: "invalid_utf8"}},
		},
		{
			name:  "BOM",
			input: "\xef\xbb\xbf{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
			want:  []rec{{line: 1, text: "a"}, {line: 2, text: "b"}},
		},
		{
			name:  "CRLF",
			input: "{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n",
			want:  []rec{{line: 1, text: "a"}, {line: 2, text: "b"}},
		},
		{
			name:  "blank line in the middle",
			input: "{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}\n",
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, err: "empty line, want a JSON object"},
				{line: 3, err: "empty line, want a JSON object"},
				{line: 4, text: "b"},
			},
		},
		{
			name:  "blank last line",
			input: "{\"text\":\"a\"}\n\n",
			want:  []rec{{line: 1, text: "a"}, {line: 2, err: "empty line"}},
		},
		{
			name:  "no trailing newline",
			input: "{\"text\":\"a\"}\n{\"text\":\"b\"}",
			want:  []rec{{line: 1, text: "a"}, {line: 2, text: "b"}},
		},
		{
			name:  "empty input",
			input: "",
		},
		{
			name:  "lang",
			input: "{\"text\":\"a\",\"lang\":\"de-DE\"}\n{\"text\":\"b\",\"lang\":\" en_US \"}\n{\"text\":\"c\",\"lang\":\"FR\"}\n{\"text\":\"d\",\"lang\":\"\"}\n{\"text\":\"e\",\"lang\":5}\n",
			want: []rec{
				{line: 1, text: "a", lang: "de"},
				{line: 2, text: "b", lang: "en"},
				{line: 3, text: "c", lang: "fr"},
				{line: 4, text: "d"},
				{line: 5, text: "e"},
			},
		},
		{
			name:  "column mapping",
			input: `{"ref":"r1","comment":"Super","sprache":"de","text":"shadowed","other":1}`,
			cols:  func(c *Columns) { c.ID, c.Text, c.Lang = "ref", []string{"comment"}, "sprache" },
			want:  []rec{{line: 1, id: "r1", text: "Super", lang: "de", keys: "id,text,lang,other"}},
		},
		{
			name:  "mapped text column missing",
			input: `{"text":"not mine"}`,
			cols:  func(c *Columns) { c.Text = []string{"comment"} },
			want:  []rec{{line: 1, err: `no "comment" field`, keys: "<none>"}},
		},
		{
			name:  "pass list",
			input: `{"id":"1","text":"t","keep":1,"drop":2,"nps":9}`,
			cols:  func(c *Columns) { c.Pass = []string{"keep"} },
			want:  []rec{{line: 1, id: "1", text: "t", keys: "id,text,keep,nps"}},
		},
		{
			name:  "multiple text columns",
			input: `{"id":"R_1","q1":"Gut","nps":9,"q2":"","x":true}` + "\n" + `{"q2":"Nur q2","q1":null}` + "\n" + `{"q1":"a"}` + "\n",
			cols:  func(c *Columns) { c.Text = []string{"q1", "q2"} },
			want: []rec{
				{line: 1, id: "R_1:q1", text: "Gut", column: "q1", keys: "id,text,nps,x"},
				{line: 1, id: "R_1:q2", column: "q2", flags: "no_content", keys: "id,nps,text,x"},
				{line: 2, id: "t.jsonl:2:q1", column: "q1", flags: "no_content", keys: "text"},
				{line: 2, id: "t.jsonl:2:q2", text: "Nur q2", column: "q2", keys: "text"},
				{line: 3, id: "t.jsonl:3:q1", text: "a", column: "q1"},
				{line: 3, id: "t.jsonl:3:q2", column: "q2", err: `no "q2" field`},
			},
		},
		{
			name:  "ids",
			input: `{"id":12.50,"text":"a"}` + "\n" + `{"id":"","text":"b"}` + "\n" + `{"id":null,"text":"c"}` + "\n" + `{"id":"  x ","text":"d"}` + "\n",
			want: []rec{
				{line: 1, id: "12.50", text: "a"},
				{line: 2, id: "t.jsonl:2", text: "b"},
				{line: 3, id: "t.jsonl:3", text: "c"},
				{line: 4, id: "x", text: "d"},
			},
		},
		{
			name:  "escapes",
			input: `{"te\u0078t":"a\"b\\c\nd\u00e4\ud83d\ude00\ud800"}`,
			want:  []rec{{line: 1, text: "a\"b\\c\nd\u00e4\U0001F600\uFFFD"}},
		},
		{
			name:  "duplicate keys: last value, first position",
			input: `{"text":"first","a":1,"text":"second"}`,
			want:  []rec{{line: 1, text: "second", keys: "text,a"}},
			warn:  `line 1: key "text" given more than once: its last value is read`,
		},
		{
			name:  "line over the limit",
			input: `{"text":"` + strings.Repeat("x", 100) + "\"}\n{\"text\":\"ok\"}\n",
			max:   64,
			want:  []rec{{line: 1, err: "line exceeds max_line_bytes (64)"}, {line: 2, text: "ok"}},
		},
		{
			name:  "line at the limit",
			input: `{"text":"` + strings.Repeat("x", 53) + "\"}\r\n",
			max:   64,
			want:  []rec{{line: 1, text: strings.Repeat("x", 53)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions("t.jsonl")
			if tt.cols != nil {
				tt.cols(&o.Columns)
			}
			o.MaxLineBytes = tt.max
			res := readAll(t, []byte(tt.input), o)
			for i := range tt.want {
				if tt.want[i].keys == "<none>" {
					tt.want[i].keys = ""
					if len(res.recs) > i && len(res.recs[i].Fields) != 0 {
						t.Errorf("record %d: fields %s, want none", i, keys(res.recs[i]))
					}
				}
			}
			checkRecords(t, res.recs, tt.want)
			checkWarn(t, res.warns, tt.warn)
		})
	}
}

func TestJSONLFieldValues(t *testing.T) {
	input := `{ "id" : 7 , "text":"x", "nps": 9, "obj": {"a": [1, 2]}, "s": "\u00e4" }`
	res := readAll(t, []byte(input), testOptions("t.jsonl"))
	r := res.recs[0]
	for key, want := range map[string]string{
		"id": `7`, "text": `"x"`, "nps": `9`, "obj": `{"a":[1,2]}`, "s": `"\u00e4"`,
	} {
		if got := field(r, key); got != want {
			t.Errorf("field %s = %s, want %s", key, got, want)
		}
	}
	// Values are kept raw, as they came.
	if got := string(r.Field("obj")); got != `{"a": [1, 2]}` {
		t.Errorf("obj raw = %q", got)
	}
}

func TestJSONLLongLine(t *testing.T) {
	const mib = 1 << 20
	var b bytes.Buffer
	b.WriteString(`{"text":"`)
	b.Write(bytes.Repeat([]byte("a"), 2*mib))
	b.WriteString("\"}\n{\"id\":\"after\",\"text\":\"good\"}\n")
	o := testOptions("big.jsonl")
	o.MaxLineBytes = mib
	src, err := Open(&b, o)
	if err != nil {
		t.Fatal(err)
	}
	var got []*recView
	for {
		r, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, &recView{line: r.Line, id: r.ID, err: r.Err != nil})
	}
	if len(got) != 2 || !got[0].err || got[0].line != 1 || got[1].err || got[1].id != "after" || got[1].line != 2 {
		t.Fatalf("got %+v %+v", got[0], got[1])
	}
	// The long line is dropped piece by piece: the reader's buffer stays
	// near the limit instead of growing to the line.
	s := src.(*lazySource).src.(*jsonlSource) // lazy: the encoding is looked at on the first Next
	if c := cap(s.long); c > mib+bufSize+1024 {
		t.Errorf("line buffer grew to %d bytes", c)
	}
}

type recView struct {
	line int64
	id   string
	err  bool
}

// TestJSONLStream checks that Next returns a line as soon as it is complete,
// without waiting for more input.
func TestJSONLStream(t *testing.T) {
	pr, pw := io.Pipe()
	defer pr.Close()
	src, err := Open(pr, testOptions("stdin"))
	if err != nil {
		t.Fatal(err)
	}
	type answer struct {
		text string
		err  error
	}
	answers := make(chan answer)
	go func() {
		for {
			r, err := src.Next()
			if err != nil {
				answers <- answer{err: err}
				return
			}
			answers <- answer{text: r.Text}
		}
	}()
	for _, text := range []string{"eins", "zwei"} {
		if _, err := io.WriteString(pw, `{"text":"`+text+`"}`+"\n"); err != nil {
			t.Fatal(err)
		}
		select {
		case a := <-answers:
			if a.err != nil || a.text != text {
				t.Fatalf("got %+v, want %q", a, text)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no record for %q while the writer waits", text)
		}
	}
	pw.Close()
	if a := <-answers; a.err != io.EOF {
		t.Fatalf("got %+v, want EOF", a)
	}
}

// TestScannerAgreesWithEncodingJSON compares the fast scanner with
// encoding/json on tricky objects.
func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	inputs := []string{
		`{}`, ` { } `, `{"a":1}`, `{"a":-0.5e+10}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`,
		`{"a":1e}`, `{"a":[1,]}`, `{"a":[,1]}`, `{"a":{"b":}}`, `{"a":{"b" 1}}`, `{"a":tru}`,
		`{"a":"\x"}`, `{"a":"\u12"}`, `{"a":"\u12g4"}`, "{\"a\":\"\t\"}", `{"a":1,}`, `{,}`,
		`{"a":1 "b":2}`, `{"a":[[[[]]]],"b":{"c":{"d":{}}}}`, `{"a":nulll}`, `{"a":[true,false,null]}`,
		`{"a":"\/\b\f\n\r\t\\\""}`, `{"a":1}}`, `{"a":1`, `{"a"`, `{"a":`, `{`, `{"a":"x"}` + "\x00",
		`{"":1}`, `{"a":[1 2]}`, `{"a":{"b":1,"b":2}}`,
		`{"a":` + strings.Repeat("[", jsontext.MaxDepth-1) + strings.Repeat("]", jsontext.MaxDepth-1) + `}`,
		`{"a":` + strings.Repeat("[", jsontext.MaxDepth) + strings.Repeat("]", jsontext.MaxDepth) + `}`,
	}
	for _, in := range inputs {
		checkScanner(t, []byte(in))
	}
}

func checkScanner(t *testing.T, b []byte) {
	t.Helper()
	var s objectScanner
	fast, fastOK := s.scan(b, nil)
	slow, slowOK := slowObject(b, nil)
	if fastOK != slowOK {
		t.Fatalf("%.80q: scanner says %v, encoding/json says %v", b, fastOK, slowOK)
	}
	if !fastOK {
		return
	}
	if len(fast) != len(slow) {
		t.Fatalf("%.80q: %d fields, encoding/json %d", b, len(fast), len(slow))
	}
	for i := range fast {
		if fast[i].Key != slow[i].Key || !bytes.Equal(fast[i].Value, slow[i].Value) {
			t.Fatalf("%.80q: field %d is %q=%q, encoding/json %q=%q", b, i, fast[i].Key, fast[i].Value, slow[i].Key, slow[i].Value)
		}
	}
}
