// Package render prints the results of a search of the index
// (index.Result) in the formats of `stimmung search`: JSON lines (a hit
// record a line, with _score and _highlights, and an optional summary line
// with the total and the facets), one JSON document, CSV and the terminal
// table (aligned columns, highlighted matches, clipping to the terminal's
// width, the facets below). It also holds what these outputs share with the
// command's messages: the note about stop words in a query that matched
// nothing, and the escaping of input-derived text for a terminal (TermText,
// TermMessage), which every message of the CLI that quotes input uses.
//
// Today its callers are the search command; the coming HTTP server and
// `stimmung report` are to render search results through it too. It does
// no I/O beyond writing to the io.Writer it is given.
package render
