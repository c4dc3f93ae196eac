// Package synth generates synthetic customer-feedback records for benchmarks
// and load tests: indexing hundreds of thousands and searching millions of
// documents needs a corpus far larger than any checked-in fixture, and one that
// can be regenerated bit for bit.
//
// Records are JSON objects shaped like real survey exports (id, date,
// touchpoint, optional nps and csat, free text). The texts are about 60 %
// German and 40 % English, assembled from templates and word lists written for
// this package: eighteen themes (Lieferung, Wartezeit, Kundenservice, Hotline,
// app crashes, billing, train delays, WLAN, …) with polarity words, negation,
// intensifiers, contrast clauses, German compounds, numbers, order numbers,
// product and city names. Scores follow the polarity of the text, with a small
// share deliberately contradicting it, as in real surveys.
//
// Output depends only on the seed: the same seed gives byte-identical records.
// The data is synthetic and meant only for measuring speed and scale, not for
// judging the quality of sentiment or theme results.
package synth
