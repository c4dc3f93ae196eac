package encode

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/internal/jsontext"
)

// Options configure the encoding of a record.
type Options struct {
	// Debug adds the sentences and tokens of each record.
	Debug bool
}

// SentencesKey is the key of the sentences, written after every field of
// the analysis but the debug tokens and the explanation: a reader of the
// analysis (a report over an index) can stop at it.
const SentencesKey = "sentences"

// AppendRecord appends the JSON object of r to b. The key order is fixed:
// id, line, the input's fields in input order, then stimmung's fields.
func AppendRecord(b []byte, r *models.Record, o Options) []byte {
	b = append(b, `{"id":`...)
	b = jsontext.AppendString(b, r.ID)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, r.Line, 10)
	for _, f := range r.Fields {
		if reserved[f.Key] {
			continue
		}
		b = append(b, ',')
		b = jsontext.AppendString(b, f.Key)
		b = append(b, ':')
		b = AppendRaw(b, f.Value)
	}
	if r.Err != nil {
		b = append(b, `,"error":{"stage":`...)
		b = jsontext.AppendString(b, r.Err.Stage)
		b = append(b, `,"message":`...)
		b = jsontext.AppendString(b, r.Err.Message)
		b = append(b, '}')
		b = appendStrings(b, "warnings", r.Warnings)
		return append(b, '}')
	}
	if r.Lang != "" {
		b = append(b, `,"lang":`...)
		b = jsontext.AppendString(b, r.Lang)
	}
	if r.LangSource != "" {
		b = append(b, `,"lang_source":`...)
		b = jsontext.AppendString(b, r.LangSource)
	}
	if r.TextColumn != "" {
		b = append(b, `,"text_column":`...)
		b = jsontext.AppendString(b, r.TextColumn)
	}
	if r.Text != r.Original && r.Text != "" {
		b = append(b, `,"text_normalized":`...)
		b = jsontext.AppendString(b, r.Text)
	}
	b = appendStrings(b, "flags", r.Flags)
	b = appendStrings(b, "warnings", r.Warnings)
	if r.Sentiment != nil {
		b = append(b, `,"sentiment":`...)
		b = appendSentiment(b, r.Sentiment)
	}
	if r.Themes != nil {
		b = append(b, `,"themes":`...)
		b = AppendThemes(b, r.Themes)
	}
	if r.Signals != nil {
		b = appendSignals(b, r.Signals)
	}
	if o.Debug || r.SentenceSentiments != nil {
		b = append(b, `,"`+SentencesKey+`":`...)
		b = AppendSentences(b, r)
	}
	if o.Debug {
		b = append(b, `,"tokens":`...)
		b = AppendTokens(b, r)
	}
	if r.Explain != nil {
		b = append(b, `,"explain":`...)
		b = AppendExplain(b, r)
	}
	return append(b, '}')
}

// AppendSentences appends the sentences of r as a JSON array.
func AppendSentences(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, s := range r.Sentences {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsontext.AppendString(b, r.Text[s.Start:s.End])
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		if i < len(r.SentenceSentiments) {
			ss := &r.SentenceSentiments[i]
			b = append(b, `,"score":`...)
			b = AppendFloat(b, ss.Score)
			b = append(b, `,"label":`...)
			b = jsontext.AppendString(b, ss.Label)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendSentiment(b []byte, s *models.Sentiment) []byte {
	b = append(b, `{"score":`...)
	b = AppendFloat(b, s.Score)
	b = append(b, `,"label":`...)
	b = jsontext.AppendString(b, s.Label)
	b = append(b, `,"positive":`...)
	b = AppendFloat(b, s.Positive)
	b = append(b, `,"negative":`...)
	b = AppendFloat(b, s.Negative)
	b = append(b, `,"neutral":`...)
	b = AppendFloat(b, s.Neutral)
	if s.Engine != "" {
		b = append(b, `,"engine":`...)
		b = jsontext.AppendString(b, s.Engine)
	}
	if s.Lexicon != "" {
		b = append(b, `,"lexicon":`...)
		b = jsontext.AppendString(b, s.Lexicon)
	}
	return append(b, '}')
}

// AppendThemes appends themes as a JSON array.
func AppendThemes(b []byte, ts []models.Theme) []byte {
	b = append(b, '[')
	for i := range ts {
		t := &ts[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = jsontext.AppendString(b, t.Name)
		b = append(b, `,"path":`...)
		b = jsontext.AppendString(b, t.Path)
		b = append(b, `,"score":`...)
		b = AppendFloat(b, t.Score)
		b = append(b, `,"label":`...)
		b = jsontext.AppendString(b, t.Label)
		if t.Negated {
			b = append(b, `,"negated":true`...)
		}
		b = append(b, `,"matches":[`...)
		for j, m := range t.Matches {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = jsontext.AppendString(b, m.Text)
			b = append(b, `,"start":`...)
			b = strconv.AppendInt(b, int64(m.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(m.End), 10)
			b = append(b, `,"term":`...)
			b = jsontext.AppendString(b, m.Term)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	return append(b, ']')
}

// appendSignals appends the CX signal fields: rating groups, effort,
// urgency, churn, priority and its reasons, and the words behind them.
func appendSignals(b []byte, s *models.Signals) []byte {
	if s.NPSGroup != "" {
		b = append(b, `,"nps_group":`...)
		b = jsontext.AppendString(b, s.NPSGroup)
	}
	if s.CSATGroup != "" {
		b = append(b, `,"csat_group":`...)
		b = jsontext.AppendString(b, s.CSATGroup)
	}
	b = append(b, `,"effort":`...)
	b = AppendFloat(b, s.Effort)
	b = append(b, `,"urgency":`...)
	b = AppendFloat(b, s.Urgency)
	b = append(b, `,"churn":`...)
	b = AppendFloat(b, s.Churn)
	b = append(b, `,"priority":`...)
	b = strconv.AppendInt(b, int64(s.Priority), 10)
	b = append(b, `,"priority_reasons":[`...)
	for i, r := range s.Reasons {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsontext.AppendString(b, r)
	}
	b = append(b, ']')
	if len(s.Matches) > 0 {
		b = append(b, `,"signal_matches":[`...)
		for i, m := range s.Matches {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"signal":`...)
			b = jsontext.AppendString(b, m.Signal)
			b = append(b, `,"text":`...)
			b = jsontext.AppendString(b, m.Text)
			b = append(b, `,"start":`...)
			b = strconv.AppendInt(b, int64(m.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(m.End), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return b
}

// AppendExplain appends the contributions behind a score.
func AppendExplain(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, c := range r.Explain {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsontext.AppendString(b, c.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(c.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(c.End), 10)
		b = append(b, `,"sentence":`...)
		b = strconv.AppendInt(b, int64(c.Sentence), 10)
		b = append(b, `,"match":`...)
		b = jsontext.AppendString(b, c.Match)
		if c.Source != "" {
			b = append(b, `,"source":`...)
			b = jsontext.AppendString(b, c.Source)
		}
		b = append(b, `,"base":`...)
		b = AppendFloat(b, c.Base)
		b = append(b, `,"final":`...)
		b = AppendFloat(b, c.Final)
		b = append(b, `,"rules":[`...)
		for j, rl := range c.Rules {
			if j > 0 {
				b = append(b, ',')
			}
			b = jsontext.AppendString(b, rl)
		}
		b = append(b, "]}"...)
	}
	return append(b, ']')
}

// AppendFloat appends a score the same way on every platform: the
// shortest form that reads back as the same float64; NaN and infinities,
// which JSON cannot hold, as 0.
func AppendFloat(b []byte, f float64) []byte {
	if f != f || f > 1e300 || f < -1e300 {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// AppendTokens appends the tokens of r as a JSON array.
func AppendTokens(b []byte, r *models.Record) []byte {
	b = append(b, '[')
	for i, t := range r.Tokens {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsontext.AppendString(b, t.Text)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		b = append(b, `,"kind":"`...)
		b = append(b, t.Kind.String()...)
		b = append(b, '"')
		if t.Lower != "" && t.Lower != t.Text {
			b = append(b, `,"lower":`...)
			b = jsontext.AppendString(b, t.Lower)
		}
		if t.Stem != "" {
			b = append(b, `,"stem":`...)
			b = jsontext.AppendString(b, t.Stem)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendStrings(b []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsontext.AppendString(b, s)
	}
	return append(b, ']')
}

// AppendRaw appends an input value. A value from a pretty-printed JSON array
// may span lines; it is compacted so that every record stays on one line.
func AppendRaw(b []byte, v json.RawMessage) []byte {
	if len(v) == 0 {
		return append(b, "null"...)
	}
	if bytes.IndexByte(v, '\n') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return append(b, v...)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, v); err != nil {
		return jsontext.AppendString(b, string(v))
	}
	return append(b, c.Bytes()...)
}
