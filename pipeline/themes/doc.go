// Package themes tags the themes of a taxonomy in tokenized text and gives
// each theme the sentiment of the words that speak about it.
//
// A record flows through it in file order: taxonomy.go parses the YAML
// taxonomy (errors name the file, line, theme and key); pattern.go checks
// term patterns (word, prefix*, *head, =exact, phrases); match.go indexes
// the terms of one language and finds them in the tokens; tagger.go turns
// the finds into mentions (exclusions, rules, absence words such as "kein");
// sentiment.go hands each piece of sentiment evidence to the nearest
// mention and scores each theme on the sentiment scorer's scale.
//
// The signals stage uses the same machinery with a taxonomy of effort,
// urgency and churn.
package themes
