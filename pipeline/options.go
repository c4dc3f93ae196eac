package pipeline

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/go-viper/mapstructure/v2"

	"github.com/stimmung/stimmung/configs"
)

// Options gives a stage constructor its "with" options and a way to report
// an error that names the option's full path and its place in the file.
type Options struct {
	spec  configs.StageSpec
	index int
}

// path is the option's configuration path, e.g. pipeline.stages[2].with.form.
func (o *Options) path(key string) string {
	p := fmt.Sprintf("pipeline.stages[%d]", o.index)
	if key != "" {
		p += ".with." + key
	}
	return p
}

// Errorf returns a configuration error for option key ("" for the stage).
// The message is formatted as fmt.Errorf does: an error given with %w is
// printed as with %v and kept as the cause, for errors.Is and errors.As.
func (o *Options) Errorf(key, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	ce := &configs.Error{Pos: o.pos(key), Key: o.path(key), Msg: err.Error()}
	switch err.(type) {
	case interface{ Unwrap() error }, interface{ Unwrap() []error }:
		ce.Err = err
	}
	return ce
}

// Wrap returns a configuration error for option key ("" for the stage)
// whose message is err's and whose cause is err.
func (o *Options) Wrap(key string, err error) error {
	return configs.Wrap(o.pos(key), o.path(key), err)
}

// pos is where option key ("" for the stage) stands.
func (o *Options) pos(key string) configs.Pos {
	if p, ok := o.spec.WithPos[key]; ok && key != "" {
		return p
	}
	return o.spec.Pos
}

// movedOptions are stage options that moved, with where to: an old
// configuration gets told rather than just refused.
var movedOptions = map[string]string{
	"signals.taxonomy": `the signals taxonomy is the top-level key "signals" (--signals FILE), since the sentiment stage reads it too`,
}

// Decode fills dst (a pointer to a struct with mapstructure tags, holding
// the defaults) from the options. Unknown options and values of the wrong
// type are errors that name the option.
func (o *Options) Decode(dst any) error {
	known := optionNames(dst)
	for key := range o.spec.With {
		if !slices.Contains(known, key) {
			if to, ok := movedOptions[o.spec.Name+"."+key]; ok {
				return o.Errorf(key, "this option moved: %s", to)
			}
			if len(known) == 0 {
				return o.Errorf(key, "unknown option: stage %s takes no options", o.spec.Name)
			}
			return o.Errorf(key, "unknown option (options of %s: %s)", o.spec.Name, strings.Join(known, ", "))
		}
	}
	for _, key := range slices.Sorted(maps.Keys(o.spec.With)) {
		if sub, v, bad := nonFinite(o.spec.With[key]); bad {
			err := o.Errorf(key, "%v: want a finite number (NaN and infinity are not allowed)", v).(*configs.Error)
			err.Key = o.path(key + sub)
			return err
		}
	}
	for key, val := range o.spec.With {
		one := map[string]any{key: val}
		dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: dst, WeaklyTypedInput: false, ErrorUnused: true, Squash: true})
		if err != nil {
			return err
		}
		if err := dec.Decode(one); err != nil {
			return o.Errorf(key, "bad value %v: want a %s", val, optionKind(dst, key))
		}
	}
	return nil
}

// nonFinite finds a NaN or ±Inf in an option value, in nested maps and
// lists too, and returns where below the option it is (".de.positive",
// "[2]"). configs.Load rejects them in a file with the value's own line;
// this catches options set in code, for every stage at once.
func nonFinite(v any) (sub string, bad any, ok bool) {
	switch v := v.(type) {
	case float64:
		return "", v, math.IsNaN(v) || math.IsInf(v, 0)
	case float32:
		return nonFinite(float64(v))
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if sub, bad, ok := nonFinite(v[k]); ok {
				return "." + k + sub, bad, true
			}
		}
	case []any:
		for i, e := range v {
			if sub, bad, ok := nonFinite(e); ok {
				return fmt.Sprintf("[%d]%s", i, sub), bad, true
			}
		}
	}
	return "", nil, false
}

// optionNames lists the option names of an options struct, including those
// of structs embedded with `mapstructure:",squash"`.
func optionNames(dst any) []string {
	var names []string
	eachOption(reflect.TypeOf(dst).Elem(), func(name string, _ reflect.Type) { names = append(names, name) })
	return names
}

func optionKind(dst any, key string) string {
	kind := "value"
	eachOption(reflect.TypeOf(dst).Elem(), func(name string, t reflect.Type) {
		if name == key {
			kind = t.String()
		}
	})
	return kind
}

func eachOption(t reflect.Type, f func(name string, t reflect.Type)) {
	for i := range t.NumField() {
		fl := t.Field(i)
		tag := fl.Tag.Get("mapstructure")
		switch {
		case tag == ",squash" && fl.Type.Kind() == reflect.Struct:
			eachOption(fl.Type, f)
		case tag != "" && tag != "-":
			f(tag, fl.Type)
		}
	}
}

// stageOptions returns the options of the stage named name in cfg (the
// last such entry), or empty options when cfg does not list it: for the
// commands and stages that need a stage's settings without building it.
func stageOptions(cfg *configs.Config, name string) *Options {
	o := &Options{spec: configs.StageSpec{Name: name}, index: -1}
	for i, spec := range cfg.Pipeline.Stages {
		if spec.Name == name {
			o = &Options{spec: spec, index: i}
		}
	}
	return o
}
