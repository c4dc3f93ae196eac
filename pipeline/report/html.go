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
// waterfall when there is a comparison, and the follow-up queue.
func WriteHTML(w io.Writer, d Document, o HTMLOptions) error {
	if o.Title == "" {
		o.Title = "Customer feedback report"
	}
	data := htmlData{D: d, O: o}
	for _, b := range d.Breakdowns {
		switch b.By {
		case ByMonth, ByWeek, ByQuarter, ByDay:
			if data.Trend == "" {
				data.Trend = trendSVG(b)
			}
		case ByTheme:
			data.Themes = themeBarsSVG(b)
		}
	}
	data.Impact = impactSVG(d.ThemeImpact)
	if d.Change != nil {
		data.Waterfall = waterfallSVG(d.Change.Waterfall)
	}
	return htmlPage.Execute(w, data)
}

type htmlData struct {
	D                                Document
	O                                HTMLOptions
	Trend, Themes, Impact, Waterfall template.HTML
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
func trendSVG(b BreakdownFigures) template.HTML {
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
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="10" text-anchor="middle" fill="%s">%s</text>`, x(i), H-12, colInk, esc(p.Key))
		if p.NPS.Value != nil {
			fmt.Fprintf(&sb, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: NPS %+.1f [%+.1f, %+.1f], n %d</title></circle>`,
				x(i), y(*p.NPS.Value), colLine, esc(p.Key), *p.NPS.Value, p.NPS.Interval.Low, p.NPS.Interval.High, p.N)
		} else {
			fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="9" text-anchor="middle" fill="%s">n %d</text>`, x(i), y(0), colNeu, p.N)
		}
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// themeBarsSVG draws the themes by volume (top level and children),
// each bar split into its negative share (red) and the rest.
func themeBarsSVG(b BreakdownFigures) template.HTML {
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
		fmt.Fprintf(&sb, `<text x="%g" y="%.1f" font-size="12" text-anchor="end" fill="%s">%s</text>`, L-8, yy+14, colInk, esc(s.Key))
		fmt.Fprintf(&sb, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s: %d comments</title></rect>`, L, yy+3, full, row-6, colNeu, esc(s.Key), s.N)
		if neg > 0 {
			fmt.Fprintf(&sb, `<rect x="%g" y="%.1f" width="%.1f" height="%g" fill="%s"><title>negative %.0f %%</title></rect>`, L, yy+3, neg, row-6, colNeg, *s.Negative.Value)
		}
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" font-size="11" fill="%s">%d</text>`, L+full+6, yy+14, colInk, s.N)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// impactSVG draws each theme's NPS impact as a bar from 0 with its
// interval, the most dragging first; themes below the minimum n are left out.
func impactSVG(im []ThemeImpact) template.HTML {
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
		fmt.Fprintf(&sb, `<text x="%g" y="%.1f" font-size="12" text-anchor="end" fill="%s">%s</text>`, L-8, yy+14, colInk, esc(t.Theme))
		fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s: %+.1f points [%+.1f, %+.1f], n %d</title></rect>`,
			x0, yy+4, math.Max(x1-x0, 1), row-8, col, esc(t.Theme), v, t.NPS.Interval.Low, t.NPS.Interval.High, t.N)
		lo, hi := mid+t.NPS.Interval.Low*scale, mid+t.NPS.Interval.High*scale
		fmt.Fprintf(&sb, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, lo, hi, yy+row/2, yy+row/2, colInk)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// waterfallSVG draws the NPS change step by step: each segment's volume
// and score effect, ending at the total change.
func waterfallSVG(steps []WaterfallStep) template.HTML {
	if len(steps) == 0 {
		return ""
	}
	type bar struct {
		label    string
		from, to float64
	}
	var bars []bar
	acc := 0.0
	for _, s := range steps {
		for _, e := range []struct {
			what string
			v    float64
		}{{"volume", s.Volume}, {"score", s.Score}} {
			if e.v == 0 {
				continue
			}
			bars = append(bars, bar{s.Segment + " " + e.what, acc, acc + e.v})
			acc += e.v
		}
	}
	bars = append(bars, bar{"total change", 0, acc})
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
		fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %+.1f</title></rect>`,
			x+2, y(top), bw-4, math.Max(y(bot)-y(top), 1), col, esc(b.label), b.to-b.from)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%g" font-size="9" text-anchor="end" transform="rotate(-40 %.1f %g)" fill="%s">%s</text>`,
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
	"join": strings.Join,
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
</style></head><body><main>
<h1>{{.O.Title}}</h1>
<div class="sub">{{.D.Records}} comments ({{.D.Failed}} failed){{if .O.Generated}} · {{.O.Generated}}{{end}}</div>
<div class="tiles">
<div class="tile{{if not .D.NPS.Value}} low{{end}}"><div class="k">NPS</div><div class="v">{{fig .D.NPS "" true}}</div><div class="i">{{iv .D.NPS}}</div></div>
<div class="tile{{if not .D.CSATSatisfied.Value}} low{{end}}"><div class="k">CSAT satisfied</div><div class="v">{{fig .D.CSATSatisfied " %" false}}</div><div class="i">{{iv .D.CSATSatisfied}}</div></div>
<div class="tile{{if not .D.NetSentiment.Value}} low{{end}}"><div class="k">Net sentiment</div><div class="v">{{fig .D.NetSentiment "" true}}</div><div class="i">{{iv .D.NetSentiment}}</div></div>
<div class="tile{{if not .D.Negative.Value}} low{{end}}"><div class="k">Negative comments</div><div class="v">{{fig .D.Negative " %" false}}</div><div class="i">{{iv .D.Negative}}</div></div>
<div class="tile{{if not .D.Coverage.Value}} low{{end}}"><div class="k">With a theme</div><div class="v">{{fig .D.Coverage " %" false}}</div><div class="i">{{iv .D.Coverage}}</div></div>
</div>
<p class="note">NPS from {{.D.Promoters}} promoters, {{.D.Passives}} passives, {{.D.Detractors}} detractors. Figures with n below {{.D.MinN}} are not shown.</p>
{{if .Trend}}<section><h2>NPS over time, with its 95% interval</h2>{{.Trend}}</section>{{end}}
{{if .Themes}}<section><h2>Themes by volume (red: share of negative comments)</h2>{{.Themes}}</section>{{end}}
{{if .Impact}}<section><h2>Theme impact on NPS (NPS of all − NPS without the theme)</h2>{{.Impact}}<p class="note">Bars: points of NPS; lines: 95% intervals.</p></section>{{end}}
{{if .Waterfall}}<section><h2>What changed the NPS: volume and score effects by segment</h2>{{.Waterfall}}</section>{{end}}
{{with .D.Change}}{{if .Spikes}}<section><h2>Spikes</h2><table><tr><th>theme</th><th>comments</th><th>expected</th></tr>
{{range .Spikes}}<tr><td>{{.Theme}}</td><td class="n">{{.Count}}</td><td class="n">{{printf "%.1f" .Expected}}</td></tr>{{end}}</table></section>{{end}}{{end}}
<section><h2>Follow-up queue</h2><table><tr><th>priority</th><th>id</th><th>date</th><th>touchpoint</th><th>NPS</th><th>comment</th><th>why</th></tr>
{{range .D.Queue}}<tr><td class="n">{{.Priority}}</td><td>{{.ID}}</td><td>{{.Date}}</td><td>{{.Touchpoint}}</td><td class="n">{{num .NPS}}</td><td>{{.Excerpt}}</td><td>{{join .Reasons "; "}}</td></tr>{{end}}
</table></section>
</main></body></html>
`))
