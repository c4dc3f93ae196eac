// Package report computes the CX figures a team acts on from analysed
// comments (the JSON lines of stimmung analyze): NPS with its promoters,
// passives and detractors, CSAT, CES, the sentiment shares, net sentiment
// and coverage, each with its n and a 95% interval.
//
// Every figure is computed from sums (Counts), so that counts made on
// different machines add up to the counts of one run over all the data.
// Beside each count are the ids of the comments behind it (IDs: the count
// and the first MaxIDs ids), which merge the same way. stats.go holds the
// interval formulas, each with its source; counts.go the sums and the
// figures made from them; ids.go the ids; record.go reads an analysed
// record; breakdown.go, impact.go, compare.go and queue.go the other parts
// of the report; document.go the whole report, which html.go, tables.go
// (Markdown), csv.go and xlsx.go render.
package report
