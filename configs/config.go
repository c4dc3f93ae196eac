package configs

import (
	_ "embed"
	"fmt"
	"strings"
)

// DefaultYAML is the built-in configuration.
//
//go:embed default.yaml
var DefaultYAML []byte

// ThemesYAML is the built-in theme taxonomy.
//
//go:embed themes.yaml
var ThemesYAML []byte

// ThemesName names the built-in taxonomy in messages.
const ThemesName = "built-in themes.yaml"

// SignalsYAML is the built-in taxonomy of effort, urgency and churn.
//
//go:embed signals.yaml
var SignalsYAML []byte

// SignalsName names the built-in signals taxonomy in messages.
const SignalsName = "built-in signals.yaml"

// DefaultName names the built-in configuration in messages.
const DefaultName = "built-in default.yaml"

// Config is the merged configuration of a run.
type Config struct {
	Workers      int    `yaml:"workers" mapstructure:"workers"`
	MaxErrors    int    `yaml:"max_errors" mapstructure:"max_errors"`
	MaxLineBytes int    `yaml:"max_line_bytes" mapstructure:"max_line_bytes"`
	DefaultLang  string `yaml:"default_lang" mapstructure:"default_lang"`
	Themes       string `yaml:"themes" mapstructure:"themes"`
	// Signals is the signals taxonomy file ("" = built-in): the cues of
	// effort, urgency and churn, read by the sentiment and signals stages.
	Signals  string   `yaml:"signals" mapstructure:"signals"`
	Input    Input    `yaml:"input" mapstructure:"input"`
	Output   Output   `yaml:"output" mapstructure:"output"`
	Pipeline Pipeline `yaml:"pipeline" mapstructure:"pipeline"`
}

// Input configures the readers.
type Input struct {
	Format    string  `yaml:"format" mapstructure:"format"`
	Encoding  string  `yaml:"encoding" mapstructure:"encoding"`
	Delimiter string  `yaml:"delimiter" mapstructure:"delimiter"`
	Preset    string  `yaml:"preset" mapstructure:"preset"`
	SkipRows  int     `yaml:"skip_rows" mapstructure:"skip_rows"`
	Sheet     string  `yaml:"sheet" mapstructure:"sheet"`
	Columns   Columns `yaml:"columns" mapstructure:"columns"`
}

// Columns maps input fields to canonical record fields.
type Columns struct {
	ID         string   `yaml:"id" mapstructure:"id"`
	Text       []string `yaml:"text,flow" mapstructure:"text"`
	Lang       string   `yaml:"lang" mapstructure:"lang"`
	Date       string   `yaml:"date" mapstructure:"date"`
	NPS        string   `yaml:"nps" mapstructure:"nps"`
	CSAT       string   `yaml:"csat" mapstructure:"csat"`
	CES        string   `yaml:"ces" mapstructure:"ces"`
	Touchpoint string   `yaml:"touchpoint" mapstructure:"touchpoint"`
	Pass       []string `yaml:"pass,flow" mapstructure:"pass"`
}

// Output configures the writer.
type Output struct {
	Format  string `yaml:"format" mapstructure:"format"`
	Debug   bool   `yaml:"debug" mapstructure:"debug"`
	Explain bool   `yaml:"explain" mapstructure:"explain"`
}

// Pipeline lists the stages in order.
type Pipeline struct {
	Stages []StageSpec `yaml:"stages" mapstructure:"stages"`
}

// StageSpec is one entry of pipeline.stages.
type StageSpec struct {
	Name    string         `yaml:"name" mapstructure:"name"`
	Enabled *bool          `yaml:"enabled,omitempty" mapstructure:"enabled"`
	With    map[string]any `yaml:"with,omitempty" mapstructure:"with"`

	// Pos is where the entry stands; WithPos where each option key stands.
	// Stage constructors use them in their errors.
	Pos     Pos            `yaml:"-" mapstructure:"-"`
	WithPos map[string]Pos `yaml:"-" mapstructure:"-"`
}

// IsEnabled reports whether the stage runs (enabled defaults to true).
func (s StageSpec) IsEnabled() bool { return s.Enabled == nil || *s.Enabled }

// Pos is a place in a configuration source.
type Pos struct {
	File string
	Line int
	Col  int
	// Excerpt is the source line, for messages.
	Excerpt string
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Error is a configuration error. It names the key (with its full path, such
// as pipeline.stages[2].with.form) and, where one exists, the place in a file.
type Error struct {
	Pos Pos
	Key string
	Msg string
	// Err is the cause, if any (a file that cannot be read, a parse
	// error), for errors.Is and errors.As. It is not printed: Msg already
	// says what the user needs to read, usually the cause's own message.
	Err error
}

// Wrap returns the configuration error of cause err at pos for key; its
// message is err's.
func Wrap(pos Pos, key string, err error) *Error {
	return &Error{Pos: pos, Key: key, Msg: err.Error(), Err: err}
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Pos.Excerpt != "" {
		fmt.Fprintf(&b, "\n  %4d | %s", e.Pos.Line, e.Pos.Excerpt)
		if e.Pos.Col > 0 {
			fmt.Fprintf(&b, "\n       | %s^", strings.Repeat(" ", e.Pos.Col-1))
		}
	}
	return b.String()
}
