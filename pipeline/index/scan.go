package index

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Scan calls visit with the record (the _source JSON that analyze wrote)
// of every document that matches r's query and filters, shard by shard in
// index order; r's paging, sort, facets and highlighting do not apply. It
// reads the stored record of each match straight from its segment: a
// search would score, sort and collect a million hits and look each one
// up by its id, which is what makes a report over an index slow. source
// is valid only during the call. Scan returns the number of matches
// visited; it stops at the first error of visit or at ctx's end.
func (ix *Index) Scan(ctx context.Context, r Request, visit func(source []byte) error) (uint64, error) {
	q, err := r.query()
	if err != nil {
		return 0, &QueryError{Detail: err}
	}
	indexes := []bleve.Index{ix.Bleve}
	if len(ix.closers) > 0 || len(ix.Shards) > 0 {
		indexes = indexes[:0]
		for _, c := range ix.closers {
			indexes = append(indexes, c.Bleve)
		}
	}
	var n uint64
	for _, bi := range indexes {
		m, err := scanIndex(ctx, bi, q, visit)
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// scanIndex is Scan over one Bleve index.
func scanIndex(ctx context.Context, bi bleve.Index, q query.Query, visit func([]byte) error) (n uint64, err error) {
	adv, err := bi.Advanced()
	if err != nil {
		return 0, err
	}
	reader, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := reader.Close(); err == nil {
			err = cerr
		}
	}()
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return 0, fmt.Errorf("scan: the index is no scorch index (%T)", reader)
	}
	// A document's number is its segment's offset plus its number in the
	// segment, where a segment counts its deleted documents too (as
	// scorch's own offsets do).
	segs := snap.Segments()
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, sg := range segs {
		offsets[i] = running
		running += sg.Segment().Count()
	}
	s, err := q.Searcher(ctx, reader, bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return 0, &QueryError{Detail: err}
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: reader}
	var visitErr error
	visitor := func(field string, _ byte, value []byte, _ []uint64) bool {
		if field != FieldSource {
			return true
		}
		visitErr = visit(value)
		return false
	}
	for {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return n, fmt.Errorf("scan: %w", err)
		}
		if dm == nil {
			return n, nil
		}
		num := dm.IndexInternalID.Value()
		si := sort.Search(len(offsets), func(i int) bool { return offsets[i] > num }) - 1
		if si < 0 {
			return n, fmt.Errorf("scan: document number %d is in no segment", num)
		}
		if err := segs[si].VisitDocument(num-offsets[si], visitor); err != nil {
			return n, fmt.Errorf("scan: %w", err)
		}
		sctx.DocumentMatchPool.Put(dm)
		n++
		if visitErr != nil {
			return n, visitErr
		}
	}
}
