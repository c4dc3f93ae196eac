package configs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "my.yaml")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadDefault(t *testing.T) {
	cfg, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DefaultLang != "de" || cfg.MaxLineBytes != 1<<20 || cfg.Input.Format != "auto" || cfg.Output.Format != "jsonl" {
		t.Errorf("unexpected defaults: %+v", cfg)
	}
	if got := strings.Join(cfg.Input.Columns.Text, ","); got != "text" {
		t.Errorf("columns.text = %q", got)
	}
	var names []string
	for _, s := range cfg.Pipeline.Stages {
		names = append(names, s.Name)
		if s.Pos.File != DefaultName || s.Pos.Line == 0 {
			t.Errorf("stage %s has no position: %+v", s.Name, s.Pos)
		}
	}
	if got := strings.Join(names, " "); got != "normalize language sentences tokens stems sentiment themes signals" {
		t.Errorf("stages = %q", got)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		environ []string
		want    []string // substrings of the message
	}{
		{name: "unknown top-level key", file: "workers: 2\nwokers: 3\n", want: []string{"my.yaml:2:1", "wokers: unknown key", "did you mean workers?", "2 | wokers: 3"}},
		{name: "unknown nested key", file: "input:\n  colums:\n    text: comment\n", want: []string{"my.yaml:2:3", "input.colums: unknown key", "did you mean columns?"}},
		{name: "unknown column key", file: "input:\n  columns:\n    txt: comment\n", want: []string{"my.yaml:3:5", "input.columns.txt: unknown key"}},
		{name: "wrong type int", file: "workers: many\n", want: []string{"my.yaml:1", "cannot unmarshal", "many"}},
		{name: "mapping where value expected", file: "default_lang:\n  a: b\n", want: []string{"my.yaml:2", "default_lang: want a single value"}},
		{name: "value where mapping expected", file: "input: csv\n", want: []string{"my.yaml:1", "input: want a mapping"}},
		{name: "bad enum names file line", file: "output:\n  format: xml\n", want: []string{"my.yaml:2:3", "output.format", `"xml" is not one of`}},
		{name: "bad lang", file: "default_lang: fr\n", want: []string{"my.yaml:1:1", "default_lang", `"fr"`}},
		{name: "negative workers", file: "workers: -1\n", want: []string{"workers", "too small"}},
		{name: "stage without name", file: "pipeline:\n  stages:\n    - with: {form: NFC}\n", want: []string{"my.yaml:3:7", "pipeline.stages[0].name: missing"}},
		{name: "stage unknown key", file: "pipeline:\n  stages:\n    - name: normalize\n      options: {}\n", want: []string{"my.yaml:4:7", "pipeline.stages[0].options: unknown key", "known: name, enabled, with"}},
		{name: "stages not a list", file: "pipeline:\n  stages: normalize\n", want: []string{"pipeline.stages: want a list"}},
		{name: "duplicate key", file: "workers: 1\nworkers: 2\n", want: []string{"my.yaml:2"}},
		{name: "yaml syntax", file: "input:\n  format: [csv\n", want: []string{"my.yaml:"}},
		{name: "unknown env", environ: []string{"STIMMUNG_WORKER=2"}, want: []string{"environment STIMMUNG_WORKER", "unknown variable", "did you mean STIMMUNG_WORKERS?"}},
		{name: "env bad int", environ: []string{"STIMMUNG_WORKERS=two"}, want: []string{"environment STIMMUNG_WORKERS", "workers", "want an integer"}},
		{name: "env bad enum", environ: []string{"STIMMUNG_INPUT_ENCODING=latin9"}, want: []string{"environment STIMMUNG_INPUT_ENCODING", "input.encoding"}},
		{name: "env cannot set stages", environ: []string{"STIMMUNG_PIPELINE_STAGES=x"}, want: []string{"unknown variable"}},
		{name: "missing file", file: "\x00missing", want: []string{"cannot read config"}},
		// NaN compares false with every bound, so a range check would pass it.
		{name: "nan option", file: "pipeline:\n  stages:\n    - name: sentiment\n      with:\n        alpha: .nan\n", want: []string{"my.yaml:5:16", "pipeline.stages[0].with.alpha: .nan", "finite number", "5 |         alpha: .nan"}},
		{name: "inf option", file: "pipeline:\n  stages:\n    - name: sentiment\n      with:\n        alpha: .inf\n", want: []string{"my.yaml:5:16", "pipeline.stages[0].with.alpha: .inf", "finite number"}},
		{name: "minus inf option", file: "pipeline:\n  stages:\n    - name: sentiment\n      with:\n        alpha: -.Inf\n", want: []string{"my.yaml:5:16", "pipeline.stages[0].with.alpha: -.Inf", "finite number"}},
		{name: "nan in nested option", file: "pipeline:\n  stages:\n    - name: normalize\n    - name: sentiment\n      with:\n        thresholds:\n          de: {positive: .NaN, negative: -0.15}\n", want: []string{"my.yaml:7:26", "pipeline.stages[1].with.thresholds.de.positive: .NaN", "finite number"}},
		{name: "inf in a list option", file: "pipeline:\n  stages:\n    - name: sentiment\n      with:\n        packs: [1, -.inf]\n", want: []string{"my.yaml:5:20", "pipeline.stages[0].with.packs[1]: -.inf"}},
		{name: "nan behind an anchor", file: "pipeline:\n  stages:\n    - name: normalize\n      enabled: true\n    - name: sentiment\n      with: {alpha: &a .nan, neutral_weight: *a}\n", want: []string{"my.yaml:6:", "pipeline.stages[1].with.alpha: .nan"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{Environ: tc.environ}
			switch {
			case tc.file == "\x00missing":
				o.File = filepath.Join(t.TempDir(), "nope.yaml")
			case tc.file != "":
				o.File = writeFile(t, tc.file)
			}
			_, err := Load(o)
			if err == nil {
				t.Fatal("no error")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error is %T, want *configs.Error", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadLayers(t *testing.T) {
	file := writeFile(t, "workers: 3\ndefault_lang: en\ninput:\n  columns:\n    text: comment\n")
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.Int("workers", 0, "")
	fs.String("lang", "", "")
	if err := fs.Parse([]string{"--workers", "5"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(Options{
		File:     file,
		Environ:  []string{"STIMMUNG_WORKERS=4", "STIMMUNG_INPUT_ENCODING=windows-1252", "STIMMUNG_INPUT_COLUMNS_PASS=a, b", "OTHER=1"},
		Flags:    fs,
		FlagKeys: map[string]string{"workers": "workers", "lang": "default_lang"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Workers != 5 {
		t.Errorf("workers = %d, want 5 (flag beats env beats file)", cfg.Workers)
	}
	if cfg.DefaultLang != "en" {
		t.Errorf("default_lang = %q, want en from the file (flag not given)", cfg.DefaultLang)
	}
	if cfg.Input.Encoding != "windows-1252" {
		t.Errorf("encoding = %q, want it from the environment", cfg.Input.Encoding)
	}
	if got := strings.Join(cfg.Input.Columns.Text, ","); got != "comment" {
		t.Errorf("a single text column given as a scalar: got %q", got)
	}
	if got := strings.Join(cfg.Input.Columns.Pass, ","); got != "a,b" {
		t.Errorf("pass from a comma list: got %q", got)
	}
	if len(cfg.Pipeline.Stages) != 8 {
		t.Errorf("the file does not touch the stages; want the default 8, got %d", len(cfg.Pipeline.Stages))
	}
}

func TestStagePositionsFromFile(t *testing.T) {
	file := writeFile(t, "pipeline:\n  stages:\n    - name: normalize\n      with:\n        form: NFKC\n    - name: language\n      enabled: false\n")
	cfg, err := Load(Options{File: file})
	if err != nil {
		t.Fatal(err)
	}
	st := cfg.Pipeline.Stages
	if len(st) != 2 || st[0].With["form"] != "NFKC" || st[1].IsEnabled() {
		t.Fatalf("stages = %+v", st)
	}
	if p := st[0].WithPos["form"]; p.Line != 5 || p.Col != 9 || !strings.HasSuffix(p.File, "my.yaml") {
		t.Errorf("position of form = %+v, want my.yaml:5:9", p)
	}
	if p := st[1].Pos; p.Line != 6 {
		t.Errorf("position of stage 1 = %+v, want line 6", p)
	}
}

// The YAML that `config show` prints loads again to the same configuration.
func TestShowRoundTrip(t *testing.T) {
	cfg, err := Load(Options{Environ: []string{"STIMMUNG_WORKERS=7"}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := cfg.YAML()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Load(Options{File: "show.yaml", Data: out})
	if err != nil {
		t.Fatalf("shown config does not load: %v\n%s", err, out)
	}
	out2, _ := again.YAML()
	if !bytes.Equal(out, out2) {
		t.Errorf("round trip differs:\n%s\n---\n%s", out, out2)
	}
	if again.Workers != 7 {
		t.Errorf("workers = %d", again.Workers)
	}
}

func TestEmptyFileIsDefault(t *testing.T) {
	cfg, err := Load(Options{File: writeFile(t, "# nothing\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Pipeline.Stages) != 8 {
		t.Errorf("stages = %d", len(cfg.Pipeline.Stages))
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("workers: 2\ninput:\n  columns:\n    text: [a, b]\n"))
	f.Add([]byte("pipeline:\n  stages:\n    - name: x\n      with: {a: 1}\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Add(DefaultYAML)
	f.Fuzz(func(t *testing.T, data []byte) {
		// Load must end: a YAML bomb or a deep document is refused, not
		// worked through. (Go's fuzzer reports no slow inputs by itself.)
		done := make(chan struct{})
		go func() {
			defer close(done)
			cfg, err := Load(Options{File: "fuzz.yaml", Data: data})
			if err == nil && cfg == nil {
				panic("nil config without error")
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Load still runs after 10 s on %q", data)
		}
	})
}

// TestErrorCause checks that a configuration error keeps its cause for
// errors.Is and errors.As, and prints only its own message.
func TestErrorCause(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	_, err := Load(Options{File: missing})
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T), want *Error", err, err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing {
		t.Errorf("errors.As finds no *fs.PathError for %s in %v", missing, err)
	}
	if want := missing + ": cannot read config: no such file or directory"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}

	cause := &fs.PathError{Op: "open", Path: "themes.yaml", Err: fs.ErrNotExist}
	w := Wrap(Pos{File: "my.yaml", Line: 3}, "themes", cause)
	if got, want := w.Error(), (&Error{Pos: w.Pos, Key: "themes", Msg: cause.Error()}).Error(); got != want {
		t.Errorf("Wrap prints %q, want %q", got, want)
	}
	if !errors.Is(w, fs.ErrNotExist) || errors.Unwrap(w) != cause {
		t.Errorf("Wrap(%v) does not unwrap to its cause", cause)
	}

	_, err = Load(Options{Environ: []string{"STIMMUNG_WORKERS=many"}})
	if !errors.As(err, &ce) || ce.Err == nil || ce.Msg != ce.Err.Error() {
		t.Errorf("environment error %v keeps no cause", err)
	}
}
