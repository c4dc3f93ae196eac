// Package metrics scores sentiment predictions against gold labels, the way
// the reference scorer (shared/tools/score.py) does, so that `stimmung eval`
// and score.py print the same figures for the same data.
//
// The input is a list of Pairs, one per gold item, in input order: the gold
// label, the predicted label ("" when there is no prediction: none was made,
// or the record failed), the predicted score and the gold rating (NaN when
// absent). Compute returns a Report with
//
//   - n, coverage (share of items with a prediction) and accuracy;
//   - macro-F1 over the classes the gold set uses, and F1 weighted by class
//     support (the figure the VADER paper reports);
//   - the majority-class baseline and the majority class;
//   - where every gold label is positive or negative, the accuracy of the
//     sign of the score (score > 0 means positive, < 0 negative, 0 is wrong;
//     a missing prediction counts as wrong, a prediction without a finite
//     score is left out);
//   - Pearson's r between score and gold rating, over the items that have
//     both, when there are more than two;
//   - per-class precision, recall, F1 and support, and the confusion matrix.
//
// A predicted "mixed" counts as "neutral" unless the gold set itself uses
// "mixed": most gold sets have no mixed class, and a comment with praise and
// blame is closest to neutral there.
//
// The package does no I/O beyond printing a Report to an io.Writer.
package metrics
