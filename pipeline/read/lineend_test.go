package read

import (
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16be encodes s as UTF-16 big endian.
func utf16be(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

// TestLineEndsAndUTF16 reads CR-only, mixed and UTF-16 input through
// stdin, where the format is sniffed from the decoded text, and as named
// files. The golden cases of the same names hold the file variants.
func TestLineEndsAndUTF16(t *testing.T) {
	three := []rec{{line: 1, id: "a", text: "eins"}, {line: 2, id: "b", text: "zwei"}, {line: 3, id: "c", text: "drei"}}
	jsonl := `{"id":"a","text":"eins"}` + "\n" + `{"id":"b","text":"zwei"}` + "\r\n" + `{"id":"c","text":"drei"}`
	jsonlCR := `{"id":"a","text":"eins"}` + "\r" + `{"id":"b","text":"zwei"}` + "\r" + `{"id":"c","text":"drei"}`
	csvRows := []rec{{line: 2, id: "a", text: "eins"}, {line: 3, id: "b", text: "zwei\rzwo"}, {line: 4, id: "c", text: "drei"}}
	csvText := "id;text\r" + "a;eins\r" + "b;\"zwei\rzwo\"\r" + "c;drei\r"
	tests := []struct {
		name, file, input string
		want              []rec
	}{
		{"JSON lines, CR only", "stdin", jsonlCR + "\r", three},
		{"JSON lines, CR only, file", "t.jsonl", jsonlCR + "\r", three},
		{"JSON lines, UTF-16 LE BOM", "stdin", "\xff\xfe" + utf16le(jsonl), three},
		{"JSON lines, UTF-16 BE BOM", "stdin", "\xfe\xff" + utf16be(jsonl+"\n"), three},
		{"JSON lines, UTF-16 LE, no BOM", "stdin", utf16le(jsonl), three},
		{"JSON lines, UTF-16 BE, no BOM, CR only", "stdin", utf16be(jsonlCR), three},
		{"JSON lines, UTF-16 BE BOM, file given as jsonl", "t.jsonl", "\xfe\xff" + utf16be(jsonl), three},
		{"JSON lines, UTF-16 LE BOM, file given as json", "t.json", "\xff\xfe" + utf16le(jsonl), three},
		{"CSV, CR only, quoted CR kept", "stdin", csvText, csvRows},
		{"CSV, CR only, quoted CR kept, file", "t.csv", csvText, csvRows},
		{"CSV, UTF-16 LE, no BOM", "stdin", utf16le(csvText), csvRows},
		{"CSV, UTF-16 BE BOM", "stdin", "\xfe\xff" + utf16be(csvText), csvRows},
		{"CSV, UTF-16 BE, no BOM, file", "t.csv", utf16be(csvText), csvRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, []byte(tt.input), testOptions(tt.file))
			checkRecords(t, res.recs, tt.want)
		})
	}
}

// TestNotUTF16 keeps inputs that merely contain NUL bytes, and inputs whose
// encoding is given, out of the UTF-16 decoding.
func TestNotUTF16(t *testing.T) {
	tests := []struct {
		name, input, encoding string
		want                  []rec
	}{
		{"NUL in the second byte only", "t\x00xt\nhallo\n", "", []rec{{line: 2, err: "no text column"}}},
		{"encoding given", utf16le("text\nx"), "utf-8", []rec{{line: 2, err: "no text column"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions("t.csv")
			o.Encoding = tt.encoding
			checkRecords(t, readAll(t, []byte(tt.input), o).recs, tt.want)
		})
	}
}

// TestLineEndsSplitReads feeds the converter one byte per read: a "\r\n"
// split across reads stays one line ending.
func TestLineEndsSplitReads(t *testing.T) {
	r := newJSONLLineEnds(iotest.OneByteReader(strings.NewReader("a\rb\r\nc\n\rd\r\r\ne\r")))
	got, err := io.ReadAll(iotest.OneByteReader(r))
	if want := "a\nb\nc\n\nd\n\ne\n"; err != nil || string(got) != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

// TestCSVSplitReads splits CSV rows read one byte at a time: a "\r\n" or
// a multi-byte delimiter split across reads, and the quoting state, carry
// over.
func TestCSVSplitReads(t *testing.T) {
	tests := []struct {
		name, input string
		delim       rune
		want        [][]string
	}{
		{"quoted CR and CRLF kept", "x,\"a\rb\r\nc\"\rd,\"\"\"\r\"\r", ',', [][]string{{"x", "a\rb\nc"}, {"d", "\"\r"}}},
		{"bare quote inside an unquoted field", "a\"b\rc", ',', [][]string{{"a\"b"}, {"c"}}},
		{"quote after delimiter opens", "a;\"b\rc\";d\re", ';', [][]string{{"a", "b\rc", "d"}, {"e"}}},
		{"multi-byte delimiter", "a¦\"b\rc\"¦d\re", '¦', [][]string{{"a", "b\rc", "d"}, {"e"}}},
		{"closing quote then CR", "\"a\"\r\"b\"\r\n", ',', [][]string{{"a"}, {"b"}}},
		{"empty lines give no row", "a\r\n\r\n\r\rb\n\n", ',', [][]string{{"a"}, {"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &csvRows{r: iotest.OneByteReader(strings.NewReader(tt.input)), delim: utf8.AppendRune(nil, tt.delim), max: 1 << 10, line: 1, warn: func(string) {}}
			var got [][]string
			for {
				cells, _, err := c.next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, slices.Clone(cells))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStreamCRAndUTF16 checks that a line ended by a lone "\r", and a
// UTF-16 line, come back while the writer waits for the answer.
func TestStreamCRAndUTF16(t *testing.T) {
	for _, tt := range []struct {
		name   string
		encode func(string) string
		bom    string
		end    string
	}{
		{"CR", func(s string) string { return s }, "", "\r"},
		{"UTF-16 LE BOM", utf16le, "\xff\xfe", "\n"},
		{"UTF-16 BE no BOM", utf16be, "", "\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pr.Close()
			src, err := Open(pr, testOptions("stdin"))
			if err != nil {
				t.Fatal(err)
			}
			texts := make(chan string)
			go func() {
				defer close(texts)
				for {
					r, err := src.Next()
					if err != nil {
						return
					}
					texts <- r.Text
				}
			}()
			prefix := tt.bom
			for _, text := range []string{"eins", "zwei"} {
				if _, err := io.WriteString(pw, prefix+tt.encode(`{"text":"`+text+`"}`+tt.end)); err != nil {
					t.Fatal(err)
				}
				prefix = ""
				select {
				case got := <-texts:
					if got != text {
						t.Fatalf("got %q, want %q", got, text)
					}
				case <-time.After(5 * time.Second):
					t.Fatalf("no record for %q while the writer waits", text)
				}
			}
			pw.Close()
			for range texts {
			}
		})
	}
}
