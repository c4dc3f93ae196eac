package themes

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Taxonomy is a parsed theme taxonomy: themes in file order (a parent
// before its children), each with its path.
type Taxonomy struct {
	// Name and Version identify the taxonomy in outputs and indexes.
	Name    string
	Version string
	// Source is the file it came from (or the name of the built-in one).
	Source string
	// Fallback is the theme path given when no theme matched; empty means
	// none. FallbackSentiment is "comment" (the fallback theme gets the
	// comment's sentiment) or "neutral" (a catch-all category that says
	// nothing of its own).
	Fallback          string
	FallbackSentiment string
	// Within is the default window of rules, in tokens.
	Within int
	// Absence lists, per language, the words that make a mention a
	// "missing" one ("kein WLAN"); AbsenceWeight is the sentiment such a
	// mention carries when its clause has none of its own.
	Absence       map[string][]string
	AbsenceWeight float64
	// Negated says what a mention after an absence word does: "tag" (the
	// theme is tagged, as a missing thing) or "drop" (it does not count:
	// "musste nicht warten" is no effort).
	Negated string
	Themes  []*Theme
}

// Theme is one node of the taxonomy.
type Theme struct {
	Name, Path  string
	Description string
	// Weight (0..1) says how strongly the theme signals what its parent
	// stands for; signals taxonomies use it, themes ignore it.
	Weight float64
	// Sentiment (lexicon units, -4..4) is what a mention of the theme says
	// about the comment's sentiment when no lexicon word covers it: the
	// signals taxonomy sets it for implicit complaints ("warte seit drei
	// Wochen", "passed around"); themes ignore it.
	Sentiment float64
	// Parent indexes Taxonomy.Themes; -1 for a top-level theme.
	Parent int
	// Terms, Exclude and Rules are keyed by language.
	Terms   map[string][]string
	Exclude map[string][]string
	Rules   map[string][]Rule
	// Line is where the theme stands in its file, for messages.
	Line int
}

// Rule tags a theme when all (or any) of its patterns occur within Within
// tokens of each other in one sentence, and none of Not occurs there.
type Rule struct {
	All, Any, Not []string
	Within        int
}

// Error is a taxonomy error: the file, the line and column, the theme and
// the key.
type Error struct {
	File      string
	Line, Col int
	Theme     string // path of the theme, if the error is inside one
	Key       string
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Theme != "" {
		fmt.Fprintf(&b, "theme %s: ", e.Theme)
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads a taxonomy file.
func Load(path string) (*Taxonomy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Limits of a taxonomy, well above the built-in ones (configs/themes.yaml
// and configs/signals.yaml: 37 and 20 themes, 2 levels, at most 3 patterns
// in an all list, 10 in an any list, 27 in a not list, 725 patterns in
// one theme). Unbounded, they let a taxonomy that parses cost without
// limit: a rule of 2,000 all patterns took 104 s for 5,000 records instead
// of 0.23 s, themes nested 2,001 deep wrote 10.5 MB a record. Parse refuses
// a taxonomy beyond them with the file:line of the first thing too many.
const (
	// MaxDepth is the deepest nesting of themes (a top-level theme is 1).
	MaxDepth = 8
	// MaxThemes is the most themes a taxonomy may hold, at every level.
	MaxThemes = 2000
	// MaxAll is the most patterns in a rule's all list.
	MaxAll = 10
	// MaxAny and MaxNot are the most patterns in a rule's any and not
	// lists.
	MaxAny = 100
	MaxNot = 100
	// MaxThemePatterns is the most patterns one theme may hold: its terms,
	// excludes and rule patterns in all languages together.
	MaxThemePatterns = 2000
)

// languages are the languages a taxonomy may give terms for.
var languages = []string{"de", "en"}

// Parse parses a taxonomy. Unknown keys, bad patterns, duplicate paths and
// themes without terms are errors that name the theme and the key.
func Parse(name string, data []byte) (*Taxonomy, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{File: name, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	p := &parser{file: name, tx: &Taxonomy{Source: name, Within: 5, AbsenceWeight: -1.5, Negated: "tag",
		FallbackSentiment: "comment", Absence: map[string][]string{}}}
	if len(doc.Content) == 0 {
		return nil, &Error{File: name, Msg: "empty taxonomy: want name, version and themes"}
	}
	root := doc.Content[0]
	if err := p.top(root); err != nil {
		return nil, err
	}
	return p.tx, nil
}

type parser struct {
	file string
	tx   *Taxonomy
	// bare are themes without terms, rules or children: an error unless
	// the theme is the fallback (which is given, not matched).
	bare       []*yaml.Node
	bareThemes []*Theme
}

func (p *parser) errf(n *yaml.Node, theme, key, format string, args ...any) error {
	e := &Error{File: p.file, Theme: theme, Key: key, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	return e
}

// fields walks a mapping node, rejecting keys not in allowed.
func (p *parser) fields(n *yaml.Node, theme, at string, allowed []string, f func(key string, k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return p.errf(n, theme, at, "want a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := join(at, k.Value)
		if !contains(allowed, k.Value) {
			return p.errf(k, theme, key, "unknown key (known: %s)", strings.Join(allowed, ", "))
		}
		if seen[k.Value] {
			return p.errf(k, theme, key, "given twice")
		}
		seen[k.Value] = true
		if err := f(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) top(n *yaml.Node) error {
	tx := p.tx
	var themes *yaml.Node
	err := p.fields(n, "", "", []string{"name", "version", "description", "fallback", "fallback_sentiment", "within", "absence", "negated", "themes"},
		func(key string, k, v *yaml.Node) error {
			switch key {
			case "name":
				return p.str(v, "", key, &tx.Name)
			case "version":
				return p.str(v, "", key, &tx.Version)
			case "description":
				var s string
				return p.str(v, "", key, &s)
			case "fallback":
				return p.str(v, "", key, &tx.Fallback)
			case "fallback_sentiment":
				if err := p.str(v, "", key, &tx.FallbackSentiment); err != nil {
					return err
				}
				if tx.FallbackSentiment != "comment" && tx.FallbackSentiment != "neutral" {
					return p.errf(v, "", key, "%q: want comment or neutral", tx.FallbackSentiment)
				}
			case "within":
				return p.posInt(v, "", key, &tx.Within)
			case "negated":
				if err := p.str(v, "", key, &tx.Negated); err != nil {
					return err
				}
				if tx.Negated != "tag" && tx.Negated != "drop" {
					return p.errf(v, "", key, "%q: want tag or drop", tx.Negated)
				}
			case "absence":
				return p.fields(v, "", key, []string{"weight", "de", "en"}, func(lk string, _, lv *yaml.Node) error {
					if lk == "weight" {
						return p.float(lv, "", "absence.weight", -4, 4, &tx.AbsenceWeight)
					}
					ws, err := p.strings(lv, "", "absence."+lk)
					for _, w := range ws {
						tx.Absence[lk] = append(tx.Absence[lk], strings.ToLower(w))
					}
					return err
				})
			case "themes":
				themes = v
			}
			return nil
		})
	if err != nil {
		return err
	}
	switch {
	case tx.Name == "":
		return p.errf(n, "", "name", "missing: give the taxonomy a name")
	case tx.Version == "":
		return p.errf(n, "", "version", "missing: give the taxonomy a version (bump it when terms change)")
	case themes == nil:
		return p.errf(n, "", "themes", "missing: a taxonomy needs themes")
	}
	if err := p.themeList(themes, -1, "", "themes"); err != nil {
		return err
	}
	if len(tx.Themes) == 0 {
		return p.errf(themes, "", "themes", "empty: a taxonomy needs themes")
	}
	for i, th := range p.bareThemes {
		if th.Path != tx.Fallback {
			return p.errf(p.bare[i], th.Path, "terms", "missing: a theme needs terms, rules or child themes (only the fallback may have none)")
		}
	}
	if tx.Fallback != "" && strings.ContainsAny(tx.Fallback, " \t") {
		return p.errf(n, "", "fallback", "%q: a theme path has no spaces", tx.Fallback)
	}
	return nil
}

func (p *parser) themeList(n *yaml.Node, parent int, prefix, at string) error {
	if n.Kind != yaml.SequenceNode {
		return p.errf(n, prefix, at, "want a list of themes")
	}
	for i, tn := range n.Content {
		if err := p.theme(tn, parent, prefix, fmt.Sprintf("%s[%d]", at, i)); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) theme(n *yaml.Node, parent int, prefix, at string) error {
	th := &Theme{Parent: parent, Weight: 1, Terms: map[string][]string{}, Exclude: map[string][]string{}, Rules: map[string][]Rule{}, Line: n.Line}
	// The name first, so that every later error can name the theme.
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "name" {
				th.Name = n.Content[i+1].Value
			}
		}
	}
	label := at
	switch {
	case n.Kind != yaml.MappingNode:
		return p.errf(n, "", at, "want a theme (a mapping with name and terms)")
	case th.Name == "":
		return p.errf(n, "", at+".name", "missing: every theme needs a name")
	case strings.ContainsAny(th.Name, "/ \t\n"):
		return p.errf(n, "", at+".name", "%q: a theme name has no slashes or spaces", th.Name)
	}
	th.Path = join2(prefix, th.Name)
	label = th.Path
	if depth := strings.Count(th.Path, "/") + 1; depth > MaxDepth {
		return p.errf(n, label, "", "nested %d deep: at most %d levels of themes", depth, MaxDepth)
	}
	if len(p.tx.Themes) == MaxThemes {
		return p.errf(n, label, "", "theme %d: a taxonomy holds at most %d themes", MaxThemes+1, MaxThemes)
	}
	for _, o := range p.tx.Themes {
		if o.Path == th.Path {
			return p.errf(n, label, "name", "a theme with this path stands at line %d", o.Line)
		}
	}
	idx := len(p.tx.Themes)
	p.tx.Themes = append(p.tx.Themes, th)
	var children *yaml.Node
	err := p.fields(n, label, "", []string{"name", "description", "weight", "sentiment", "terms", "exclude", "rules", "themes"}, func(key string, k, v *yaml.Node) error {
		switch key {
		case "sentiment":
			return p.float(v, label, key, -4, 4, &th.Sentiment)
		case "description":
			return p.str(v, label, key, &th.Description)
		case "weight":
			return p.float(v, label, key, 0, 1, &th.Weight)
		case "terms", "exclude":
			m := th.Terms
			if key == "exclude" {
				m = th.Exclude
			}
			return p.fields(v, label, key, languages, func(lang string, _, lv *yaml.Node) error {
				ws, err := p.patterns(lv, label, key+"."+lang)
				m[lang] = ws
				return err
			})
		case "rules":
			return p.fields(v, label, key, languages, func(lang string, _, lv *yaml.Node) error {
				if lv.Kind != yaml.SequenceNode {
					return p.errf(lv, label, key+"."+lang, "want a list of rules")
				}
				for i, rn := range lv.Content {
					r, err := p.rule(rn, label, fmt.Sprintf("rules.%s[%d]", lang, i))
					if err != nil {
						return err
					}
					th.Rules[lang] = append(th.Rules[lang], r)
				}
				return nil
			})
		case "themes":
			children = v
		}
		return nil
	})
	if err != nil {
		return err
	}
	if np := th.patterns(); np > MaxThemePatterns {
		return p.errf(n, label, "", "%d patterns (terms, exclude and rules): at most %d a theme (split it into child themes)", np, MaxThemePatterns)
	}
	if children != nil {
		if err := p.themeList(children, idx, th.Path, "themes"); err != nil {
			return err
		}
	}
	if len(th.Terms) == 0 && len(th.Rules) == 0 && children == nil {
		p.bare = append(p.bare, n)
		p.bareThemes = append(p.bareThemes, th)
	}
	return nil
}

func (p *parser) rule(n *yaml.Node, theme, at string) (Rule, error) {
	r := Rule{}
	err := p.fields(n, theme, at, []string{"all", "any", "not", "within"}, func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "all":
			if err = p.atMost(v, theme, at+".all", MaxAll); err == nil {
				r.All, err = p.patterns(v, theme, at+".all")
			}
		case "any":
			if err = p.atMost(v, theme, at+".any", MaxAny); err == nil {
				r.Any, err = p.patterns(v, theme, at+".any")
			}
		case "not":
			if err = p.atMost(v, theme, at+".not", MaxNot); err == nil {
				r.Not, err = p.patterns(v, theme, at+".not")
			}
		case "within":
			err = p.posInt(v, theme, at+".within", &r.Within)
		}
		return err
	})
	if err != nil {
		return r, err
	}
	switch {
	case len(r.All) > 0 && len(r.Any) > 0:
		return r, p.errf(n, theme, at, "give all or any, not both (write two rules)")
	case len(r.All) == 0 && len(r.Any) == 0:
		return r, p.errf(n, theme, at, "a rule needs all or any")
	case len(r.All) == 1:
		return r, p.errf(n, theme, at+".all", "one pattern: use terms, or give all two or more")
	}
	return r, nil
}

// atMost refuses a list of more than most patterns, at the first one too
// many.
func (p *parser) atMost(n *yaml.Node, theme, at string, most int) error {
	if n.Kind == yaml.SequenceNode && len(n.Content) > most {
		return p.errf(n.Content[most], theme, at, "%d patterns: a rule's list holds at most %d (write several rules)", len(n.Content), most)
	}
	return nil
}

// patterns counts the theme's own patterns (not its children's).
func (th *Theme) patterns() int {
	n := 0
	for _, ws := range th.Terms {
		n += len(ws)
	}
	for _, ws := range th.Exclude {
		n += len(ws)
	}
	for _, rs := range th.Rules {
		for _, r := range rs {
			n += len(r.All) + len(r.Any) + len(r.Not)
		}
	}
	return n
}

func (p *parser) patterns(n *yaml.Node, theme, at string) ([]string, error) {
	ws, err := p.strings(n, theme, at)
	if err != nil {
		return nil, err
	}
	for i, w := range ws {
		if _, err := compileTerm(w); err != nil {
			return nil, p.errf(n.Content[i], theme, fmt.Sprintf("%s[%d]", at, i), "%q: %v", w, err)
		}
	}
	return ws, nil
}

func (p *parser) strings(n *yaml.Node, theme, at string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, theme, at, "want a list of strings")
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			return nil, p.errf(c, theme, fmt.Sprintf("%s[%d]", at, i), "want a string")
		}
		out = append(out, c.Value)
	}
	return out, nil
}

func (p *parser) str(n *yaml.Node, theme, key string, dst *string) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return p.errf(n, theme, key, "want a string")
	}
	*dst = n.Value
	return nil
}

func (p *parser) posInt(n *yaml.Node, theme, key string, dst *int) error {
	var v int
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil || v < 1 {
		return p.errf(n, theme, key, "%q: want a whole number of tokens, 1 or more", n.Value)
	}
	*dst = v
	return nil
}

func (p *parser) float(n *yaml.Node, theme, key string, lo, hi float64, dst *float64) error {
	var v float64
	// !(lo <= v && v <= hi) rather than v < lo || v > hi: NaN (.nan)
	// compares false with every bound and must fail the check.
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil || !(lo <= v && v <= hi) {
		return p.errf(n, theme, key, "%q: want a number from %v to %v", n.Value, lo, hi)
	}
	*dst = v
	return nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func join2(a, b string) string {
	if a == "" {
		return b
	}
	return a + "/" + b
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
