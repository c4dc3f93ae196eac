package read

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// qualtricsCSV is the shape of a Qualtrics export: column ids, question
// texts (here with a line break), ImportId objects, then responses.
const qualtricsCSV = "StartDate,RecordedDate,ResponseId,Q_Language,Q1,Q2_TEXT\r\n" +
	"Start Date,Recorded Date,Response ID,User Language,\"How likely...\r\n(0-10)\",What could we do better?\r\n" +
	"\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Europe/Berlin\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"userLanguage\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"\r\n" +
	"2024-03-01 10:00:00,2024-03-01 10:05:00,R_abc,DE,9,Lieferung war zu spät\r\n" +
	"2024-03-02 11:00:00,2024-03-02 11:02:00,R_def,EN,3,\r\n"

func TestCSV(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		mod   func(*Options)
		want  []rec
		warn  string
		check func(t *testing.T, res result)
	}{
		{
			name:  "comma",
			input: "id,text,nps\n1,Gut,9\n2,\"Schlecht, teuer\",2\n",
			want: []rec{
				{line: 2, id: "1", text: "Gut", keys: "id,text,nps"},
				{line: 3, id: "2", text: "Schlecht, teuer"},
			},
		},
		{
			name:  "semicolon with decimal commas",
			input: "id;text;csat\n1;Gut, aber teuer;4,5\n2;Schlecht;3\n",
			want:  []rec{{line: 2, id: "1", text: "Gut, aber teuer"}, {line: 3, id: "2", text: "Schlecht"}},
			check: func(t *testing.T, res result) {
				if got := field(res.recs[0], "csat"); got != "4.5" {
					t.Errorf("csat = %s, want 4.5", got)
				}
			},
		},
		{
			name:  "tab",
			input: "id\ttext\n1\tGut, sehr gut; wirklich\n",
			want:  []rec{{line: 2, id: "1", text: "Gut, sehr gut; wirklich"}},
		},
		{
			name:  "tsv extension",
			file:  "t.tsv",
			input: "text\tx,y\na,b\tc\n",
			want:  []rec{{line: 2, text: "a,b", keys: "text,x,y"}},
		},
		{
			name:  "explicit delimiter",
			input: "text|id\na|1\n",
			mod:   func(o *Options) { o.Delimiter = "|" },
			want:  []rec{{line: 2, id: "1", text: "a"}},
		},
		{
			name:  "UTF-8 BOM",
			input: "\xef\xbb\xbfid,text\n1,Verspätung\n",
			want:  []rec{{line: 2, id: "1", text: "Verspätung", keys: "id,text"}},
		},
		{
			name:  "Windows-1252",
			input: "id;text\n1;Versp\xe4tung, \xfcbel, Stra\xdfe, 5 \x80\n",
			want:  []rec{{line: 2, id: "1", text: "Verspätung, übel, Straße, 5 €"}},
			warn:  "not valid UTF-8, reading it as Windows-1252",
		},
		{
			name:  "Windows-1252 given",
			input: "id;text\n1;gr\xfc\xdfe\n",
			mod:   func(o *Options) { o.Encoding = "windows-1252" },
			want:  []rec{{line: 2, id: "1", text: "grüße"}},
		},
		{
			name:  "UTF-8 given: bad bytes replaced",
			input: "id;text\n1;gr\xfc\xdfe\n",
			mod:   func(o *Options) { o.Encoding = "utf-8" },
			want:  []rec{{line: 2, id: "1", text: "gr\uFFFDe", warnings: "invalid_utf8"}},
		},
		{
			name:  "UTF-16 LE with BOM",
			input: "\xff\xfe" + utf16le("id\ttext\r\n1\tÜberraschung 😀\r\n"),
			want:  []rec{{line: 2, id: "1", text: "Überraschung 😀"}},
		},
		{
			name:  "CRLF and quoted newline",
			input: "id,text\r\n1,\"Zeile eins\r\nZeile zwei\"\r\n2,danach\r\n",
			want:  []rec{{line: 2, id: "1", text: "Zeile eins\nZeile zwei"}, {line: 4, id: "2", text: "danach"}},
		},
		{
			name:  "wrong column counts",
			input: "id,text,nps\n1,a\n2,b,3,4\n3,c,5\n",
			want: []rec{
				{line: 2, err: "row has 2 fields, header has 3"},
				{line: 3, err: "row has 4 fields, header has 3"},
				{line: 4, id: "3", text: "c"},
			},
		},
		{
			name:  "one field",
			input: "id,text\nonly\n",
			want:  []rec{{line: 2, err: "row has 1 field, header has 2"}},
		},
		{
			name:  "stray quotes are kept",
			input: "id,text\n1,Das war \"super\" gut\n2,\"Er sagte \"nie\" wieder\"\n3,ok\n",
			want: []rec{
				{line: 2, id: "1", text: `Das war "super" gut`},
				{line: 3, id: "2", text: `Er sagte "nie" wieder`},
				{line: 4, id: "3", text: "ok"},
			},
		},
		{
			name:  "unclosed quote: its line is an error record, the next rows are read",
			input: "id,text\n1,\"offen\n2,b\n",
			want:  []rec{{line: 2, err: "unclosed quote at line 2, column 3"}, {line: 3, id: "2", text: "b"}},
		},
		{
			name:  "missing text column",
			input: "a,b,comment\n1,2,x\n3,4,y\n",
			want: []rec{
				{line: 2, err: `no text column "text" in header (columns: a, b, comment)`, keys: "a,b,comment"},
				{line: 3, err: `no text column "text" in header (columns: a, b, comment)`},
			},
			warn: `no text column "text" in header (columns: a, b, comment)`,
		},
		{
			name:  "header matched case-insensitively",
			input: "ID, Text ,NPS,Lang\nx,hallo,10,de-AT\n",
			want:  []rec{{line: 2, id: "x", text: "hallo", lang: "de", keys: "id,text,nps,lang"}},
		},
		{
			name:  "exact header match wins",
			input: "Text,text\nA,b\n",
			want:  []rec{{line: 2, text: "b", keys: "Text,text"}},
		},
		{
			name:  "duplicate header names",
			input: "text,x,x,,x\na,1,2,3,4\n",
			want:  []rec{{line: 2, text: "a", keys: "text,x,x_2,column_4,x_3"}},
			warn:  `line 1: header column "x" appears more than once: the repeat is read as "x_2"`,
		},
		{
			name:  "scores",
			input: "text;nps;csat;ces;other\na;9;4,5;;7\nb; 10 ;+3.0;Extremely easy;x\nc;-1;007;1.2.3;\n",
			check: func(t *testing.T, res result) {
				want := [][3]string{{"9", "4.5", "null"}, {"10", "3.0", `"Extremely easy"`}, {"-1", "7", `"1.2.3"`}}
				for i, w := range want {
					got := [3]string{field(res.recs[i], "nps"), field(res.recs[i], "csat"), field(res.recs[i], "ces")}
					if got != w {
						t.Errorf("row %d: scores %v, want %v", i, got, w)
					}
				}
				if got := field(res.recs[0], "other"); got != `"7"` {
					t.Errorf("other = %s, want a string", got)
				}
			},
			want: []rec{{line: 2, text: "a"}, {line: 3, text: "b"}, {line: 4, text: "c"}},
		},
		{
			name:  "empty rows",
			input: "id,text\n,\n\n  ,  \n",
			want: []rec{
				{line: 2, id: "t.csv:2", flags: "no_content"},
				{line: 4, id: "t.csv:4", text: "  ", flags: "no_content"},
			},
		},
		{
			name:  "header only",
			input: "id,text\n",
		},
		{
			name:  "empty input",
			input: "",
		},
		{
			name:  "multiple text columns",
			input: "id,q1_comment,nps,q2_comment\nR1,gut,9,schlecht\nR2,,5,nur zwei\n",
			mod:   func(o *Options) { o.Columns.Text = []string{"q1_comment", "q2_comment"} },
			want: []rec{
				{line: 2, id: "R1:q1_comment", text: "gut", column: "q1_comment", keys: "id,text,nps"},
				{line: 2, id: "R1:q2_comment", text: "schlecht", column: "q2_comment", keys: "id,nps,text"},
				{line: 3, id: "R2:q1_comment", column: "q1_comment", flags: "no_content"},
				{line: 3, id: "R2:q2_comment", text: "nur zwei", column: "q2_comment"},
			},
		},
		{
			name:  "one of several text columns missing",
			input: "id,q1\nR1,gut\n",
			mod:   func(o *Options) { o.Columns.Text = []string{"q1", "q2"} },
			want: []rec{
				{line: 2, id: "R1:q1", text: "gut", column: "q1"},
				{line: 2, id: "R1:q2", column: "q2", err: `no text column "q2" in header (columns: id, q1)`},
			},
			warn: `no text column "q2"`,
		},
		{
			name:  "pass list",
			input: "id,text,keep,drop,KEEP2\n1,a,k,d,k2\n",
			mod:   func(o *Options) { o.Columns.Pass = []string{"keep", "keep2"} },
			want:  []rec{{line: 2, id: "1", text: "a", keys: "id,text,keep,KEEP2"}},
		},
		{
			name:  "mapped text shadows a text column",
			input: "text,comment\nold,new\n",
			mod:   func(o *Options) { o.Columns.Text = []string{"comment"} },
			want:  []rec{{line: 2, text: "new", keys: "text"}},
		},
		{
			name:  "qualtrics detected",
			input: qualtricsCSV,
			want: []rec{
				{line: 5, id: "R_abc", text: "Lieferung war zu spät", lang: "de", keys: "StartDate,date,id,lang,nps,text"},
				{line: 6, id: "R_def", lang: "en", flags: "no_content"},
			},
			mod:  func(o *Options) { o.Columns.Text = []string{"Q2_TEXT"}; o.Columns.NPS = "Q1" },
			warn: "qualtrics export detected: skipping 2 header rows",
			check: func(t *testing.T, res result) {
				if got := field(res.recs[0], "nps"); got != "9" {
					t.Errorf("nps = %s", got)
				}
				if got := field(res.recs[0], "date"); got != `"2024-03-01 10:05:00"` {
					t.Errorf("date = %s", got)
				}
			},
		},
		{
			name:  "qualtrics preset",
			input: qualtricsCSV,
			mod:   func(o *Options) { o.Preset = "qualtrics"; o.Columns.Text = []string{"Q2_TEXT"} },
			want: []rec{
				{line: 5, id: "R_abc", text: "Lieferung war zu spät", lang: "de"},
				{line: 6, id: "R_def", lang: "en", flags: "no_content"},
			},
		},
		{
			name:  "qualtrics preset with skip rows",
			input: qualtricsCSV,
			mod:   func(o *Options) { o.Preset = "qualtrics"; o.SkipRows = 3; o.Columns.Text = []string{"Q2_TEXT"} },
			want:  []rec{{line: 6, id: "R_def", lang: "en", flags: "no_content"}},
		},
		{
			name:  "skip rows without preset",
			input: "id,text\n(comment row)\n1,a\n",
			mod:   func(o *Options) { o.SkipRows = 1 },
			want:  []rec{{line: 3, id: "1", text: "a"}},
		},
		{
			name:  "qualtrics with own id column keeps it",
			input: "id,ResponseId,text\nq,q,q\n{\"ImportId\":\"x\"},y,z\nmine,R_1,hi\n",
			want:  []rec{{line: 4, id: "mine", text: "hi", keys: "id,ResponseId,text"}},
			warn:  "qualtrics export detected",
		},
		{
			name:  "not qualtrics: look-ahead rows are replayed",
			input: "id,text\n1,a\n2,b\n3,c\n",
			want:  []rec{{line: 2, id: "1", text: "a"}, {line: 3, id: "2", text: "b"}, {line: 4, id: "3", text: "c"}},
		},
		{
			name:  "row over the limit",
			input: "id,text\n1," + strings.Repeat("x", 100) + "\n2,ok\n",
			mod:   func(o *Options) { o.MaxLineBytes = 64 },
			want:  []rec{{line: 2, err: "row exceeds max_line_bytes (64)"}, {line: 3, id: "2", text: "ok"}},
		},
		{
			name:  "invalid UTF-8 after the sample is read as Windows-1252",
			input: "id,text\n" + strings.Repeat("1,ok\n", 14000) + "2,b\xffd\n",
			warn:  "line 14002: not valid UTF-8, reading such lines as Windows-1252",
			check: func(t *testing.T, res result) {
				last := res.recs[len(res.recs)-1]
				if last.Text != "bÿd" || len(last.Warnings) != 0 || len(res.recs[0].Warnings) != 0 {
					t.Errorf("last record %q %v", last.Text, last.Warnings)
				}
			},
		},
		{
			// Item 5 of issue 11: the first Windows-1252 byte after the
			// 64 KiB the encoding is guessed from.
			name:  "Windows-1252 first after 70 KB of ASCII rows",
			input: cp1252Late(),
			warn:  "line 3502: not valid UTF-8, reading such lines as Windows-1252",
			check: func(t *testing.T, res result) {
				if len(res.recs) != 3503 {
					t.Fatalf("%d records, want 3503", len(res.recs))
				}
				for i, want := range []string{"Größe ärgerlich, 5 €", "ok", "Übel – süß"} {
					r := res.recs[3500+i]
					if r.Err != nil || r.Text != want || len(r.Warnings) != 0 {
						t.Errorf("line %d: %q %v %v, want %q", r.Line, r.Text, r.Err, r.Warnings, want)
					}
				}
			},
		},
		{
			name:  "a byte Windows-1252 leaves undefined stays flagged",
			input: "id,text\n" + strings.Repeat("1,ok\n", 14000) + "2,b\x81\xe4\n",
			check: func(t *testing.T, res result) {
				last := res.recs[len(res.recs)-1]
				if last.Text != "b\uFFFD" || len(last.Warnings) != 1 {
					t.Errorf("last record %q %v", last.Text, last.Warnings)
				}
			},
		},
		{
			// Item 4 of issue 11.
			name:  "stray quote mid-field does not swallow the next row",
			input: "id,text,nps\nq3,\"gut\"x,10\nq4,schlecht,2\n",
			want: []rec{
				{line: 2, id: "q3", text: `"gut"x`, warnings: "stray quote at line 2, column 8 kept as text"},
				{line: 3, id: "q4", text: "schlecht"},
			},
		},
		{
			name:  "unclosed quote in row 2 of 4",
			input: "id,text,nps\n1,eins,1\n2,\"zwei,2\n3,drei,3\n4,\"vier\",4\n",
			want: []rec{
				{line: 2, id: "1", text: "eins"},
				{line: 3, err: "unclosed quote at line 3, column 3"},
				{line: 4, id: "3", text: "drei"},
				{line: 5, id: "4", text: "vier"},
			},
		},
		{
			name:  "quoted line breaks and bare quotes on one line still read",
			input: "id,text\r\n1,\"a\r\nb\"\r\n2,\"Das war \"super\" gut\"\r\n3,\"x\"\"\ny\"\n",
			want:  []rec{{line: 2, id: "1", text: "a\nb"}, {line: 4, id: "2", text: `Das war "super" gut`}, {line: 5, id: "3", text: "x\"\ny"}},
		},
		{
			name:  "unclosed quote over the limit: the line alone",
			input: "id,text\n1,\"offen\n" + strings.Repeat("2,b\n", 40) + "3,c\n",
			mod:   func(o *Options) { o.MaxLineBytes = 64 },
			check: func(t *testing.T, res result) {
				if len(res.recs) != 42 || res.recs[0].Err == nil || res.recs[41].Text != "c" || res.recs[41].Line != 43 {
					t.Errorf("%d records, first %+v, last %+v", len(res.recs), res.recs[0].Err, res.recs[len(res.recs)-1])
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "t.csv"
			}
			o := testOptions(file)
			if tt.mod != nil {
				tt.mod(&o)
			}
			res := readAll(t, []byte(tt.input), o)
			if tt.want != nil || tt.check == nil {
				checkRecords(t, res.recs, tt.want)
			}
			checkWarn(t, res.warns, tt.warn)
			if tt.check != nil {
				tt.check(t, res)
			}
		})
	}
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name, input string
		want        rune
	}{
		{"comma", "a,b,c\n1,2,3\n", ','},
		{"semicolon", "a;b;c\n1;2,5;3\n", ';'},
		{"tab", "a\tb\n1\t2\n", '\t'},
		{"single column", "text\nhallo\n", ','},
		{"quoted delimiters ignored", "\"a;b\",c\n\"1;2\",3\n", ','},
		{"consistent beats frequent", "a,b,c;d\n1,2;3\n4;5,6\n", ';'},
		{"quoted newline", "a;b\n\"x\ny,z,w\";2\n", ';'},
		{"no newline", "a;b", ';'},
		{"CR-only lines", "a,b,c;d\r1,2;3\r4;5,6\r", ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniffDelimiter(newBufReader(tt.input))
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// cp1252Late is a German Excel export whose first non-ASCII byte comes
// after 70 KB of ASCII rows.
func cp1252Late() string {
	var b strings.Builder
	b.WriteString("id,text\n")
	for i := range 3500 {
		fmt.Fprintf(&b, "%d,Lieferung ok und schnell da%d\n", i, i%10)
	}
	if b.Len() < 70_000 {
		panic("too short")
	}
	b.WriteString("a,\"Gr\xf6\xdfe \xe4rgerlich, 5 \x80\"\nb,ok\nc,\xdcbel \x96 s\xfc\xdf\n")
	return b.String()
}

// zeros is an endless run of 'x' without a line break.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

// TestCSVLongRowBoundedMemory reads a 50 MB row with a 1 KB limit: it must
// become an error record without being held in memory, and the next rows
// must be read (issue 11, item 10).
func TestCSVLongRowBoundedMemory(t *testing.T) {
	const rowBytes = 50 << 20
	in := io.MultiReader(strings.NewReader("id,text\n1,ok\n2,"), io.LimitReader(zeros{}, rowBytes), strings.NewReader("\n3,drei\n4,vier\n"))
	o := testOptions("t.csv")
	o.MaxLineBytes = 1 << 10
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	src, err := Open(in, o)
	if err != nil {
		t.Fatal(err)
	}
	recs := drain(t, src)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("reading allocated %d bytes for a %d-byte row", alloc, rowBytes)
	}
	checkRecords(t, recs, []rec{
		{line: 2, id: "1", text: "ok"},
		{line: 3, err: "row exceeds max_line_bytes (1024)"},
		{line: 4, id: "3", text: "drei"},
		{line: 5, id: "4", text: "vier"},
	})
}

func newBufReader(s string) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), bufSize)
}

// utf16le encodes s as UTF-16 little endian.
func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b.WriteByte(byte(hi))
			b.WriteByte(byte(hi >> 8))
			r = lo
		}
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}
