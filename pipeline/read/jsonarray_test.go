package read

import (
	"strings"
	"testing"
)

func TestJSONArray(t *testing.T) {
	tests := []struct {
		name  string
		input string
		cols  func(*Columns)
		want  []rec
		warn  string // substring of the one warning; "" means none
	}{
		{
			name:  "normal",
			input: "\xef\xbb\xbf \n[\n {\"id\": 1, \"text\": \"Gut\", \"lang\": \"de\"},\n {\"text\": \"Bad\", \"z\": [1]}\n]\n",
			want: []rec{
				{line: 1, id: "1", text: "Gut", lang: "de", keys: "id,text,lang"},
				{line: 2, id: "t.json:2", text: "Bad", keys: "text,z"},
			},
		},
		{
			name:  "empty array",
			input: "[]",
		},
		{
			name:  "element not an object",
			input: `[{"text":"a"}, 42, "s", [1], null, {"text":"b"}]`,
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, err: "element is not a JSON object (got number)"},
				{line: 3, err: "element is not a JSON object (got string)"},
				{line: 4, err: "element is not a JSON object (got array)"},
				{line: 5, err: "element is not a JSON object (got null)"},
				{line: 6, text: "b"},
			},
		},
		{
			name:  "syntax error mid-array",
			input: `[{"text":"a"}, {"text":"b"}, {"text": x}, {"text":"d"}]`,
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, text: "b"},
				{line: 3, err: "invalid JSON: invalid character 'x' looking for beginning of value in element 3 (after byte 27); the rest of the array is skipped"},
			},
			warn: "in element 3 (after byte 27); the rest of the array is skipped",
		},
		{
			name:  "missing comma",
			input: `[{"text":"a"} {"text":"b"}]`,
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, err: "invalid JSON: expected comma after array element in element 2 (after byte 13)"},
			},
			warn: "element 2",
		},
		{
			name:  "truncated",
			input: `[{"text":"a"}, {"text":"b`,
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, err: "invalid JSON: unexpected end of input"},
			},
			warn: "element 2",
		},
		{
			name:  "unclosed array",
			input: `[{"text":"a"}`,
			want: []rec{
				{line: 1, text: "a"},
				{line: 2, err: "unexpected end of input"},
			},
			warn: "element 2",
		},
		{
			name:  "data after the array",
			input: `[{"text":"a"}] x`,
			want:  []rec{{line: 1, text: "a"}},
			warn:  "ignoring data after the end of the JSON array",
		},
		{
			name:  "multiple text keys",
			input: `[{"id":"R1","q1":"a","q2":"b"}]`,
			cols:  func(c *Columns) { c.Text = []string{"q1", "q2"} },
			want: []rec{
				{line: 1, id: "R1:q1", text: "a", column: "q1", keys: "id,text"},
				{line: 1, id: "R1:q2", text: "b", column: "q2", keys: "id,text"},
			},
		},
		{
			name:  "invalid UTF-8",
			input: "[{\"text\":\"a\xff\"}]",
			want:  []rec{{line: 1, text: "a\uFFFD", warnings: "invalid_utf8"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions("t.json")
			if tt.cols != nil {
				tt.cols(&o.Columns)
			}
			res := readAll(t, []byte(tt.input), o)
			checkRecords(t, res.recs, tt.want)
			checkWarn(t, res.warns, tt.warn)
		})
	}
}

// checkWarn checks that warns is one warning containing want, or none when
// want is empty.
func checkWarn(t *testing.T, warns []string, want string) {
	t.Helper()
	switch {
	case want == "" && len(warns) > 0:
		t.Errorf("unexpected warnings %q", warns)
	case want != "" && (len(warns) != 1 || !strings.Contains(warns[0], want)):
		t.Errorf("warnings %q, want one containing %q", warns, want)
	}
}

func TestJSONFormatChoice(t *testing.T) {
	tests := []struct {
		name, file, format, input string
		want                      []rec
	}{
		{name: "sniffed array", file: "stdin", input: ` [{"text":"a"}]`, want: []rec{{line: 1, text: "a"}}},
		{name: "sniffed lines", file: "stdin", input: "\n{\"text\":\"a\"}\n", want: []rec{{line: 1, err: "empty line"}, {line: 2, text: "a"}}},
		{name: ".json holding lines", file: "x.json", input: "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", want: []rec{{line: 1, text: "a"}, {line: 2, text: "b"}}},
		{name: "format json holding an array", file: "x.txt", format: "json", input: `[{"text":"a"}]`, want: []rec{{line: 1, text: "a"}}},
		{name: ".jsonl wins over content", file: "x.jsonl", input: `[{"text":"a"}]`, want: []rec{{line: 1, err: "line is not a JSON object (got array)"}}},
		{name: "sniffed csv", file: "stdin", input: "id,text\n1,a\n", want: []rec{{line: 2, id: "1", text: "a"}}},
		{name: "csv extension wins", file: "x.csv", input: "text\n{x}\n", want: []rec{{line: 2, text: "{x}"}}},
		{name: "format jsonl", file: "x.csv", format: "jsonl", input: `{"text":"a"}`, want: []rec{{line: 1, text: "a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(tt.file)
			o.Format = tt.format
			checkRecords(t, readAll(t, []byte(tt.input), o).recs, tt.want)
		})
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(*Options)
		want string
	}{
		{"format", func(o *Options) { o.Format = "xml" }, `format: unknown format "xml"`},
		{"encoding", func(o *Options) { o.Encoding = "latin9" }, `encoding: unknown encoding "latin9"`},
		{"delimiter", func(o *Options) { o.Delimiter = ";;" }, `delimiter: invalid delimiter ";;"`},
		{"quote delimiter", func(o *Options) { o.Delimiter = `"` }, `delimiter: invalid delimiter`},
		{"preset", func(o *Options) { o.Preset = "surveymonkey" }, `preset: unknown preset "surveymonkey"`},
		{"skip rows", func(o *Options) { o.SkipRows = -1 }, `skip_rows: -1 is negative`},
		{"max line bytes", func(o *Options) { o.MaxLineBytes = -1 }, `max_line_bytes: -1 is negative`},
		{"no text column", func(o *Options) { o.Columns.Text = nil }, `columns.text: no text column given`},
		{"empty text column", func(o *Options) { o.Columns.Text = []string{"a", ""} }, `columns.text[1]: empty column name`},
		{"twice", func(o *Options) { o.Columns.Text = []string{"a", "a"} }, `columns.text[1]: "a" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions("x.jsonl")
			tt.mod(&o)
			_, err := Open(strings.NewReader(""), o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}
