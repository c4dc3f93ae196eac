package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/models"
)

// ReadPredictions reads a predictions file by score.py's rules: a line
// counts when it has an "id", no "error" and a "sentiment" object; a later
// line of the same id wins. One exception: a line with an "id", no "error",
// no "sentiment" object and "flags" holding "no_content" is a prediction of
// neutral (NoContentPrediction). score.py stops at a line that is not a
// JSON object; here it only costs the prediction, and bad lists the
// numbers of such lines. err is an error of r.
func ReadPredictions(r io.Reader) (preds map[string]Prediction, bad []int, err error) {
	preds = map[string]Prediction{}
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			if !addPrediction(preds, b, line == 1) {
				bad = append(bad, line)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return preds, bad, nil
}

// addPrediction adds the prediction of one line, and reports false when
// the line is not a JSON object.
func addPrediction(preds map[string]Prediction, b []byte, first bool) bool {
	if first {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	}
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return true
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		// Python's json (and so score.py) reads NaN and Infinity, and
		// Python writes them: read them as no score.
		if json.Unmarshal(nonFiniteToNull(b), &obj) != nil || obj == nil {
			return false
		}
	}
	if obj == nil {
		return false
	}
	rawID, ok := obj["id"]
	if !ok {
		return true
	}
	if _, failed := obj["error"]; failed {
		return true
	}
	id := predictionID(rawID)
	if id == "" {
		return true
	}
	var sent map[string]json.RawMessage
	if json.Unmarshal(obj["sentiment"], &sent) != nil || sent == nil {
		var flags []string
		if json.Unmarshal(obj["flags"], &flags) == nil && slices.Contains(flags, models.FlagNoContent) {
			preds[id] = NoContentPrediction
		}
		return true
	}
	pr := Prediction{Label: NoLabel, Score: math.NaN()}
	var l string
	if json.Unmarshal(sent["label"], &l) == nil && l != "" {
		pr.Label = l
	}
	if raw := sent["score"]; len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		// Not json.Unmarshal: 1e999 is +Inf for score.py (left out), not
		// an error.
		pr.Score, _ = strconv.ParseFloat(string(raw), 64)
	}
	preds[id] = pr
	return true
}

// predictionID spells an id as the reader does for gold lines: a string
// trimmed, a number as written; null is no id.
func predictionID(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// nonFiniteToNull replaces the tokens NaN, Infinity and -Infinity outside
// strings by null.
func nonFiniteToNull(b []byte) []byte {
	out := make([]byte, 0, len(b))
	inString, escaped := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			out = append(out, c)
			continue
		}
		if c == '"' {
			inString = true
		}
		if n := nonFiniteAt(b[i:]); n > 0 {
			out = append(out, "null"...)
			i += n - 1
			continue
		}
		out = append(out, c)
	}
	return out
}

func nonFiniteAt(b []byte) int {
	for _, tok := range []string{"NaN", "Infinity", "-Infinity"} {
		if bytes.HasPrefix(b, []byte(tok)) {
			return len(tok)
		}
	}
	return 0
}
