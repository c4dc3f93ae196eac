package themes

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// nested is a taxonomy with themes nested depth deep, one term each.
func nested(depth int) string {
	var b strings.Builder
	b.WriteString("name: t\nversion: \"1\"\nthemes:\n")
	for d := range depth {
		ind := strings.Repeat("    ", d)
		fmt.Fprintf(&b, "%s  - name: t%d\n%s    terms: {de: [wort%d]}\n", ind, d, ind, d)
		if d < depth-1 {
			fmt.Fprintf(&b, "%s    themes:\n", ind)
		}
	}
	return b.String()
}

// rule is a taxonomy with one rule whose key list has n patterns.
func rule(key string, n int) string {
	pats := make([]string, n)
	for i := range pats {
		pats[i] = fmt.Sprintf("w%d", i)
	}
	extra := ""
	if key == "not" {
		extra = ", any: [a, b]"
	}
	return fmt.Sprintf("name: t\nversion: \"1\"\nthemes:\n  - name: a\n    rules:\n      de:\n        - {%s: [%s]%s}\n", key, strings.Join(pats, ", "), extra)
}

// themes is a taxonomy with n top-level themes.
func themes(n int) string {
	var b strings.Builder
	b.WriteString("name: t\nversion: \"1\"\nthemes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: t%d, terms: {de: [w%d]}}\n", i, i)
	}
	return b.String()
}

// terms is a taxonomy with one theme of n terms.
func terms(n int) string {
	pats := make([]string, n)
	for i := range pats {
		pats[i] = fmt.Sprintf("w%d", i)
	}
	return "name: t\nversion: \"1\"\nthemes:\n  - name: a\n    terms: {de: [" + strings.Join(pats, ", ") + "]}\n"
}

// TestTaxonomyLimits: themes check accepted a rule of 2,000 all patterns
// (5,000 records took 104 s) and themes nested 2,001 deep (10.5 MB a
// record). Past each limit Parse refuses with the file:line of the first
// thing too many; at the limit it accepts.
func TestTaxonomyLimits(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // "" accepts; else in the error, after "x.yaml:"
	}{
		{"depth 8", nested(MaxDepth), ""},
		{"depth 9", nested(MaxDepth + 1), "x.yaml:28:37: theme t0/t1/t2/t3/t4/t5/t6/t7/t8: nested 9 deep"},
		{"depth 2001", nested(2001), "nested 9 deep: at most 8 levels of themes"},
		{"all of 10", rule("all", MaxAll), ""},
		{"all of 11", rule("all", MaxAll+1), "x.yaml:7:"},
		{"all of 11 message", rule("all", MaxAll+1), "rules.de[0].all: 11 patterns: a rule's list holds at most 10"},
		{"all of 2000", rule("all", 2000), "at most 10"},
		{"any of 100", rule("any", MaxAny), ""},
		{"any of 101", rule("any", MaxAny+1), "any: 101 patterns"},
		{"not of 101", rule("not", MaxNot+1), "not: 101 patterns"},
		{"2000 themes", themes(MaxThemes), ""},
		{"2001 themes", themes(MaxThemes + 1), "x.yaml:2004:5: theme t2000: theme 2001: a taxonomy holds at most 2000 themes"},
		{"2000 terms", terms(MaxThemePatterns), ""},
		{"2001 terms", terms(MaxThemePatterns + 1), "x.yaml:4:5: theme a: 2001 patterns"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tc.yaml))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused at the limit: %v", err)
				}
				return
			}
			var te *Error
			if !errors.As(err, &te) || te.Line == 0 {
				t.Fatalf("err %v: want a *Error with a line", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %q does not contain %q", err, tc.want)
			}
		})
	}
}

// TestBuiltinTaxonomiesWithinLimits: the shipped taxonomies still load.
func TestBuiltinTaxonomiesWithinLimits(t *testing.T) {
	for _, f := range []string{"../../configs/themes.yaml", "../../configs/signals.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(f, data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
