// The stimmung command line: the analyst's whole loop over customer
// feedback in one binary. main.go stays tiny; root.go builds the cobra
// commands around injected streams (so tests run the CLI in-process) and
// turns errors into messages and exit codes (exit.go names them).
//
// analyze.go runs the pipeline (read → normalize → language → sentences →
// tokens → stems → sentiment → themes → signals) over files or stdin into
// JSON lines, CSV or an index (index.go); search.go queries an index and
// prints through package render; explain.go shows how one comment's
// sentiment comes about; eval.go scores the sentiment against labelled
// files through package evaluate; themes.go finds what a theme taxonomy
// misses and checks taxonomies; lexicon.go looks words up and checks and
// learns lexicons; config.go shows and checks configurations; progress.go
// draws the progress bar and the closing summary.
package main
