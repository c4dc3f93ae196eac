package index

import (
	"math"
	"strings"
	"testing"
)

func TestPrepareLimits(t *testing.T) {
	tests := []struct {
		name string
		r    Request
		want string // "" for no error
	}{
		{"from max int", Request{Size: 20, From: math.MaxInt}, "at most 100000"},
		{"size max int", Request{Size: math.MaxInt}, "at most 10000 hits"},
		{"size and from max int", Request{Size: math.MaxInt, From: math.MaxInt}, "at most 10000 hits"},
		{"negative from", Request{Size: 20, From: math.MinInt}, "negative"},
		{"negative size", Request{Size: -1}, "negative"},
		{"window", Request{Size: MaxSize, From: MaxWindow - MaxSize + 1}, "at most 100000"},
		{"at the window", Request{Size: MaxSize, From: MaxWindow - MaxSize}, ""},
		{"long query", Request{Query: strings.Repeat("x", MaxQueryBytes+1)}, "at most 4096 bytes"},
		{"many words", Request{Query: strings.Repeat("lie* ", MaxQueryWords+1)}, "101 words: at most 100"},
		{"words without spaces", Request{Query: strings.Repeat("a-", MaxQueryWords+1)}, "at most 100 words"},
		{"100 words", Request{Query: strings.Repeat("lie* ", MaxQueryWords)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Prepare(tc.r)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want one with %q", err, tc.want)
			case err != nil && len(err.Error()) > 200:
				t.Errorf("message of %d bytes quotes the query", len(err.Error()))
			}
		})
	}
}
