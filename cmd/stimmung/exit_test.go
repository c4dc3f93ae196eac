package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/pipeline"
)

// TestSearchQueryErrors: queries Bleve cannot run (a fuzziness over 2, a
// regular expression whose automaton is too large or that does not parse)
// exited 4, the code of a missing index, with Bleve's words. They are usage
// errors (exit 1) in ours; a missing index stays 4.
func TestSearchQueryErrors(t *testing.T) {
	root, err := filepath.Abs("../../testdata/search")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "feedback.idx")
	if _, errs, code := run(t, nil, "index", "--index", dir, "-q", filepath.Join(root, "comments.jsonl")); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	tests := []struct {
		name  string
		index string
		query string
		code  int
		want  string // in stderr
	}{
		{"fuzziness 100", dir, "Lieferung~100", ExitUsage, "fuzziness 100: a fuzzy word allows at most 2 edits"},
		{"fuzziness 3", dir, "lieferung~3", ExitUsage, "at most 2 edits"},
		{"bare ~100", dir, "~100", ExitUsage, "syntax error"},
		{"regexp with too many states", dir, "/[a-z]*a[a-z]{20}/", ExitUsage, "query too complex to run (simplify the regular expression or wildcard): dfa contains more than 10000 states"},
		{"regexp repeat over 1000", dir, "/x{1001}/", ExitUsage, "regular expression /x{1001}/ is not valid"},
		{"regexp unclosed class", dir, "/[/", ExitUsage, "regular expression /[/ is not valid"},
		{"missing index", filepath.Join(t.TempDir(), "none"), "Lieferung", ExitIO, "no index at"},
		{"fuzziness 2 runs", dir, "Lieferung~2", ExitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := run(t, nil, "search", "--index", tc.index, "--format", "jsonl", tc.query)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errs)
			}
			if !strings.Contains(errs, tc.want) {
				t.Errorf("stderr %q does not contain %q", errs, tc.want)
			}
			if strings.Contains(errs, "search: ") {
				t.Errorf("stderr has Bleve's wording: %q", errs)
			}
		})
	}
}

// TestPanicIsInternalError: a panic in a command exited 2 through Go's
// runtime, the code of a configuration error. Run's guard reports it as an
// internal error with the stack and exits ExitInternal.
func TestPanicIsInternalError(t *testing.T) {
	var errb bytes.Buffer
	code := guard(&errb, func() int { panic("boom") })
	if code != ExitInternal {
		t.Errorf("exit %d, want %d", code, ExitInternal)
	}
	msg := errb.String()
	for _, want := range []string{"stimmung: internal error: boom\n", "goroutine ", "TestPanicIsInternalError", "This is a bug in stimmung"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, msg)
		}
	}
	if ExitInternal == ExitOK || ExitInternal == ExitUsage || ExitInternal == ExitConfig || ExitInternal == ExitRecords || ExitInternal == ExitIO {
		t.Errorf("ExitInternal %d is not distinct", ExitInternal)
	}
	// Without a panic the code is f's.
	if code := guard(&errb, func() int { return ExitRecords }); code != ExitRecords {
		t.Errorf("guard changed exit %d to %d", ExitRecords, code)
	}
}

// TestInternalErrorFromRun: a panic the pipeline caught in another
// goroutine reaches the user as a bug report with its stack, exit 5, also
// when a command wrapped it.
func TestInternalErrorFromRun(t *testing.T) {
	var errb bytes.Buffer
	err := ioError{fmt.Errorf("input: %w", &pipeline.InternalError{Value: "boom\x1b[2J", Stack: []byte("goroutine 7 [running]:\nreader()")})}
	if code := exitWith(err, Streams{Err: &errb}); code != ExitInternal {
		t.Fatalf("exit %d, want %d", code, ExitInternal)
	}
	got := errb.String()
	for _, want := range []string{"internal error: boom\\x1b[2J", "goroutine 7 [running]", "This is a bug"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%s", want, got)
		}
	}
}
