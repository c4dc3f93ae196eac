package report

import (
	"encoding/json"
	"fmt"

	"github.com/stimmung/stimmung/models"
)

// Item is what a report reads of one analysed record.
type Item struct {
	// Failed: the record is an error record of the analysis.
	Failed bool
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
	Error     json.RawMessage `json:"error"`
	NPS       json.RawMessage `json:"nps"`
	CSAT      json.RawMessage `json:"csat"`
	CES       json.RawMessage `json:"ces"`
	NPSGroup  string          `json:"nps_group"`
	CSATGroup string          `json:"csat_group"`
	Sentiment *struct {
		Label string `json:"label"`
	} `json:"sentiment"`
	Themes []struct {
		Path string `json:"path"`
	} `json:"themes"`
}

// ParseItem reads one line of stimmung analyze's JSON output.
func ParseItem(line []byte) (Item, error) {
	var a analysed
	if err := json.Unmarshal(line, &a); err != nil {
		return Item{}, fmt.Errorf("not an analysed record: %v", err)
	}
	it := Item{Failed: len(a.Error) > 0 && string(a.Error) != "null"}
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
	return it, nil
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
