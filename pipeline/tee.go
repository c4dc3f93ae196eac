package pipeline

import (
	"errors"

	"github.com/stimmung/stimmung/models"
)

// Tee is a Writer that writes each record to a, then b: the output and
// the index of analyze --index, the answer and the index of the server's
// /v1/analyze?index=true.
func Tee(a, b Writer) Writer { return tee{a, b} }

type tee struct{ a, b Writer }

func (t tee) Write(r *models.Record) error {
	if err := t.a.Write(r); err != nil {
		return err
	}
	return t.b.Write(r)
}

func (t tee) Flush() error { return errors.Join(t.a.Flush(), t.b.Flush()) }
