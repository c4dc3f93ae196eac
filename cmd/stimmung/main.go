// Command stimmung turns customer feedback in German and English into
// tokens, language, sentiment, themes and a searchable index.
package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() { os.Exit(runProcess(os.Args[1:])) }

// runProcess runs the CLI as a process: on the process's standard streams,
// with its signals.
func runProcess(args []string) int {
	// A closed stdout (stimmung ... | head) must end the run quietly: with
	// SIGPIPE ignored, writes return EPIPE, which the CLI treats as the end.
	signal.Ignore(syscall.SIGPIPE)
	var out io.Writer = os.Stdout
	if stdoutClosedAtStart() {
		out = closedStdout{}
	}
	return Run(args, Streams{In: os.Stdin, Out: out, Err: os.Stderr, Environ: os.Environ()})
}

// errStdoutClosed is what writing to a standard output closed at start
// gives: an I/O error (exit 4), not the quiet end of "| head".
var errStdoutClosed = errors.New("standard output was closed when stimmung started: nothing can be written to it (give -o FILE or redirect it)")

// closedStdout stands for a standard output closed at start.
type closedStdout struct{}

func (closedStdout) Write([]byte) (int, error) { return 0, errStdoutClosed }
