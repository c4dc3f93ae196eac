// The stimmung command line. main.go stays tiny; root.go builds the cobra
// commands around injected streams (so tests run the CLI in-process);
// analyze.go runs the pipeline over files or stdin; config.go shows and checks
// configurations; exit.go names the exit codes; progress.go draws the
// progress bar and the closing summary.
package main
