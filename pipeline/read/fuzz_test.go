package read

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
)

// addSeeds adds the golden inputs with the given extensions and extra
// seeds to the corpus.
func addSeeds(f *testing.F, exts []string, extra ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*", "input"+ext))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkInvariants holds for every input: lines positive and in order, read
// errors only, valid JSON field values, valid UTF-8 text.
func checkInvariants(t *testing.T, recs []*models.Record) {
	t.Helper()
	var last int64
	for i, r := range recs {
		if r.Line <= 0 || r.Line < last {
			t.Fatalf("record %d: line %d after line %d", i, r.Line, last)
		}
		last = r.Line
		if r.Err != nil && r.Err.Stage != "read" {
			t.Fatalf("record %d: stage %q", i, r.Err.Stage)
		}
		if r.Err == nil && r.ID == "" {
			t.Fatalf("record %d: no id", i)
		}
		if !utf8.ValidString(r.Text) || r.Text != r.Original {
			t.Fatalf("record %d: text %q, original %q", i, r.Text, r.Original)
		}
		for _, f := range r.Fields {
			if !json.Valid(f.Value) || !utf8.Valid(f.Value) {
				t.Fatalf("record %d: field %q has invalid value %q", i, f.Key, f.Value)
			}
		}
	}
}

// drain reads src to the end. Only a header row that cannot be read may
// end the input with an error.
func drain(t *testing.T, src Source) []*models.Record {
	t.Helper()
	defer src.Close()
	var recs []*models.Record
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		var re *rowError
		if errors.As(err, &re) && len(recs) == 0 {
			return nil
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		recs = append(recs, r)
	}
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, []string{".jsonl", ".ndjson"},
		"", "\n", "\n\n", "{}", `{"text":"a"}`+"\n"+`{"text":`, "\xef\xbb\xbf{\"text\":\"\xff\"}\r\n",
		`{"text":"a","text":1}`, `{"a":[[[{"b":"\ud800"}]]],"text":"\u00e4"}`, "[1]\n\"x\"\n null ",
		"{\"text\":\"a\"}\r{}\r\n\r\r{\"text\":\"\r\"}", "\xff\xfe{\x00}\x00\r\x00",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := checkOptions(testOptions("f.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		o.MaxLineBytes = 64
		jsonl := func(size int) Source {
			return newJSONL(bufio.NewReaderSize(newJSONLLineEnds(bytes.NewReader(data)), size), o)
		}
		recs := drain(t, jsonl(bufSize))
		checkInvariants(t, recs)
		// "\n", "\r\n" and a lone "\r" each end a line.
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n"))
		if len(norm) > 0 && norm[len(norm)-1] != '\n' {
			lines++
		}
		if len(recs) != lines {
			t.Fatalf("%d records for %d lines", len(recs), lines)
		}
		for i, r := range recs {
			if r.Line != int64(i+1) {
				t.Fatalf("record %d has line %d", i, r.Line)
			}
		}
		// A 16-byte buffer (bufio's least) drives the long-line path; the
		// records must not change.
		small := drain(t, jsonl(16))
		if len(small) != len(recs) {
			t.Fatalf("%d records with a small buffer, %d with a large one", len(small), len(recs))
		}
		for i := range recs {
			a, b := viewOf(t, recs[i]), viewOf(t, small[i])
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Fatalf("record %d differs with a small buffer:\n%s\n%s", i, ja, jb)
			}
		}
		// The scanner and encoding/json agree on every line.
		for _, line := range bytes.Split(norm, []byte("\n")) {
			b, _ := sanitize(line)
			checkScanner(t, b)
		}
	})
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, []string{".csv", ".txt"},
		"", "text\n", "id,text\n1,a\n", "id;text\n1;\"a\nb\"\n2;c\n", "text,b\n\"x,\"y\"\n", "\xff\xfe",
		"\xef\xbb\xbftext\n\xe4\n", "a\tb\ttext\n1\t2\n", "text,x\n,\n\n  \n",
		"id,text\r1,\"a\rb\"\r2,\"c\"\"\r\n\"x\r", "t\x00e\x00x\x00t\x00\r\x00a\x00",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, mod := range []func(*Options){
			func(*Options) {},
			func(o *Options) { o.Columns.Text = []string{"text", "b"}; o.Preset = "qualtrics" },
			func(o *Options) { o.Delimiter = ";"; o.MaxLineBytes = 32; o.Columns.Pass = []string{"a"} },
		} {
			o := testOptions("f.csv")
			mod(&o)
			src, err := Open(bytes.NewReader(data), o)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			checkInvariants(t, drain(t, src))
		}
		// Rows split the same when the input comes one byte at a time.
		rows := func(r io.Reader) (out []string) {
			c := &csvRows{r: r, delim: []byte{','}, max: 64, line: 1, perRow1252: true, warn: func(string) {}}
			for {
				cells, line, err := c.next()
				if errors.Is(err, io.EOF) {
					return out
				}
				out = append(out, fmt.Sprintf("%d %q %v %s", line, cells, err, c.rowWarning()))
			}
		}
		whole, bytewise := rows(bytes.NewReader(data)), rows(iotest.OneByteReader(bytes.NewReader(data)))
		if !slices.Equal(whole, bytewise) {
			t.Fatalf("rows differ when read byte by byte:\n%q\n%q", whole, bytewise)
		}
	})
}

func FuzzJSONArray(f *testing.F) {
	addSeeds(f, []string{".json"},
		"[]", "[", "[{}]", `[{"text":"a"},{"text":1},null,"x",[1],{"text":"b"}]`, `[{"text":"a"},`,
		`[{"text":"a","text":"b"}]`, "\xef\xbb\xbf[{\"text\":\"\xe4\"}]", `[{"text":"\ud800"}] x`,
		`[{"a":[[[[[[[[[[[[[[[[[[[[{}]]]]]]]]]]]]]]]]]]]],"text":"a"}]`, "[{\"text\":\"a\"}\r\n,\r{\"text\":\"b\"}]",
		"{\"text\":\"a\"}", `[{"id":1e999,"text":"a","nps":"1,5"}]`,
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		o := testOptions("f.json")
		o.MaxLineBytes = 256
		src, err := Open(bytes.NewReader(data), o)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		recs := drain(t, src)
		checkInvariants(t, recs)
		for i, r := range recs {
			if i > 0 && r.Line == recs[i-1].Line && r.ID == recs[i-1].ID && r.Err == nil {
				t.Fatalf("record %d repeats record %d", i, i-1)
			}
		}
	})
}

// FuzzXLSX replaces the first sheet and the shared strings of a real
// workbook: a ZIP file of random bytes would rarely get past its checksums,
// so the fuzzer works on the XML that excelize and the reader parse.
func FuzzXLSX(f *testing.F) {
	path := writeXLSX(f, surveySheet)
	zr, err := zip.OpenReader(path)
	if err != nil {
		f.Fatal(err)
	}
	defer zr.Close()
	parts := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			f.Fatal(err)
		}
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
		names = append(names, zf.Name)
	}
	const sheetPart, stringsPart = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"
	if parts[sheetPart] == nil {
		f.Fatalf("no %s in %v", sheetPart, names)
	}
	if _, ok := parts[stringsPart]; !ok {
		names = append(names, stringsPart)
	}
	f.Add(parts[sheetPart], parts[stringsPart])
	f.Add(parts[sheetPart], []byte(`<sst><si><t>text</t></si><si><r><t>a</t></r><r><t>\x01b</t></r></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c></row>`+
		`<row r="1048576"><c r="XFD1048576" t="s"><v>99</v></c></row></sheetData></worksheet>`), []byte(`<sst/>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="s"><v>0</v></c></row><row><c t="n"><v>NaN</v></c><c t="s"><v>-1</v></c></row></sheetData></worksheet>`), parts[stringsPart])
	f.Fuzz(func(t *testing.T, sheetXML, stringsXML []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			data := parts[name]
			switch name {
			case sheetPart:
				data = sheetXML
			case stringsPart:
				data = stringsXML
			}
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		o := testOptions("f.xlsx")
		o.Columns.Pass = []string{"extra"}
		src, err := Open(bytes.NewReader(buf.Bytes()), o)
		if err != nil {
			return // an unreadable workbook is an error, not a crash
		}
		// A workbook whose XML breaks mid-sheet ends with that error (exit
		// 3); the rows before it must still be sound.
		defer src.Close()
		var recs []*models.Record
		for {
			r, err := src.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) && err.Error() == "" {
					t.Fatal("an error without a message")
				}
				break
			}
			recs = append(recs, r)
		}
		checkInvariants(t, recs)
	})
}
