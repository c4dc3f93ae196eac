// Package index writes analysed records into a Bleve index and searches it.
// It is one of the two sinks at the end of the flow (the other is package
// write); stimmung index, analyze --index and stimmung search use it.
//
// The flow of a record: the pipeline's stages annotate it, a Builder turns
// it into a Bleve document (text in a field per language, pre-analysed from
// the pipeline's tokens, keywords, compact numbers, the date, and the
// record's JSON object from package encode as _source), a Writer batches
// the documents into the index, upserting by record id, with batches
// indexed in the background while the next fills. A ShardWriter does the
// same into one index per month. Search parses Bleve's query-string
// syntax, adds the filters that need no syntax, and returns hits with
// highlights and facets. Scan (scan.go) runs the same query and filters
// but only visits the stored record of every match, for a report over a
// million of them.
//
// Everything that opens an index goes through Open, Create, OpenWriter or
// OpenSearch here: this package registers the custom analyzers
// (analysis.go) that the mapping names, so no binary can open the index
// without them; it checks the versions the index was built with, records
// whether an import is under way, turns a writer's lock into ErrLocked
// after a timeout and a failure of Bleve's background persister (a full
// disk) into ErrBackground. How an index is opened and written (the lock
// timeout, how many batches are indexed at once, whether a batch waits for
// the disk) is set by Options, given to the ...With variants of those
// functions; the others use DefaultOptions. The package keeps no settings
// in globals: only caches (stop words, the compound dictionary) and the
// registry of open writable indexes that scorch's error callback needs.
package index
