// The stimmung command line. main.go stays tiny; root.go builds the cobra
// commands around injected streams (so tests run the CLI in-process);
// analyze.go runs the pipeline over files or stdin; explain.go shows how one
// comment's sentiment comes about; eval.go scores the sentiment against
// labelled files; config.go shows and checks configurations; exit.go names
// the exit codes; progress.go draws the progress bar and the closing summary.
package main
