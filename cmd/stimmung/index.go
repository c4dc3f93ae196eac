package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/stimmung/stimmung/pipeline"
	"github.com/stimmung/stimmung/pipeline/index"
)

func newIndexCmd(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index --index DIR [FILE...]",
		Short: "Analyse comments and write them into a search index",
		Long: `Runs the configured stages on the comments of FILEs (or JSON lines on stdin)
and writes the results into the Bleve index in DIR, creating it when needed.

Documents are keyed by record id: indexing the same export again leaves the
same number of documents, and a changed comment replaces its old version.
--rebuild starts from an empty index. --shard month writes one index per
month of the records' dates under DIR (see "Searching feedback" in the
README). Only one process can write an index at a time. SIGINT or SIGTERM
stops reading: the records read so far are indexed, the index is closed
cleanly but marked unfinished (search warns), exit 130 or 143; running
the import again completes it.

Search it with: stimmung search --index DIR 'QUERY'`,
		Example: `  stimmung index --index feedback.idx testdata/sample/feedback.csv
  stimmung index --index feedback.idx --rebuild export-*.csv
  stimmung index --index shards/ --shard month export.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error { return analyze(cmd, s, args, true) },
	}
	addConfigFlags(cmd.Flags())
	for _, f := range []string{"format", "debug", "explain"} {
		_ = cmd.Flags().MarkHidden(f)
	}
	cmd.Flags().BoolP("quiet", "q", false, "no progress bar, no summary, no per-record messages on stderr")
	addIndexFlags(cmd.Flags())
	return cmd
}

func addIndexFlags(fs *pflag.FlagSet) {
	fs.String("index", "", "write the results into the search index in DIR (created when needed)")
	fs.Bool("rebuild", false, "with --index: remove the index's documents first and build it anew")
	fs.String("shard", "", `with --index: "month" writes one index per month of the records' dates`)
	fs.Int("batch-size", index.DefaultBatchSize, "with --index: documents per batch written to the index")
}

// indexSink writes a run's records into an index (one, or monthly shards).
type indexSink struct {
	dir    string
	w      pipeline.Writer
	single *index.Writer
	shards *index.ShardWriter
	ix     *index.Index
}

// openIndexSink opens the index named by --index for writing. It warns on
// errOut when the index was built with other versions, or when the last
// import did not finish.
func openIndexSink(cmd *cobra.Command, p *pipeline.Pipeline, errOut io.Writer, version string) (*indexSink, error) {
	dir, _ := cmd.Flags().GetString("index")
	rebuild, _ := cmd.Flags().GetBool("rebuild")
	shard, _ := cmd.Flags().GetString("shard")
	batch, _ := cmd.Flags().GetInt("batch-size")
	if batch <= 0 {
		return nil, usageError{fmt.Errorf("--batch-size %d: want a positive number", batch)}
	}
	versions := index.ImportVersions(p.Versions(), version)
	switch shard {
	case "":
	case "month":
		sw, err := index.NewShardWriter(dir, versions, batch, rebuild)
		if err != nil {
			return nil, ioError{err}
		}
		return &indexSink{dir: dir, w: sw, shards: sw}, nil
	default:
		return nil, usageError{fmt.Errorf("--shard %q: the only sharding is month", shard)}
	}
	if index.IsShardRoot(dir) {
		return nil, usageError{fmt.Errorf("%s holds monthly shards: add --shard month", dir)}
	}
	ix, err := index.OpenWriter(dir, rebuild)
	if err != nil {
		return nil, ioError{err}
	}
	if ix.Meta.Importing {
		fmt.Fprintf(errOut, "stimmung: warning: the last import into %s did not finish (killed?); this run completes what it writes again\n", dir)
	}
	if old := ix.Meta.Versions; len(old) > 0 {
		if diffs := ix.Meta.VersionDiffs(versions); len(diffs) > 0 {
			fmt.Fprintf(errOut, "stimmung: warning: %s was built with other versions (%s); its older documents keep their old analysis: use --rebuild to redo them all\n", dir, strings.Join(diffs, "; "))
		}
	}
	w, err := index.NewWriter(ix, versions, batch)
	if err != nil {
		ix.Close()
		return nil, ioError{err}
	}
	return &indexSink{dir: dir, w: w, single: w, ix: ix}, nil
}

// close finishes the import; the summary line says what the index holds.
// An import that did not read its input to the end (complete false) keeps
// the index marked as unfinished, for search to warn about.
func (k *indexSink) close(rep *reporter, quiet, complete bool) error {
	var err error
	var msg string
	if k.single != nil {
		if complete {
			err = k.single.Close()
		} else {
			err = k.single.CloseUnfinished()
		}
		n, _ := k.ix.Bleve.DocCount()
		msg = fmt.Sprintf("index %s: %s documents written, %s in the index", k.dir, group(k.single.Indexed), group(int64(n)))
		err = errors.Join(err, k.ix.Close())
	} else {
		if complete {
			err = k.shards.Close()
		} else {
			err = k.shards.CloseUnfinished()
		}
		names := k.shards.Shards()
		msg = fmt.Sprintf("index %s: %s documents written into %d monthly shards", k.dir, group(k.shards.Indexed), len(names))
	}
	if err != nil {
		return ioError{err}
	}
	if !complete {
		msg += "; the import did not finish, and search says so until an import runs to the end"
	}
	if !quiet || !complete {
		rep.warn(msg)
	}
	return nil
}
