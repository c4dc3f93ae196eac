package read

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden reads testdata/golden/<case>/input.* with the options in
// options.json (over the default columns) and compares the records and
// warnings with want.jsonl.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("want one input file, have %q", inputs)
			}
			data, err := os.ReadFile(inputs[0])
			if err != nil {
				t.Fatal(err)
			}
			o := testOptions(filepath.Base(inputs[0]))
			if opts, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
				dec := json.NewDecoder(bytes.NewReader(opts))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&o); err != nil {
					t.Fatalf("options.json: %v", err)
				}
			}
			res := readAll(t, data, o)
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			for _, r := range res.recs {
				if err := enc.Encode(viewOf(t, r)); err != nil {
					t.Fatal(err)
				}
			}
			for _, w := range res.warns {
				if err := enc.Encode(map[string]string{"warn": w}); err != nil {
					t.Fatal(err)
				}
			}
			wantPath := filepath.Join(dir, "want.jsonl")
			if *update {
				if err := os.WriteFile(wantPath, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("records differ from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", wantPath, got.Bytes(), want)
			}
		})
	}
}
