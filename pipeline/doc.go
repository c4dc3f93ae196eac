// Package pipeline is stimmung's engine and its stages.
//
// A record flows read → normalize → language → sentences → tokens → stems →
// sentiment → themes → signals → write / index. Each stage is one file
// here, named after it (normalize.go … signals.go), a thin adapter over the
// package that does the work: text, sentiment, themes, signals.
//
// The engine is stage.go (the Stage contract and the stage table: each
// stage's constructor, what it needs and what it provides), build.go
// (Build: configuration → stages, every option checked before any data is
// read, errors that name the option and its place in the file), notes.go
// (Notes: what stages hand later stages about a record without writing it
// out) and run.go (Run: an ordered worker pool whose output order is the
// input order whatever the number of workers). Readers live in package read,
// writers in write and index; ARCHITECTURE.md at the top of the repository
// has the whole map and the import rules.
package pipeline
