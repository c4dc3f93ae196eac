// Package models holds the data types that flow through stimmung: a Record
// read from an input with its parsed ratings (ParseRating), the Tokens and
// Sentences that the text stages add to it, the Sentiment, Themes and
// Signals that the later stages add, the sentiment engine's Analysis that it
// hands the themes stage, and the RecordError that marks a record as failed.
//
// It depends on the standard library only, so that every other package (readers,
// stages, writers, the CLI) can share these types without pulling in viper,
// bleve or cobra.
package models
