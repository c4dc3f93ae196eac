package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// stallingReader serves data, then blocks (stdin on a terminal, a quiet
// pipe) until release is closed, then ends.
type stallingReader struct {
	data    []byte
	blocked chan struct{} // closed when data is used up and Read waits
	release chan struct{}
	once    sync.Once
}

func (r *stallingReader) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	r.once.Do(func() { close(r.blocked) })
	<-r.release
	return 0, io.EOF
}

// checkWholePrefix fails unless got is the first n lines of full, each
// whole (for JSON lines: each a JSON object).
func checkWholePrefix(t *testing.T, got, full string, n int, jsonl bool) {
	t.Helper()
	if !strings.HasSuffix(got, "\n") {
		t.Fatalf("the output ends in a partial line: ...%q", got[max(0, len(got)-80):])
	}
	lines := strings.SplitAfter(full, "\n")
	if len(lines) < n {
		t.Fatalf("the full output has %d lines, want more than %d", len(lines), n)
	}
	if want := strings.Join(lines[:n], ""); got != want {
		t.Fatalf("the output (%d lines) is not the first %d lines of the full output", strings.Count(got, "\n"), n)
	}
	if jsonl {
		for i, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if !json.Valid([]byte(l)) {
				t.Fatalf("line %d is not JSON: %q", i+1, l)
			}
		}
	}
}

// TestInterruptMidStream: SIGINT or SIGTERM while the input is half read
// (the reader blocks in the middle of a line) ends the run at once: every
// record read is written as a whole line, in order (the first N lines of
// the full output), the output file is kept, an index is closed cleanly
// and a re-run completes it; stderr says "interrupted"; exit 130 or 143.
func TestInterruptMidStream(t *testing.T) {
	tmp := t.TempDir()
	const n, total = 300, 600
	src := filepath.Join(tmp, "all.jsonl")
	writeComments(t, src, total, "")
	full := readTestFile(t, src)
	lines := strings.SplitAfter(full, "\n")
	// n whole lines and half of the next: the run must not take the half.
	served := strings.Join(lines[:n], "") + lines[n][:len(lines[n])/2]

	fullOut := map[string]string{}
	for _, format := range []string{"jsonl", "csv"} {
		out, errs, code := run(t, []byte(full), "analyze", "-q", "--format", format)
		if code != 0 {
			t.Fatalf("full run: exit %d: %s", code, errs)
		}
		fullOut[format] = out
	}

	for _, tc := range []struct {
		name   string
		sig    os.Signal
		args   []string // {out} and {ix} are replaced
		out    string   // "stdout", a file name, or "" (index only)
		format string
		index  bool
		code   int
	}{
		{"analyze -o jsonl, SIGTERM", syscall.SIGTERM, []string{"analyze", "-o", "{out}"}, "out.jsonl", "jsonl", false, ExitTerminated},
		{"analyze -o csv, SIGINT", os.Interrupt, []string{"analyze", "-o", "{out}"}, "out.csv", "csv", false, ExitInterrupted},
		{"analyze to stdout, SIGINT", os.Interrupt, []string{"analyze"}, "stdout", "jsonl", false, ExitInterrupted},
		{"index, SIGTERM", syscall.SIGTERM, []string{"index", "--index", "{ix}"}, "", "", true, ExitTerminated},
		{"index, SIGINT", os.Interrupt, []string{"index", "--index", "{ix}"}, "", "", true, ExitInterrupted},
		{"analyze --index -o, SIGINT", os.Interrupt, []string{"analyze", "--index", "{ix}", "-o", "{out}"}, "both.jsonl", "jsonl", true, ExitInterrupted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			outPath := filepath.Join(dir, tc.out)
			ix := filepath.Join(dir, "ix")
			var args []string
			for _, a := range append(tc.args, "--workers", "4") {
				a = strings.ReplaceAll(a, "{out}", outPath)
				args = append(args, strings.ReplaceAll(a, "{ix}", ix))
			}
			in := &stallingReader{data: []byte(served), blocked: make(chan struct{}), release: make(chan struct{})}
			defer close(in.release)
			sigs := make(chan os.Signal, 1)
			go func() { <-in.blocked; sigs <- tc.sig }()
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- Run(args, Streams{In: in, Out: &stdout, Err: &stderr, Interrupt: sigs})
			}()
			var code int
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the run did not end within 20 s of the signal")
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), fmt.Sprintf("%d records", n)) {
				t.Errorf("stderr does not say interrupted after %d records: %s", n, stderr.String())
			}
			switch tc.out {
			case "":
			case "stdout":
				checkWholePrefix(t, stdout.String(), fullOut[tc.format], n, true)
			default:
				want := n
				if tc.format == "csv" {
					want++ // the header
				}
				checkWholePrefix(t, readTestFile(t, outPath), fullOut[tc.format], want, tc.format == "jsonl")
				noTempFiles(t, dir)
			}
			if !tc.index {
				return
			}
			// What was read is indexed; the index stays marked unfinished,
			// and search says so, until an import runs to its end.
			if got, meta := docCount(t, ix); got != n || !meta.Importing {
				t.Fatalf("interrupted index: %d documents (want %d), importing %v (want true)", got, n, meta.Importing)
			}
			var serr bytes.Buffer
			Run([]string{"search", "--index", ix, "-n", "1"}, Streams{In: strings.NewReader(""), Out: io.Discard, Err: &serr})
			if !strings.Contains(serr.String(), "did not finish") {
				t.Errorf("search on the interrupted index does not warn: %q", serr.String())
			}
			var errb bytes.Buffer
			if code := Run([]string{"index", "-q", "--index", ix}, Streams{In: strings.NewReader(full), Out: io.Discard, Err: &errb}); code != 0 {
				t.Fatalf("re-run: exit %d: %s", code, errb.String())
			}
			if got, meta := docCount(t, ix); got != total || meta.Importing {
				t.Fatalf("after the re-run: %d documents (want %d), importing %v", got, total, meta.Importing)
			}
		})
	}
}

// TestSIGTERMProcess: the built binary, sent SIGTERM after its first output
// line while its input (a FIFO) is still open, exits 143 with whole lines,
// a prefix of the full output, and says it was interrupted.
func TestSIGTERMProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not found: cannot build the binary")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "stimmung")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(tmp, "all.jsonl")
	writeComments(t, src, 2000, "")
	full := readTestFile(t, src)
	fullOut, errs, code := run(t, []byte(full), "analyze", "-q")
	if code != 0 {
		t.Fatalf("full run: exit %d: %s", code, errs)
	}

	fifo := filepath.Join(tmp, "in.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	cmd := exec.Command(bin, "analyze", "--workers", "4", fifo)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// Half the input, and half a line: the run then waits for more.
	lines := strings.SplitAfter(full, "\n")
	if _, err := io.WriteString(w, strings.Join(lines[:1000], "")+lines[1000][:20]); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	first := make([]byte, 1)
	for !bytes.Contains(got.Bytes(), []byte("\n")) {
		if _, err := stdout.Read(first); err != nil {
			t.Fatalf("no output line before %v: %s", err, stderr.String())
		}
		got.Write(first)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() {
		_, err := io.Copy(&got, stdout)
		ended <- errors.Join(err, cmd.Wait())
	}()
	select {
	case err = <-ended:
	case <-time.After(20 * time.Second):
		t.Fatalf("still running 20 s after SIGTERM (the input is still open); stderr: %s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != ExitTerminated {
		t.Fatalf("exit %d (%v), want %d; stderr: %s", code, err, ExitTerminated, stderr.String())
	}
	n := strings.Count(got.String(), "\n")
	checkWholePrefix(t, got.String(), fullOut, n, true)
	if !strings.Contains(stderr.String(), "interrupted by SIGTERM") {
		t.Errorf("stderr does not say interrupted: %s", stderr.String())
	}
	t.Logf("%d of 1000 records written before SIGTERM took effect", n)
}
