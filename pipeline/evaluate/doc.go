// Package evaluate scores stimmung's sentiment against labelled ("gold")
// files, with the figures and rules of the reference scorer
// shared/tools/score.py (computed by pipeline/metrics), and renders the
// results.
//
// Today it is what `stimmung eval` runs; the coming `stimmung report`
// command and the HTTP server are to reuse it. It has four parts:
//
//   - gold: GoldSet collects the usable gold lines of one file (id, text,
//     label, rating, kind) and, as the pipeline's Writer, the predictions of
//     its records; the lines it cannot use are Problems, with their line.
//   - predictions: ReadPredictions reads an output of analyze (or any JSON
//     lines with "id" and "sentiment") by score.py's rules, with eval's one
//     departure: a record flagged no_content counts as a neutral prediction.
//   - scoring: ScoreSet scores one set (accuracy, macro-F1, majority
//     baseline, the per-class figures, and a table per gold "kind"), Pool
//     scores all sets together; WriteText prints the tables, WriteJSON the
//     JSON document {"sets": [...], "overall": {...}} (types Doc,
//     SetExtraJSON, KindJSON, OverallJSON).
//   - cross-validation: CrossValidate scores the pipeline with and without a
//     lexicon layer learned (pipeline/learn) on the other folds of a file.
//
// The package reads no files and prints no messages: the caller opens the
// inputs, feeds the records and reports the problems and warnings it finds
// here.
package evaluate
