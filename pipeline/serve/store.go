package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/stimmung/stimmung/pipeline/report"
)

// StoreFile is the follow-up store's file in the index directory.
const StoreFile = "stimmung-followup.db"

// storeTimeout bounds the wait for another process's hold on the store.
const storeTimeout = 2 * time.Second

var followUpBucket = []byte("follow-up")

// Mark is what an analyst noted on a comment of the follow-up queue.
type Mark struct {
	// Status is "handled" or "open" (marked open again).
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
	// Updated is when it was marked (UTC, seconds).
	Updated time.Time `json:"updated"`
}

// Statuses a Mark may have.
const (
	StatusHandled = "handled"
	StatusOpen    = "open"
)

// maxNoteBytes bounds a note: it is a remark for colleagues, not a report.
const maxNoteBytes = 4096

// Store keeps the follow-up marks beside the index, in a bbolt file (bbolt
// is already there for Bleve): a comment's id → its Mark.
type Store struct {
	db *bolt.DB
}

// OpenStore opens the store in the index directory dir; writable creates
// it. Without writable a missing store is an empty one.
func OpenStore(dir string, writable bool) (*Store, error) {
	path := filepath.Join(dir, StoreFile)
	if !writable {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return &Store{}, nil
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: storeTimeout, ReadOnly: !writable})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("follow-up store %s: in use by another process (a server with --allow-writes?)", path)
		}
		return nil, fmt.Errorf("follow-up store %s: %w", path, err)
	}
	if writable {
		if err := db.Update(func(tx *bolt.Tx) error {
			_, err := tx.CreateBucketIfNotExists(followUpBucket)
			return err
		}); err != nil {
			db.Close()
			return nil, fmt.Errorf("follow-up store %s: %w", path, err)
		}
	}
	return &Store{db: db}, nil
}

// Set records m for the comment id.
func (s *Store) Set(id string, m Mark) error {
	if s.db == nil {
		return errors.New("the follow-up store is read-only")
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(followUpBucket).Put([]byte(id), b) })
}

// Get returns the mark of the comment id, if any.
func (s *Store) Get(id string) (Mark, bool, error) {
	var m Mark
	found := false
	if s.db == nil {
		return m, false, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(followUpBucket)
		if bk == nil {
			return nil
		}
		v := bk.Get([]byte(id))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &m)
	})
	return m, found, err
}

// Handled lists the ids of the comments marked handled.
func (s *Store) Handled() (map[string]bool, error) {
	out := map[string]bool{}
	if s.db == nil {
		return out, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(followUpBucket)
		if bk == nil {
			return nil
		}
		return bk.ForEach(func(k, v []byte) error {
			var m Mark
			if err := json.Unmarshal(v, &m); err != nil {
				return err
			}
			if m.Status == StatusHandled {
				out[string(k)] = true
			}
			return nil
		})
	})
	return out, err
}

// Annotate fills the status, note and time of each queue entry that has a
// mark: the server's queue and report, and stimmung report --index's
// export of the queue.
func (s *Store) Annotate(q []report.QueueEntry) error {
	for i := range q {
		m, ok, err := s.Get(q[i].ID)
		if err != nil {
			return err
		}
		if ok {
			q[i].Status, q[i].Note, q[i].Updated = m.Status, m.Note, m.Updated.Format(time.RFC3339)
		}
	}
	return nil
}

// Close closes the store's file.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	return s.db.Close()
}
