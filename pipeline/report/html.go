package report

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strings"
)

// HTMLOptions title the HTML report.
type HTMLOptions struct {
	Title string
	// Generated says when and from what the report was made (shown small).
	Generated string
}

// WriteHTML writes the report as one self-contained HTML file: no script,
// no network, the charts as inline SVG. It shows the KPI tiles, the NPS
// trend with its interval band (from a month, week, quarter or day
// breakdown), the themes by volume coloured by their share of negative
// comments, the themes' impact on the NPS with intervals, the change
// waterfall when there is a comparison, and the follow-up queue. Every
// tile, bar and point links to the last section, "Comments behind the
// figures": per figure its count and the ids behind it (the first MaxIDs).
func WriteHTML(w io.Writer, d Document, o HTMLOptions) error {
	if o.Title == "" {
		o.Title = "Customer feedback report"
	}
	data := htmlData{D: d, O: o}
	tr := &tracer{}
	k := d.IDs
	data.Ref = map[string]string{
		"nps":      tr.add("Headline figures", "kpi-nps", "NPS", part("promoters", k.Promoters), part("passives", k.Passives), part("detractors", k.Detractors)),
		"csat":     tr.add("Headline figures", "kpi-csat", "CSAT satisfied", part("satisfied", k.CSATSatisfied)),
		"net":      tr.add("Headline figures", "kpi-net-sentiment", "Net sentiment", part("positive", k.Positive), part("negative", k.Negative)),
		"negative": tr.add("Headline figures", "kpi-negative", "Negative comments", part("negative", k.Negative)),
		"coverage": tr.add("Headline figures", "kpi-coverage", "With a theme", part("with a theme", k.Themed)),
	}
	for _, b := range d.Breakdowns {
		switch b.By {
		case ByMonth, ByWeek, ByQuarter, ByDay:
			if data.Trend == "" {
				data.Trend = trendSVG(b, tr)
			}
		}
	}
	for _, b := range d.Breakdowns {
		if b.By == ByTheme && data.Themes == "" {
			data.Themes = themeBarsSVG(b, tr)
		}
	}
	data.Impact = impactSVG(d.ThemeImpact, tr)
	if d.Change != nil {
		data.Waterfall = waterfallSVG(d.Change.Waterfall, data.Ref["nps"], tr)
		for i, sp := range d.Change.Spikes {
			data.SpikeRefs = append(data.SpikeRefs, tr.add("Spikes (this period)", fmt.Sprintf("spike-%d", i), sp.Theme, part("comments", sp.IDs)))
		}
	}
	data.Traces = tr.sections
	return htmlPage.Execute(w, data)
}

type htmlData struct {
	D                                Document
	O                                HTMLOptions
	Trend, Themes, Impact, Waterfall template.HTML
	// Ref holds the links of the KPI tiles, SpikeRefs those of the
	// spikes; Traces the sections of "Comments behind the figures".
	Ref       map[string]string
	SpikeRefs []string
	Traces    []traceSection
}

// tracer collects the figures the page links to, with the ids behind
// each, for its last section.
type tracer struct {
	sections []traceSection
}

type traceSection struct {
	Title  string
	Groups []traceGroup
}

// traceGroup is one figure: its anchor, its name, and the counts behind it.
type traceGroup struct {
	Anchor, Label string
	Parts         []tracePart
}

type tracePart struct {
	Name string
	IDs  IDs
}

func part(name string, ids IDs) tracePart { return tracePart{name, ids} }

// add lists a figure under section and returns the link to it; anchor
// must be unique on the page (it is made of a kind and an index).
func (t *tracer) add(section, anchor, label string, parts ...tracePart) string {
	if n := len(t.sections); n == 0 || t.sections[n-1].Title != section {
		t.sections = append(t.sections, traceSection{Title: section})
	}
	s := &t.sections[len(t.sections)-1]
	s.Groups = append(s.Groups, traceGroup{Anchor: "ids-" + anchor, Label: label, Parts: parts})
	return "#ids-" + anchor
}

// Colours: negative, neutral, positive, ink, grid.
const (
	colNeg  = "#c0392b"
	colPos  = "#1e8449"
	colNeu  = "#7f8c8d"
	colInk  = "#222"
	colGrid = "#ddd"
	colBand = "#aed6f1"
	colLine = "#1f618d"
)

func esc(s string) string { return template.HTMLEscapeString(s) }

// trendSVG draws the NPS per period with its 95% band; periods below the
// minimum n are left out of the line.
func trendSVG(b BreakdownFigures, tr *tracer) template.HTML {
	var pts []SegmentFigures
	for _, s := range b.Segments {
		if s.Key != NoValue {
			pts = append(pts, s)
		}
	}
	if len(pts) == 0 {
		return ""
	}
	// Periods in time order (their keys sort so).
	slices.SortFunc(pts, func(a, b SegmentFigures) int { return strings.Compare(a.Key, b.Key) })
	const W, H, L, T, B = 720.0, 220.0, 40.0, 10.0, 30.0
	x := func(i int) float64 {
		if len(pts) == 1 {
			return L + (W-L)/2
		}
		return L + 10 + float64(i)*(W-L-60)/float64(len(pts)-1)
	}
	y := func(v float64) float64 { return T + (100-v)/200*(H-T-B) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg viewBox="0 0 %g %g" role="img" aria-label="NPS by %s">`, W, H, esc(b.By))
	for _, v := range []float64{-100, -50, 0, 50, 100} {
		fmt.Fprintf(&sb, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/><text x="%g" y="%.1f" font-size="10" text-anchor="end" fill="%s">%+.0f</text>`,
			L, W, y(v), y(v), colGrid, L-4, y(v)+3, colNeu, v)
	}
	var band, line []string
	for i, p := range pts {
		if p.NPS.Value == nil {
			continue
		}
		band = append(band, fmt.Sprintf("%.1f,%.1f", x(i), y(p.NPS.Interval.High)))
		line = append(line, fmt.Sprintf("%.1f,%.1f", x(i), y(*p.NPS.Value)))
	}
	for i := len(pts) - 1; i >= 0; i-- {
		if p := pts[i]; p.NPS.Value != nil {
			band = append(band, fmt.Sprintf("%.1f,%.1f", x(i), y(p.NPS.Interval.Low)))
		}
	}
	if len(line) > 0 {
		fmt.Fprintf(&sb, `<polygon points="%s" fill="%s" opacity="0.6"/>`, strings.Join(band, " "), colBand)
		fmt.Fprintf(&sb, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(line, " "), colLine)
	}
	for i, p := range pts {
		href := tr.add("NPS over time (by "+b.By+")", fmt.Sprintf("trend-%d", i), p.Key,
			part("comments", p.IDs.Comments), part("detractors", p.IDs.Detractors))
		fmt.Fprintf(&sb, `<a href="%s">`, href)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="10" text-anchor="middle" fill="%s">%s</text>`, x(i), H-12, colInk, esc(p.Key))
		if p.NPS.Value != nil {
			fmt.Fprintf(&sb, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: NPS %+.1f [%+.1f, %+.1f], n %d</title></circle>`,
				x(i), y(*p.NPS.Value), colLine, esc(p.Key), *p.NPS.Value, p.NPS.Interval.Low, p.NPS.Interval.High, p.N)
		} else {
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="9" text-anchor="middle" fill="%s">n %d</text>`, x(i), y(0), colNeu, p.N)
		}
		sb.WriteString(`</a>`)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// themeBarsSVG draws the themes by volume (top level and children),
// each bar split into its negative share (red) and the rest.
func themeBarsSVG(b BreakdownFigures, tr *tracer) template.HTML {
	var segs []SegmentFigures
	for _, s := range b.Segments {
		if s.Key != NoValue {
			segs = append(segs, s)
		}
	}
	if len(segs) > 15 {
		segs = segs[:15]
	}
	if len(segs) == 0 {
		return ""
	}
	maxN := segs[0].N
	const W, row, L = 720.0, 22.0, 200.0
	H := row*float64(len(segs)) + 10
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg viewBox="0 0 %g %g" role="img" aria-label="themes by volume">`, W, H)
	for i, s := range segs {
		yy := 5 + float64(i)*row
		full := (W - L - 60) * float64(s.N) / float64(max(maxN, 1))
		neg := 0.0
		if s.Negative.Value != nil {
			neg = full * *s.Negative.Value / 100
		}
		href := tr.add("Themes by volume", fmt.Sprintf("theme-%d", i), s.Key, part("comments", s.IDs.Comments), part("negative", s.IDs.Negative))
		fmt.Fprintf(&sb, `<a href="%s">`, href)
		fmt.Fprintf(&sb, `<text x="%g" y="%.1f" font-size="12" text-anchor="end" fill="%s">%s</text>`, L-8, yy+14, colInk, esc(s.Key))
		fmt.Fprintf(&sb, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s: %d comments</title></rect>`, L, yy+3, full, row-6, colNeu, esc(s.Key), s.N)
		if neg > 0 {
			fmt.Fprintf(&sb, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s"><title>negative %.0f %%</title></rect>`, L, yy+3, neg, row-6, colNeg, *s.Negative.Value)
		}
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="11" fill="%s">%d</text>`, L+full+6, yy+14, colInk, s.N)
		sb.WriteString(`</a>`)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// impactSVG draws each theme's NPS impact as a bar from 0 with its
// interval, the most dragging first; themes below the minimum n are left out.
func impactSVG(im []ThemeImpact, tr *tracer) template.HTML {
	var rows []ThemeImpact
	for _, t := range im {
		if t.NPS.Value != nil {
			rows = append(rows, t)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	if len(rows) > 15 {
		rows = append(rows[:8:8], rows[len(rows)-7:]...)
	}
	span := 1.0
	for _, t := range rows {
		span = math.Max(span, math.Max(math.Abs(t.NPS.Interval.Low), math.Abs(t.NPS.Interval.High)))
	}
	const W, row, L = 720.0, 22.0, 200.0
	mid := L + (W-L)/2
	scale := (W - L - 20) / 2 / span
	H := row*float64(len(rows)) + 10
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg viewBox="0 0 %g %g" role="img" aria-label="theme impact on NPS">`, W, H)
	fmt.Fprintf(&sb, `<line x1="%g" x2="%g" y1="0" y2="%g" stroke="%s"/>`, mid, mid, H, colInk)
	for i, t := range rows {
		yy := 5 + float64(i)*row
		v := *t.NPS.Value
		col := colPos
		if v < 0 {
			col = colNeg
		}
		x0, x1 := mid, mid+v*scale
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		href := tr.add("Theme impact on NPS", fmt.Sprintf("impact-%d", i), t.Theme, part("comments", t.IDs.Comments),
			part("negative mention", t.IDs.Negative), part("positive mention", t.IDs.Positive))
		fmt.Fprintf(&sb, `<a href="%s">`, href)
		fmt.Fprintf(&sb, `<text x="%g" y="%.1f" font-size="12" text-anchor="end" fill="%s">%s</text>`, L-8, yy+14, colInk, esc(t.Theme))
		fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s: %+.1f points [%+.1f, %+.1f], n %d</title></rect>`,
			x0, yy+4, math.Max(x1-x0, 1), row-8, col, esc(t.Theme), v, t.NPS.Interval.Low, t.NPS.Interval.High, t.N)
		lo, hi := mid+t.NPS.Interval.Low*scale, mid+t.NPS.Interval.High*scale
		fmt.Fprintf(&sb, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, lo, hi, yy+row/2, yy+row/2, colInk)
		sb.WriteString(`</a>`)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// waterfallSVG draws the NPS change step by step: each segment's volume
// and score effect, ending at the total change. A segment's bars link to
// its comments of this period, the total to the NPS's (total).
func waterfallSVG(steps []WaterfallStep, total string, tr *tracer) template.HTML {
	if len(steps) == 0 {
		return ""
	}
	type bar struct {
		label, href string
		from, to    float64
	}
	var bars []bar
	acc := 0.0
	for i, s := range steps {
		href := ""
		for _, e := range []struct {
			what string
			v    float64
		}{{"volume", s.Volume}, {"score", s.Score}} {
			if e.v == 0 {
				continue
			}
			if href == "" {
				href = tr.add("NPS change by segment (this period)", fmt.Sprintf("waterfall-%d", i), s.Segment, part("comments", s.IDs))
			}
			bars = append(bars, bar{s.Segment + " " + e.what, href, acc, acc + e.v})
			acc += e.v
		}
	}
	bars = append(bars, bar{"total change", total, 0, acc})
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		lo, hi = math.Min(lo, math.Min(b.from, b.to)), math.Max(hi, math.Max(b.from, b.to))
	}
	if hi-lo < 1 {
		hi = lo + 1
	}
	const W, H, B, T = 720.0, 240.0, 70.0, 10.0
	bw := (W - 40) / float64(len(bars))
	y := func(v float64) float64 { return T + (hi-v)/(hi-lo)*(H-T-B) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg viewBox="0 0 %g %g" role="img" aria-label="NPS change waterfall">`, W, H)
	fmt.Fprintf(&sb, `<line x1="20" x2="%g" y1="%.1f" y2="%.1f" stroke="%s"/>`, W-20, y(0), y(0), colInk)
	for i, b := range bars {
		x := 20 + float64(i)*bw
		top, bot := math.Max(b.from, b.to), math.Min(b.from, b.to)
		col := colPos
		if b.to < b.from {
			col = colNeg
		}
		if i == len(bars)-1 {
			col = colLine
		}
		fmt.Fprintf(&sb, `<a href="%s"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %+.1f</title></rect>`,
			b.href, x+2, y(top), bw-4, math.Max(y(bot)-y(top), 1), col, esc(b.label), b.to-b.from)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="9" text-anchor="end" transform="rotate(-40 %.1f %g)" fill="%s">%s</text></a>`,
			x+bw/2, H-B+14, x+bw/2, H-B+14, colInk, esc(b.label))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"fig": func(f Figure, unit string, signed bool) string {
		if f.Value == nil {
			return "–"
		}
		if signed {
			return fmt.Sprintf("%+.1f%s", *f.Value, unit)
		}
		return fmt.Sprintf("%.1f%s", *f.Value, unit)
	},
	"iv": func(f Figure) string {
		if f.Interval == nil {
			if f.N == 0 {
				return "no data"
			}
			return fmt.Sprintf("n %d: too few to show", f.N)
		}
		return fmt.Sprintf("95%%: %.1f to %.1f · n %d", f.Interval.Low, f.Interval.High, f.N)
	},
	"num": func(v *float64) string {
		if v == nil {
			return ""
		}
		return fmt.Sprint(*v)
	},
	"join":   strings.Join,
	"maxIDs": func() int { return MaxIDs },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.O.Title}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#f6f7f9}
main{max-width:800px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:17px;margin:32px 0 8px}
.sub{color:#666;font-size:13px;margin-bottom:20px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.tile{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.tile .k{font-size:12px;color:#666;text-transform:uppercase;letter-spacing:.04em}
.tile .v{font-size:28px;font-weight:600;margin:4px 0}
.tile .i{font-size:12px;color:#666}
.tile.low .v{color:#aaa}
section{background:#fff;border-radius:8px;padding:8px 16px 16px;margin-top:16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #eee;vertical-align:top}
th{color:#666;font-weight:600} td.n{text-align:right;white-space:nowrap}
.note{font-size:12px;color:#666;margin-top:8px}
a.tile{display:block;color:inherit;text-decoration:none}
a.tile:hover{box-shadow:0 1px 4px rgba(0,0,0,.25)}
svg a:hover rect,svg a:hover circle{opacity:.8}
td a{color:inherit}
h3{font-size:14px;margin:18px 0 4px;color:#444}
table.ids{font-size:12px;table-layout:fixed}
table.ids th,table.ids td{border-bottom:none;padding:3px 6px}
table.ids tbody{border-top:1px solid #eee;scroll-margin-top:16px}
table.ids th{color:#222;width:170px;overflow-wrap:anywhere}
table.ids td.part{width:120px;color:#666}
table.ids td.n{width:44px}
table.ids tbody:target td,table.ids tbody:target th{background:#fff4cc}
.idl code{font-size:11px;background:#f0f2f5;border-radius:3px;padding:0 3px;margin:0 3px 2px 0;display:inline-block}
.cap{color:#666}
</style></head><body><main>
<h1>{{.O.Title}}</h1>
<div class="sub">{{.D.Records}} comments ({{.D.Failed}} failed){{if .O.Generated}} · {{.O.Generated}}{{end}}</div>
<div class="tiles">
<a class="tile{{if not .D.NPS.Value}} low{{end}}" href="{{index .Ref "nps"}}"><div class="k">NPS</div><div class="v">{{fig .D.NPS "" true}}</div><div class="i">{{iv .D.NPS}}</div></a>
<a class="tile{{if not .D.CSATSatisfied.Value}} low{{end}}" href="{{index .Ref "csat"}}"><div class="k">CSAT satisfied</div><div class="v">{{fig .D.CSATSatisfied " %" false}}</div><div class="i">{{iv .D.CSATSatisfied}}</div></a>
<a class="tile{{if not .D.NetSentiment.Value}} low{{end}}" href="{{index .Ref "net"}}"><div class="k">Net sentiment</div><div class="v">{{fig .D.NetSentiment "" true}}</div><div class="i">{{iv .D.NetSentiment}}</div></a>
<a class="tile{{if not .D.Negative.Value}} low{{end}}" href="{{index .Ref "negative"}}"><div class="k">Negative comments</div><div class="v">{{fig .D.Negative " %" false}}</div><div class="i">{{iv .D.Negative}}</div></a>
<a class="tile{{if not .D.Coverage.Value}} low{{end}}" href="{{index .Ref "coverage"}}"><div class="k">With a theme</div><div class="v">{{fig .D.Coverage " %" false}}</div><div class="i">{{iv .D.Coverage}}</div></a>
</div>
<p class="note">NPS from {{.D.Promoters}} promoters, {{.D.Passives}} passives, {{.D.Detractors}} detractors. Figures with n below {{.D.MinN}} are not shown.</p>
{{if .Trend}}<section><h2>NPS over time, with its 95% interval</h2>{{.Trend}}</section>{{end}}
{{if .Themes}}<section><h2>Themes by volume (red: share of negative comments)</h2>{{.Themes}}</section>{{end}}
{{if .Impact}}<section><h2>Theme impact on NPS (NPS of all − NPS without the theme)</h2>{{.Impact}}<p class="note">Bars: points of NPS; lines: 95% intervals.</p></section>{{end}}
{{if .Waterfall}}<section><h2>What changed the NPS: volume and score effects by segment</h2>{{.Waterfall}}</section>{{end}}
{{$refs := .SpikeRefs}}{{with .D.Change}}{{if .Spikes}}<section><h2>Spikes</h2><table><tr><th>theme</th><th>comments</th><th>expected</th></tr>
{{range $i, $s := .Spikes}}<tr><td><a href="{{index $refs $i}}">{{$s.Theme}}</a></td><td class="n"><a href="{{index $refs $i}}">{{$s.Count}}</a></td><td class="n">{{printf "%.1f" $s.Expected}}</td></tr>{{end}}</table></section>{{end}}{{end}}
<section><h2>Follow-up queue</h2><table><tr><th>priority</th><th>id</th><th>date</th><th>touchpoint</th><th>NPS</th><th>comment</th><th>why</th></tr>
{{range .D.Queue}}<tr><td class="n">{{.Priority}}</td><td>{{.ID}}</td><td>{{.Date}}</td><td>{{.Touchpoint}}</td><td class="n">{{num .NPS}}</td><td>{{.Excerpt}}</td><td>{{join .Reasons "; "}}</td></tr>{{end}}
</table></section>
<section id="ids"><h2>Comments behind the figures</h2>
<p class="note">Each tile, bar and point above links here: per figure, how many comments it rests on and the ids of the first {{maxIDs}} in input order. <code>stimmung report -f json</code> has them for every figure.</p>
{{range .Traces}}<h3>{{.Title}}</h3><table class="ids">
{{range .Groups}}<tbody id="{{.Anchor}}">{{$label := .Label}}{{range $i, $p := .Parts}}<tr><th>{{if eq $i 0}}{{$label}}{{end}}</th><td class="part">{{$p.Name}}</td><td class="n">{{$p.IDs.Count}}</td><td class="idl">{{if $p.IDs.Capped}}<span class="cap">first {{len $p.IDs.IDs}} of {{$p.IDs.Count}}:</span> {{end}}{{range $p.IDs.IDs}}<code>{{.}}</code>{{else}}<span class="cap">–</span>{{end}}</td></tr>{{end}}</tbody>
{{end}}</table>
{{end}}</section>
</main></body></html>
`))
