package report

// Document is the whole report: the KPIs, the themes' impact, the
// breakdowns, the follow-up queue and, with a comparison, what changed.
// Its JSON is the documented schema of `stimmung report -f json`; the HTML
// report is drawn from it. Every figure comes with the ids of the comments
// behind it (IDs: at most MaxIDs each, with the full count).
type Document struct {
	KPIs
	IDs         KPIIDs             `json:"ids"`
	ThemeImpact []ThemeImpact      `json:"theme_impact"`
	Breakdowns  []BreakdownFigures `json:"breakdowns,omitempty"`
	Queue       []QueueEntry       `json:"queue"`
	Change      *Change            `json:"change,omitempty"`
}

// BreakdownFigures are the segments of one breakdown, the largest first.
type BreakdownFigures struct {
	By       string           `json:"by"`
	Segments []SegmentFigures `json:"segments"`
}
