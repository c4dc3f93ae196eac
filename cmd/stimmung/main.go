// Command stimmung turns customer feedback in German and English into
// tokens, language, sentiment, themes and a searchable index.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// A closed stdout (stimmung ... | head) must end the run quietly: with
	// SIGPIPE ignored, writes return EPIPE, which the CLI treats as the end.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(Run(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Environ: os.Environ()}))
}
