package pipeline_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/stimmung/stimmung/"

// layers says which packages of the module each package may import (tests
// aside), and which outside libraries, in the order of a record's flow:
// the data types and language data at the bottom, the stages' packages
// above them, the engine, then the sinks and the tools that run it, the
// CLI on top. ARCHITECTURE.md explains the rules; a new package must be
// added here.
var layers = map[string]struct{ module, outside []string }{
	"models":                       {},
	"configs":                      {outside: []string{"github.com/spf13/viper", "github.com/spf13/pflag", "github.com/go-viper/mapstructure/v2", "go.yaml.in/yaml/v3"}},
	"lexicons":                     {outside: []string{"github.com/kljensen/snowball", "github.com/blevesearch/snowballstem", "golang.org/x/text"}},
	"lexicons/gen/internal/lexgen": {module: []string{"lexicons"}, outside: []string{"golang.org/x/text"}},
	"pipeline/internal/jsontext":   {},
	"pipeline/internal/synth":      {module: []string{"pipeline/internal/jsontext"}},
	"pipeline/text":                {module: []string{"lexicons", "models"}, outside: []string{"golang.org/x/text"}},
	"pipeline/text/langdetect":     {module: []string{"lexicons", "models"}, outside: []string{"golang.org/x/text"}},
	"pipeline/read":                {module: []string{"models", "pipeline/internal/jsontext"}, outside: []string{"github.com/xuri/excelize", "golang.org/x/text"}},
	"pipeline/sentiment":           {module: []string{"lexicons", "models", "pipeline/text"}},
	"pipeline/themes":              {module: []string{"models", "pipeline/text"}, outside: []string{"go.yaml.in/yaml/v3"}},
	"pipeline/signals":             {module: []string{"models", "pipeline/themes"}},
	"pipeline": {module: []string{"configs", "lexicons", "models", "pipeline/read", "pipeline/sentiment", "pipeline/signals", "pipeline/text", "pipeline/text/langdetect", "pipeline/themes"},
		outside: []string{"golang.org/x/text", "github.com/go-viper/mapstructure/v2"}},
	"pipeline/encode":      {module: []string{"models", "pipeline/internal/jsontext"}},
	"pipeline/write":       {module: []string{"models", "pipeline/encode", "pipeline/internal/jsontext"}},
	"pipeline/index":       {module: []string{"lexicons", "models", "pipeline/encode", "pipeline/internal/jsontext", "pipeline/text"}, outside: []string{"github.com/blevesearch/bleve", "github.com/blevesearch/bleve_index_api", "go.etcd.io/bbolt"}},
	"pipeline/render":      {module: []string{"lexicons", "models", "pipeline/index"}},
	"pipeline/discover":    {module: []string{"lexicons", "models", "pipeline/text", "pipeline/text/langdetect", "pipeline/themes"}, outside: []string{"github.com/jdkato/prose", "golang.org/x/text"}},
	"pipeline/metrics":     {},
	"pipeline/report":      {module: []string{"models", "pipeline/encode", "pipeline/internal/jsontext"}, outside: []string{"gonum.org/v1/gonum", "github.com/xuri/excelize"}},
	"pipeline/indexreport": {module: []string{"pipeline/index", "pipeline/report"}},
	"pipeline/serve": {module: []string{"configs", "models", "pipeline", "pipeline/index", "pipeline/indexreport", "pipeline/read", "pipeline/render", "pipeline/report", "pipeline/write"},
		outside: []string{"github.com/prometheus/client_golang", "go.etcd.io/bbolt"}},
	"pipeline/learn":    {module: []string{"configs", "lexicons", "models", "pipeline", "pipeline/metrics"}, outside: []string{"golang.org/x/text", "gonum.org/v1/gonum"}},
	"pipeline/evaluate": {module: []string{"configs", "lexicons", "models", "pipeline", "pipeline/learn", "pipeline/metrics"}},
	"cmd/stimmung":      {module: []string{"*"}, outside: []string{"*"}},
}

// TestLayering checks every package's imports against layers.
func TestLayering(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string][]string{} // package dir → imports of its non-test files
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" && filepath.Base(filepath.Dir(path)) == "gen" {
			return nil // go run generators: build-tagged tools, not packages
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		for _, im := range f.Imports {
			imports[rel] = append(imports[rel], strings.Trim(im.Path.Value, `"`))
		}
		if _, ok := imports[rel]; !ok {
			imports[rel] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 10 {
		t.Fatalf("found only %d packages under %s", len(imports), root)
	}
	for pkg, ims := range imports {
		rule, ok := layers[pkg]
		if !ok {
			t.Errorf("package %s is not in the layering table (pipeline/layering_test.go, ARCHITECTURE.md): add it", pkg)
			continue
		}
		for _, im := range ims {
			switch {
			case strings.HasPrefix(im, module):
				dep := strings.TrimPrefix(im, module)
				if !slices.Contains(rule.module, "*") && !slices.Contains(rule.module, dep) {
					t.Errorf("%s imports %s, which its layer may not", pkg, dep)
				}
			case strings.Contains(strings.SplitN(im, "/", 2)[0], "."): // outside the standard library
				if !slices.Contains(rule.outside, "*") && !slices.ContainsFunc(rule.outside, func(p string) bool { return im == p || strings.HasPrefix(im, p+"/") }) {
					t.Errorf("%s imports %s, which its layer may not", pkg, im)
				}
			}
		}
	}
	// The table names no package that is gone.
	for pkg := range layers {
		if _, err := os.Stat(filepath.Join(root, pkg)); err != nil {
			if pkg != "pipeline/text/langdetect" { // being split out (issue 12)
				t.Errorf("layering table names %s, which does not exist", pkg)
			}
		}
	}
}
