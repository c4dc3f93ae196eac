package lexgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Reading the third-party sources under Options.Src.

func (g *gen) read(rel string) ([]byte, error) {
	return os.ReadFile(filepath.Join(g.o.Src, rel))
}

// lines calls fn for every non-empty line of a source file, without CR.
func (g *gen) lines(rel string, fn func(line string) error) error {
	b, err := g.read(rel)
	if err != nil {
		return err
	}
	for l := range strings.SplitSeq(string(b), "\n") {
		l = strings.TrimSuffix(l, "\r")
		if l == "" {
			continue
		}
		if err := fn(l); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
	}
	return nil
}

type modRow struct {
	kind, term string
	value      float64
}

// modifierRows reads a vader_modifiers_*.tsv / gervader_modifiers_de.tsv file.
func (g *gen) modifierRows(rel string) ([]modRow, error) {
	var rows []modRow
	err := g.lines(rel, func(l string) error {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "kind\t") {
			return nil
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return fmt.Errorf("bad line %q", l)
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		rows = append(rows, modRow{f[0], f[1], v})
		return nil
	})
	return rows, err
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
