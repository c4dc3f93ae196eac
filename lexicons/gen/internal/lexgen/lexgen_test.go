package lexgen

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"testing"
)

// TestRunReproducesCommittedFiles runs the generator with the default
// options into a temporary directory and compares every output with the
// committed file: a difference means the generator changed what it writes,
// or lexicons/src was edited without regenerating. It needs the third-party
// sources in ../shared/data/lexicon-sources and skips without them.
func TestRunReproducesCommittedFiles(t *testing.T) {
	root := filepath.Join("..", "..", "..", "..") // the module root
	src := filepath.Join(root, "..", "shared", "data", "lexicon-sources")
	if _, err := os.Stat(filepath.Join(src, "vader", "vader_lexicon.txt")); err != nil {
		t.Skipf("no lexicon sources: %v", err)
	}
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	out := t.TempDir()
	err := Run(Options{
		Src:          src,
		Out:          out,
		Hand:         filepath.Join(root, "lexicons", "src"),
		EmojiMin:     DefaultEmojiMin,
		EmojiNeutral: DefaultEmojiNeutral,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	for _, f := range outputs {
		got, err := os.ReadFile(filepath.Join(out, f.path))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(root, "lexicons", f.path))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			n, g, w := firstDiff(got, want)
			t.Errorf("lexicons/%s:%d differs from the generator's output: generated %q, committed %q (run go run lexicons/gen/main.go)", f.path, n, g, w)
		}
	}
}

// firstDiff returns the number and text of the first line where got and
// want differ ("" past the end of either).
func firstDiff(got, want []byte) (int, string, string) {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; ; i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) || i >= len(g) || i >= len(w) {
			return i + 1, string(gl), string(wl)
		}
	}
}
