package langdetect

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devDir holds research-licensed evaluation sets. They are read here to
// measure the detector only; nothing shipped may be derived from them.
const devDir = "../../../../shared/data/dev"

// defaultLang mirrors the tool's default_lang, which callers fall back to when
// Detect returns "".
const defaultLang = "de"

var devSets = []string{
	"germeval_dev_de", "potts_train_de", "sb10k_train_de", "sb10k_dev_de", "negation_de",
	"vader_tweets_en", "uci_amazon_en", "uci_yelp_en", "uci_imdb_en",
}

type devRecord struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Lang string `json:"lang"`
}

// TestDetectLanguageDevSets measures accuracy on the German and English dev
// sets. Set STIMMUNG_LANGID_ERRORS=/path/file.tsv to write the misclassified
// records for inspection.
func TestDetectLanguageDevSets(t *testing.T) {
	if _, err := os.Stat(devDir); err != nil {
		t.Skip("../shared not found: " + err.Error())
	}
	var errOut *bufio.Writer
	if p := os.Getenv("STIMMUNG_LANGID_ERRORS"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		errOut = bufio.NewWriter(f)
		defer errOut.Flush()
	}

	var all, allStrict, allEmpty, allN int
	for _, name := range devSets {
		f, err := os.Open(filepath.Join(devDir, name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var ok, strict, empty, n int
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var r devRecord
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got, conf := Detect(r.Text)
			n++
			switch {
			case got == "":
				empty++
				if r.Lang == defaultLang {
					ok++
				}
			case got == r.Lang:
				ok++
				strict++
			}
			effective := got
			if effective == "" {
				effective = defaultLang
			}
			if errOut != nil && (effective != r.Lang || got == "") {
				fmt.Fprintf(errOut, "%s\t%s\t%q\t%.2f\t%s\n", r.ID, r.Lang, got, conf,
					strings.ReplaceAll(r.Text, "\n", " "))
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		t.Logf("%-16s n=%5d  acc(\"\"→de)=%.4f  acc(\"\"wrong)=%.4f  empty=%d",
			name, n, frac(ok, n), frac(strict, n), empty)
		all += ok
		allStrict += strict
		allEmpty += empty
		allN += n
	}
	acc := frac(all, allN)
	t.Logf("%-16s n=%5d  acc(\"\"→de)=%.4f  acc(\"\"wrong)=%.4f  empty=%d",
		"OVERALL", allN, acc, frac(allStrict, allN), allEmpty)
	if acc < 0.98 {
		t.Errorf("overall accuracy %.4f < 0.98", acc)
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
