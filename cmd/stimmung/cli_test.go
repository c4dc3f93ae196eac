package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mixedInput has good lines in both languages, broken lines, empty texts and
// invalid UTF-8, so that the determinism test covers every path.
func mixedInput(n int) []byte {
	texts := []string{
		`"Die Lieferung kam drei Tage zu spät. Sehr ärgerlich!"`,
		`"I can't believe it, never again :-("`,
		`""`,
		`"Gefällt mir nicht, gibt's ja nicht!!! z.B. am 3. Mai 😡"`,
		`"Great support, thanks <3 https://example.com/x"`,
		"\"ung\xfcltig aber lesbar\"",
	}
	var b bytes.Buffer
	for i := range n {
		if i%17 == 5 {
			b.WriteString("{broken\n")
			continue
		}
		fmt.Fprintf(&b, "{\"id\":%d,\"text\":%s}\n", i, texts[i%len(texts)])
	}
	return b.Bytes()
}

func run(t *testing.T, stdin []byte, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, Streams{In: bytes.NewReader(stdin), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func TestOutputIdenticalWithAnyWorkers(t *testing.T) {
	in := mixedInput(3000)
	one, _, code1 := run(t, in, "analyze", "--debug", "--workers", "1")
	eight, _, code8 := run(t, in, "analyze", "--debug", "--workers", "8")
	if code1 != ExitRecords || code8 != ExitRecords {
		t.Errorf("exit codes %d, %d; want %d (broken lines)", code1, code8, ExitRecords)
	}
	if one != eight {
		t.Fatal("output with 8 workers differs from output with 1")
	}
	if n := strings.Count(one, "\n"); n != 3000 {
		t.Errorf("%d output lines for 3000 input lines", n)
	}
	again, _, _ := run(t, in, "analyze", "--debug", "--workers", "8")
	if again != eight {
		t.Error("two runs with 8 workers differ")
	}
}

// A tool writes one line and reads its answer before writing the next: the
// answer must come without closing stdin.
func TestStreamAnswersEachLine(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Run([]string{"analyze", "--workers", "2"}, Streams{In: inR, Out: outW, Err: io.Discard})
		outW.Close()
	}()
	answers := bufio.NewReader(outR)
	for i, line := range []string{`{"id":"a","text":"Alles bestens, danke!"}`, `broken`, `{"id":"c","text":"Thanks a lot, great service"}`} {
		if _, err := io.WriteString(inW, line+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string)
		go func() {
			s, _ := answers.ReadString('\n')
			got <- s
		}()
		select {
		case s := <-got:
			if !strings.Contains(s, fmt.Sprintf(`"line":%d`, i+1)) {
				t.Errorf("answer %d: %s", i+1, s)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no answer to line %d while stdin is still open", i+1)
		}
	}
	inW.Close()
	if code := <-done; code != ExitRecords {
		t.Errorf("exit %d, want %d", code, ExitRecords)
	}
}

type closedWriter struct{ n int }

func (c *closedWriter) Write(p []byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

func TestClosedStdoutEndsQuietly(t *testing.T) {
	var errb bytes.Buffer
	code := Run([]string{"analyze", "-q"}, Streams{In: bytes.NewReader(mixedInput(200000)), Out: &closedWriter{}, Err: &errb})
	if code != ExitOK || errb.Len() != 0 {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errb.String())
	}
}

func TestOutputFileFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "results.csv")
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"1","text":"Sehr gut","store":"Berlin"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, nil, "analyze", "--output", out, in)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "1 records, 0 failed") {
		t.Errorf("no summary on stderr: %q", stderr)
	}
	got, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(got), "id,line,lang,") || !strings.HasPrefix(strings.Split(string(got), "\n")[1], "1,1,de,detected,") || !strings.Contains(string(got), ",Sehr gut,Berlin,\n") {
		t.Errorf("CSV output:\n%s", got)
	}
	// --format wins over the extension.
	run(t, nil, "analyze", "--output", out, "--format", "jsonl", in)
	got, _ = os.ReadFile(out)
	if !strings.HasPrefix(string(got), `{"id":"1"`) {
		t.Errorf("--format jsonl ignored: %s", got)
	}
}

func TestQuietHasNoStderr(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte("{\"text\":\"ok\"}\nbroken\n"), 0o644)
	_, stderr, code := run(t, nil, "analyze", "-q", in)
	if code != ExitRecords || stderr != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestConfigShowLoadsAgain(t *testing.T) {
	shown, _, code := run(t, nil, "config", "show")
	if code != 0 || !strings.Contains(shown, "stages:") {
		t.Fatalf("config show: exit %d\n%s", code, shown)
	}
	out, stderr, code := run(t, []byte(shown), "config", "lint", "-")
	if code != 0 || !strings.Contains(out, "stdin: ok (stages: normalize → language → sentences → tokens → stems → sentiment → themes → signals)") {
		t.Errorf("lint of shown config: exit %d, %q %q", code, out, stderr)
	}
}

func TestStagesList(t *testing.T) {
	out, _, code := run(t, nil, "config", "stages")
	if code != 0 || !strings.Contains(out, "stems") || !strings.Contains(out, "needs tokens, language") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
