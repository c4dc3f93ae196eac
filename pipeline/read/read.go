package read

import (
	"github.com/stimmung/stimmung/models"
)

// Source yields the records of one input in order.
//
// Next returns the next record, or io.EOF at the end. A problem with one
// record (a line that is not JSON, a row with the wrong number of columns,
// a missing text field, a line over MaxLineBytes) is NOT an error of Next: it
// comes back as a record with Err set (Stage "read") and its Line, so that the
// run writes an error record and goes on. Next returns a non-nil error only
// when the input itself fails (I/O error, a file that is not an XLSX at all);
// the caller then stops reading this input.
type Source interface {
	Next() (*models.Record, error)
	// Close releases the input.
	Close() error
}

// Columns maps input fields (JSON keys or CSV/XLSX header cells) to the
// canonical record fields. An empty name means "not mapped". Matching of
// header cells is exact first, then case-insensitive after trimming spaces.
type Columns struct {
	ID         string
	Text       []string // one or more; several give one record per column
	Lang       string
	Date       string
	NPS        string
	CSAT       string
	CES        string
	Touchpoint string
	// Pass lists further columns to pass through; empty means all columns.
	Pass []string
}

// Options configure how an input is read.
type Options struct {
	// Name is the source name used in ids and messages: the file's base
	// name, or "stdin".
	Name string
	// Format is "auto", "jsonl", "json", "csv" or "xlsx". Auto sniffs the
	// content (and uses the file extension when there is one).
	Format string
	// Encoding of CSV input: "auto", "utf-8" or "windows-1252".
	Encoding string
	// Delimiter of CSV input: "auto", ",", ";" or "\t".
	Delimiter string
	// Preset "qualtrics" skips Qualtrics' two extra header rows (question
	// text and ImportId) and maps ResponseId/RecordedDate by default.
	Preset string
	// SkipRows is the number of rows after the header row to skip.
	SkipRows int
	// Sheet selects an XLSX sheet by name; empty means the first sheet.
	Sheet string
	// Columns maps fields to canonical names.
	Columns Columns
	// MaxLineBytes is the longest line (JSON lines) or record (CSV) accepted;
	// longer ones become error records. 0 means 1 MiB.
	MaxLineBytes int
	// XLSX bounds what reading a workbook may cost (zero: the defaults).
	XLSX XLSXLimits
	// Warn, when set, receives problems that concern the whole input rather
	// than one record (a text column missing from the header, a detected
	// Qualtrics export, a JSON array that breaks off), at most once each.
	// Messages do not name the input (the caller knows Name). Per-record
	// problems are error records instead.
	Warn func(msg string)
}

// DefaultColumns returns the mapping to use when the configuration names no
// columns: every canonical field is read from the input field of its own name.
func DefaultColumns() Columns {
	return Columns{
		ID:         "id",
		Text:       []string{"text"},
		Lang:       "lang",
		Date:       "date",
		NPS:        "nps",
		CSAT:       "csat",
		CES:        "ces",
		Touchpoint: "touchpoint",
	}
}
