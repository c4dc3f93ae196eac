package read

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// role says what an input field becomes in a record.
type role uint8

const (
	rolePass role = iota // passed through under its own name
	roleDrop             // left out: not in Columns.Pass, or shadowed by a mapped field
	roleID
	roleText
	roleLang
	roleDate
	roleNPS
	roleCSAT
	roleCES
	roleTouchpoint
)

// canonical is the name a mapped field gets in Record.Fields.
func (r role) canonical() string {
	switch r {
	case roleID:
		return "id"
	case roleText:
		return "text"
	case roleLang:
		return "lang"
	case roleDate:
		return "date"
	case roleNPS:
		return "nps"
	case roleCSAT:
		return "csat"
	case roleCES:
		return "ces"
	case roleTouchpoint:
		return "touchpoint"
	}
	return ""
}

// score reports whether tabular cells of the role are read as numbers.
func (r role) score() bool { return r == roleNPS || r == roleCSAT || r == roleCES }

// colRole is the role of one input field; col indexes Columns.Text for
// roleText.
type colRole struct {
	role role
	col  int
}

// mapped lists the single-name mappings of c in a fixed order; Text is
// handled apart because it may name several fields.
func mapped(c Columns) [7]struct {
	name string
	role role
} {
	return [7]struct {
		name string
		role role
	}{
		{c.ID, roleID}, {c.Lang, roleLang}, {c.Date, roleDate}, {c.NPS, roleNPS},
		{c.CSAT, roleCSAT}, {c.CES, roleCES}, {c.Touchpoint, roleTouchpoint},
	}
}

// mapper turns the ordered fields of one JSON object or table row into
// records. The JSON and the tabular readers both end here, so that the
// record rules (ids, text, lang, flags, several text columns) exist once.
// A mapper belongs to one Source and is not safe for concurrent use.
type mapper struct {
	name string
	cols Columns
	// byName holds the roles of exact field names (JSON keys). Names not in
	// it pass, unless pass is set and lacks them.
	byName map[string]colRole
	pass   map[string]bool
	// missing holds, per text column, the message of the error record for a
	// response that lacks it.
	missing []string
	textAt  []int // scratch: field index of each text column
}

func newMapper(name string, c Columns) *mapper {
	m := &mapper{
		name:    name,
		cols:    c,
		byName:  make(map[string]colRole),
		missing: make([]string, len(c.Text)),
		textAt:  make([]int, len(c.Text)),
	}
	if len(c.Pass) > 0 {
		m.pass = make(map[string]bool, len(c.Pass))
		for _, p := range c.Pass {
			m.pass[p] = true
		}
	}
	// A field that happens to carry a canonical name ("text") while that
	// role is mapped from another field ("comment") would give the record
	// two "text" fields; the mapped one wins.
	for _, x := range mapped(c) {
		if x.name != "" && x.name != x.role.canonical() {
			m.byName[x.role.canonical()] = colRole{role: roleDrop}
		}
	}
	if len(c.Text) > 1 || (len(c.Text) == 1 && c.Text[0] != "text") {
		m.byName["text"] = colRole{role: roleDrop}
	}
	for _, x := range mapped(c) {
		if x.name != "" {
			m.byName[x.name] = colRole{role: x.role}
		}
	}
	for i, t := range c.Text {
		m.byName[t] = colRole{role: roleText, col: i}
		m.missing[i] = fmt.Sprintf("no %q field", t)
	}
	return m
}

// role returns the role of the JSON field key.
func (m *mapper) role(key string) colRole {
	if r, ok := m.byName[key]; ok {
		return r
	}
	if m.pass != nil && !m.pass[key] {
		return colRole{role: roleDrop}
	}
	return colRole{role: rolePass}
}

// appendRecords appends the records of one response to dst: one record, or
// one per text column when several are configured. in holds the fields in
// input order under their input names with raw JSON values; roles[i] is the
// role of in[i]. The records keep sub-slices of the values. cells, when not
// nil, holds the strings the values of a table row were made from: using
// them saves decoding the JSON again.
func (m *mapper) appendRecords(dst []*models.Record, in []models.Field, roles []colRole, cells []string, line int64, badUTF8 bool) []*models.Record {
	idAt, langAt := -1, -1
	for t := range m.textAt {
		m.textAt[t] = -1
	}
	for i, r := range roles {
		switch r.role {
		case roleID:
			idAt = i
		case roleLang:
			langAt = i
		case roleText:
			m.textAt[r.col] = i
		}
	}
	id := ""
	switch {
	case idAt >= 0 && cells != nil:
		id = strings.TrimSpace(cells[idAt])
	case idAt >= 0:
		id = idString(in[idAt].Value)
	}
	if id == "" {
		id = m.name + ":" + strconv.FormatInt(line, 10)
	}
	lang := ""
	switch {
	case langAt >= 0 && cells != nil:
		lang = normalizeLang(cells[langAt])
	case langAt >= 0:
		lang = langOf(in[langAt].Value)
	}
	multi := len(m.cols.Text) > 1
	for t := range m.cols.Text {
		at := m.textAt[t]
		rec := &models.Record{
			Source: m.name,
			Line:   line,
			ID:     id,
			Fields: m.outFields(in, roles, t),
		}
		if multi {
			col := m.cols.Text[t]
			if at >= 0 {
				col = in[at].Key
			}
			rec.ID = id + ":" + col
			rec.TextColumn = col
		}
		if badUTF8 {
			rec.Warnings = []string{models.WarnInvalidUTF8}
		}
		dst = append(dst, rec)
		if at < 0 {
			rec.Err = readError(m.missing[t])
			continue
		}
		text, msg := textOf(in, cells, at)
		if msg != "" {
			rec.Err = readError(msg)
			continue
		}
		rec.Original, rec.Text = text, text
		if strings.TrimSpace(text) == "" {
			rec.Flags = []string{models.FlagNoContent}
		}
		if lang != "" {
			rec.Lang, rec.LangSource = lang, "input"
		}
		for i, r := range roles {
			switch r.role {
			case roleNPS:
				rec.NPS = models.ParseRating(in[i].Value)
			case roleCSAT:
				rec.CSAT = models.ParseRating(in[i].Value)
			case roleCES:
				rec.CES = models.ParseRating(in[i].Value)
			}
		}
	}
	return dst
}

// textOf returns the text in field at, or the message of the error record
// when the field holds no text. JSON null counts as empty text: exports
// write it for a question left unanswered.
func textOf(in []models.Field, cells []string, at int) (text, msg string) {
	if cells != nil {
		return cells[at], ""
	}
	v := in[at].Value
	if s, ok := jsontext.Unquote(v); ok {
		return s, ""
	}
	if isNull(v) {
		return "", ""
	}
	return "", fmt.Sprintf("field %q is %s, want a string", in[at].Key, kindOf(v))
}

// outFields renames mapped fields to their canonical names and leaves out
// dropped fields and the text columns other than t.
func (m *mapper) outFields(in []models.Field, roles []colRole, t int) []models.Field {
	n := 0
	for i := range in {
		if r := roles[i]; r.role != roleDrop && (r.role != roleText || r.col == t) {
			n++
		}
	}
	out := make([]models.Field, 0, n)
	for i, f := range in {
		switch r := roles[i]; r.role {
		case roleDrop:
			continue
		case roleText:
			if r.col != t {
				continue
			}
			f.Key = "text"
		case rolePass:
		default:
			f.Key = r.role.canonical()
		}
		out = append(out, f)
	}
	return out
}

func readError(msg string) *models.RecordError {
	return &models.RecordError{Stage: "read", Message: msg}
}

// errorRecord is a record for input that could not be read as a response.
func errorRecord(name string, line int64, msg string, badUTF8 bool) *models.Record {
	rec := &models.Record{Source: name, Line: line, Err: readError(msg)}
	if badUTF8 {
		rec.Warnings = []string{models.WarnInvalidUTF8}
	}
	return rec
}

// idString returns the id given by a raw JSON value: a string's content, a
// number's (or other literal's) text; "" for null and blank strings, so
// that the caller falls back to Name:Line.
func idString(raw []byte) string {
	if s, ok := jsontext.Unquote(raw); ok {
		return strings.TrimSpace(s)
	}
	if isNull(raw) {
		return ""
	}
	return string(raw)
}

func isNull(raw []byte) bool { return string(raw) == "null" }

// kindOf names the JSON type of raw for messages.
func kindOf(raw []byte) string {
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// langOf returns the normalized language of a raw JSON value, "" when it
// is not a string. The two analysed languages in their usual spellings
// come back without decoding, which saves an allocation per record.
func langOf(raw []byte) string {
	switch string(raw) {
	case `"de"`:
		return "de"
	case `"en"`:
		return "en"
	}
	if s, ok := jsontext.Unquote(raw); ok {
		return normalizeLang(s)
	}
	return ""
}

// normalizeLang reduces the regional variants of the two analysed languages
// to their base code (de-DE, de_AT, EN → de, de, en); other codes are kept,
// lower-cased, so that the language stage can tell it was given something it
// does not analyse.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	base := s
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		base = s[:i]
	}
	if base == "de" || base == "en" {
		return base
	}
	return s
}
