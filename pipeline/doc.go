// Package pipeline is stimmung's engine: the Stage contract, the explicit
// table of stages, Build (configuration → stages, with errors that name the
// option and its place in the file) and Run, an ordered worker pool whose
// output order is the input order whatever the number of workers.
//
// A record flows read → normalize → language → sentences → tokens → stems →
// write; each text stage is one file here, named after the stage, and does its
// work through package text. Readers live in package read, writers in write.
package pipeline
