package index

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names. Text goes to a field per language so that each field has
// one analyzer: with one "text" field analysed per document in different
// languages, Bleve would analyse a query with whichever analyzer the
// mapping names, and German stems would never meet English ones.
const (
	FieldTextDE    = "text_de"
	FieldTextEN    = "text_en"
	FieldTextOther = "text_other"
	// FieldSource holds the analysed record as `stimmung analyze` writes
	// it; stored, not indexed.
	FieldSource = "_source"

	// FieldID is the record id, lower-cased: for id:... queries and as the
	// tie-breaker of every sort (doc values are cheaper to read than the
	// stored _id).
	FieldID         = "id"
	FieldLang       = "lang"
	FieldLabel      = "label"
	FieldTheme      = "theme"       // theme paths and their ancestors: delivery, service, service/reachability
	FieldThemeLabel = "theme_label" // path:label, also for ancestors: delivery:negative
	FieldTouchpoint = "touchpoint"
	FieldNPSGroup   = "nps_group"
	FieldCSATGroup  = "csat_group"
	FieldFlags      = "flags"
	FieldMonth      = "month" // YYYY-MM of the date, for facets and shards
	FieldSourceName = "source"
	// FieldFacetValues holds, for the facets searches ask for most, every
	// value of a document as one term "field=value" (and "theme=" when it
	// has any theme): one doc-value read per match counts them all, where
	// a field per facet cost one random read per match and facet.
	FieldFacetValues = "facet_values"

	FieldScore    = "score"
	FieldPriority = "priority"
	FieldEffort   = "effort"
	FieldNPS      = "nps"
	FieldCSAT     = "csat"
	FieldCES      = "ces"
	// FieldThemeScore prefixes the score of each theme:
	// theme_score.delivery, theme_score.service.reachability.
	FieldThemeScore = "theme_score"

	FieldDate = "date"
)

// TextFields are the text fields, one per language.
var TextFields = []string{FieldTextDE, FieldTextEN, FieldTextOther}

// KeywordFields are the fields that hold whole lower-cased values.
var KeywordFields = []string{FieldID, FieldLang, FieldLabel, FieldTheme, FieldThemeLabel, FieldTouchpoint,
	FieldNPSGroup, FieldCSATGroup, FieldFlags, FieldMonth, FieldSourceName}

// NumericFields are the fields that hold numbers (besides theme_score.*).
var NumericFields = []string{FieldScore, FieldPriority, FieldEffort, FieldNPS, FieldCSAT, FieldCES}

// textField returns the text field of a language.
func textField(lang string) string {
	switch lang {
	case "de":
		return FieldTextDE
	case "en":
		return FieldTextEN
	}
	return FieldTextOther
}

// NewMapping returns the index mapping. Documents are built by Document,
// not by Bleve's reflection over the mapping (which was measured as the
// larger part of indexing time); the mapping tells Bleve how to analyse
// queries on each field, and documents what the index holds. A test
// checks that the two agree.
//
// Choices that make indexing fast: no _all field (a query without a field
// is rewritten to the text fields), nothing dynamic, doc values only on
// fields that are sorted or faceted, term vectors only on the text (for
// highlighting), and one stored field with the whole record instead of a
// stored copy of every field.
func NewMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerKeyword
	m.DefaultField = FieldTextOther
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	for _, f := range []struct{ name, analyzer string }{
		{FieldTextDE, AnalyzerDE}, {FieldTextEN, AnalyzerEN}, {FieldTextOther, AnalyzerOther},
	} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = f.analyzer
		fm.Store = true
		fm.IncludeTermVectors = true
		fm.IncludeInAll = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(f.name, fm)
	}
	src := bleve.NewTextFieldMapping()
	src.Index = false
	src.Store = true
	src.IncludeInAll = false
	src.IncludeTermVectors = false
	src.DocValues = false
	dm.AddFieldMappingsAt(FieldSource, src)

	// facet_values is a keyword field like the others, for Bleve; users
	// do not query it.
	for _, name := range append(slices.Clone(KeywordFields), FieldFacetValues) {
		fm := bleve.NewKeywordFieldMapping()
		fm.Analyzer = AnalyzerKeyword
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	for _, name := range NumericFields {
		fm := bleve.NewNumericFieldMapping()
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	ts := bleve.NewDocumentMapping()
	ts.Dynamic = true
	dm.AddSubDocumentMapping(FieldThemeScore, ts)

	dt := bleve.NewDateTimeFieldMapping()
	dt.Store = false
	dt.IncludeInAll = false
	dt.DocValues = true
	dm.AddFieldMappingsAt(FieldDate, dt)

	m.DefaultMapping = dm
	return m
}
