package read

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// openXLSX reads one sheet of an XLSX workbook.
//
// excelize needs the whole ZIP file. It offers no io.ReaderAt entry point,
// only a path or a reader it copies into memory, so a regular file is
// reopened by its path and anything else (stdin) is read into memory.
func openXLSX(r io.Reader, br *bufio.Reader, o Options) (Source, error) {
	var f *excelize.File
	var err error
	if path, ok := regularFilePath(r); ok {
		f, err = excelize.OpenFile(path)
	} else {
		f, err = excelize.OpenReader(br)
	}
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX file: %w", err)
	}
	sheets := f.GetSheetList()
	sheet := o.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			f.Close()
			return nil, errors.New("the workbook has no sheets")
		}
		sheet = sheets[0]
	} else if !contains(sheets, sheet) {
		f.Close()
		return nil, fmt.Errorf("sheet %q not found (sheets: %s)", sheet, strings.Join(sheets, ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return newTabular(&xlsxRows{f: f, rows: rows}, o, true), nil
}

// regularFilePath returns the path of r when r is an open regular file that
// the path still names.
func regularFilePath(r io.Reader) (string, bool) {
	file, ok := r.(*os.File)
	if !ok {
		return "", false
	}
	fi, err := file.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	pi, err := os.Stat(file.Name())
	if err != nil || !os.SameFile(fi, pi) {
		return "", false
	}
	return file.Name(), true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
	n    int64
}

// next skips rows the sheet does not store (excelize still visits their
// numbers): they hold no cell at all, and a sheet formatted down to row
// 10000 would otherwise give thousands of empty records.
func (x *xlsxRows) next() ([]string, int64, error) {
	for x.rows.Next() {
		x.n++
		cells, err := x.rows.Columns()
		if err != nil {
			return nil, 0, fmt.Errorf("row %d: %w", x.n, err)
		}
		if len(cells) > 0 {
			return cells, x.n, nil
		}
	}
	if err := x.rows.Error(); err != nil {
		return nil, 0, err
	}
	return nil, 0, io.EOF
}

func (x *xlsxRows) close() error {
	err := x.rows.Close()
	if ferr := x.f.Close(); err == nil {
		err = ferr
	}
	return err
}
