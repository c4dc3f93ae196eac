package read

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// XLSXLimits bound what reading one workbook may cost; a zero field takes
// its default (DefaultXLSXLimits).
//
// excelize unzips a workbook's parts into memory, except a worksheet or a
// shared strings table over its in-memory limit, which it extracts to a
// temp file. It ignores the errors of those writes: a shared strings table
// read from a temp file on a full disk gives empty cells, not an error. So
// the shared strings table is always held in memory (up to SharedStrings),
// only worksheets go to temp files, in a directory of their own that is
// checked after opening and removed on Close.
type XLSXLimits struct {
	Unzip         int64 // the whole workbook, unzipped
	SharedStrings int64 // the shared strings table (xl/sharedStrings.xml)
	InMemory      int64 // a worksheet larger than this goes to a temp file
}

// DefaultXLSXLimits are the documented limits: 1 GiB unzipped, 256 MiB of
// shared strings, worksheets over excelize's stream chunk to temp files.
func DefaultXLSXLimits() XLSXLimits {
	return XLSXLimits{Unzip: 1 << 30, SharedStrings: 256 << 20, InMemory: excelize.StreamChunkSize}
}

func (l XLSXLimits) orDefaults() XLSXLimits {
	d := DefaultXLSXLimits()
	if l.Unzip <= 0 {
		l.Unzip = d.Unzip
	}
	if l.SharedStrings <= 0 {
		l.SharedStrings = d.SharedStrings
	}
	if l.InMemory <= 0 {
		l.InMemory = d.InMemory
	}
	return l
}

// openXLSX reads one sheet of an XLSX workbook.
//
// excelize needs the whole ZIP file. It offers no io.ReaderAt entry point,
// only a path or a reader it copies into memory, so a regular file is
// reopened by its path and anything else (stdin) is read into memory.
func openXLSX(r io.Reader, br *bufio.Reader, o Options) (Source, error) {
	var zr *zip.Reader
	var data []byte
	path, isFile := regularFilePath(r)
	if isFile {
		zf, err := zip.OpenReader(path)
		if err != nil {
			return nil, fmt.Errorf("not a readable XLSX file: %w", err)
		}
		defer zf.Close()
		zr = &zf.Reader
	} else {
		var err error
		if data, err = io.ReadAll(br); err != nil {
			return nil, err
		}
		if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return nil, fmt.Errorf("not a readable XLSX file: %w", err)
		}
	}
	opts, toTemp, err := xlsxOptions(zr, o.XLSX.orDefaults())
	if err != nil {
		return nil, err
	}
	tmpDir := os.TempDir()
	if toTemp > 0 {
		if opts.TmpDir, err = os.MkdirTemp(tmpDir, "stimmung-xlsx-"); err != nil {
			return nil, fmt.Errorf("temp directory %s: %w", tmpDir, err)
		}
	}
	x := &xlsxRows{tmpDir: opts.TmpDir}
	if isFile {
		x.f, err = excelize.OpenFile(path, opts)
	} else {
		x.f, err = excelize.OpenReader(bytes.NewReader(data), opts)
	}
	if err != nil {
		x.close()
		return nil, fmt.Errorf("not a readable XLSX file: %w", err)
	}
	if err := checkExtracted(opts.TmpDir, toTemp); err != nil {
		x.close()
		return nil, err
	}
	sheets := x.f.GetSheetList()
	sheet := o.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			x.close()
			return nil, errors.New("the workbook has no sheets")
		}
		sheet = sheets[0]
	} else if !contains(sheets, sheet) {
		x.close()
		return nil, fmt.Errorf("sheet %q not found (sheets: %s)", sheet, strings.Join(sheets, ", "))
	}
	if x.rows, err = x.f.Rows(sheet); err != nil {
		x.close()
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return newTabular(x, o, true), nil
}

// xlsxOptions checks the sizes the workbook's ZIP directory declares
// against the limits before anything is unzipped, and returns the options
// that keep the shared strings table in memory, with the number of bytes
// excelize will extract to temp files (the worksheets over the in-memory
// limit: it picks them by the same names and sizes).
func xlsxOptions(zr *zip.Reader, lim XLSXLimits) (excelize.Options, int64, error) {
	var total, sst int64
	var sheets []int64
	for _, f := range zr.File {
		size := int64(f.UncompressedSize64)
		if size < 0 || total+size < total {
			size = -1 // over any limit
		}
		total += size
		if size < 0 || total > lim.Unzip {
			return excelize.Options{}, 0, fmt.Errorf("the workbook unzips to more than %s, the limit for XLSX input; save it as CSV, or split it", byteSize(lim.Unzip))
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		switch {
		case name == "xl/sharedstrings.xml":
			sst = size
		case strings.HasPrefix(name, "xl/worksheets/sheet") && !f.FileInfo().IsDir():
			sheets = append(sheets, size)
		}
	}
	if sst > lim.SharedStrings {
		return excelize.Options{}, 0, fmt.Errorf("the workbook's shared strings table unzips to %s, over the limit of %s for XLSX input; save it as CSV, or split it", byteSize(sst), byteSize(lim.SharedStrings))
	}
	inMemory := max(lim.InMemory, sst)
	var toTemp int64
	for _, size := range sheets {
		if size > inMemory {
			toTemp += size
		}
	}
	return excelize.Options{UnzipSizeLimit: max(lim.Unzip, inMemory), UnzipXMLSizeLimit: inMemory}, toTemp, nil
}

// checkExtracted returns an I/O error when the temp files in dir hold
// fewer than want bytes: excelize could not write them (it reads such a
// part into memory instead, but says nothing), so the disk is full.
func checkExtracted(dir string, want int64) error {
	if want == 0 {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("temp directory %s: %w", filepath.Dir(dir), err)
	}
	var got int64
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			got += fi.Size()
		}
	}
	if got < want {
		return fmt.Errorf("temp directory %s is full: the workbook's worksheets need %s there, only %s could be written; free space there or set TMPDIR to a larger one", filepath.Dir(dir), byteSize(want), byteSize(got))
	}
	return nil
}

// byteSize formats n bytes for messages: "1 GiB", "300 MiB", "12 KiB".
func byteSize(n int64) string {
	for _, u := range []struct {
		name  string
		shift uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if n >= 1<<u.shift {
			v := float64(n) / float64(int64(1)<<u.shift)
			if n%(1<<u.shift) == 0 {
				return fmt.Sprintf("%d %s", n>>u.shift, u.name)
			}
			return fmt.Sprintf("%.1f %s", v, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
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
	f      *excelize.File
	rows   *excelize.Rows
	n      int64
	tmpDir string // the workbook's own temp directory, or ""
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

// close removes the workbook's temp files, also those excelize no longer
// knows of (a part it could not extract whole).
func (x *xlsxRows) close() error {
	var err error
	if x.rows != nil {
		err = x.rows.Close()
	}
	if x.f != nil {
		if ferr := x.f.Close(); err == nil {
			err = ferr
		}
	}
	if x.tmpDir != "" {
		if rerr := os.RemoveAll(x.tmpDir); err == nil {
			err = rerr
		}
	}
	return err
}
