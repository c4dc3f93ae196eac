// Package sentiment scores the sentiment of tokenized German and English
// text with weighted lexicons and rules, in the manner of VADER but with the
// rules German needs and those customer feedback needs: negation after the
// verb ("gefällt mir nicht"), all forms of "kein", "weder … noch",
// compounds ("Lieferverzögerung" through "Verzögerung", "Traumlage" through
// "Traum"), separable verbs ("stürzt … ab"), clause-aware contrast ("aber",
// "obwohl"), implicit complaints ("warte seit drei Wochen"), irony ("Toll,
// schon wieder zu spät") and the irrealis ("hatte mir mehr erhofft").
//
// The files follow a record through Score (scorer.go): lookup.go finds the
// evidence (phrases, emoji, words by form, stem, compound head and compound
// first part); clauses.go numbers the clauses and applies boosters and
// dampeners; separable.go joins a clause-final particle to its verb;
// cues.go adds the implicit complaints the caller found (the signals
// taxonomy's cues); negation.go negates (and leaves rhetorical questions
// alone); irrealis.go and irony.go turn praise that is not praise;
// contrast.go weighs the clauses around "aber"/"but"; aggregate.go sums
// sentences and the comment and sets the labels. rules.go holds every
// switch and weight; the word lists the rules read are lexicon data
// (wordlists.tsv of each language).
//
// Every number that moves a score is a Rules field, set from the
// configuration, and every contribution can be explained: which lexicon line
// or cue matched, how, and which rules changed its weight.
package sentiment
