package configs

import (
	"fmt"
	"slices"
	"strings"
)

// MaxWorkers is the most parallel workers a run accepts (--workers,
// workers:, STIMMUNG_WORKERS).
const MaxWorkers = 256

// validate checks values that have a fixed set of choices or a range. where
// tells from which layer a key's value came, for the message.
func (c *Config) validate(where func(key string) Pos) error {
	oneOf := func(key, got string, choices ...string) error {
		if slices.Contains(choices, got) {
			return nil
		}
		return &Error{Pos: where(key), Key: key, Msg: fmt.Sprintf("%q is not one of %s", got, strings.Join(quoteAll(choices), ", "))}
	}
	atLeast := func(key string, got, lo int) error {
		if got >= lo {
			return nil
		}
		return &Error{Pos: where(key), Key: key, Msg: fmt.Sprintf("%d is too small: want at least %d", got, lo)}
	}
	atMost := func(key string, got, hi int, why string) error {
		if got <= hi {
			return nil
		}
		return &Error{Pos: where(key), Key: key, Msg: fmt.Sprintf("%d is too large: at most %d (%s)", got, hi, why)}
	}
	checks := []error{
		atLeast("workers", c.Workers, 0),
		atMost("workers", c.Workers, MaxWorkers, "each worker holds a record and its analysis; more than the CPU cores gain nothing"),
		atLeast("max_errors", c.MaxErrors, 0),
		atLeast("max_line_bytes", c.MaxLineBytes, 64),
		oneOf("default_lang", c.DefaultLang, "de", "en"),
		oneOf("input.format", c.Input.Format, "auto", "jsonl", "json", "csv", "xlsx"),
		oneOf("input.encoding", strings.ToLower(c.Input.Encoding), "auto", "utf-8", "utf8", "windows-1252", "cp1252"),
		oneOf("input.delimiter", c.Input.Delimiter, "auto", ",", ";", "\t", "\\t", "tab"),
		oneOf("input.preset", c.Input.Preset, "", "qualtrics"),
		atLeast("input.skip_rows", c.Input.SkipRows, 0),
		oneOf("output.format", c.Output.Format, "jsonl", "csv"),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	if len(c.Input.Columns.Text) == 0 {
		return &Error{Pos: where("input.columns.text"), Key: "input.columns.text", Msg: "name at least one text column"}
	}
	for i, t := range c.Input.Columns.Text {
		if strings.TrimSpace(t) == "" {
			return &Error{Pos: where("input.columns.text"), Key: fmt.Sprintf("input.columns.text[%d]", i), Msg: "empty column name"}
		}
		if j := slices.Index(c.Input.Columns.Text, t); j < i {
			key := fmt.Sprintf("input.columns.text[%d]", i)
			return &Error{Pos: where("input.columns.text"), Key: key, Msg: fmt.Sprintf("%q is listed twice (also as text[%d])", t, j)}
		}
	}
	for i, s := range c.Pipeline.Stages {
		if s.Name == "" {
			return &Error{Pos: s.Pos, Key: fmt.Sprintf("pipeline.stages[%d].name", i), Msg: "missing: every stage needs a name"}
		}
	}
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
