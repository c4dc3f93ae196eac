package main

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0 // all records analysed
	ExitUsage   = 1 // bad command line
	ExitConfig  = 2 // bad configuration (file, environment, flags, stage options)
	ExitRecords = 3 // the run finished, but some records failed (or --max-errors was hit)
	ExitIO      = 4 // an input or output could not be read or written
	// ExitInternal is a bug: stimmung panicked (the stack is on stderr).
	ExitInternal = 5
	// A run stopped by a signal wrote what it had read, whole, and exits
	// 128 + the signal's number, as a shell reports it.
	ExitInterrupted = 130 // SIGINT (Ctrl-C)
	ExitTerminated  = 143 // SIGTERM
)

// usageError is a problem with the command line itself.
type usageError struct{ error }

// ioError is a failure to read an input or write the output.
type ioError struct{ error }

func (e ioError) Unwrap() error { return e.error }

// recordsFailed ends a run in which some records became error records.
// silent (--quiet) leaves the exit code to say so.
type recordsFailed struct {
	error
	silent bool
}

func exitCode(err error) int {
	var ce *configs.Error
	var ue usageError
	var ie ioError
	var rf recordsFailed
	var pe *fs.PathError
	var ir interrupted
	var lp *lexicons.ParseError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ir):
		return ir.code()
	case errors.As(err, &ce), errors.As(err, &lp), errors.Is(err, errLexiconProblems):
		return ExitConfig
	case errors.As(err, &rf):
		return ExitRecords
	case errors.As(err, &ie), errors.As(err, &pe), errors.Is(err, errStdoutClosed):
		return ExitIO
	case errors.As(err, &ue):
		return ExitUsage
	}
	return ExitUsage
}

// closedOutput reports a write to a reader that went away (| head).
func closedOutput(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, fs.ErrClosed)
}
