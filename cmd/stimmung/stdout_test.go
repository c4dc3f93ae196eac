package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestStdoutClosed: a standard output closed at start (stimmung ... >&-)
// is an I/O error, exit 4, with a message; the records are not counted as
// written. A reader that goes away mid-run (| head) ends the run quietly
// with exit 0; -o FILE still works.
func TestStdoutClosed(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("closed standard output is detected on Linux only")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to close the standard output with")
	}
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in.jsonl")
	writeComments(t, in, 50, "")
	out := filepath.Join(tmp, "out.jsonl")
	for _, tc := range []struct {
		args     []string
		code     int
		wantErr  string
		wantFile bool
	}{
		{[]string{"analyze", in}, ExitIO, "standard output was closed", false},
		{[]string{"config", "show"}, ExitIO, "standard output was closed", false},
		{[]string{"analyze", "-q", "-o", out, in}, ExitOK, "", true},
	} {
		t.Run(strings.Join(tc.args[:1], " "), func(t *testing.T) {
			b, _ := json.Marshal(tc.args)
			cmd := exec.Command(sh, "-c", `exec "$0" -test.run='^$' >&-`, os.Args[0])
			cmd.Env = append(os.Environ(), "CHILD_OF_STIMMUNG_TEST="+string(b))
			errb, _ := cmd.CombinedOutput()
			code := cmd.ProcessState.ExitCode()
			if code != tc.code || !strings.Contains(string(errb), tc.wantErr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errb, tc.code, tc.wantErr)
			}
			if tc.wantFile {
				data, err := os.ReadFile(out)
				if err != nil || strings.Count(string(data), "\n") != 50 {
					t.Fatalf("output file: %d lines, %v", strings.Count(string(data), "\n"), err)
				}
			}
		})
	}
}

// TestStdoutReaderGoesAway: like stimmung analyze big.jsonl | head -1, in a
// real process: the run ends at once, quietly, with exit 0.
func TestStdoutReaderGoesAway(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	writeComments(t, in, 20000, "")
	b, _ := json.Marshal([]string{"analyze", "-q", in})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CHILD_OF_STIMMUNG_TEST="+string(b))
	var errb strings.Builder
	cmd.Stderr = &errb
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !json.Valid([]byte(line)) {
		t.Fatalf("first line %q: %v", line, err)
	}
	stdout.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 60 s after its reader went away")
	}
	if code := cmd.ProcessState.ExitCode(); code != ExitOK || errb.Len() > 0 {
		t.Fatalf("exit %d, stderr %q; want exit 0 and nothing", code, errb.String())
	}
}
