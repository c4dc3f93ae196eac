// Package sentiment scores the sentiment of tokenized German and English
// text with weighted lexicons and rules, in the manner of VADER but with the
// rules German needs: negation after the verb ("gefällt mir nicht"), all
// forms of "kein", "weder … noch", compounds ("Lieferverzögerung" is scored
// through "Verzögerung"), and clause-aware contrast ("aber", "obwohl").
//
// The files follow a record through Score (scorer.go): lookup.go finds the
// evidence (phrases, emoji, words by form, stem and compound head);
// clauses.go numbers the clauses and applies boosters and dampeners;
// separable.go joins a German particle that ends its clause with its verb
// ("stürzt … ab" = abstürzen);
// negation.go negates; contrast.go weighs the clauses around "aber"/"but";
// aggregate.go sums sentences and the comment and sets the labels. rules.go
// holds every switch and weight.
//
// Every number that moves a score is a Rules field, set from the
// configuration, and every contribution can be explained: which lexicon line
// matched, how, and which rules changed its weight.
package sentiment
