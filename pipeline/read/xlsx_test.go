package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stimmung/stimmung/models"
)

// sheet is the content of one generated sheet: rows of cells from A1; a nil
// row leaves that row out of the file.
type sheet struct {
	name string
	rows [][]any
}

// writeXLSX builds a workbook in a temporary directory and returns its path.
func writeXLSX(t testing.TB, sheets ...sheet) string {
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

// bigXLSX writes a workbook with a header "id,text,nps" and n rows: text is
// a distinct string of textLen bytes (in the shared strings table) and nps
// a number (in the worksheet).
func bigXLSX(t *testing.T, n, textLen int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for c, h := range []string{"id", "text", "nps"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellValue("Sheet1", cell, h); err != nil {
			t.Fatal(err)
		}
	}
	pad := strings.Repeat("x", textLen)
	for r := 2; r <= n+1; r++ {
		row := []any{r - 1, fmt.Sprintf("%d %s", r-1, pad)[:textLen], r % 11}
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// readXLSXFile reads path to the end, with the limits lim (or the
// defaults): the records, or the first error.
func readXLSXFile(path string, lim ...XLSXLimits) ([]*models.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	o := testOptions("big.xlsx")
	if len(lim) > 0 {
		o.XLSX = lim[0]
	}
	src, err := Open(f, o)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	var recs []*models.Record
	for {
		r, err := src.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, r)
	}
}

// TestXLSXTempDirFull: with the temp directory full, a workbook is either
// read whole (its shared strings held in memory) or refused with an I/O
// error naming the directory; never read with empty cells.
func TestXLSXTempDirFull(t *testing.T) {
	tmp := filepath.Join(t.TempDir(), "tmpfs")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", tmp, "tmpfs", 0, "size=256k"); err != nil {
		t.Skipf("cannot mount a 256 KiB tmpfs for the full temp directory (needs root on Linux): %v", err)
	}
	// Detached: excelize leaves the temp file it failed to write open (until
	// the garbage collector closes it), which keeps the tmpfs busy.
	t.Cleanup(func() {
		if err := syscall.Unmount(tmp, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", tmp, err)
		}
	})

	// 17 MiB of shared strings: more than excelize keeps in memory by default.
	sstBig := bigXLSX(t, 1700, 10<<10)
	// A worksheet of 1.5 MiB, few shared strings.
	sheetBig := bigXLSX(t, 20000, 8)
	t.Setenv("TMPDIR", tmp)

	check := func(t *testing.T, recs []*models.Record, err error, n int) {
		t.Helper()
		if err != nil {
			if !strings.Contains(err.Error(), "temp directory "+tmp+" is full") {
				t.Fatalf("error %q does not say the temp directory %s is full", err, tmp)
			}
			return
		}
		if len(recs) != n {
			t.Fatalf("%d records, want %d", len(recs), n)
		}
		for i, r := range recs {
			if r.ID != fmt.Sprint(i+1) || !strings.HasPrefix(r.Text, fmt.Sprint(i+1)+" ") {
				t.Fatalf("record %d: id %q, text %.20q: cells lost", i+1, r.ID, r.Text)
			}
		}
	}
	t.Run("large shared strings, default limits", func(t *testing.T) {
		recs, err := readXLSXFile(sstBig)
		check(t, recs, err, 1700)
	})
	t.Run("worksheet over the in-memory limit", func(t *testing.T) {
		recs, err := readXLSXFile(sheetBig, XLSXLimits{InMemory: 64 << 10})
		if err == nil {
			t.Fatalf("read %d records from a worksheet that did not fit in the temp directory, want an error", len(recs))
		}
		check(t, recs, err, 20000)
	})
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		t.Errorf("left in the temp directory: %s", e.Name())
	}
}

// TestXLSXSizeLimits: a workbook over a documented limit is refused before
// anything is unzipped.
func TestXLSXSizeLimits(t *testing.T) {
	path := bigXLSX(t, 200, 2<<10) // ~400 KiB of shared strings
	for _, tc := range []struct {
		name                          string
		unzip, sharedStrings, inMemor int64
		want                          string
	}{
		{"unzipped size", 256 << 10, 256 << 10, 64 << 10, "the workbook unzips to more than 256 KiB, the limit for XLSX input; save it as CSV, or split it"},
		{"shared strings", 1 << 30, 128 << 10, 64 << 10, "the workbook's shared strings table unzips to 40"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readXLSXFile(path, XLSXLimits{tc.unzip, tc.sharedStrings, tc.inMemor})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := readXLSXFile(path); err != nil {
		t.Fatalf("under the default limits: %v", err)
	}
}

// TestXLSXTempFilesRemoved: the temp files of a workbook are gone after
// Close, also when it was not read to the end, and when opening it failed
// after its worksheets were extracted.
func TestXLSXTempFilesRemoved(t *testing.T) {
	path := bigXLSX(t, 20000, 8)
	broken := filepath.Join(t.TempDir(), "broken.xlsx")
	rewriteZip(t, path, broken, "xl/workbook.xml", []byte("<workbook"))
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	small := XLSXLimits{InMemory: 64 << 10}
	left := func(t *testing.T) int {
		t.Helper()
		n := 0
		filepath.WalkDir(tmp, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
		return n
	}

	t.Run("closed after one record", func(t *testing.T) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		o := testOptions("big.xlsx")
		o.XLSX = small
		src, err := Open(f, o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := src.Next(); err != nil {
			t.Fatal(err)
		}
		if left(t) == 0 {
			t.Fatal("no temp file while reading: the test does not test anything")
		}
		if err := src.Close(); err != nil {
			t.Fatal(err)
		}
		if n := left(t); n != 0 {
			t.Fatalf("%d temp files left after Close", n)
		}
	})
	t.Run("open fails after extracting", func(t *testing.T) {
		if _, err := readXLSXFile(broken, small); err == nil {
			t.Fatal("a broken workbook.xml was read")
		}
		if n := left(t); n != 0 {
			t.Fatalf("%d temp files left after a failed open", n)
		}
	})
}

// rewriteZip copies the ZIP file src to dst with the entry name replaced by
// data.
func rewriteZip(t *testing.T, src, dst, name string, data []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			_, err = w.Write(data)
		} else {
			var rc io.ReadCloser
			if rc, err = f.Open(); err == nil {
				_, err = io.Copy(w, rc)
				rc.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}
