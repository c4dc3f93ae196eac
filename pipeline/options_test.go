package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stimmung/stimmung/configs"
)

// TestDecodeRejectsNonFinite covers options set in code rather than read
// from a file (configs.Load rejects .nan and .inf in the file itself).
func TestDecodeRejectsNonFinite(t *testing.T) {
	tests := []struct {
		name string
		key  string
		val  any
		want string
	}{
		{"nan", "alpha", math.NaN(), "with.alpha: NaN"},
		{"inf", "alpha", math.Inf(1), "with.alpha: +Inf"},
		{"minus inf float32", "neutral_weight", float32(math.Inf(-1)), "with.neutral_weight: -Inf"},
		{"nested", "thresholds", map[string]any{"de": map[string]any{"positive": math.NaN(), "negative": -0.15}}, "with.thresholds.de.positive: NaN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := configs.Load(configs.Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for i := range cfg.Pipeline.Stages {
				if s := &cfg.Pipeline.Stages[i]; s.Name == "sentiment" {
					s.With[tc.key] = tc.val
					found = true
				}
			}
			if !found {
				t.Fatal("no sentiment stage in the default")
			}
			_, err = Build(cfg)
			var ce *configs.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want *configs.Error", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "finite") || !strings.Contains(err.Error(), configs.DefaultName) {
				t.Errorf("error %q does not name %q, a finite number and the file", err, tc.want)
			}
			if strings.Count(err.Error(), "pipeline.stages") != 1 {
				t.Errorf("error %q names the option twice", err)
			}
		})
	}
}

// TestOptionErrorCause checks that an option error keeps the error behind
// it (here a lexicon file that does not exist) for errors.Is and
// errors.As, with the message it always had.
func TestOptionErrorCause(t *testing.T) {
	o := &Options{spec: configs.StageSpec{Name: "sentiment", Pos: configs.Pos{File: "my.yaml", Line: 4},
		WithPos: map[string]configs.Pos{"lexicons": {File: "my.yaml", Line: 6, Col: 5}}}, index: 2}
	_, cause := os.ReadFile(filepath.Join(t.TempDir(), "missing.tsv"))
	if cause == nil {
		t.Fatal("reading a missing file succeeded")
	}
	want := "my.yaml:6:5: pipeline.stages[2].with.lexicons: " + cause.Error()
	for name, err := range map[string]error{
		"Wrap":      o.Wrap("lexicons", cause),
		"Errorf %w": o.Errorf("lexicons", "%w", cause),
	} {
		if err.Error() != want {
			t.Errorf("%s: message %q, want %q", name, err, want)
		}
		var ce *configs.Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: %T is not a *configs.Error", name, err)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: errors.Is(%v, fs.ErrNotExist) = false", name, err)
		}
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			t.Errorf("%s: errors.As finds no *fs.PathError in %v", name, err)
		}
	}
	// %v flattens as before: the same message, no cause.
	err := o.Errorf("lexicons", "%v", cause)
	if err.Error() != want || errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Errorf %%v: %q, errors.Is = %v", err, errors.Is(err, fs.ErrNotExist))
	}
	if got, want := o.Errorf("", "stage %s is listed twice", "sentiment").Error(), fmt.Sprintf("my.yaml:4: pipeline.stages[2]: stage %s is listed twice", "sentiment"); got != want {
		t.Errorf("Errorf: %q, want %q", got, want)
	}
}
