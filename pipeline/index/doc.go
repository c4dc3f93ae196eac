// Package index writes analysed records into a Bleve index and searches it.
//
// The flow of a record: the pipeline's stages annotate it, Document turns it
// into a Bleve document (text in a field per language, keywords, numbers,
// the date, and the analysed JSON line as _source), Writer batches the
// documents into the index, upserting by record id. Search parses Bleve's
// query-string syntax, adds the filters that need no syntax, and returns
// hits with highlights and facets.
//
// Everything that opens an index goes through Open or Create here: this
// package registers the custom analyzers (analysis.go) that the mapping
// names, so no binary can open the index without them, and it checks the
// versions the index was built with.
package index
