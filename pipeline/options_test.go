package pipeline

import (
	"errors"
	"math"
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
