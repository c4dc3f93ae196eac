// Package signals computes the customer-experience signals of a record:
// the NPS group and CSAT group from its ratings, effort (from a CES rating
// or from friction in the text), urgency and churn from the text, the
// flags effort, urgent, churn and mismatch, and a follow-up priority with
// its reasons.
//
// Effort, urgency and churn come from a signals taxonomy (the format of
// themes): each top-level theme names a signal, its children carry a weight
// in 0..1, and a signal's strength is 1 − Π(1 − weight) over the distinct
// children found, so that two kinds of friction count more than one and
// the strength never passes 1.
//
// The ratings arrive parsed (models.Record's NPS, CSAT, CES); the taxonomy's
// mentions arrive tagged (the pipeline tags them once for this stage and
// for the sentiment stage's implicit complaints).
package signals
