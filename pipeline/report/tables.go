package report

import (
	"fmt"
	"strconv"
	"strings"
)

// Table is one table of the report, the same for every tabular format
// (Markdown, CSV, XLSX): a name, a header and rows of cells.
type Table struct {
	Name   string
	Header []string
	Rows   [][]string
}

func figureCells(f Figure) []string {
	if f.Value == nil {
		return []string{"", "", "", strconv.Itoa(f.N)}
	}
	return []string{num4(*f.Value), num4(f.Interval.Low), num4(f.Interval.High), strconv.Itoa(f.N)}
}

func num4(v float64) string { return strconv.FormatFloat(round4(v), 'f', -1, 64) }

func optNum(v *float64) string {
	if v == nil {
		return ""
	}
	return num4(*v)
}

// Tables lays the report out as tables: the KPIs, the theme impact, each
// breakdown, the change against the baseline, and the follow-up queue.
func (d Document) Tables() []Table {
	kpis := Table{Name: "KPIs", Header: []string{"figure", "value", "low", "high", "n"}}
	for _, f := range []struct {
		name string
		f    Figure
	}{{"NPS", d.NPS}, {"CSAT satisfied %", d.CSATSatisfied}, {"CSAT mean", d.CSATMean}, {"CES mean", d.CESMean},
		{"positive %", d.Positive}, {"negative %", d.Negative}, {"neutral %", d.Neutral}, {"mixed %", d.Mixed},
		{"net sentiment", d.NetSentiment}, {"coverage %", d.Coverage}} {
		kpis.Rows = append(kpis.Rows, append([]string{f.name}, figureCells(f.f)...))
	}
	kpis.Rows = append(kpis.Rows, []string{"promoters", strconv.Itoa(d.Promoters)}, []string{"passives", strconv.Itoa(d.Passives)},
		[]string{"detractors", strconv.Itoa(d.Detractors)}, []string{"records", strconv.Itoa(d.Records)}, []string{"failed", strconv.Itoa(d.Failed)})
	out := []Table{kpis}
	impact := Table{Name: "Theme impact", Header: []string{"theme", "n", "NPS impact", "low", "high", "negative mentions", "positive mentions", "net sentiment impact", "CSAT satisfied impact"}}
	for _, t := range d.ThemeImpact {
		c := figureCells(t.NPS)
		impact.Rows = append(impact.Rows, []string{t.Theme, strconv.Itoa(t.N), c[0], c[1], c[2], optNum(t.NPSNegative.Value), optNum(t.NPSPositive.Value),
			optNum(t.NetSentiment.Value), optNum(t.CSAT.Value)})
	}
	out = append(out, impact)
	for _, b := range d.Breakdowns {
		t := Table{Name: "By " + b.By, Header: []string{b.By, "n", "share %", "NPS", "net sentiment", "negative %", "examples"}}
		for _, s := range b.Segments {
			t.Rows = append(t.Rows, []string{s.Key, strconv.Itoa(s.N), num4(s.Share), optNum(s.NPS.Value), optNum(s.NetSentiment.Value),
				optNum(s.Negative.Value), strings.Join(s.Examples(), " ")})
		}
		out = append(out, t)
	}
	if c := d.Change; c != nil {
		k := Table{Name: "Change", Header: []string{"figure", "then", "now", "change"}}
		for _, f := range c.KPIs {
			k.Rows = append(k.Rows, []string{f.Name, optNum(f.Then), optNum(f.Now), optNum(f.Change)})
		}
		wf := Table{Name: "Waterfall", Header: []string{"segment", "volume effect", "score effect"}}
		for _, s := range c.Waterfall {
			wf.Rows = append(wf.Rows, []string{s.Segment, num4(s.Volume), num4(s.Score)})
		}
		th := Table{Name: "Theme changes", Header: []string{"theme", "then", "now", "share then %", "share now %", "p", "significant"}}
		for _, t := range c.Themes {
			th.Rows = append(th.Rows, []string{t.Theme, strconv.Itoa(t.Then), strconv.Itoa(t.Now), num4(t.ShareThen), num4(t.ShareNow), num4(t.P), strconv.FormatBool(t.Significant)})
		}
		sp := Table{Name: "Spikes", Header: []string{"theme", "comments", "expected", "p"}}
		for _, s := range c.Spikes {
			sp.Rows = append(sp.Rows, []string{s.Theme, strconv.Itoa(s.Count), num4(s.Expected), fmt.Sprintf("%.3g", s.P)})
		}
		out = append(out, k, wf, th, sp)
	}
	return append(out, QueueTable(d.Queue))
}

// QueueTable is the follow-up queue as a table, with the empty owner and
// status columns a ticket system fills, and the note and time of a mark
// set in the web page (stimmung serve).
func QueueTable(queue []QueueEntry) Table {
	q := Table{Name: "Follow-up queue", Header: []string{"priority", "id", "date", "touchpoint", "nps", "csat", "ces", "excerpt", "reasons", "owner", "status", "note", "updated"}}
	for _, e := range queue {
		q.Rows = append(q.Rows, []string{strconv.Itoa(e.Priority), e.ID, e.Date, e.Touchpoint, optNum(e.NPS), optNum(e.CSAT), optNum(e.CES),
			e.Excerpt, strings.Join(e.Reasons, "; "), e.Owner, e.Status, e.Note, e.Updated})
	}
	return q
}

// TableNames are the names of the tables Tables gives for a report with
// these breakdowns (--by), with or without a comparison: known before any
// data is read, so that a wrong --table is refused at once.
func TableNames(by []string, compare bool) []string {
	var d Document
	for _, b := range by {
		d.Breakdowns = append(d.Breakdowns, BreakdownFigures{By: b})
	}
	if compare {
		d.Change = &Change{}
	}
	var names []string
	for _, t := range d.Tables() {
		names = append(names, t.Name)
	}
	return names
}

// mdCell escapes a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

// Markdown writes the tables as GitHub-flavoured Markdown.
func Markdown(ts []Table) string {
	var b strings.Builder
	b.WriteString("# Customer feedback report\n")
	for _, t := range ts {
		fmt.Fprintf(&b, "\n## %s\n\n", t.Name)
		b.WriteString(MarkdownTable(t))
	}
	return b.String()
}

// MarkdownTable writes one table as a GitHub-flavoured Markdown table
// ("(none)" when it has no rows).
func MarkdownTable(t Table) string {
	if len(t.Rows) == 0 {
		return "(none)\n"
	}
	var b strings.Builder
	b.WriteString("| " + strings.Join(t.Header, " | ") + " |\n|")
	for range t.Header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		cells := make([]string, len(t.Header))
		for i := range cells {
			if i < len(r) {
				cells[i] = mdCell(r[i])
			}
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}
