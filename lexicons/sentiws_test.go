package lexicons

import (
	"errors"
	"strings"
	"testing"
)

// testdata/sentiws holds five invented entries in the SentiWS v2.0 format;
// SentiWS itself is never read by the tests (its licence keeps it out).
func TestImportSentiWS(t *testing.T) {
	es, err := ImportSentiWS("testdata/sentiws")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Entry{}
	for _, e := range es {
		if _, dup := got[e.Term]; dup {
			t.Errorf("%q twice", e.Term)
		}
		got[e.Term] = e
	}
	// 4 + 1 + 3 positive forms, 2 + 5 negative.
	if len(es) != 15 {
		t.Errorf("%d entries, want 15: %v", len(es), es)
	}
	tests := []struct {
		term   string
		weight float64
		source string
	}{
		{"wunderbar", 2.1, SentiWSPositive + ":1"},
		{"wunderbaren", 2.1, SentiWSPositive + ":1"},
		{"pünktlichkeit", 0.9, SentiWSPositive + ":2"},
		{"lobes", 1.5, SentiWSPositive + ":3"},
		{"verspätungen", -1.2, SentiWSNegative + ":1"},
		{"mies", -2.7, SentiWSNegative + ":2"},
		{"mieses", -2.7, SentiWSNegative + ":2"},
	}
	for _, tt := range tests {
		e, ok := got[tt.term]
		if !ok || e.Weight != tt.weight || e.Source != tt.source || e.Kind != Polarity || e.Match != Exact {
			t.Errorf("%s: got %+v %v, want weight %g from %s", tt.term, e, ok, tt.weight, tt.source)
		}
	}
}

func TestReadSentiWS(t *testing.T) {
	t.Run("duplicate form keeps the stronger weight", func(t *testing.T) {
		es, err := ReadSentiWS(strings.NewReader("\ufeffA|NN\t0.1\tx\r\nB|NN\t-0.5\tx\n"), "p.txt")
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 3 || es[1].Term != "x" || es[1].Weight != -1.5 || es[1].Source != "p.txt:2" {
			t.Errorf("%+v", es)
		}
	})
	errTests := []struct{ name, in, want string }{
		{"no POS", "Gut\t0.3\n", `p.txt:1: "Gut": want Wort|POS`},
		{"bad weight", "Gut|ADJX\tviel\n", `p.txt:1: bad weight "viel": want a number in -1..1`},
		{"weight out of range", "Gut|ADJX\t0.2\nSchlecht|ADJX\t-1.2\n", `p.txt:2: bad weight "-1.2": want a number in -1..1`},
		{"one column", "Gut|ADJX\n", "p.txt:1: want Wort|POS<TAB>weight[<TAB>inflections], got 1 columns"},
		{"space in form", "Gut|ADJX\t0.3\tgute,sehr gute\n", `p.txt:1: form "sehr gute" contains a space`},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSentiWS(strings.NewReader(tt.in), "p.txt")
			var pe *ParseError
			if !errors.As(err, &pe) || err.Error() != tt.want {
				t.Fatalf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
	t.Run("missing directory", func(t *testing.T) {
		if _, err := ImportSentiWS("testdata/no-such-dir"); err == nil {
			t.Fatal("no error")
		}
	})
}
