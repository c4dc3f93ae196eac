package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/encode"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Indexing options per kind of field (see NewMapping for why).
const (
	textOpts   = bindex.IndexField | bindex.StoreField | bindex.IncludeTermVectors
	sourceOpts = bindex.StoreField
)

// Doc values are what facets and sorting read, for every match. Bleve
// stores them in compressed chunks of 1,024 documents, so a search whose
// matches are spread over the index decompresses a chunk for almost every
// match and field. The fields searches read by default (hotDV: the
// combined facet values, the id that breaks sort ties, the default sort
// keys) keep one document per chunk, uncompressed; that layout costs an
// offset per document and field when the index opens (and memory), so the
// other fields keep Bleve's layout and theme scores have no doc values at
// all. (Uncompressed chunks of 1,024 returned wrong values after segments
// merged; TestSortAfterMerges guards the layouts used.)
// Options.CompressedDocValues gives the hot fields Bleve's layout too.
const (
	hotDVOpts  = bindex.DocValues | bindex.SkipDVCompression | bindex.SkipDVChunking
	coldDVOpts = bindex.DocValues
)

var hotDV = map[string]bool{
	FieldID: true, FieldFacetValues: true,
	FieldDate: true, FieldScore: true, FieldPriority: true, FieldNPS: true,
}

// facetFamilies are the keyword fields whose values also go into
// FieldFacetValues; multi marks those a document may have several values
// of (a presence term "field=" counts the documents that have any).
var facetFamilies = map[string]struct{ multi bool }{
	FieldTheme: {true}, FieldFlags: {true}, FieldLabel: {}, FieldTouchpoint: {},
	FieldMonth: {}, FieldLang: {}, FieldNPSGroup: {},
}

// fieldOpts are the indexing options of a keyword or number field.
func (b *Builder) fieldOpts(name string) bindex.FieldIndexingOptions {
	switch {
	case hotDV[name]:
		return bindex.IndexField | b.hotDVOpts
	case strings.HasPrefix(name, FieldThemeScore+"."):
		return bindex.IndexField
	}
	return bindex.IndexField | coldDVOpts
}

// Builder turns analysed records into Bleve documents. It is safe for
// concurrent use.
type Builder struct {
	split *splitter
	// bleveNumbers and hotDVOpts come from Options (BleveNumbers,
	// CompressedDocValues).
	bleveNumbers bool
	hotDVOpts    bindex.FieldIndexingOptions
}

// NewBuilder returns a Builder that splits German compounds with the
// built-in dictionary of compound parts and writes the fields as the
// default options say.
func NewBuilder() *Builder { return newBuilder(DefaultOptions()) }

func newBuilder(o Options) *Builder {
	return &Builder{split: defaultSplitter(), bleveNumbers: o.BleveNumbers, hotDVOpts: o.hotDVOpts()}
}

// preAnalyzed hands Bleve the terms the pipeline's tokens already give, so
// that indexing neither tokenizes nor stems a text a second time.
type preAnalyzed analysis.TokenStream

func (p preAnalyzed) Analyze([]byte) analysis.TokenStream { return analysis.TokenStream(p) }

// Document returns the Bleve document of r, keyed by its id. A record that
// failed has no analysis to index: the caller counts it and skips it.
func (b *Builder) Document(r *models.Record) *document.Document {
	d := document.NewDocument(r.ID)
	d.Fields = make([]document.Field, 0, 24)

	src := encode.AppendRecord(make([]byte, 0, 512+len(r.Original)), r, encode.Options{})
	d.AddField(document.NewTextFieldWithIndexingOptions(FieldSource, nil, src, sourceOpts))

	if r.Text != "" && len(r.Tokens) > 0 {
		ts := appendTerms(make(analysis.TokenStream, 0, len(r.Tokens)), langKey(r.Lang), r.Tokens, b.split)
		d.AddField(document.NewTextFieldCustom(textField(r.Lang), nil, []byte(r.Text), textOpts, preAnalyzed(ts)))
	}

	var facets analysis.TokenStream
	keyword := func(name string, i int, v string) {
		if v = KeywordValue(v); v != "" {
			var ap []uint64
			if i > 0 {
				ap = []uint64{uint64(i)}
			}
			d.AddField(document.NewTextFieldCustom(name, ap, []byte(v), b.fieldOpts(name), nil))
			if fam, ok := facetFamilies[name]; ok {
				if fam.multi && i == 0 {
					facets = append(facets, &analysis.Token{Term: []byte(name + "="), Position: len(facets) + 1})
				}
				facets = append(facets, &analysis.Token{Term: []byte(name + "=" + v), Position: len(facets) + 1})
			}
		}
	}
	number := func(name string, v float64) {
		if b.bleveNumbers {
			d.AddField(document.NewNumericFieldWithIndexingOptions(name, nil, v, b.fieldOpts(name)))
			return
		}
		d.AddField(newNumField(name, v, b.fieldOpts(name)))
	}

	keyword(FieldID, 0, r.ID)
	keyword(FieldLang, 0, r.Lang)
	keyword(FieldSourceName, 0, r.Source)
	if s := r.Sentiment; s != nil {
		keyword(FieldLabel, 0, s.Label)
		number(FieldScore, s.Score)
	}
	n := 0
	seen := map[string]bool{}
	for _, t := range r.Themes {
		path := t.Path
		for {
			if !seen[path] {
				seen[path] = true
				keyword(FieldTheme, n, path)
				if t.Label != "" {
					keyword(FieldThemeLabel, n, path+":"+t.Label)
				}
				n++
			}
			i := strings.LastIndexByte(path, '/')
			if i < 0 {
				break
			}
			path = path[:i]
		}
		number(ThemeScoreField(t.Path), t.Score)
	}
	for i, f := range r.Flags {
		keyword(FieldFlags, i, f)
	}
	if s := r.Signals; s != nil {
		keyword(FieldNPSGroup, 0, s.NPSGroup)
		keyword(FieldCSATGroup, 0, s.CSATGroup)
		number(FieldEffort, s.Effort)
		number(FieldPriority, float64(s.Priority))
	}
	// The ratings as the reader parsed them (models.ParseRating): any
	// number is indexed, also one off its scale, which search may find.
	for _, f := range []struct {
		v     models.Rating
		field string
	}{{r.NPS, FieldNPS}, {r.CSAT, FieldCSAT}, {r.CES, FieldCES}} {
		if f.v.Valid {
			number(f.field, f.v.Value)
		}
	}
	if tp := jsontext.Scalar(r.Field("touchpoint")); tp != "" {
		keyword(FieldTouchpoint, 0, tp)
	}
	if t, ok := models.ParseDate(jsontext.Scalar(r.Field("date"))); ok {
		d.AddField(newDateField(FieldDate, t, b.fieldOpts(FieldDate)))
		keyword(FieldMonth, 0, t.Format("2006-01"))
	}
	if len(facets) > 0 {
		d.AddField(document.NewTextFieldCustom(FieldFacetValues, nil, nil, b.fieldOpts(FieldFacetValues), preAnalyzed(facets)))
	}
	return d
}

// langKey is the analysis language of a record: de, en, or "" for any
// other.
func langKey(lang string) string {
	if lang == "de" || lang == "en" {
		return lang
	}
	return ""
}

// ThemeScoreField is the numeric field of a theme's score:
// "service/reachability" → "theme_score.service.reachability" (a slash
// would end a field name in the query syntax).
func ThemeScoreField(path string) string {
	return FieldThemeScore + "." + strings.ReplaceAll(path, "/", ".")
}
