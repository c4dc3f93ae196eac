package models

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Rating is a numeric answer as read: an NPS (0–10), a CSAT or a CES.
// Given says the input had a value (not absent, null or blank); Valid that
// the value is a number. "Extremely likely" is given but not valid: the
// signals stage warns about it, and about numbers outside the scale.
type Rating struct {
	Value        float64
	Given, Valid bool
}

// ParseRating reads a rating from its JSON value: a number, or a string
// holding one (a CSV cell: "9", " 9 ", "4,5" with a decimal comma). This is
// the one place that decides what a rating is; the reader runs it once per
// record, and evaluation reads gold ratings with it.
func ParseRating(raw json.RawMessage) Rating {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return Rating{}
	}
	if s[0] == '"' {
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return Rating{Given: true}
		}
		s = strings.TrimSpace(str)
		if s == "" {
			return Rating{}
		}
		if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
			s = strings.Replace(s, ",", ".", 1)
		}
	}
	// Decimal numbers only: ParseFloat also reads "Inf", "NaN", hex
	// ("0x1p3") and digit separators, which no survey tool means.
	if strings.ContainsFunc(s, func(c rune) bool { return !strings.ContainsRune("0123456789+-.eE", c) }) {
		return Rating{Given: true}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Rating{Given: true}
	}
	return Rating{Value: v, Given: true, Valid: true}
}
