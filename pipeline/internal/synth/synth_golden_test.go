package synth

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt from the current generator")

// goldenOutput is what the generator must keep producing byte for byte: a
// few hundred records in full for several seeds, through both WriteJSONL
// (what the index benchmarks use, with seeds 1 and 7) and New/Next, plus
// SHA-256 sums of longer runs so that rare templates are covered too without
// a huge golden file.
func goldenOutput(t *testing.T) []byte {
	var out bytes.Buffer
	for _, seed := range []uint64{0, 1, 7, 42, 1<<64 - 1} {
		fmt.Fprintf(&out, "## WriteJSONL(w, 100, %d)\n", seed)
		if err := WriteJSONL(&out, 100, seed); err != nil {
			t.Fatal(err)
		}
	}

	// Next appends to whatever the buffer already holds.
	fmt.Fprintf(&out, "## New(3).Next, 50 records appended to one buffer\n")
	g := New(3)
	var b []byte
	for range 50 {
		b = g.Next(b)
		b = append(b, '\n')
	}
	out.Write(b)

	for _, c := range []struct {
		n    int
		seed uint64
	}{{20000, 1}, {20000, 7}, {5000, 12345}} {
		h := sha256.New()
		if err := WriteJSONL(h, c.n, c.seed); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "## sha256 WriteJSONL(w, %d, %d) %x\n", c.n, c.seed, h.Sum(nil))
	}
	return out.Bytes()
}

func TestGolden(t *testing.T) {
	got := goldenOutput(t)
	path := filepath.Join("testdata", "golden.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if !bytes.Equal(gl[i], wl[i]) {
			t.Fatalf("output differs from %s at line %d:\ngot  %s\nwant %s", path, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("output differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
}
