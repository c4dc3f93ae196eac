// Package report computes the CX figures a team acts on from analysed
// comments (the JSON lines of stimmung analyze): NPS with its promoters,
// passives and detractors, CSAT, CES, the sentiment shares, net sentiment
// and coverage, each with its n and a 95% interval.
//
// Every figure is computed from sums (Counts), so that counts made on
// different machines add up to the counts of one run over all the data.
// Beside each count are the ids of the comments behind it (IDs: the count
// and the MaxIDs smallest ids), which merge the same way. Nothing depends
// on the order of the records, so a report over an index (which keeps no
// input order) equals the report over the file it was built from.
//
// The flow: a Parser reads each analysed line (record.go) into an Item; a
// Tally (tally.go) adds it to everything a report counts; a Counter
// (counter.go) does that for chunks of lines on a worker per CPU and
// merges the chunks' tallies in order. stats.go holds the interval
// formulas, each with its source; counts.go the sums and the figures made
// from them; ids.go the ids; breakdown.go, impact.go, compare.go and
// queue.go the parts of the report; document.go the whole report, which
// html.go, tables.go (Markdown), csv.go and xlsx.go render.
package report
