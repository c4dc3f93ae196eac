package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolt "go.etcd.io/bbolt"
)

// FormatVersion is the layout of the documents (fields, encodings,
// analysis). An index of another format cannot be searched reliably and
// must be rebuilt.
const FormatVersion = "3"

// metaKey is the internal key of the Meta in the index.
var metaKey = []byte("stimmung.meta")

// Meta is what an index records about itself: the versions it was built
// with, and whether an import is under way (or was killed).
type Meta struct {
	Format string `json:"format"`
	// Versions name the stimmung build, sentiment engine, lexicons,
	// taxonomies and index analysis that produced the documents.
	Versions map[string]string `json:"versions"`
	// Importing is true from the start of an import to its end: still true
	// when nobody writes means the last import did not finish.
	Importing bool      `json:"importing"`
	Updated   time.Time `json:"updated"`
}

// Index is an open stimmung index.
type Index struct {
	// Bleve is the open index, or the alias of the shards.
	Bleve bleve.Index
	Dir   string
	Meta  Meta
	// Shards is set when Dir holds one index per month searched together
	// through an alias; see OpenShards.
	Shards []string
	// closers are the shards' own indexes, closed with the alias.
	closers []*Index
	// bg notes a writable index's failures in the background.
	bg *background
	// opts are the options it was opened with, resolved.
	opts Options
}

// ErrNotExist says there is no index at a path.
var ErrNotExist = errors.New("no index")

// ErrLocked says another process is writing the index.
var ErrLocked = errors.New("index is locked")

// lockInfoName is the file where the writer notes who it is, for the
// error message of a second process; the lock itself is Bleve's.
const lockInfoName = "stimmung-writer.json"

type lockInfo struct {
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Command string    `json:"command"`
}

// Exists reports whether dir holds a Bleve index.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// Open opens the index at dir for searching, or for writing with write,
// with the default options. A missing index is ErrNotExist; one that
// another process writes is ErrLocked, after DefaultLockTimeout.
func Open(dir string, write bool) (*Index, error) {
	return OpenWith(dir, write, DefaultOptions())
}

// OpenWith is Open with options; an index another process writes is
// ErrLocked after opts.LockTimeout.
func OpenWith(dir string, write bool, opts Options) (*Index, error) {
	opts = opts.resolved()
	if !Exists(dir) {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() && isShardRoot(dir) {
			return nil, fmt.Errorf("%s holds monthly shards: search it with its shards (OpenShards)", dir)
		}
		return nil, fmt.Errorf("%w at %s (build one with: stimmung index --index %s FILE...)", ErrNotExist, dir, dir)
	}
	bi, err := bleve.OpenUsing(dir, opts.runtimeConfig(!write))
	if err != nil {
		return nil, openError(dir, err)
	}
	ix := &Index{Bleve: bi, Dir: dir, opts: opts}
	if err := ix.loadMeta(); err != nil {
		bi.Close()
		return nil, err
	}
	if write {
		ix.bg = watchBackground(dir)
		ix.noteWriter()
	}
	return ix, nil
}

// Create makes a new, empty index at dir, which must not exist or be an
// empty directory, with the default options.
func Create(dir string) (*Index, error) { return CreateWith(dir, DefaultOptions()) }

// CreateWith is Create with options.
func CreateWith(dir string, opts Options) (*Index, error) {
	opts = opts.resolved()
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty and holds no index: choose a new directory", dir)
	}
	bi, err := bleve.NewUsing(dir, NewMapping(), scorch.Name, scorch.Name, opts.runtimeConfig(false))
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix := &Index{Bleve: bi, Dir: dir, Meta: Meta{Format: FormatVersion, Versions: map[string]string{}}, bg: watchBackground(dir), opts: opts}
	ix.noteWriter()
	return ix, nil
}

// OpenWriter opens the index at dir for writing, creating it when it does
// not exist, with the default options. With rebuild, an existing index is
// removed first (only when it is a stimmung index and nobody writes it).
func OpenWriter(dir string, rebuild bool) (*Index, error) {
	return OpenWriterWith(dir, rebuild, DefaultOptions())
}

// OpenWriterWith is OpenWriter with options.
func OpenWriterWith(dir string, rebuild bool, opts Options) (*Index, error) {
	if !Exists(dir) {
		return CreateWith(dir, opts)
	}
	ix, err := OpenWith(dir, true, opts)
	if err != nil {
		return nil, err
	}
	if !rebuild {
		if ix.Meta.Format != "" && ix.Meta.Format != FormatVersion {
			ix.Close()
			return nil, fmt.Errorf("index %s has document format %s, this stimmung writes %s: rebuild it with --rebuild", dir, ix.Meta.Format, FormatVersion)
		}
		return ix, nil
	}
	if ix.Meta.Format == "" {
		ix.Close()
		return nil, fmt.Errorf("%s is a Bleve index stimmung did not build: not removing it", dir)
	}
	if err := ix.Close(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("rebuild: %w", err)
	}
	return CreateWith(dir, opts)
}

// openError turns Bleve's errors into ones that say what to do. Bleve
// returns bbolt's ErrTimeout as it is when the lock on the index's
// root.bolt is not free within the lock timeout.
func openError(dir string, err error) error {
	if errors.Is(err, bolt.ErrTimeout) {
		who := "another process"
		if b, rerr := os.ReadFile(filepath.Join(dir, lockInfoName)); rerr == nil {
			var li lockInfo
			if json.Unmarshal(b, &li) == nil && li.PID > 0 {
				who = fmt.Sprintf("another process (pid %d, %s, since %s)", li.PID, li.Command, li.Started.Format(time.DateTime))
			}
		}
		return fmt.Errorf("%w: %s is being written by %s; try again when it has finished", ErrLocked, dir, who)
	}
	return fmt.Errorf("open index %s: %w", dir, err)
}

// noteWriter records who writes the index, for a second writer's message.
func (ix *Index) noteWriter() {
	cmd := ""
	if len(os.Args) > 0 {
		cmd = filepath.Base(os.Args[0])
		if len(os.Args) > 1 {
			cmd += " " + os.Args[1]
		}
	}
	li := lockInfo{PID: os.Getpid(), Started: time.Now().UTC().Truncate(time.Second), Command: cmd}
	if b, err := json.Marshal(li); err == nil {
		_ = os.WriteFile(filepath.Join(ix.Dir, lockInfoName), b, 0o644)
	}
}

// Close closes the index; a writer's note goes with it.
func (ix *Index) Close() error {
	err := ix.Bleve.Close()
	ix.bg.stop()
	for _, c := range ix.closers {
		err = errors.Join(err, c.Close())
	}
	if ix.closers != nil {
		return err
	}
	if ix.Dir != "" {
		if b, rerr := os.ReadFile(filepath.Join(ix.Dir, lockInfoName)); rerr == nil {
			var li lockInfo
			if json.Unmarshal(b, &li) == nil && li.PID == os.Getpid() {
				os.Remove(filepath.Join(ix.Dir, lockInfoName))
			}
		}
	}
	return err
}

func (ix *Index) loadMeta() error {
	b, err := ix.Bleve.GetInternal(metaKey)
	if err != nil {
		return fmt.Errorf("read index %s: %w", ix.Dir, err)
	}
	if len(b) == 0 {
		return nil // an index stimmung did not build, or one created and never written
	}
	if err := json.Unmarshal(b, &ix.Meta); err != nil {
		return fmt.Errorf("index %s: bad metadata: %w", ix.Dir, err)
	}
	return nil
}

// VersionDiffs lists how the versions the index was built with differ
// from now: "lexicon.de: index de-1a2b, now de-3c4d". Keys missing on
// either side count as different.
func (m Meta) VersionDiffs(now map[string]string) []string {
	var out []string
	keys := map[string]bool{}
	for k := range m.Versions {
		keys[k] = true
	}
	for k := range now {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		a, b := m.Versions[k], now[k]
		if a == b {
			continue
		}
		if a == "" {
			a = "-"
		}
		if b == "" {
			b = "-"
		}
		out = append(out, fmt.Sprintf("%s: index %s, now %s", k, a, b))
	}
	return out
}

// ImportVersions are the versions an import records in the index: the
// pipeline's (engine, lexicons, taxonomies), the index analysis and, when
// known, the stimmung build. Every writer (stimmung index, analyze
// --index, the server) records the same, so that a later import or search
// can tell whether the index was built by another analysis.
func ImportVersions(pipeline map[string]string, build string) map[string]string {
	v := maps.Clone(pipeline)
	if v == nil {
		v = map[string]string{}
	}
	v["analysis"] = AnalysisVersion()
	if build != "" {
		v["stimmung"] = build
	}
	return v
}

// AnalysisVersion names the index analysis: the document format and the
// compound dictionary. It goes into Meta.Versions as "analysis".
func AnalysisVersion() string {
	return FormatVersion + "-" + defaultSplitter().version
}
