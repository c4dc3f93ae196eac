// Package sentiment scores the sentiment of tokenized German and English
// text with weighted lexicons and rules, in the manner of VADER but with the
// rules German needs: negation after the verb ("gefällt mir nicht"), all
// forms of "kein", "weder … noch", compounds ("Lieferverzögerung" is scored
// through "Verzögerung"), and clause-aware contrast ("aber", "obwohl").
//
// Every number that moves a score is a Rules field, set from the
// configuration, and every contribution can be explained: which lexicon line
// matched, how, and which rules changed its weight.
package sentiment
