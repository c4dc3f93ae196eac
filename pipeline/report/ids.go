package report

import (
	"encoding/json"
	"sort"

	"github.com/stimmung/stimmung/models"
)

// MaxIDs is how many ids a figure lists of the comments behind it: the
// MaxIDs smallest (idLess), so that the list does not depend on the order
// the records come in: a file, the parts of a merge or an index's
// segments (whose order changes as Bleve merges them) list the same. The
// count is always the full count; memory per figure is bounded by the
// cap, whatever the number of comments.
const MaxIDs = 20

// IDs are the comments behind one count: how many there are, and the
// smallest MaxIDs of their ids, in order. A comment without an id is
// counted but not listed, so len(IDs) < min(Count, MaxIDs) only when some
// have none. IDs of parts of the data merge into the IDs of all of it.
type IDs struct {
	Count int      `json:"count"`
	IDs   []string `json:"ids"`
}

// idLess orders ids: numbers by their value (2 before 10), everything
// else by bytes.
func idLess(a, b string) bool {
	if len(a) != len(b) && allDigits(a) && allDigits(b) {
		return len(a) < len(b)
	}
	return a < b
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Add counts one comment and lists its id if it is among the smallest. Once
// the list is full, a larger id costs one comparison and no allocation.
func (s *IDs) Add(id string) {
	s.Count++
	s.insert(id)
}

// insert lists id if it is among the MaxIDs smallest, keeping the list in
// order.
func (s *IDs) insert(id string) {
	n := len(s.IDs)
	if id == "" || n >= MaxIDs && !idLess(id, s.IDs[n-1]) {
		return
	}
	at := sort.Search(n, func(i int) bool { return idLess(id, s.IDs[i]) })
	if n < MaxIDs {
		if n == cap(s.IDs) {
			grown := make([]string, n, min(max(2*n, 4), MaxIDs))
			copy(grown, s.IDs)
			s.IDs = grown
		}
		s.IDs = append(s.IDs, "")
	}
	copy(s.IDs[at+1:], s.IDs[at:len(s.IDs)-1])
	s.IDs[at] = id
}

// Merge adds the IDs of another part: counts add up, and the list is the
// smallest of both, as one run over all the data would list.
func (s *IDs) Merge(o IDs) {
	s.Count += o.Count
	for _, id := range o.IDs {
		s.insert(id)
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
