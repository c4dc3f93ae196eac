package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawControl reports a control character other than newline that would
// reach the terminal.
func rawControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f))
	})
}

// TestSearchTableEscapesControls: a comment holding ESC]0;…BEL (set the
// window title) and ESC[2J (clear the screen) was printed raw in the search
// table, where the terminal obeyed it. Each cell now shows them escaped;
// JSON lines keep the text as data.
func TestSearchTableEscapesControls(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.jsonl")
	comment := `{"id":"E1\u001b[31m","text":"Die Lieferung \u001b]0;pwned\u0007 kam \u001b[2J spät \u009b31m an\nund\tso","touchpoint":"app\u001b[2J"}` + "\n"
	if err := os.WriteFile(in, []byte(comment), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := filepath.Join(dir, "e.idx")
	if _, errs, code := run(t, nil, "index", "--index", ix, "-q", in); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	out, errs, code := run(t, nil, "search", "--index", ix, "--format", "table", "--no-highlight", "--facet", "touchpoint", "Lieferung")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `1 matching comment
ID          DATE  LABEL    SCORE  THEMES             TEXT
E1\x1b[31m        neutral  -0.12  delivery:negative  Die Lieferung \x1b]0;pwned\x07 kam \x1b[2J spät \u009b31m an und so
touchpoint: app\x1b[2j 1
`
	if out != want {
		t.Errorf("table:\n%s\nwant:\n%s", out, want)
	}
	if rawControl(out) {
		t.Errorf("a control character reaches the terminal: %q", out)
	}
	// With highlights (the default) the cells are escaped as well.
	out, _, _ = run(t, nil, "search", "--index", ix, "--format", "table", "Lieferung")
	if rawControl(out) {
		t.Errorf("highlighted table: a control character reaches the terminal: %q", out)
	}
	// JSON lines keep the data: the text decodes to what was indexed.
	out, _, _ = run(t, nil, "search", "--index", ix, "--format", "jsonl", "--no-highlight", "Lieferung")
	if !strings.Contains(out, `"text":"Die Lieferung \u001b]0;pwned\u0007 kam \u001b[2J spät `) {
		t.Errorf("jsonl does not keep the text as data: %s", out)
	}
}

// TestHeaderNameEscapedInMessages: a CSV header name with ESC[2J was
// quoted raw in the "no text column" message on stderr.
func TestHeaderNameEscapedInMessages(t *testing.T) {
	in := filepath.Join(t.TempDir(), "h.csv")
	if err := os.WriteFile(in, []byte("id,kom\x1b[2Jmentar\x07\n1,gut\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, _ := run(t, nil, "analyze", in)
	if !strings.Contains(errs, `(columns: id, kom\x1b[2Jmentar\x07)`) {
		t.Errorf("stderr does not show the header name escaped:\n%s", errs)
	}
	if rawControl(errs) {
		t.Errorf("a control character reaches the terminal: %q", errs)
	}
}

// TestErrorMessageEscaped: the error that ends a run, printed by Run,
// quotes paths and values as given (here an index directory).
func TestErrorMessageEscaped(t *testing.T) {
	_, errs, code := run(t, nil, "search", "--index", filepath.Join(t.TempDir(), "no\x1b[2Jne"), "x")
	if code != ExitIO {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if rawControl(errs) || !strings.Contains(errs, `no\x1b[2Jne`) {
		t.Errorf("stderr: %q", errs)
	}
}
