package models

import (
	"encoding/json"
	"testing"
)

func TestParseRating(t *testing.T) {
	tests := []struct {
		raw  string
		want Rating
	}{
		{``, Rating{}},
		{`null`, Rating{}},
		{`""`, Rating{}},
		{`"  "`, Rating{}},
		{`9`, Rating{9, true, true}},
		{`-1`, Rating{-1, true, true}},
		{`4.5`, Rating{4.5, true, true}},
		{`1e1`, Rating{10, true, true}},
		{`"9"`, Rating{9, true, true}},
		{`" 9 "`, Rating{9, true, true}},
		{`"4,5"`, Rating{4.5, true, true}},
		{`"1,2,3"`, Rating{Given: true}},
		{`"1.234,5"`, Rating{Given: true}},
		{`"Extremely likely"`, Rating{Given: true}},
		{`"NaN"`, Rating{Given: true}},
		{`"Inf"`, Rating{Given: true}},
		{`"0x1p3"`, Rating{Given: true}},
		{`"1_0"`, Rating{Given: true}},
		{`true`, Rating{Given: true}},
		{`[9]`, Rating{Given: true}},
		{`{"v":9}`, Rating{Given: true}},
		{`"\u0039"`, Rating{9, true, true}},
	}
	for _, tc := range tests {
		if got := ParseRating(json.RawMessage(tc.raw)); got != tc.want {
			t.Errorf("ParseRating(%s) = %+v, want %+v", tc.raw, got, tc.want)
		}
	}
}
