package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want.* files of the golden cases")

// TestGolden runs each directory under the top-level testdata/cli (the
// commands as documented) and testdata/badinput (hostile input and misuse)
// as one CLI call, in-process, inside a copy of that directory:
//
//	args         the arguments, separated by white space; "a Go string" is one argument
//	stdin        optional standard input
//	env          optional KEY=VALUE lines
//	gen          optional generated files, one per line: NAME: PART...
//	             where PART is a Go string, optionally repeated: "ab\x00"*1000;
//	             NAME -> TARGET makes a symbolic link
//	setup        optional CLI calls run first, one per line (each must exit 0)
//	want.out     expected stdout
//	want.err     expected stderr (timings masked, the copy's path shown as $DIR)
//	want.exit    expected exit code
//	want.file.X  expected content of file X after the call
//
// Every case also checks that no temporary output file is left behind.
// go test ./cmd/stimmung -run Golden -update rewrites the want files.
func TestGolden(t *testing.T) {
	for _, set := range []string{"cli", "badinput"} {
		root, err := filepath.Abs(filepath.Join("../../testdata", set))
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
			t.Run(set+"/"+d.Name(), func(t *testing.T) { runGolden(t, root, d.Name()) })
		}
	}
}

func runGolden(t *testing.T, root, name string) {
	// The copy sits at the same depth, beside a link to testdata/sample,
	// so that a case can name ../../sample/feedback.csv.
	src := filepath.Join(root, name)
	top := t.TempDir()
	work := filepath.Join(top, "testdata", filepath.Base(root), name)
	if err := os.CopyFS(work, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "..", "sample"), filepath.Join(top, "testdata", "sample")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	if gen, err := os.ReadFile("gen"); err == nil {
		if err := generate(string(gen)); err != nil {
			t.Fatalf("gen: %v", err)
		}
	}
	var environ []string
	if env, err := os.ReadFile("env"); err == nil {
		environ = strings.Fields(string(env))
	}
	if setup, err := os.ReadFile("setup"); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(setup)), "\n") {
			var out, errb bytes.Buffer
			if code := Run(must(splitArgs(line)), Streams{In: strings.NewReader(""), Out: &out, Err: &errb, Environ: environ}); code != 0 {
				t.Fatalf("setup %q: exit %d\n%s", line, code, errb.String())
			}
		}
	}
	args := must(splitArgs(string(must(os.ReadFile("args")))))
	stdin, _ := os.ReadFile("stdin")
	var out, errb bytes.Buffer
	code := Run(args, Streams{In: bytes.NewReader(stdin), Out: &out, Err: &errb, Environ: environ})
	mask := func(s string) string { return strings.ReplaceAll(maskTimings(s), work, "$DIR") }
	check(t, filepath.Join(src, "want.out"), mask(out.String()))
	check(t, filepath.Join(src, "want.err"), mask(errb.String()))
	check(t, filepath.Join(src, "want.exit"), strconv.Itoa(code)+"\n")
	wants, _ := filepath.Glob(filepath.Join(src, "want.file.*"))
	for _, want := range wants {
		name := strings.TrimPrefix(filepath.Base(want), "want.file.")
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		check(t, want, string(got))
	}
	fs.WalkDir(os.DirFS(work), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", path)
		}
		return nil
	})
}

// splitArgs splits a line at white space; an argument that starts with a
// double quote is a Go string literal.
func splitArgs(line string) ([]string, error) {
	var args []string
	for {
		line = strings.TrimLeft(line, " \t\r\n")
		if line == "" {
			return args, nil
		}
		if line[0] == '"' {
			q, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil, fmt.Errorf("argument %.20s…: %v", line, err)
			}
			args = append(args, must(strconv.Unquote(q)))
			line = line[len(q):]
			continue
		}
		end := strings.IndexAny(line, " \t\r\n")
		if end < 0 {
			end = len(line)
		}
		args = append(args, line[:end])
		line = line[end:]
	}
}

// generate writes the files a gen file describes (see TestGolden): inputs
// too large or too odd to keep in the repository as they are.
func generate(spec string) error {
	for _, line := range strings.Split(spec, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if name, target, ok := strings.Cut(line, " -> "); ok {
			if err := os.Symlink(strings.TrimSpace(target), strings.TrimSpace(name)); err != nil {
				return err
			}
			continue
		}
		name, parts, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("line %q: want NAME: PART... or NAME -> TARGET", line)
		}
		var buf bytes.Buffer
		rest := strings.TrimSpace(parts)
		for rest != "" {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return fmt.Errorf("line %q: %v", line, err)
			}
			s := must(strconv.Unquote(q))
			rest = rest[len(q):]
			n := 1
			if strings.HasPrefix(rest, "*") {
				digits := strings.TrimLeft(rest[1:], "0123456789")
				if n, err = strconv.Atoi(rest[1 : len(rest)-len(digits)]); err != nil {
					return fmt.Errorf("line %q: %v", line, err)
				}
				rest = digits
			}
			buf.WriteString(strings.Repeat(s, n))
			rest = strings.TrimSpace(rest)
		}
		if err := os.WriteFile(strings.TrimSpace(name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
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
		t.Errorf("%s differs.\n--- got:\n%s\n--- want:\n%s", filepath.Base(file), got, want)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
