package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
)

func loadYAML(t *testing.T, y string) *configs.Config {
	t.Helper()
	cfg, err := configs.Load(configs.Options{File: "test.yaml", Data: []byte(y)})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"unknown stage", "pipeline:\n  stages:\n    - name: normalise\n", []string{"test.yaml:3:7", "pipeline.stages[0].name", `unknown stage "normalise"`, "stages: normalize, language"}},
		{"listed twice", "pipeline:\n  stages:\n    - name: normalize\n    - name: normalize\n", []string{"test.yaml:4:7", "pipeline.stages[1]", "listed twice"}},
		{"needs earlier stage", "pipeline:\n  stages:\n    - name: language\n    - name: tokens\n", []string{"pipeline.stages[1]", "tokens needs stage sentences before it"}},
		{"reordered wrongly", "pipeline:\n  stages:\n    - name: language\n    - name: sentences\n    - name: stems\n    - name: tokens\n", []string{"pipeline.stages[2]", "stems needs stage tokens"}},
		{"unknown option", "pipeline:\n  stages:\n    - name: normalize\n      with:\n        from: NFC\n", []string{"test.yaml:5:9", "pipeline.stages[0].with.from", "unknown option", "options of normalize: form, html_entities, collapse_whitespace"}},
		{"option of stage without options", "pipeline:\n  stages:\n    - name: language\n    - name: sentences\n      with: {x: 1}\n", []string{"pipeline.stages[1].with.x", "takes no options"}},
		{"bad option type", "pipeline:\n  stages:\n    - name: normalize\n      with:\n        html_entities: maybe\n", []string{"test.yaml:5:9", "pipeline.stages[0].with.html_entities", "want a bool"}},
		{"bad option value", "pipeline:\n  stages:\n    - name: normalize\n      with:\n        form: NFD\n", []string{"test.yaml:5:9", `"NFD" is not a normalization form`}},
		{"negative min_letters", "pipeline:\n  stages:\n    - name: language\n      with: {min_letters: -2}\n", []string{"pipeline.stages[0].with.min_letters", "negative"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(loadYAML(t, tc.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			var ce *configs.Error
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

func TestBuildSwitchOffAndReorder(t *testing.T) {
	p, err := Build(loadYAML(t, "pipeline:\n  stages:\n    - name: language\n    - name: normalize\n      enabled: false\n    - name: sentences\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Names(), " "); got != "language sentences" {
		t.Errorf("stages = %q", got)
	}
}

// The options written in configs/default.yaml and the defaults in the stage
// constructors must agree, or a user who deletes a "with" block gets a
// different result from one who copies the file.
func TestDefaultYAMLAgreesWithConstructors(t *testing.T) {
	cfg := loadYAML(t, "")
	env := &Env{DefaultLang: cfg.DefaultLang}
	for i, spec := range cfg.Pipeline.Stages {
		def, ok := lookupStage(spec.Name)
		if !ok {
			t.Fatalf("default.yaml names unknown stage %s", spec.Name)
		}
		withFile, err := def.build(&Options{spec: spec, index: i}, env)
		if err != nil {
			t.Fatal(err)
		}
		bare := spec
		bare.With = nil
		withDefaults, err := def.build(&Options{spec: bare, index: i}, env)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any = withFile, withDefaults
		if c, ok := withFile.(interface{ config() any }); ok {
			// Stages holding funcs or caches compare by their options.
			a, b = c.config(), withDefaults.(interface{ config() any }).config()
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("stage %s: default.yaml gives %+v, the constructor's defaults give %+v", spec.Name, withFile, withDefaults)
		}
	}
	if len(cfg.Pipeline.Stages) != len(table) {
		t.Errorf("default.yaml lists %d stages, the table has %d", len(cfg.Pipeline.Stages), len(table))
	}
}

// slowStage takes a random time per record, so that with several workers
// records finish out of order.
type slowStage struct{ fail, panicOn string }

func (slowStage) Name() string { return "slow" }
func (s slowStage) Process(_ context.Context, r *models.Record, _ *Notes) error {
	time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	if s.panicOn != "" && r.Text == s.panicOn {
		panic("boom")
	}
	if s.fail != "" && r.Text == s.fail {
		return errors.New("cannot do " + r.Text)
	}
	r.Flags = append(r.Flags, "seen:"+r.Text)
	return nil
}

type memWriter struct {
	got     []string
	flushes int
}

func (m *memWriter) Write(r *models.Record) error {
	s := fmt.Sprintf("%d %s %v", r.Seq, r.ID, r.Flags)
	if r.Err != nil {
		s += " error " + r.Err.Stage + ": " + r.Err.Message
	}
	m.got = append(m.got, s)
	return nil
}
func (m *memWriter) Flush() error { m.flushes++; return nil }

func source(n int, failRead map[int]bool) func() (*models.Record, error) {
	i := 0
	return func() (*models.Record, error) {
		if i >= n {
			return nil, io.EOF
		}
		i++
		r := &models.Record{Source: "mem", Line: int64(i), Text: fmt.Sprint(i)}
		if failRead[i] {
			r.Err = &models.RecordError{Stage: "read", Message: "bad line"}
		}
		return r, nil
	}
}

func TestRunKeepsOrderWithAnyWorkers(t *testing.T) {
	p := &Pipeline{stages: []builtStage{{Stage: slowStage{fail: "7", panicOn: "11"}}}}
	var want []string
	for _, workers := range []int{1, 2, 8} {
		w := &memWriter{}
		st, err := p.Run(context.Background(), source(300, map[int]bool{3: true}), w, RunOptions{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if st.Records != 300 || st.Errors != 3 {
			t.Errorf("workers %d: stats %+v, want 300 records, 3 errors", workers, st)
		}
		if want == nil {
			want = w.got
			if !strings.Contains(want[6], "error slow: cannot do 7") || !strings.Contains(want[10], "error slow: internal error") || !strings.Contains(want[2], "error read: bad line") {
				t.Errorf("error records wrong: %q %q %q", want[2], want[6], want[10])
			}
			for i, s := range want {
				if !strings.HasPrefix(s, fmt.Sprintf("%d mem:%d ", i, i+1)) {
					t.Fatalf("record %d out of order: %q", i, s)
				}
			}
			continue
		}
		if !reflect.DeepEqual(w.got, want) {
			t.Errorf("workers %d: output differs from 1 worker", workers)
		}
	}
}

func TestRunMaxErrors(t *testing.T) {
	p := &Pipeline{}
	w := &memWriter{}
	st, err := p.Run(context.Background(), source(100, map[int]bool{5: true, 9: true, 20: true}), w, RunOptions{Workers: 2, MaxErrors: 2})
	if !errors.Is(err, ErrTooManyErrors) {
		t.Fatalf("err = %v", err)
	}
	if st.Errors != 2 || len(w.got) != 9 {
		t.Errorf("stopped at %d records with %d errors, want 9 and 2", len(w.got), st.Errors)
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(*models.Record) error {
	if f.n++; f.n == 3 {
		return io.ErrClosedPipe
	}
	return nil
}
func (f *failingWriter) Flush() error { return nil }

func TestRunStopsOnWriteError(t *testing.T) {
	p := &Pipeline{}
	_, err := p.Run(context.Background(), source(1000, nil), &failingWriter{}, RunOptions{Workers: 2})
	if !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("err = %v", err)
	}
}

func TestRunReadError(t *testing.T) {
	p := &Pipeline{}
	n := 0
	next := func() (*models.Record, error) {
		if n++; n > 3 {
			return nil, errors.New("disk on fire")
		}
		return &models.Record{Source: "x", Line: int64(n)}, nil
	}
	w := &memWriter{}
	_, err := p.Run(context.Background(), next, w, RunOptions{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || len(w.got) != 3 {
		t.Errorf("err = %v, written %d (want the 3 records read before the error)", err, len(w.got))
	}
}

// TestRunReaderPanic: a panic in the reader (its own goroutine) ends the
// run with an *InternalError holding the stack, after the records read
// before it are written; the process is not taken down.
func TestRunReaderPanic(t *testing.T) {
	p := &Pipeline{}
	next := source(10, nil)
	n := 0
	panicky := func() (*models.Record, error) {
		if n++; n == 5 {
			panic("reader bug")
		}
		return next()
	}
	w := &memWriter{}
	st, err := p.Run(context.Background(), panicky, w, RunOptions{Workers: 2})
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Value != "reader bug" || !strings.Contains(string(ie.Stack), "TestRunReaderPanic") {
		t.Fatalf("err = %v, want an InternalError with the stack", err)
	}
	if st.Records != 4 || len(w.got) != 4 {
		t.Errorf("%d records written, want the 4 read before the panic", len(w.got))
	}
}

// TestBuildErrorCauses: a file the configuration names but that is not
// there (a theme taxonomy, a signals taxonomy, a lexicon) is a
// configuration error whose cause errors.Is sees.
func TestBuildErrorCauses(t *testing.T) {
	for _, y := range []string{
		"themes: /nonexistent/themes.yaml\n",
		"signals: /nonexistent/signals.yaml\n",
		"pipeline:\n  stages:\n    - name: normalize\n    - name: language\n    - name: sentences\n    - name: tokens\n    - name: stems\n    - name: sentiment\n      with: {lexicons: [{path: /nonexistent/my.tsv, lang: de}]}\n",
	} {
		_, err := Build(loadYAML(t, y))
		var ce *configs.Error
		if !errors.As(err, &ce) || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%q: error %v (%T), want a configuration error caused by a missing file", y, err, err)
		}
	}
}
