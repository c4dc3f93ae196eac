package read

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheet is the content of one generated sheet: rows of cells from A1; a nil
// row leaves that row out of the file.
type sheet struct {
	name string
	rows [][]any
}

// writeXLSX builds a workbook in a temporary directory and returns its path.
func writeXLSX(t *testing.T, sheets ...sheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(sh.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

var surveySheet = sheet{name: "Antworten", rows: [][]any{
	{"id", "text", "nps", "lang", "extra"},
	{"r1", "Super Service", 9, "de-DE", "x"},
	{"r2", "Too slow"}, // Excel leaves out the empty cells at the end
	nil,                // a row the sheet does not store
	{"r4", nil, 4.5, nil, "only extra"},
}}

func TestXLSX(t *testing.T) {
	tests := []struct {
		name   string
		sheets []sheet
		mod    func(*Options)
		want   []rec
		warn   string
		check  func(t *testing.T, res result)
	}{
		{
			name:   "first sheet, short rows padded",
			sheets: []sheet{surveySheet, {name: "Other", rows: [][]any{{"text"}, {"wrong sheet"}}}},
			want: []rec{
				{line: 2, id: "r1", text: "Super Service", lang: "de", keys: "id,text,nps,lang,extra"},
				{line: 3, id: "r2", text: "Too slow", keys: "id,text,nps,lang,extra"},
				{line: 5, id: "r4", flags: "no_content"},
			},
			check: func(t *testing.T, res result) {
				for i, want := range []string{"9", "null", "4.5"} {
					if got := field(res.recs[i], "nps"); got != want {
						t.Errorf("record %d: nps %s, want %s", i, got, want)
					}
				}
				if got := field(res.recs[1], "extra"); got != `""` {
					t.Errorf("padded cell = %s", got)
				}
			},
		},
		{
			name:   "named sheet",
			sheets: []sheet{surveySheet, {name: "Other", rows: [][]any{{"Text"}, {"from other"}}}},
			mod:    func(o *Options) { o.Sheet = "Other" },
			want:   []rec{{line: 2, id: "book.xlsx:2", text: "from other"}},
		},
		{
			name: "header not in row 1",
			sheets: []sheet{{name: "S", rows: [][]any{
				nil, nil, {"text", "id"}, {"a", 1}, {"b", 2, "beyond the header"}, {"c", 3, ""},
			}}},
			want: []rec{
				{line: 4, id: "1", text: "a"},
				{line: 5, err: "row has 3 fields, header has 2"},
				{line: 6, id: "3", text: "c"},
			},
		},
		{
			name: "multiple text columns",
			sheets: []sheet{{name: "S", rows: [][]any{
				{"ResponseId", "q1", "q2"}, {"R1", "eins", "zwei"}, {"R2", "nur eins"},
			}}},
			mod: func(o *Options) { o.Columns.ID = "ResponseId"; o.Columns.Text = []string{"q1", "q2"} },
			want: []rec{
				{line: 2, id: "R1:q1", text: "eins", column: "q1", keys: "id,text"},
				{line: 2, id: "R1:q2", text: "zwei", column: "q2", keys: "id,text"},
				{line: 3, id: "R2:q1", text: "nur eins", column: "q1"},
				{line: 3, id: "R2:q2", column: "q2", flags: "no_content"},
			},
		},
		{
			name: "qualtrics header rows",
			sheets: []sheet{{name: "Sheet0", rows: [][]any{
				{"RecordedDate", "ResponseId", "Q_Language", "Q5"},
				{"Recorded Date", "Response ID", "User Language", "Anything else?"},
				{`{"ImportId":"recordedDate"}`, `{"ImportId":"_recordId"}`, `{"ImportId":"userLanguage"}`, `{"ImportId":"QID5_TEXT"}`},
				{"2024-05-01", "R_1", "EN", "Great app"},
			}}},
			mod:  func(o *Options) { o.Columns.Text = []string{"Q5"} },
			want: []rec{{line: 4, id: "R_1", text: "Great app", lang: "en", keys: "date,id,lang,text"}},
			warn: "qualtrics export detected",
		},
		{
			name:   "missing text column",
			sheets: []sheet{{name: "S", rows: [][]any{{"a", "b"}, {1, 2}}}},
			want:   []rec{{line: 2, err: `no text column "text" in header (columns: a, b)`}},
			warn:   `no text column "text"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, tt.sheets...)
			o := testOptions("book.xlsx")
			if tt.mod != nil {
				tt.mod(&o)
			}
			// Once from a file (reopened by path), once from memory (stdin).
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fromFile := readFile(t, path, o)
			fromMemory := readAll(t, data, o)
			for _, res := range []result{fromFile, fromMemory} {
				checkRecords(t, res.recs, tt.want)
				checkWarn(t, res.warns, tt.warn)
				if tt.check != nil {
					tt.check(t, res)
				}
			}
		})
	}
}

func readFile(t *testing.T, path string, o Options) result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var res result
	o.Warn = func(msg string) { res.warns = append(res.warns, msg) }
	src, err := Open(f, o)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, ok := src.(*tabularSource).rows.(*xlsxRows); !ok {
		t.Fatal("not read as XLSX")
	}
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil {
			t.Fatal(err)
		}
		res.recs = append(res.recs, r)
	}
}

func TestXLSXErrors(t *testing.T) {
	path := writeXLSX(t, surveySheet, sheet{name: "Zwei", rows: [][]any{{"text"}}})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("unknown sheet", func(t *testing.T) {
		o := testOptions("book.xlsx")
		o.Sheet = "Drei"
		_, err := Open(bytes.NewReader(data), o)
		if err == nil || err.Error() != `sheet "Drei" not found (sheets: Antworten, Zwei)` {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("not an xlsx file", func(t *testing.T) {
		_, err := Open(strings.NewReader("id,text\n1,a\n"), testOptions("book.xlsx"))
		if err == nil || !strings.Contains(err.Error(), "not a readable XLSX file") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("sniffed from stdin", func(t *testing.T) {
		res := readAll(t, data, testOptions("stdin"))
		if len(res.recs) != 3 || res.recs[0].ID != "r1" {
			t.Fatalf("got %d records", len(res.recs))
		}
	})
	t.Run("broken zip on stdin fails Next", func(t *testing.T) {
		_, err := tryReadAll(data[:len(data)/2], testOptions("stdin"))
		if err == nil || !strings.Contains(err.Error(), "not a readable XLSX file") {
			t.Fatalf("error %v", err)
		}
	})
}
