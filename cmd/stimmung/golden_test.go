package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want.* files of the golden cases")

// TestGolden runs each directory under the top-level testdata/cli as one CLI call,
// in-process, from inside that directory:
//
//	args       the arguments, whitespace-separated (one line)
//	stdin      optional standard input
//	env        optional KEY=VALUE lines
//	want.out   expected stdout
//	want.err   expected stderr (timings in the summary are masked)
//	want.exit  expected exit code
//
// go test ./cmd/stimmung -run Golden -update rewrites the want files.
func TestGolden(t *testing.T) {
	root, err := filepath.Abs("../../testdata/cli")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(root, d.Name())
			t.Chdir(dir)
			args := strings.Fields(string(must(os.ReadFile("args"))))
			stdin, _ := os.ReadFile("stdin")
			var environ []string
			if env, err := os.ReadFile("env"); err == nil {
				environ = strings.Fields(string(env))
			}
			var out, errb bytes.Buffer
			code := Run(args, Streams{In: bytes.NewReader(stdin), Out: &out, Err: &errb, Environ: environ})
			gotErr := maskTimings(errb.String())
			check(t, "want.out", out.String())
			check(t, "want.err", gotErr)
			check(t, "want.exit", strconv.Itoa(code)+"\n")
		})
	}
}

var timings = regexp.MustCompile(`[0-9.]+ s, [0-9,]+ records/s`)

func maskTimings(s string) string { return timings.ReplaceAllString(s, "T s, R records/s") }

func check(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs.\n--- got:\n%s\n--- want:\n%s", file, got, want)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
