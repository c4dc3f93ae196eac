package lexicons

import (
	_ "embed"
	"strings"
)

// compoundParts is the German word list for splitting compounds in the
// search index (see the file's header).
//
//go:embed de/compound_parts.txt
var compoundParts string

// CompoundParts returns the German words a compound is split into when
// indexed: lower-case base forms, in file order.
func CompoundParts() []string {
	var out []string
	for line := range strings.Lines(compoundParts) {
		w := strings.TrimSpace(line)
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		out = append(out, w)
	}
	return out
}
