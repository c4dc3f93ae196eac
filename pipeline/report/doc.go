// Package report computes the CX figures a team acts on from analysed
// comments (the JSON lines of stimmung analyze): NPS with its promoters,
// passives and detractors, CSAT, CES, the sentiment shares, net sentiment
// and coverage, each with its n and a 95% interval.
//
// Every figure is computed from sums (Counts), so that counts made on
// different machines add up to the counts of one run over all the data.
// stats.go holds the interval formulas, each with its source; counts.go the
// sums and the figures made from them; record.go reads an analysed record.
//
// This is the first part of `stimmung report` (issue 13): the KPIs.
// Breakdowns, theme impact, change over time, the follow-up queue and the
// HTML report are still to come.
package report
