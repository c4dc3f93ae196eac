package report

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the tables as a workbook, one sheet per table; numbers
// are numbers, so that a spreadsheet can chart them.
func WriteXLSX(w io.Writer, ts []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, t := range ts {
		name := sheetName(t.Name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		write := func(row int, cells []string) error {
			vals := make([]any, len(cells))
			for j, c := range cells {
				// Names and ids stay text ("007" is no 7).
				text := row == 1 || j == 0 || j < len(t.Header) && textColumns[t.Header[j]]
				if v, err := strconv.ParseFloat(c, 64); err == nil && c != "" && !text {
					vals[j] = v
				} else {
					vals[j] = c
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			return sw.SetRow(cell, vals)
		}
		if err := write(1, t.Header); err != nil {
			return err
		}
		for r, row := range t.Rows {
			if err := write(r+2, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// textColumns are the columns whose cells are never numbers.
var textColumns = map[string]bool{"id": true, "date": true, "touchpoint": true, "excerpt": true, "reasons": true, "owner": true, "status": true, "examples": true, "significant": true}

// sheetName fits a table name into Excel's 31 characters.
func sheetName(s string) string {
	if r := []rune(s); len(r) > 31 {
		return string(r[:31])
	}
	return s
}
