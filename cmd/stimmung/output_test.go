package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const outputTestInput = `{"id":"a","text":"Sehr gut, danke!"}
{"id":"b","text":"Never again, terrible service"}
`

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTempFiles fails when a temporary output file was left in dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// An output that is one of the inputs would be emptied before it is read:
// it is refused, by name, through links too, and the input is unchanged.
func TestOutputIsInputRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		// out returns the output path for the input in; stdin, when set, is
		// given to the run as stdin and the input is "-".
		out   func(t *testing.T, in string) string
		stdin bool
		cmd   []string // analyze -q when nil
		flag  string   // --output when ""
	}{
		{name: "same path", out: func(t *testing.T, in string) string { return in }},
		{name: "other spelling", out: func(t *testing.T, in string) string {
			return filepath.Join(filepath.Dir(in), ".", "..", filepath.Base(filepath.Dir(in)), filepath.Base(in))
		}},
		{name: "symlink", out: func(t *testing.T, in string) string {
			l := filepath.Join(t.TempDir(), "link.jsonl")
			if err := os.Symlink(in, l); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
			return l
		}},
		{name: "hard link", out: func(t *testing.T, in string) string {
			l := filepath.Join(filepath.Dir(in), "hard.jsonl")
			if err := os.Link(in, l); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
			return l
		}},
		{name: "stdin", stdin: true, out: func(t *testing.T, in string) string { return in }},
		{name: "lexicon learn -o", cmd: []string{"lexicon", "learn", "--lang", "de"}, out: func(t *testing.T, in string) string { return in }},
		{name: "lexicon learn --phrases-out", cmd: []string{"lexicon", "learn", "--lang", "de", "-o", "-"}, flag: "--phrases-out", out: func(t *testing.T, in string) string { return in }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := outputTestInput
			if tc.cmd != nil {
				// Labelled comments: learn would read them and then
				// overwrite them with the layer.
				content = readTestFile(t, learnInput(t, false))
			}
			in := filepath.Join(t.TempDir(), "same.jsonl")
			writeTestFile(t, in, content)
			out := tc.out(t, in)
			cmd := tc.cmd
			if cmd == nil {
				cmd = []string{"analyze", "-q"}
			}
			flag := tc.flag
			if flag == "" {
				flag = "--output"
			}
			args := append(append([]string{}, cmd...), flag, out)
			var stdin io.Reader = strings.NewReader("")
			if tc.stdin {
				f, err := os.Open(in)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
				args = append(args, "-")
			} else {
				args = append(args, in)
			}
			var stdout, stderr bytes.Buffer
			code := Run(args, Streams{In: stdin, Out: &stdout, Err: &stderr})
			if code != ExitUsage {
				t.Errorf("exit %d, want %d (usage); stderr: %s", code, ExitUsage, stderr.String())
			}
			name := in
			if tc.stdin {
				name = "stdin"
			}
			if msg := stderr.String(); !strings.Contains(msg, out) || !strings.Contains(msg, name+":") {
				t.Errorf("message does not name %s and %s: %q", out, name, msg)
			}
			if got := readTestFile(t, in); got != content {
				t.Errorf("input changed to %.200q", got)
			}
			noTempFiles(t, filepath.Dir(in))
		})
	}
}

// The output is written into a temporary file that replaces the target at
// the end: a reader that had the old output open reads it whole, the new
// output is complete (also when records failed: the run finished), the
// mode of the old file is kept and nothing is left behind.
func TestOutputReplacedWhole(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	writeTestFile(t, in, outputTestInput+"{broken\n")
	out := filepath.Join(dir, "out.jsonl")
	old := strings.Repeat(`{"old":true}`+"\n", 1000)
	writeTestFile(t, out, old)
	if err := os.Chmod(out, 0o640); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	stdout, stderr, code := run(t, nil, "analyze", "-q", "-o", out, in)
	if code != ExitRecords {
		t.Fatalf("exit %d, want %d (a broken line); stderr: %s", code, ExitRecords, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	got := readTestFile(t, out)
	if n := strings.Count(got, "\n"); n != 3 || !strings.Contains(got, `"id":"b"`) || !strings.Contains(got, `"error":`) {
		t.Errorf("output has %d lines, want 3 (2 records, 1 error record):\n%s", n, got)
	}
	b, err := io.ReadAll(reader)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != old {
		t.Errorf("the old output, open while the run wrote, was changed: %d bytes, want %d", len(b), len(old))
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("output mode %v (%v), want the old file's -rw-r-----", fi.Mode(), err)
	}
	noTempFiles(t, dir)

	// A new output file.
	fresh := filepath.Join(dir, "fresh.jsonl")
	if _, stderr, code := run(t, nil, "analyze", "-q", "-o", fresh, in); code != ExitRecords {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitRecords, stderr)
	}
	if got := readTestFile(t, fresh); got != readTestFile(t, out) {
		t.Errorf("new output differs from the replaced one:\n%s", got)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new output mode %v (%v), want -rw-r--r--", fi.Mode(), err)
	}
	noTempFiles(t, dir)
}

// A run that ends on a fatal error (the second input cannot be read)
// leaves an existing output as it was and no temporary file.
func TestOutputUnchangedOnFatalError(t *testing.T) {
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			good := filepath.Join(dir, "good.jsonl")
			writeTestFile(t, good, outputTestInput)
			bad := filepath.Join(dir, "bad.xlsx")
			writeTestFile(t, bad, "not a zip file\n")
			out := filepath.Join(dir, "out."+format)
			writeTestFile(t, out, "the previous output\n")

			_, stderr, code := run(t, nil, "analyze", "-q", "-o", out, good, bad)
			if code != ExitIO {
				t.Fatalf("exit %d, want %d (I/O); stderr: %s", code, ExitIO, stderr)
			}
			if got := readTestFile(t, out); got != "the previous output\n" {
				t.Errorf("output after a fatal error = %q, want the previous output", got)
			}
			noTempFiles(t, dir)
		})
	}
}
