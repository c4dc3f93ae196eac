package report

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode"
)

// WriteCSV writes the tables (Document.Tables) as one CSV stream of
// sections: a row with the table's name, its header, its rows, and an
// empty line before the next section. A reader of it allows a varying
// number of fields per row (encoding/csv: FieldsPerRecord = -1); empty
// lines separate the sections (encoding/csv skips them). Cells are made
// safe for spreadsheets (CSVCell).
func WriteCSV(w io.Writer, ts []Table) error {
	cw := csv.NewWriter(w)
	for i, t := range ts {
		if i > 0 {
			cw.Write(nil) // an empty line
		}
		cw.Write([]string{CSVCell(t.Name)})
		writeCSVRows(cw, t)
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVTable writes one table as plain CSV: the header, then the rows,
// each as many cells as the header.
func WriteCSVTable(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	writeCSVRows(cw, t)
	cw.Flush()
	return cw.Error()
}

func writeCSVRows(cw *csv.Writer, t Table) {
	row := make([]string, len(t.Header))
	for i, h := range t.Header {
		row[i] = CSVCell(h)
	}
	cw.Write(row)
	for _, r := range t.Rows {
		for i := range row {
			row[i] = ""
			if i < len(r) {
				row[i] = CSVCell(r[i])
			}
		}
		cw.Write(row)
	}
}

// CSVCell guards a cell against formula injection: a spreadsheet that
// opens the CSV runs a cell that begins with = + - @ (or a tab or carriage
// return, which some strip first) as a formula, and an excerpt, an id or a
// column value is text from outside. Such a cell gets a leading single
// quote, which spreadsheets read as "this is text" (OWASP's advice). A
// plain number (-12.5, +3, 1e-05) is left as it is: it is no formula, and
// negative figures stay numbers. Every cell of the report's CSV and of the
// follow-up queue's goes through it.
func CSVCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || isPlainNumber(s) {
		return s
	}
	return "'" + s
}

// isPlainNumber reports whether s is a decimal number: an optional sign,
// digits with an optional fraction, an optional exponent.
func isPlainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, hasFrac := strings.Cut(mant, ".")
	if !digits(intPart) || hasFrac && !digits(frac) {
		return false
	}
	if hasExp {
		if exp != "" && (exp[0] == '-' || exp[0] == '+') {
			exp = exp[1:]
		}
		return digits(exp)
	}
	return true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// TableSlug is the name of a table in lower case with dashes for spaces
// and punctuation ("Theme impact" → theme-impact, "By month" → by-month),
// for --table.
func TableSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// MatchTable is the index among names (the names of Tables) of the table
// name asks for: a name in any case, else a slug (TableSlug); -1 if none.
func MatchTable(names []string, name string) int {
	for i, n := range names {
		if strings.EqualFold(n, strings.TrimSpace(name)) {
			return i
		}
	}
	for i, n := range names {
		if TableSlug(n) == TableSlug(name) {
			return i
		}
	}
	return -1
}
