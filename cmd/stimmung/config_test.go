package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNonFiniteNumbersRejected: .nan turned every score into 0 and passed
// `config lint`; NaN and ±Inf are refused wherever a number is read from a
// configuration or a taxonomy, with the key and its line.
func TestNonFiniteNumbersRejected(t *testing.T) {
	const stems = "pipeline:\n  stages:\n    - name: normalize\n    - name: language\n    - name: sentences\n    - name: tokens\n    - name: stems\n    - name: sentiment\n      with:\n"
	tests := []struct {
		name string
		with string
		want string // key and line
	}{
		{"nan", "        alpha: .nan\n", "c.yaml:10:16: pipeline.stages[5].with.alpha"},
		{"inf", "        alpha: .inf\n", "c.yaml:10:16: pipeline.stages[5].with.alpha"},
		{"minus inf", "        alpha: -.inf\n", "c.yaml:10:16: pipeline.stages[5].with.alpha"},
		{"nan nested", "        thresholds:\n          de: {positive: .nan, negative: -0.15, mixed_min: 1.5, mixed_balance: 0.5, mixed_max_score: 0.3}\n",
			"c.yaml:11:26: pipeline.stages[5].with.thresholds.de.positive"},
		{"inf nested", "        thresholds:\n          en:\n            negative: -.inf\n",
			"c.yaml:12:23: pipeline.stages[5].with.thresholds.en.negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "c.yaml")
			if err := os.WriteFile(cfg, []byte(stems+tc.with), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"config", "lint", cfg},
				{"analyze", "--config", cfg, "-"},
			} {
				out, errs, code := run(t, []byte(`{"id":1,"text":"Sehr gut"}`+"\n"), args...)
				if code != ExitConfig {
					t.Errorf("%s: exit %d, want %d (configuration)\nstdout: %s\nstderr: %s", args[0], code, ExitConfig, out, errs)
				}
				if !strings.Contains(errs, tc.want) || !strings.Contains(errs, "finite number") {
					t.Errorf("%s: stderr %q does not name %q and a finite number", args[0], errs, tc.want)
				}
			}
		})
	}
}

func TestThemesCheckRejectsNaN(t *testing.T) {
	for _, v := range []string{".nan", ".NaN", "-.inf"} {
		t.Run(v, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "tx.yaml")
			tx := "name: t\nversion: \"1\"\nthemes:\n  - name: delivery\n    weight: " + v + "\n    terms:\n      de: [lieferung]\n"
			if err := os.WriteFile(p, []byte(tx), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code := run(t, nil, "themes", "check", p)
			if code != ExitConfig || !strings.Contains(errs, "weight") || !strings.Contains(errs, v) {
				t.Errorf("exit %d, stderr %q (stdout %q): want %d and a message naming weight %s", code, errs, out, ExitConfig, v)
			}
		})
	}
}
