package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/encode"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Item is what a report reads of one analysed record. Its slices and its
// text point into the line and into its Parser's buffers: they hold until
// the Parser's next Parse, while the line is unchanged; whoever keeps any
// of them copies it (the follow-up queue does).
type Item struct {
	// ID is a string of its own (not a view of the line): the id lists
	// keep it as it is.
	ID string
	// Failed: the record is an error record of the analysis.
	Failed bool
	// Date is the record's date (models.ParseDate); HasDate says there is one.
	Date    time.Time
	HasDate bool
	// Touchpoint and Lang as analysed; Themes the paths of the themes found.
	Touchpoint, Lang string
	Themes           []string
	// ThemeLabels are the themes' own sentiment labels, beside Themes.
	ThemeLabels []string
	// Columns holds the values of the input columns ParseItem was asked
	// for (strings and numbers as text).
	Columns map[string]string
	// For the follow-up queue: the priority, the NPS and the date as
	// written; the text and the priority's reasons are read when asked for
	// (Text, Reasons): most records never enter the queue.
	Priority int
	NPS      models.Rating
	DateText string
	text     []byte // the JSON string, or nil
	reasons  []byte // the JSON array, or nil
	// NPSGroup is promoter, passive, detractor or "" (no NPS): the
	// analysis's group (its signals configuration), else the standard
	// cut-offs on the nps field (9–10, 7–8, 0–6).
	NPSGroup string
	// CSAT and CES are the ratings (models.ParseRating); CSATSatisfied
	// says the analysis put the CSAT in its satisfied group.
	CSAT, CES     models.Rating
	CSATSatisfied bool
	// Label is the comment's sentiment label, "" when it was not scored
	// (no text).
	Label string
	// Themed: at least one theme of the taxonomy matched.
	Themed bool
	// Flags are the record's flags (no_content, churn, ...), nil when it
	// has none.
	Flags []string
}

// Text is the comment's text.
func (it Item) Text() string {
	s, _ := jsontext.Unquote(it.text)
	return s
}

// Reasons are the reasons of the comment's priority.
func (it Item) Reasons() []string {
	var out []string
	if len(it.reasons) > 0 {
		stringArray(it.reasons, &out)
	}
	return out
}

// ParseItem reads one line of stimmung analyze's JSON output, and the
// values of the named columns (for breakdowns by any column). A reader of
// many lines uses a Parser.
func ParseItem(line []byte, columns ...string) (Item, error) {
	return NewParser(columns...).Parse(line)
}

// internLimit bounds a Parser's cache of values, so that a file of ever
// new values costs allocations, not memory.
const internLimit = 4096

// Parser reads analysed records. It scans each line once with jsontext,
// taking the members a report needs and passing over the rest (sentences,
// matches, explanations), and keeps one copy of the short values that
// repeat from record to record (languages, labels, themes, touchpoints,
// dates): a report over a million records is bound by Parse. A Parser is
// not safe for concurrent use.
type Parser struct {
	// Encoded says the lines are records as this stimmung's package encode
	// wrote them (an index's stored records): their keys come in a fixed
	// order, all that a report reads before the sentences, which Parse then
	// skips unread. Lines from files are not: an analyst may have edited
	// them, and a broken line must be named.
	Encoded bool
	columns []string
	intern  map[string]string
	// themes and labels are the buffers of Item.Themes and ThemeLabels,
	// flags of Item.Flags.
	themes, labels, flags []string
}

// NewParser returns a Parser that also reads the named input columns
// (Item.Columns).
func NewParser(columns ...string) *Parser {
	return &Parser{columns: columns, intern: map[string]string{}}
}

// str is the content of the JSON string v, from the cache when it is
// there; ok is false when v is no string.
func (p *Parser) str(v []byte) (string, bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if s, ok := p.intern[string(inner)]; ok {
		return s, true
	}
	s, ok := jsontext.Unquote(v)
	if ok && len(p.intern) < internLimit && len(s) <= 64 {
		p.intern[string(inner)] = s
	}
	return s, ok
}

// Parse reads one line of stimmung analyze's JSON output.
func (p *Parser) Parse(line []byte) (Item, error) {
	columns := p.columns
	var (
		it               Item
		nps, csat, ces   []byte
		csatGroup        string
		typeErr          error
		label, themesRaw []byte
		flagsRaw         []byte
	)
	str := func(name string, v []byte) string {
		s, ok := p.strOrNull(v)
		if !ok && typeErr == nil {
			typeErr = fmt.Errorf("%q is %s, not a string", name, kindOf(v))
		}
		return s
	}
	stop := ""
	if p.Encoded {
		stop = `"` + encode.SentencesKey + `"`
	}
	end, ok := jsontext.FieldsBefore(line, 0, 0, stop, func(key, v []byte) bool {
		k := key[1 : len(key)-1]
		if bytes.IndexByte(k, '\\') >= 0 {
			s, _ := jsontext.Unquote(key)
			k = []byte(s)
		}
		switch string(k) {
		case "id":
			it.ID = scalar(v)
		case "date":
			it.DateText = p.scalar(v)
		case "touchpoint":
			it.Touchpoint = p.scalar(v)
		case "lang":
			it.Lang = str("lang", v)
		case "error":
			it.Failed = string(v) != "null"
		case "nps":
			nps = v
		case "csat":
			csat = v
		case "ces":
			ces = v
		case "nps_group":
			it.NPSGroup = str("nps_group", v)
		case "csat_group":
			csatGroup = str("csat_group", v)
		case "sentiment":
			label = v
		case "themes":
			themesRaw = v
		case "flags":
			flagsRaw = v
		case "text":
			it.text = nil
			if string(v) != "null" {
				if v[0] != '"' && typeErr == nil {
					typeErr = fmt.Errorf("\"text\" is %s, not a string", kindOf(v))
				}
				it.text = v
			}
		case "priority":
			if string(v) != "null" {
				p, err := strconv.Atoi(string(v))
				if err != nil && typeErr == nil {
					typeErr = fmt.Errorf("\"priority\" is %s, not a whole number", kindOf(v))
				}
				it.Priority = p
			}
		case "priority_reasons":
			it.reasons = nil
			if string(v) != "null" {
				if !allStrings(v) && typeErr == nil {
					typeErr = fmt.Errorf("\"priority_reasons\" is %s, not an array of strings", kindOf(v))
				}
				it.reasons = v
			}
		}
		if len(columns) > 0 {
			for _, c := range columns {
				if c == string(k) {
					if it.Columns == nil {
						it.Columns = make(map[string]string, len(columns))
					}
					it.Columns[c] = scalar(v)
				}
			}
		}
		return true
	})
	if !ok || !p.Encoded && jsontext.SkipWS(line, end) != len(line) {
		return Item{}, fmt.Errorf("not an analysed record: %s", invalidMessage(line))
	}
	if typeErr != nil {
		return Item{}, fmt.Errorf("not an analysed record: %v", typeErr)
	}
	if len(label) > 0 && string(label) != "null" {
		if !p.sentimentLabel(label, &it.Label) {
			return Item{}, fmt.Errorf("not an analysed record: \"sentiment\" is %s, not an object with a label", kindOf(label))
		}
	}
	if len(themesRaw) > 0 && string(themesRaw) != "null" {
		it.Themes, it.ThemeLabels = p.themes[:0], p.labels[:0]
		ok := p.readThemes(themesRaw, &it)
		p.themes, p.labels = it.Themes, it.ThemeLabels
		if len(it.Themes) == 0 {
			it.Themes, it.ThemeLabels = nil, nil
		}
		if !ok {
			return Item{}, fmt.Errorf("not an analysed record: \"themes\" is no array of themes with a path")
		}
	}
	if len(flagsRaw) > 0 && string(flagsRaw) != "null" {
		it.Flags = p.flags[:0]
		ok := p.readFlags(flagsRaw, &it)
		p.flags = it.Flags
		if len(it.Flags) == 0 {
			it.Flags = nil
		}
		if !ok {
			return Item{}, fmt.Errorf("not an analysed record: \"flags\" is %s, not an array of strings", kindOf(flagsRaw))
		}
	}
	it.Date, it.HasDate = models.ParseDate(it.DateText)
	it.NPS = models.ParseRating(nps)
	if it.NPSGroup == "" {
		if r := it.NPS; r.Valid && r.Value >= 0 && r.Value <= 10 {
			it.NPSGroup = npsGroup(r.Value)
		}
	}
	it.CSAT, it.CES = models.ParseRating(csat), models.ParseRating(ces)
	it.CSATSatisfied = csatGroup == "satisfied"
	it.Themed = len(it.Themes) > 0
	return it, nil
}

// strOrNull is str, with null as "".
func (p *Parser) strOrNull(v []byte) (string, bool) {
	if string(v) == "null" {
		return "", true
	}
	return p.str(v)
}

// allStrings reports whether v is an array of strings.
func allStrings(v []byte) bool {
	good := true
	_, ok := jsontext.Elements(v, 0, 1, func(e []byte) bool {
		good = e[0] == '"'
		return good
	})
	return ok && good
}

// stringArray appends the strings of a JSON array of strings.
func stringArray(v []byte, dst *[]string) bool {
	good := true
	_, ok := jsontext.Elements(v, 0, 1, func(e []byte) bool {
		s, ok := jsontext.Unquote(e)
		if !ok {
			good = false
			return false
		}
		*dst = append(*dst, s)
		return true
	})
	return ok && good
}

// sentimentLabel reads the label of the sentiment object.
func (p *Parser) sentimentLabel(v []byte, label *string) bool {
	good := true
	_, ok := jsontext.Fields(v, 0, 1, func(key, val []byte) bool {
		if string(key) == `"label"` {
			*label, good = p.strOrNull(val)
		}
		return good
	})
	return ok && good
}

// readThemes reads the path and label of each theme.
func (p *Parser) readThemes(v []byte, it *Item) bool {
	good := true
	_, ok := jsontext.Elements(v, 0, 1, func(e []byte) bool {
		var path, label string
		_, ok := jsontext.Fields(e, 0, 2, func(key, val []byte) bool {
			switch string(key) {
			case `"path"`:
				path, good = p.strOrNull(val)
			case `"label"`:
				label, good = p.strOrNull(val)
			}
			return good
		})
		if !ok || !good || path == "" {
			good = false
			return false
		}
		it.Themes = append(it.Themes, path)
		it.ThemeLabels = append(it.ThemeLabels, label)
		return true
	})
	return ok && good
}

// readFlags reads the flags, each from the cache.
func (p *Parser) readFlags(v []byte, it *Item) bool {
	good := true
	_, ok := jsontext.Elements(v, 0, 1, func(e []byte) bool {
		var f string
		f, good = p.str(e)
		if !good {
			return false
		}
		it.Flags = append(it.Flags, f)
		return true
	})
	return ok && good
}

// invalidMessage says why a line the scanner refused is no JSON object:
// encoding/json (slow, but only on this path) words the syntax error.
func invalidMessage(line []byte) string {
	var raw json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return err.Error()
	}
	return "the line is " + kindOf(raw) + ", not a JSON object"
}

// kindOf names the JSON type of a valid value, for messages.
func kindOf(v []byte) string {
	i := jsontext.SkipWS(v, 0)
	if i >= len(v) {
		return "empty"
	}
	switch c := v[i]; {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return "a number"
}

// scalar is scalar(raw), with the string from the cache.
func (p *Parser) scalar(raw []byte) string {
	if len(raw) > 0 && raw[0] == '"' {
		s, _ := p.str(raw)
		return strings.TrimSpace(s)
	}
	return scalar(raw)
}

// scalar is a JSON string's text, trimmed, or a number's; "" otherwise.
func scalar(raw []byte) string { return strings.TrimSpace(jsontext.Scalar(raw)) }

// npsGroup is the standard NPS grouping, for records the signals stage
// did not group.
func npsGroup(v float64) string {
	switch {
	case v >= 9:
		return "promoter"
	case v >= 7:
		return "passive"
	}
	return "detractor"
}
