package pipeline

import (
	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/pipeline/read"
)

// ReadOptions are the reader's options as the configuration sets them
// (input format, encoding, delimiter, columns, limits): every command and
// the server read records with them.
func ReadOptions(cfg *configs.Config) read.Options {
	c := cfg.Input.Columns
	delim := cfg.Input.Delimiter
	if delim == `\t` || delim == "tab" {
		delim = "\t"
	}
	return read.Options{
		Format:       cfg.Input.Format,
		Encoding:     cfg.Input.Encoding,
		Delimiter:    delim,
		Preset:       cfg.Input.Preset,
		SkipRows:     cfg.Input.SkipRows,
		Sheet:        cfg.Input.Sheet,
		MaxLineBytes: cfg.MaxLineBytes,
		Columns: read.Columns{ID: c.ID, Text: c.Text, Lang: c.Lang, Date: c.Date, NPS: c.NPS,
			CSAT: c.CSAT, CES: c.CES, Touchpoint: c.Touchpoint, Pass: c.Pass},
	}
}
