package configs

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// EnvPrefix starts every environment variable that sets a key.
const EnvPrefix = "STIMMUNG_"

// Options say where a configuration comes from besides the built-in default.
type Options struct {
	// File is the path given with --config; empty means none.
	File string
	// Data, when not nil, is the content of File (read from stdin, say);
	// File then only names it in messages.
	Data []byte
	// Environ is the process environment as KEY=VALUE (os.Environ()).
	// Variables starting with STIMMUNG_ set keys; an unknown one is an error.
	Environ []string
	// Flags are the command's flags; FlagKeys maps a flag name to the key it
	// sets. Only flags the user changed override the layers below.
	Flags    *pflag.FlagSet
	FlagKeys map[string]string
}

// Load merges the built-in default, the file, the environment and the flags,
// in that order of precedence from low to high, and validates the result.
func Load(o Options) (*Config, error) {
	def, err := parseYAML(DefaultName, DefaultYAML)
	if err != nil {
		return nil, fmt.Errorf("built-in configuration is broken: %w", err)
	}
	defPos := map[string]Pos{}
	if err := checkKeys(def, def.root, def.root, "", defPos); err != nil {
		return nil, fmt.Errorf("built-in configuration is broken: %w", err)
	}

	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(DefaultYAML)); err != nil {
		return nil, fmt.Errorf("built-in configuration is broken: %w", err)
	}

	stagesPos := defPos
	filePos := map[string]Pos{}
	if o.File != "" {
		data, err := o.Data, error(nil)
		if data == nil {
			data, err = os.ReadFile(o.File)
		}
		if err != nil {
			return nil, &Error{Pos: Pos{File: o.File}, Msg: fmt.Sprintf("cannot read config: %v", errors.Unwrap(err)), Err: err}
		}
		f, err := parseYAML(o.File, data)
		if err != nil {
			return nil, err
		}
		if f.root != nil {
			if err := checkFinite(f, f.root, ""); err != nil {
				return nil, err
			}
			if err := checkKeys(f, f.root, def.root, "", filePos); err != nil {
				return nil, err
			}
			var probe Config
			if err := f.root.Decode(&probe); err != nil {
				return nil, f.typeError(err)
			}
			if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
				return nil, Wrap(Pos{File: o.File}, "", err)
			}
			if _, ok := filePos["pipeline.stages"]; ok {
				stagesPos = filePos
			}
		}
	}

	envKeys, err := applyEnv(v, o.Environ, def.root)
	if err != nil {
		return nil, err
	}
	flagKeys := map[string]string{}
	if o.Flags != nil {
		for name, key := range o.FlagKeys {
			fl := o.Flags.Lookup(name)
			if fl == nil {
				return nil, fmt.Errorf("internal: no flag --%s for key %s", name, key)
			}
			if fl.Changed {
				if err := v.BindPFlag(key, fl); err != nil {
					return nil, err
				}
				flagKeys[key] = name
			}
		}
	}

	var cfg Config
	if err := v.Unmarshal(&cfg, func(dc *mapstructure.DecoderConfig) { dc.ErrorUnused = true }); err != nil {
		return nil, Wrap(Pos{}, "", err)
	}
	for i := range cfg.Pipeline.Stages {
		s := &cfg.Pipeline.Stages[i]
		p := fmt.Sprintf("pipeline.stages[%d]", i)
		s.Pos = stagesPos[p]
		s.WithPos = map[string]Pos{}
		for k := range s.With {
			s.WithPos[k] = stagesPos[p+".with."+k]
		}
	}

	where := func(key string) Pos {
		if name, ok := flagKeys[key]; ok {
			return Pos{File: "flag --" + name}
		}
		if env, ok := envKeys[key]; ok {
			return Pos{File: "environment " + env}
		}
		if p, ok := filePos[key]; ok {
			return p
		}
		return defPos[key]
	}
	if err := cfg.validate(where); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// yamlFile is a parsed YAML source with its lines, for excerpts.
type yamlFile struct {
	name  string
	lines []string
	root  *yaml.Node // the top-level mapping; nil for an empty file
}

func parseYAML(name string, data []byte) (*yamlFile, error) {
	f := &yamlFile{name: name, lines: strings.Split(string(data), "\n")}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, f.typeError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Pos: f.pos(root), Msg: "the configuration must be a mapping of keys"}
	}
	f.root = root
	return f, nil
}

func (f *yamlFile) pos(n *yaml.Node) Pos {
	p := Pos{File: f.name, Line: n.Line, Col: n.Column}
	if n.Line >= 1 && n.Line <= len(f.lines) {
		p.Excerpt = strings.TrimRight(f.lines[n.Line-1], "\r")
	}
	return p
}

// typeError turns yaml.v3's "yaml: line 3: ..." messages into an Error with
// the file's position, so that a user sees file:line like everywhere else.
func (f *yamlFile) typeError(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	p := Pos{File: f.name, Line: line}
	if line >= 1 && line <= len(f.lines) {
		p.Excerpt = strings.TrimRight(f.lines[line-1], "\r")
	}
	return &Error{Pos: p, Msg: msg, Err: err}
}

// listKeys are sequences in the schema that also accept a single scalar.
var listKeys = map[string]bool{"input.columns.text": true, "input.columns.pass": true}

// checkKeys walks n against the schema node of the built-in default,
// rejecting unknown keys and values of the wrong kind, and records the
// position of every key it sees under its dotted path.
func checkKeys(f *yamlFile, n, schema *yaml.Node, path string, pos map[string]Pos) error {
	if n.Kind != yaml.MappingNode {
		return &Error{Pos: f.pos(n), Key: path, Msg: "want a mapping of keys"}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := join(path, kn.Value)
		if seen[kn.Value] {
			return &Error{Pos: f.pos(kn), Key: key, Msg: "key given twice"}
		}
		seen[kn.Value] = true
		sv := lookup(schema, kn.Value)
		if sv == nil {
			return &Error{Pos: f.pos(kn), Key: key, Msg: "unknown key" + suggest(kn.Value, keysOf(schema))}
		}
		pos[key] = f.pos(kn)
		if isNull(vn) {
			continue
		}
		switch {
		case key == "pipeline.stages":
			if err := checkStages(f, vn, key, pos); err != nil {
				return err
			}
		case sv.Kind == yaml.MappingNode:
			if err := checkKeys(f, vn, sv, key, pos); err != nil {
				return err
			}
		case sv.Kind == yaml.SequenceNode:
			if vn.Kind == yaml.SequenceNode {
				continue
			}
			if vn.Kind == yaml.ScalarNode && listKeys[key] {
				// "text: comment" means a list of one; viper's string-to-slice
				// hook reads it so, and the typed probe must agree.
				one := *vn
				vn.Kind, vn.Tag, vn.Value, vn.Content = yaml.SequenceNode, "!!seq", "", []*yaml.Node{&one}
				continue
			}
			return &Error{Pos: f.pos(vn), Key: key, Msg: "want a list"}
		case vn.Kind != yaml.ScalarNode:
			return &Error{Pos: f.pos(vn), Key: key, Msg: "want a single value, not a " + kindName(vn)}
		}
	}
	return nil
}

// checkFinite rejects NaN and ±Inf (.nan, .inf, -.inf in YAML) anywhere in
// the file, stage options and their nested maps and lists included: no
// setting means them, and a range check further on would let a NaN
// through, since it compares false with every bound. An alias is checked
// where its anchor stands.
func checkFinite(f *yamlFile, n *yaml.Node, path string) error {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := checkFinite(f, n.Content[i+1], join(path, n.Content[i].Value)); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := checkFinite(f, c, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case yaml.ScalarNode:
		var v float64
		if n.ShortTag() == "!!float" && n.Decode(&v) == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			return &Error{Pos: f.pos(n), Key: path, Msg: n.Value + ": want a finite number (NaN and infinity are not allowed)"}
		}
	}
	return nil
}

var stageKeys = []string{"name", "enabled", "with"}

func checkStages(f *yamlFile, n *yaml.Node, path string, pos map[string]Pos) error {
	if n.Kind != yaml.SequenceNode {
		return &Error{Pos: f.pos(n), Key: path, Msg: "want a list of stages"}
	}
	for i, item := range n.Content {
		ip := fmt.Sprintf("%s[%d]", path, i)
		pos[ip] = f.pos(item)
		if item.Kind != yaml.MappingNode {
			return &Error{Pos: f.pos(item), Key: ip, Msg: "want a stage: a mapping with name, and optionally enabled and with"}
		}
		hasName := false
		for j := 0; j+1 < len(item.Content); j += 2 {
			kn, vn := item.Content[j], item.Content[j+1]
			key := ip + "." + kn.Value
			if !slices.Contains(stageKeys, kn.Value) {
				return &Error{Pos: f.pos(kn), Key: key, Msg: "unknown key" + suggest(kn.Value, stageKeys)}
			}
			pos[key] = f.pos(kn)
			switch kn.Value {
			case "name":
				hasName = vn.Kind == yaml.ScalarNode && vn.Value != ""
			case "with":
				if isNull(vn) {
					continue
				}
				if vn.Kind != yaml.MappingNode {
					return &Error{Pos: f.pos(vn), Key: key, Msg: "want a mapping of options"}
				}
				for k := 0; k+1 < len(vn.Content); k += 2 {
					pos[key+"."+vn.Content[k].Value] = f.pos(vn.Content[k])
				}
			}
		}
		if !hasName {
			return &Error{Pos: f.pos(item), Key: ip + ".name", Msg: "missing: every stage needs a name"}
		}
	}
	return nil
}

// applyEnv binds STIMMUNG_* variables to their keys and returns which key
// each one set. viper's AutomaticEnv would silently ignore a misspelt
// variable; we reject it, and check the value's kind here so that the error
// names the variable rather than a mapstructure path.
func applyEnv(v *viper.Viper, environ []string, schema *yaml.Node) (map[string]string, error) {
	leaves := map[string]*yaml.Node{}
	collectLeaves(schema, "", leaves)
	byEnv := map[string]string{}
	for key := range leaves {
		byEnv[EnvPrefix+strings.ToUpper(strings.ReplaceAll(key, ".", "_"))] = key
	}
	set := map[string]string{}
	names := make([]string, 0, len(byEnv))
	for env := range byEnv {
		names = append(names, env)
	}
	sort.Strings(names)
	for _, kv := range environ {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, EnvPrefix) {
			continue
		}
		key, known := byEnv[name]
		if !known {
			return nil, &Error{Pos: Pos{File: "environment " + name}, Msg: "unknown variable" + suggest(name, names)}
		}
		if err := checkScalar(leaves[key], val); err != nil {
			return nil, Wrap(Pos{File: "environment " + name}, key, err)
		}
		set[key] = name
		layer := map[string]any{}
		m := layer
		parts := strings.Split(key, ".")
		for _, p := range parts[:len(parts)-1] {
			next := map[string]any{}
			m[p] = next
			m = next
		}
		m[parts[len(parts)-1]] = envValue(leaves[key], val)
		// The environment is merged as one more config layer rather than
		// through viper's AutomaticEnv: that way the caller passes the
		// environment in (tests run in-process) and flags still win.
		if err := v.MergeConfigMap(layer); err != nil {
			return nil, err
		}
	}
	return set, nil
}

func collectLeaves(n *yaml.Node, path string, out map[string]*yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := join(path, n.Content[i].Value)
		vn := n.Content[i+1]
		if key == "pipeline.stages" {
			continue // a list of mappings cannot come from one variable
		}
		if vn.Kind == yaml.MappingNode {
			collectLeaves(vn, key, out)
			continue
		}
		out[key] = vn
	}
}

// envValue converts a variable's text to the kind of its key: lists are
// comma-separated.
func envValue(schema *yaml.Node, val string) any {
	if schema.Kind == yaml.SequenceNode {
		var out []any
		for _, p := range strings.Split(val, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	return val
}

func checkScalar(schema *yaml.Node, val string) error {
	if schema.Kind != yaml.ScalarNode {
		return nil // lists take comma-separated values
	}
	switch schema.Tag {
	case "!!int":
		if _, err := strconv.Atoi(strings.TrimSpace(val)); err != nil {
			return fmt.Errorf("want an integer, got %q", val)
		}
	case "!!bool":
		if _, err := strconv.ParseBool(strings.TrimSpace(val)); err != nil {
			return fmt.Errorf("want true or false, got %q", val)
		}
	}
	return nil
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keysOf(m *yaml.Node) []string {
	var ks []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		ks = append(ks, m.Content[i].Value)
	}
	return ks
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// suggest names the known key closest to a misspelt one.
func suggest(got string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(got), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return " (known: " + strings.Join(known, ", ") + ")"
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
