// Package synth generates synthetic customer-feedback records for
// benchmarks: indexing hundreds of thousands and searching millions of
// documents needs a corpus far larger than any checked-in fixture, and one
// that can be regenerated bit for bit. Today its only users are the
// benchmarks in pipeline/index (bench_test.go: BenchmarkIndex with seed 1,
// the search benchmarks' index with seed 7), through WriteJSONL; no test of
// the CLI or the pipeline depends on it.
//
// Records are JSON objects shaped like real survey exports (id, date,
// touchpoint, optional nps and csat, free text). The texts are about 60 %
// German and 40 % English, assembled from templates and word lists written for
// this package: eighteen themes (Lieferung, Wartezeit, Kundenservice, Hotline,
// app crashes, billing, train delays, WLAN, …) with polarity words, negation,
// intensifiers, contrast clauses, German compounds, numbers, order numbers,
// product and city names. Scores follow the polarity of the text, with a small
// share deliberately contradicting it, as in real surveys. The data is
// synthetic and meant only for measuring speed and scale, not for judging the
// quality of sentiment or theme results.
//
// Output depends only on the seed: the same seed gives byte-identical records,
// and TestGolden (testdata/golden.txt) pins that output, so the indexing and
// search numbers of different versions stay comparable. Any change to the
// code or the word lists that alters a record fails it; rewrite the golden
// file with "go test -run Golden -update" only for an intended change.
//
// Layout:
//
//	generator.go  Generator, New, Next, WriteJSONL: record fields and scores
//	text.go       the text of a record: sentences, contrasts, narratives, case
//	expand.go     $-slots of templates (the slot list is on expand)
//	lang.go       per-language vocabulary, selected per touchpoint
//	tables.go     themes, touchpoints, score weights, numbers, dates
//	data.go       embedded data files, parsed once on first use
//	data/*.txt    German and English templates and words, shared names
package synth
