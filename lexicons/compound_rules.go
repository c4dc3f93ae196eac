package lexicons

import (
	_ "embed"
	"fmt"
	"strings"
)

// compoundRules is how German compounds are built (prefixes that are not
// first parts, endings, linking elements), for the compound analyser in
// pipeline/text; see the file's header.
//
//go:embed de/compound_rules.txt
var compoundRules string

// CompoundRules returns the sections of de/compound_rules.txt by name, each
// with its entries in file order. Which sections must exist is the
// analyser's business; an entry before the first section is an error.
func CompoundRules() (map[string][]string, error) {
	out := map[string][]string{}
	section := ""
	n := 0
	for line := range strings.Lines(compoundRules) {
		n++
		w := strings.TrimSpace(line)
		switch {
		case w == "" || strings.HasPrefix(w, "#"):
			continue
		case strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]"):
			section = w[1 : len(w)-1]
			if _, dup := out[section]; dup {
				return nil, fmt.Errorf("de/compound_rules.txt:%d: section [%s] twice", n, section)
			}
			out[section] = []string{}
		case section == "":
			return nil, fmt.Errorf("de/compound_rules.txt:%d: %q before the first section", n, w)
		case strings.ContainsAny(w, " \t"):
			return nil, fmt.Errorf("de/compound_rules.txt:%d: %q: one entry a line", n, w)
		default:
			out[section] = append(out[section], w)
		}
	}
	return out, nil
}
