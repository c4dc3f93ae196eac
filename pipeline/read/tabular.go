package read

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// rowReader yields the rows of a table: CSV or an XLSX sheet.
type rowReader interface {
	// next returns the cells of the next row and the line (CSV) or row
	// number (XLSX) where it starts; the cells are valid until the next
	// call. A problem confined to one row comes back as a *rowError and
	// reading goes on; any other error ends the input; io.EOF at the end.
	next() (cells []string, line int64, err error)
	close() error
}

// rowWarner is a rowReader that can have a warning for the row it last
// returned (a CSV stray quote kept as text); it goes on the row's records.
type rowWarner interface {
	rowWarning() string
}

// rowError is a row that cannot be read, such as a CSV row over the size
// limit.
type rowError struct {
	line int64
	msg  string
}

func (e *rowError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// tabularSource turns the rows of a table into records: header, preset,
// skipped rows, column mapping and cell conversion are the same for CSV
// and XLSX and live here once.
type tabularSource struct {
	rows rowReader
	o    Options
	// lenient pads rows shorter than the header and ignores empty cells
	// past it: Excel leaves out trailing empty cells, a CSV writer does not.
	lenient bool

	started, done bool
	header        []string
	m             *mapper
	colRoles      []colRole // role per header column
	ahead         []aheadRow

	pending queue
	fields  []models.Field // scratch
	roles   []colRole      // scratch, parallel to fields
	strs    []string       // scratch, parallel to fields
	padded  []string       // scratch
}

// aheadRow is a row read early while looking for Qualtrics' extra rows.
type aheadRow struct {
	cells []string
	line  int64
	err   error
	warn  string
}

func newTabular(rows rowReader, o Options, lenient bool) *tabularSource {
	return &tabularSource{rows: rows, o: o, lenient: lenient}
}

func (s *tabularSource) Next() (*models.Record, error) {
	if !s.started {
		s.started = true
		if err := s.start(); err != nil {
			s.done = true
			return nil, err
		}
	}
	for s.pending.empty() {
		if s.done {
			return nil, io.EOF
		}
		var cells []string
		var line int64
		var err error
		var warn string
		if len(s.ahead) > 0 {
			cells, line, err, warn = s.ahead[0].cells, s.ahead[0].line, s.ahead[0].err, s.ahead[0].warn
			s.ahead = s.ahead[1:]
		} else {
			cells, line, err = s.rows.next()
			warn = s.rowWarning()
		}
		if err != nil {
			var re *rowError
			if !errors.As(err, &re) {
				s.done = true
				return nil, err // io.EOF at the end
			}
			s.pending.recs = append(s.pending.reset(), errorRecord(s.o.Name, re.line, re.msg, false))
			continue
		}
		s.pending.recs = s.rowRecords(s.pending.reset(), cells, line)
		if warn != "" {
			for _, r := range s.pending.recs {
				r.Warnings = append(r.Warnings, warn)
			}
		}
	}
	return s.pending.pop(), nil
}

// start reads the header and the rows to skip, and resolves the columns.
func (s *tabularSource) start() error {
	name := s.o.Name
	cells, headerLine, err := s.rows.next()
	var re *rowError
	switch {
	case errors.Is(err, io.EOF):
		s.done = true
		return nil
	case errors.As(err, &re):
		return fmt.Errorf("header row: %w", re)
	case err != nil:
		return err
	}
	var renamed [2]string
	s.header, renamed = cleanHeader(cells)
	if renamed[0] != "" {
		s.o.Warn(fmt.Sprintf("line %d: header column %q appears more than once: the repeat is read as %q", headerLine, renamed[0], renamed[1]))
	}

	qualtrics := s.o.Preset == "qualtrics"
	skip := s.o.SkipRows
	if qualtrics && skip == 0 {
		skip = 2
	}
	if s.o.Preset == "" && skip == 0 {
		// Qualtrics puts the question texts and {"ImportId":...} cells
		// under the header; read two rows ahead to see whether they are
		// there, and replay them otherwise.
		for len(s.ahead) < 2 {
			cells, line, err := s.rows.next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil && !errors.As(err, &re) {
				return err
			}
			s.ahead = append(s.ahead, aheadRow{cells: slices.Clone(cells), line: line, err: err, warn: s.rowWarning()})
		}
		if len(s.ahead) == 2 && s.ahead[1].err == nil && isImportIDRow(s.ahead[1].cells) {
			qualtrics = true
			s.ahead = nil
			s.o.Warn("qualtrics export detected: skipping 2 header rows")
		}
	}
	for i := range skip {
		_, _, err := s.rows.next()
		if errors.Is(err, io.EOF) {
			if s.o.SkipRows > 0 {
				s.o.Warn(fmt.Sprintf("skip_rows %d is beyond the end: only %d %s after the header; nothing read", skip, i, plural(i, "row")))
			}
			break
		}
		if err != nil && !errors.As(err, &re) {
			return err
		}
	}

	cols := s.o.Columns
	if qualtrics {
		cols = qualtricsColumns(cols, s.header)
	}
	s.m = newMapper(name, cols)
	s.colRoles = s.resolve()
	return nil
}

// rowWarning returns the warning for the row last read, or "".
func (s *tabularSource) rowWarning() string {
	if w, ok := s.rows.(rowWarner); ok {
		return w.rowWarning()
	}
	return ""
}

// isImportIDRow reports whether a row is Qualtrics' third header row.
func isImportIDRow(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			return strings.HasPrefix(c, `{"ImportId"`)
		}
	}
	return false
}

// qualtricsColumns maps the default id, date and lang names to Qualtrics'
// own columns when the export has no columns of the default names.
func qualtricsColumns(c Columns, header []string) Columns {
	has := func(name string) bool { return findColumn(header, name, nil) >= 0 }
	if c.ID == "id" && !has("id") && has("ResponseId") {
		c.ID = "ResponseId"
	}
	if c.Date == "date" && !has("date") && has("RecordedDate") {
		c.Date = "RecordedDate"
	}
	if c.Lang == "lang" && !has("lang") && has("Q_Language") {
		c.Lang = "Q_Language"
	}
	return c
}

// cleanHeader trims the header cells, names empty ones column_N (1-based)
// and makes repeated names unique with _2, _3, ... suffixes, so that every
// cell has its own field name. renamed holds the first repeated name and
// what it became, or "" twice.
func cleanHeader(cells []string) (header []string, renamed [2]string) {
	header = make([]string, len(cells))
	seen := make(map[string]bool, len(cells))
	for i, c := range cells {
		c = strings.TrimSpace(strings.ToValidUTF8(c, replacementChar))
		if c == "" {
			c = fmt.Sprintf("column_%d", i+1)
		}
		h := c
		for n := 2; seen[h]; n++ {
			h = fmt.Sprintf("%s_%d", c, n)
		}
		if h != c && renamed[0] == "" {
			renamed = [2]string{c, h}
		}
		seen[h] = true
		header[i] = h
	}
	return header, renamed
}

// findColumn returns the index of the header cell name matches: exactly
// first, then case-insensitively after trimming; -1 if none. Cells marked
// taken are not considered.
func findColumn(header []string, name string, taken []bool) int {
	for i, h := range header {
		if h == name && (taken == nil || !taken[i]) {
			return i
		}
	}
	name = strings.TrimSpace(name)
	for i, h := range header {
		if strings.EqualFold(h, name) && (taken == nil || !taken[i]) {
			return i
		}
	}
	return -1
}

// resolve gives every header column its role, and warns once about each
// text column the header lacks; the rows then become error records.
func (s *tabularSource) resolve() []colRole {
	m, header := s.m, s.header
	roles := make([]colRole, len(header))
	taken := make([]bool, len(header))
	for t, name := range m.cols.Text {
		i := findColumn(header, name, taken)
		if i < 0 {
			m.missing[t] = fmt.Sprintf("no text column %q in header (columns: %s)", name, columnList(header))
			s.o.Warn(m.missing[t])
			continue
		}
		roles[i], taken[i] = colRole{role: roleText, col: t}, true
	}
	for _, x := range mapped(m.cols) {
		if x.name == "" {
			continue
		}
		if i := findColumn(header, x.name, taken); i >= 0 {
			roles[i], taken[i] = colRole{role: x.role}, true
		}
	}
	for i, h := range header {
		if taken[i] {
			continue
		}
		if r, ok := m.byName[h]; ok && r.role == roleDrop {
			roles[i].role = roleDrop // a canonical name shadowed by a mapped column
		} else if len(m.cols.Pass) > 0 && findColumn(m.cols.Pass, h, nil) < 0 {
			roles[i].role = roleDrop
		}
	}
	return roles
}

// columnList lists header names for a message, shortened for wide exports.
func columnList(header []string) string {
	const most = 30
	if len(header) <= most {
		return strings.Join(header, ", ")
	}
	return fmt.Sprintf("%s, ... and %d more", strings.Join(header[:most], ", "), len(header)-most)
}

// rowRecords appends the records of one data row to dst.
func (s *tabularSource) rowRecords(dst []*models.Record, cells []string, line int64) []*models.Record {
	name, ncol := s.o.Name, len(s.header)
	if len(cells) != ncol {
		switch {
		case s.lenient && len(cells) < ncol:
			s.padded = append(append(s.padded[:0], cells...), make([]string, ncol-len(cells))...)
			cells = s.padded
		case s.lenient && allEmpty(cells[ncol:]):
			cells = cells[:ncol]
		default:
			msg := fmt.Sprintf("row has %d %s, header has %d", len(cells), plural(len(cells), "field"), ncol)
			return append(dst, errorRecord(name, line, msg, false))
		}
	}
	bad, size := false, 0
	for i, c := range cells {
		if !utf8.ValidString(c) {
			cells[i], bad = strings.ToValidUTF8(c, replacementChar), true
		}
		size += len(cells[i]) + 2
	}
	// One buffer holds the JSON values of the whole row.
	raw := make([]byte, 0, size+size/8)
	s.fields, s.roles, s.strs = s.fields[:0], s.roles[:0], s.strs[:0]
	for i, c := range cells {
		r := s.colRoles[i]
		if r.role == roleDrop {
			continue
		}
		start := len(raw)
		if r.role.score() {
			raw = appendScore(raw, c)
		} else {
			raw = jsontext.AppendString(raw, c)
		}
		s.fields = append(s.fields, models.Field{Key: s.header[i], Value: raw[start:len(raw):len(raw)]})
		s.roles = append(s.roles, r)
		s.strs = append(s.strs, c)
	}
	return s.m.appendRecords(dst, s.fields, s.roles, s.strs, line, bad)
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func (s *tabularSource) Close() error {
	return s.rows.close()
}
