// Package learn fits polarity weights for `stimmung lexicon learn` from
// comments with a label (or a rating mapped to one), and writes them as a
// lexicon layer file that a user puts on top of the built-in lexicons.
//
// The weights are fitted through the scorer itself, not beside it: Learn
// builds the configured pipeline with one more polarity layer in which every
// lexicon word and every frequent new content word of the training data
// carries a known unit weight, runs it with explain on every comment, and
// reads each contribution back. A contribution's Source (file:line of that
// layer) names the word; Final divided by the unit weight is what the rules
// made of one unit of it: ×−0.74 under negation, ×0.5 or ×1.5 around "aber"
// and "but", more with a booster. A comment's features are the sums of these
// multipliers per word, so that a word seen only as "nicht X" in negative
// comments is learned as positive, exactly as the scorer will read it.
// Whatever the layer does not hold (emoji, phrases, rules such as "never …
// again", punctuation emphasis) enters as a fixed offset.
//
// Two methods, both with a prior at the word's current lexicon weight (0 for
// a new word), so that a word with little data keeps its weight:
//
//   - lr: a regularised (Gaussian prior) cumulative-logit regression,
//     negative < neutral < positive, with the cut points fixed where the
//     scorer's thresholds put them (a sum of ±0.79 for German's ±0.2), so
//     that the weights are fitted to the scorer's own decision. Without
//     neutral comments it is plain logistic regression, cut at 0. Optimised
//     with gonum's L-BFGS.
//   - logodds: the log-odds ratio of a word's (rule-weighted) occurrences in
//     positive and in negative comments with an informative Dirichlet prior
//     (Monroe, Colaresi and Quinn 2008), whose pseudo-counts are split so
//     that a word without data keeps its lexicon weight. Neutral comments
//     do not enter.
//
// Lexicon weights (VADER's −4..+4) and logits differ by a scale factor, the
// slope of the logit on the comment's lexicon sum: fitted once per run on
// the current weights (the lexicon as it is), or set by the caller.
//
// The prior strength is a number of comments: a word's prior weighs about
// as much as that many comments holding only that word.
//
// The word list is then fitted a second time with only the words kept
// (pass 2): a candidate word that carries weight in the layer stands between
// a negator and a later word and claims it, so features measured with every
// candidate in place differ from those of the final layer.
package learn
