// Package indexreport makes a report over an index: it scans the records
// that match a search (index.Scan) and counts them (report.Counter). It
// is the one place that knows both packages, for stimmung report --index
// and the server's /v1/report and /v1/queue.
package indexreport
