package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/stimmung/stimmung/models"
)

// Item is what a report reads of one analysed record.
type Item struct {
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
	// For the follow-up queue: the priority and its reasons, the NPS, the
	// text and the date as written.
	Priority int
	Reasons  []string
	NPS      models.Rating
	Text     string
	DateText string
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
}

// analysed is the part of an output line of stimmung analyze a report
// reads.
type analysed struct {
	ID         json.RawMessage `json:"id"`
	Date       json.RawMessage `json:"date"`
	Touchpoint json.RawMessage `json:"touchpoint"`
	Lang       string          `json:"lang"`
	Error      json.RawMessage `json:"error"`
	NPS        json.RawMessage `json:"nps"`
	CSAT       json.RawMessage `json:"csat"`
	CES        json.RawMessage `json:"ces"`
	NPSGroup   string          `json:"nps_group"`
	CSATGroup  string          `json:"csat_group"`
	Sentiment  *struct {
		Label string `json:"label"`
	} `json:"sentiment"`
	Themes []struct {
		Path  string `json:"path"`
		Label string `json:"label"`
	} `json:"themes"`
	Text     string   `json:"text"`
	Priority int      `json:"priority"`
	Reasons  []string `json:"priority_reasons"`
}

// ParseItem reads one line of stimmung analyze's JSON output, and the
// values of the named columns (for breakdowns by any column).
func ParseItem(line []byte, columns ...string) (Item, error) {
	var a analysed
	if err := json.Unmarshal(line, &a); err != nil {
		return Item{}, fmt.Errorf("not an analysed record: %v", err)
	}
	var cols map[string]string
	if len(columns) > 0 {
		var all map[string]json.RawMessage
		if err := json.Unmarshal(line, &all); err != nil {
			return Item{}, fmt.Errorf("not an analysed record: %v", err)
		}
		cols = make(map[string]string, len(columns))
		for _, c := range columns {
			cols[c] = scalar(all[c])
		}
	}
	it := Item{Failed: len(a.Error) > 0 && string(a.Error) != "null", ID: scalar(a.ID), Touchpoint: scalar(a.Touchpoint), Lang: a.Lang}
	it.DateText = scalar(a.Date)
	it.Date, it.HasDate = models.ParseDate(it.DateText)
	it.Priority, it.Reasons, it.Text, it.NPS = a.Priority, a.Reasons, a.Text, models.ParseRating(a.NPS)
	it.Columns = cols
	it.NPSGroup = a.NPSGroup
	if it.NPSGroup == "" {
		if r := models.ParseRating(a.NPS); r.Valid && r.Value >= 0 && r.Value <= 10 {
			it.NPSGroup = npsGroup(r.Value)
		}
	}
	it.CSAT, it.CES = models.ParseRating(a.CSAT), models.ParseRating(a.CES)
	it.CSATSatisfied = a.CSATGroup == "satisfied"
	if a.Sentiment != nil {
		it.Label = a.Sentiment.Label
	}
	it.Themed = len(a.Themes) > 0
	for _, th := range a.Themes {
		it.Themes = append(it.Themes, th.Path)
		it.ThemeLabels = append(it.ThemeLabels, th.Label)
	}
	return it, nil
}

// scalar is a JSON string's text, or a number's; "" otherwise.
func scalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return string(raw)
	}
	return ""
}

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
