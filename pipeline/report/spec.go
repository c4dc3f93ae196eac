package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/stimmung/stimmung/models"
)

// Spec is a report as a user asks for it, in words: the flags of stimmung
// report, the parameters of the server's /v1/report. Tally turns it into
// what to count.
type Spec struct {
	// Since and Until are days (2024-03-01, 01.03.2024); either may be "".
	Since, Until string
	Touchpoints  []string
	Langs        []string
	Themes       []string
	// Labels are sentiment labels (negative, ...), NPS groups (promoter,
	// passive, detractor), Flags flags (no_content, churn, ...).
	Labels, NPS, Flags []string
	// Where holds COLUMN=VALUE conditions on input columns.
	Where []string
	// By names the breakdowns; Compare the baseline (previous, year or
	// FROM..TO; "" for none) and WaterfallBy its segments.
	By          []string
	Compare     string
	WaterfallBy string
	QueueSize   int
}

// SpecError is a Spec that cannot be reported: Name is the setting at
// fault, Text says what is wrong. Its message names settings as they are
// written on the command line (--since); Message names them otherwise.
type SpecError struct {
	Name, Text string
}

func (e *SpecError) Error() string { return e.Message(func(n string) string { return "--" + n }) }

// Message is the error with each setting named by name (the text refers to
// settings as {since}).
func (e *SpecError) Message(name func(string) string) string {
	r := strings.NewReplacer("{since}", name("since"), "{until}", name("until"), "{compare}", name("compare"), "{where}", name("where"), "{nps}", name("nps"))
	return r.Replace(e.Text)
}

// Filter is the spec's selection of records.
func (s Spec) Filter() (Filter, error) {
	var f Filter
	for _, d := range []struct {
		name, v string
		dst     *time.Time
	}{{"since", s.Since, &f.Since}, {"until", s.Until, &f.Until}} {
		if d.v == "" {
			continue
		}
		t, ok := models.ParseDate(d.v)
		if !ok {
			return f, &SpecError{d.name, fmt.Sprintf("{%s} %q: want a date such as 2024-03-01 or 01.03.2024", d.name, d.v)}
		}
		*d.dst = t
	}
	f.Touchpoints, f.Langs, f.Themes = s.Touchpoints, s.Langs, s.Themes
	f.Labels, f.Flags = keywords(s.Labels), keywords(s.Flags)
	for i, g := range keywords(s.NPS) {
		if g != "promoter" && g != "passive" && g != "detractor" {
			return f, &SpecError{"nps", fmt.Sprintf("{nps} %q: want an NPS group: promoter, passive or detractor", s.NPS[i])}
		}
		f.NPSGroups = append(f.NPSGroups, g)
	}
	for _, w := range s.Where {
		col, val, ok := strings.Cut(w, "=")
		if !ok || strings.TrimSpace(col) == "" {
			return f, &SpecError{"where", fmt.Sprintf("{where} %q: want COLUMN=VALUE", w)}
		}
		if f.Where == nil {
			f.Where = map[string][]string{}
		}
		col = strings.TrimSpace(col)
		f.Where[col] = append(f.Where[col], strings.TrimSpace(val))
	}
	return f, nil
}

// keywords are the values lower-cased and trimmed, as the index keeps
// them; nil for none.
func keywords(vs []string) []string {
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.ToLower(strings.TrimSpace(v))
	}
	return out
}

// Tally starts the tally of the spec: its filter, breakdowns, queue and
// comparison. With Compare the report's period is Since..Until and the
// baseline the period before it (previous), a year before it (year) or
// FROM..TO.
func (s Spec) Tally() (*Tally, error) {
	f, err := s.Filter()
	if err != nil {
		return nil, err
	}
	t := NewTally(f, s.By, s.QueueSize)
	if s.Compare == "" {
		return t, nil
	}
	if f.Since.IsZero() || f.Until.IsZero() {
		return nil, &SpecError{"compare", "{compare} needs the period to report: {since} and {until}"}
	}
	if f.Until.Before(f.Since) {
		return nil, &SpecError{"until", "{until} is before {since}"}
	}
	tf := f
	switch s.Compare {
	case "previous":
		days := int(f.Until.Sub(f.Since).Hours()/24) + 1
		tf.Until = f.Since.AddDate(0, 0, -1)
		tf.Since = f.Since.AddDate(0, 0, -days)
	case "year":
		tf.Since, tf.Until = f.Since.AddDate(-1, 0, 0), f.Until.AddDate(-1, 0, 0)
	default:
		from, to, ok := strings.Cut(s.Compare, "..")
		a, okA := models.ParseDate(from)
		b, okB := models.ParseDate(to)
		if !ok || !okA || !okB || b.Before(a) {
			return nil, &SpecError{"compare", fmt.Sprintf("{compare} %q: want previous, year or FROM..TO (2024-01-01..2024-01-31)", s.Compare)}
		}
		tf.Since, tf.Until = a, b
	}
	by := s.WaterfallBy
	if by == "" {
		by = ByTouchpoint
	}
	t.Compare(tf, by)
	return t, nil
}
