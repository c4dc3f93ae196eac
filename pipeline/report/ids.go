package report

import (
	"encoding/json"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// MaxIDs is how many ids a figure keeps of the comments behind it: the
// first MaxIDs in input order (across merged parts, in part order). The
// count is always the full count; memory per figure is bounded by the cap,
// whatever the number of comments.
const MaxIDs = 20

// IDs are the comments behind one count: how many there are, and the ids
// of the first MaxIDs in input order. A comment without an id is counted
// but not listed, so len(IDs) < min(Count, MaxIDs) only when some have
// none. IDs of parts of the data merge (in part order) into the IDs of all
// of it.
type IDs struct {
	Count int      `json:"count"`
	IDs   []string `json:"ids"`
}

// Add counts one comment and keeps its id while there is room. It
// allocates only while the list grows to MaxIDs (a copy of the id, so that
// a kept id never pins the line it was read from).
func (s *IDs) Add(id string) {
	s.Count++
	if id == "" || len(s.IDs) >= MaxIDs {
		return
	}
	if len(s.IDs) == cap(s.IDs) {
		grown := make([]string, len(s.IDs), min(max(2*cap(s.IDs), 4), MaxIDs))
		copy(grown, s.IDs)
		s.IDs = grown
	}
	s.IDs = append(s.IDs, strings.Clone(id))
}

// Merge adds the IDs of a later part: counts add up, ids fill up to MaxIDs
// in part order, so merged parts list the same ids as one run over all.
func (s *IDs) Merge(o IDs) {
	s.Count += o.Count
	for _, id := range o.IDs {
		if len(s.IDs) >= MaxIDs {
			break
		}
		s.IDs = append(s.IDs, id)
	}
}

// Capped reports whether there are more comments than ids listed.
func (s IDs) Capped() bool { return s.Count > len(s.IDs) }

// MarshalJSON writes no ids as [], never null.
func (s IDs) MarshalJSON() ([]byte, error) {
	type plain IDs
	if s.IDs == nil {
		s.IDs = []string{}
	}
	return json.Marshal(plain(s))
}

// KPIIDs are the comments behind the KPIs' counts: the NPS groups, the
// CSAT ratings in the satisfied group, the sentiment labels of the scored
// comments and those with a theme (coverage). Failed records are in none.
type KPIIDs struct {
	Promoters     IDs `json:"promoters"`
	Passives      IDs `json:"passives"`
	Detractors    IDs `json:"detractors"`
	CSATSatisfied IDs `json:"csat_satisfied"`
	Positive      IDs `json:"positive"`
	Negative      IDs `json:"negative"`
	Neutral       IDs `json:"neutral"`
	Mixed         IDs `json:"mixed"`
	Themed        IDs `json:"themed"`
}

// Add files one record as Counts.Add counts it.
func (k *KPIIDs) Add(it Item) {
	if it.Failed {
		return
	}
	if g := k.npsGroup(it.NPSGroup); g != nil {
		g.Add(it.ID)
	}
	if it.CSAT.Valid && it.CSATSatisfied {
		k.CSATSatisfied.Add(it.ID)
	}
	if it.Label == "" {
		return
	}
	switch it.Label {
	case models.Positive:
		k.Positive.Add(it.ID)
	case models.Negative:
		k.Negative.Add(it.ID)
	case models.Mixed:
		k.Mixed.Add(it.ID)
	default:
		k.Neutral.Add(it.ID)
	}
	if it.Themed {
		k.Themed.Add(it.ID)
	}
}

func (k *KPIIDs) npsGroup(g string) *IDs {
	switch g {
	case "promoter":
		return &k.Promoters
	case "passive":
		return &k.Passives
	case "detractor":
		return &k.Detractors
	}
	return nil
}

// Merge adds the ids of a later part.
func (k *KPIIDs) Merge(o KPIIDs) {
	k.Promoters.Merge(o.Promoters)
	k.Passives.Merge(o.Passives)
	k.Detractors.Merge(o.Detractors)
	k.CSATSatisfied.Merge(o.CSATSatisfied)
	k.Positive.Merge(o.Positive)
	k.Negative.Merge(o.Negative)
	k.Neutral.Merge(o.Neutral)
	k.Mixed.Merge(o.Mixed)
	k.Themed.Merge(o.Themed)
}

// SegmentIDs are the comments behind a breakdown segment: all of them (its
// n), its detractors (the NPS) and its negative comments (share negative).
type SegmentIDs struct {
	Comments   IDs `json:"comments"`
	Detractors IDs `json:"detractors"`
	Negative   IDs `json:"negative"`
}

// Add files one record of the segment (a failed one only under comments,
// as the segment's counts have it only in its n).
func (s *SegmentIDs) Add(it Item) {
	s.Comments.Add(it.ID)
	if it.Failed {
		return
	}
	if it.NPSGroup == "detractor" {
		s.Detractors.Add(it.ID)
	}
	if it.Label == models.Negative {
		s.Negative.Add(it.ID)
	}
}

// Merge adds the ids of a later part.
func (s *SegmentIDs) Merge(o SegmentIDs) {
	s.Comments.Merge(o.Comments)
	s.Detractors.Merge(o.Detractors)
	s.Negative.Merge(o.Negative)
}

// ThemeIDs are the comments behind a theme's impact: all that mention it
// (or a child), and those whose mention of it is negative and positive.
type ThemeIDs struct {
	Comments IDs `json:"comments"`
	Negative IDs `json:"negative"`
	Positive IDs `json:"positive"`
}

// Merge adds the ids of a later part.
func (t *ThemeIDs) Merge(o ThemeIDs) {
	t.Comments.Merge(o.Comments)
	t.Negative.Merge(o.Negative)
	t.Positive.Merge(o.Positive)
}
