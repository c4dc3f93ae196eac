package signals

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/themes"
)

// Signal names: the top-level themes a signals taxonomy may have.
const (
	Effort = "effort"
	Urgent = "urgent"
	Churn  = "churn"
)

// Config holds every threshold and weight. Its zero value is not useful;
// start from Defaults.
type Config struct {
	// NPS groups: promoter at Promoter or above, passive at Passive or
	// above, detractor below (0-10 scale).
	NPS NPSConfig `mapstructure:"nps"`
	// CSAT groups on a 1..Scale scale.
	CSAT CSATConfig `mapstructure:"csat"`
	// CES on a 1..Scale scale; HighIsEasy for "The company made it easy"
	// (agree = easy); false for "How much effort…" (high = hard).
	CES CESConfig `mapstructure:"ces"`
	// Flag thresholds: a signal at or above its threshold sets its flag.
	Flags FlagConfig `mapstructure:"flags"`
	// Mismatch: a promoter rating with a comment scored at or below
	// NegativeBelow, or a rating at or below DetractorMax with a comment at
	// or above PositiveAbove.
	Mismatch MismatchConfig `mapstructure:"mismatch"`
	// Priority weights, in points of 0..100.
	Priority PriorityConfig `mapstructure:"priority"`
}

type NPSConfig struct {
	Promoter int `mapstructure:"promoter"`
	Passive  int `mapstructure:"passive"`
}

type CSATConfig struct {
	Scale        int `mapstructure:"scale"`
	Satisfied    int `mapstructure:"satisfied"`
	Dissatisfied int `mapstructure:"dissatisfied"`
}

type CESConfig struct {
	Scale      int  `mapstructure:"scale"`
	HighIsEasy bool `mapstructure:"high_is_easy"`
}

type FlagConfig struct {
	Effort float64 `mapstructure:"effort"`
	Urgent float64 `mapstructure:"urgent"`
	Churn  float64 `mapstructure:"churn"`
}

type MismatchConfig struct {
	PromoterMin   int     `mapstructure:"promoter_min"`
	DetractorMax  int     `mapstructure:"detractor_max"`
	NegativeBelow float64 `mapstructure:"negative_below"`
	PositiveAbove float64 `mapstructure:"positive_above"`
}

// PriorityConfig: priority = the rating group's points + Negative × how
// negative the comment is (−score, 0..1) + Effort × effort + Urgent ×
// urgency + Churn × churn + Mismatch when flagged, capped at 100.
type PriorityConfig struct {
	Detractor float64 `mapstructure:"detractor"`
	Passive   float64 `mapstructure:"passive"`
	Promoter  float64 `mapstructure:"promoter"`
	NoRating  float64 `mapstructure:"no_rating"`
	Negative  float64 `mapstructure:"negative"`
	Effort    float64 `mapstructure:"effort"`
	Urgent    float64 `mapstructure:"urgent"`
	Churn     float64 `mapstructure:"churn"`
	Mismatch  float64 `mapstructure:"mismatch"`
}

// Defaults are the built-in settings (configs/default.yaml repeats them).
func Defaults() Config {
	return Config{
		NPS:      NPSConfig{Promoter: 9, Passive: 7},
		CSAT:     CSATConfig{Scale: 5, Satisfied: 4, Dissatisfied: 2},
		CES:      CESConfig{Scale: 7, HighIsEasy: true},
		Flags:    FlagConfig{Effort: 0.5, Urgent: 0.5, Churn: 0.5},
		Mismatch: MismatchConfig{PromoterMin: 9, DetractorMax: 3, NegativeBelow: -0.3, PositiveAbove: 0.3},
		Priority: PriorityConfig{Detractor: 30, Passive: 10, Promoter: 0, NoRating: 10, Negative: 30, Effort: 15, Urgent: 25, Churn: 25, Mismatch: 10},
	}
}

// Check reports the first inconsistent setting, naming its key.
func (c Config) Check() (key, msg string) {
	switch {
	case c.NPS.Passive < 0 || c.NPS.Passive > c.NPS.Promoter || c.NPS.Promoter > 10:
		return "nps", fmt.Sprintf("passive %d and promoter %d: want 0 <= passive <= promoter <= 10", c.NPS.Passive, c.NPS.Promoter)
	case c.CSAT.Scale < 2 || c.CSAT.Dissatisfied < 1 || c.CSAT.Dissatisfied >= c.CSAT.Satisfied || c.CSAT.Satisfied > c.CSAT.Scale:
		return "csat", fmt.Sprintf("scale %d, dissatisfied %d, satisfied %d: want 1 <= dissatisfied < satisfied <= scale", c.CSAT.Scale, c.CSAT.Dissatisfied, c.CSAT.Satisfied)
	case c.CES.Scale < 2:
		return "ces.scale", fmt.Sprintf("%d: want 2 or more", c.CES.Scale)
	}
	type kv struct {
		k string
		v float64
	}
	for _, f := range []kv{{"effort", c.Flags.Effort}, {"urgent", c.Flags.Urgent}, {"churn", c.Flags.Churn}} {
		if f.v <= 0 || f.v > 1 {
			return "flags." + f.k, fmt.Sprintf("%v: want a threshold in (0, 1]", f.v)
		}
	}
	p := c.Priority
	for _, f := range []kv{{"detractor", p.Detractor}, {"passive", p.Passive}, {"promoter", p.Promoter}, {"no_rating", p.NoRating},
		{"negative", p.Negative}, {"effort", p.Effort}, {"urgent", p.Urgent}, {"churn", p.Churn}, {"mismatch", p.Mismatch}} {
		if f.v < 0 || f.v > 100 {
			return "priority." + f.k, fmt.Sprintf("%v: want points from 0 to 100", f.v)
		}
	}
	return "", ""
}

// Computer computes the signals of records; safe for concurrent use.
type Computer struct {
	cfg    Config
	tagger *themes.Tagger
	// signal is, per taxonomy theme, the signal it belongs to.
	signal []string
}

// New returns a Computer over a signals taxonomy, whose top-level themes
// must be effort, urgent or churn.
func New(cfg Config, tagger *themes.Tagger) (*Computer, error) {
	tx := tagger.Taxonomy()
	c := &Computer{cfg: cfg, tagger: tagger, signal: make([]string, len(tx.Themes))}
	for i, th := range tx.Themes {
		top := th
		for top.Parent >= 0 {
			top = tx.Themes[top.Parent]
		}
		switch top.Name {
		case Effort, Urgent, Churn:
			c.signal[i] = top.Name
		default:
			return nil, fmt.Errorf("%s:%d: theme %s: a signals taxonomy has the top-level themes effort, urgent and churn", tx.Source, top.Line, top.Path)
		}
	}
	return c, nil
}

// Mentions tags r with the Computer's taxonomy, for Compute.
func (c *Computer) Mentions(r *models.Record) []models.ThemeMention { return c.tagger.Mentions(r) }

// Compute sets r.Signals and adds the flags. mentions are r's mentions of
// the Computer's taxonomy (Mentions finds them; the pipeline tags them once
// for the sentiment and signals stages). It works on records without text
// too (no_content): their ratings still count.
//
// It runs in three steps: the ratings give the groups and the first
// priority points, the text gives effort, urgency and churn, and then the
// comment's sentiment, the signals and a rating that contradicts the
// comment add their points and flags. The reasons keep that order.
func (c *Computer) Compute(r *models.Record, mentions []models.ThemeMention) {
	s := &models.Signals{}
	r.Signals = s
	var p priority
	rt := c.ratings(r, s, &p)
	words := map[string][]string{} // per signal, the words that raised it, quoted
	if r.Analysed() && len(r.Tokens) > 0 {
		c.textSignals(r, s, mentions, words)
	}
	if rt.hasCES {
		s.Effort = round2(c.cesEffort(rt.ces))
	}
	c.score(r, s, rt, words, &p)
	s.Priority = min(100, int(math.Round(p.points)))
	s.Reasons = p.reasons
	if s.Reasons == nil {
		s.Reasons = []string{}
	}
}

// priority adds up the follow-up priority and says why.
type priority struct {
	points  float64
	reasons []string
}

func (p *priority) add(points float64, format string, args ...any) {
	if points <= 0 {
		return
	}
	p.points += points
	p.reasons = append(p.reasons, fmt.Sprintf(format, args...)+" +"+strconv.Itoa(int(math.Round(points))))
}

// ratingsOnScale are a record's ratings that lie on their scales.
type ratingsOnScale struct {
	nps, csat, ces          float64
	hasNPS, hasCSAT, hasCES bool
}

// ratings sets the NPS and CSAT groups and adds the rating's points: the
// NPS decides when there is one, else the CSAT.
func (c *Computer) ratings(r *models.Record, s *models.Signals, p *priority) ratingsOnScale {
	var rt ratingsOnScale
	rt.nps, rt.hasNPS = onScale(r, r.NPS, "nps", 0, 10)
	rt.csat, rt.hasCSAT = onScale(r, r.CSAT, "csat", 1, float64(c.cfg.CSAT.Scale))
	rt.ces, rt.hasCES = onScale(r, r.CES, "ces", 1, float64(c.cfg.CES.Scale))
	switch {
	case rt.hasNPS:
		s.NPSGroup = c.npsGroup(rt.nps)
		switch s.NPSGroup {
		case "detractor":
			p.add(c.cfg.Priority.Detractor, "detractor (NPS %s)", fmtNum(rt.nps))
		case "passive":
			p.add(c.cfg.Priority.Passive, "passive (NPS %s)", fmtNum(rt.nps))
		default:
			p.add(c.cfg.Priority.Promoter, "promoter (NPS %s)", fmtNum(rt.nps))
		}
	case rt.hasCSAT:
		s.CSATGroup = c.csatGroup(rt.csat)
		switch s.CSATGroup {
		case "dissatisfied":
			p.add(c.cfg.Priority.Detractor, "dissatisfied (CSAT %s)", fmtNum(rt.csat))
		case "neutral":
			p.add(c.cfg.Priority.Passive, "neutral (CSAT %s)", fmtNum(rt.csat))
		}
	default:
		p.add(c.cfg.Priority.NoRating, "no rating")
	}
	if rt.hasNPS && rt.hasCSAT {
		s.CSATGroup = c.csatGroup(rt.csat)
	}
	return rt
}

// textSignals sets effort, urgency and churn from the mentions, lists the
// matches, and adds per signal the words that raised it, quoted, to words.
// (The caller owns words, so that the map need not live on the heap.)
func (c *Computer) textSignals(r *models.Record, s *models.Signals, mentions []models.ThemeMention, words map[string][]string) {
	tx := c.tagger.Taxonomy()
	strength := map[string]float64{}
	var seen []int          // themes counted; a comment finds few
	listed := map[int]int{} // matches listed per signal theme
	for _, m := range mentions {
		if tx.Negated == "drop" && m.Negated {
			continue
		}
		a, b := r.Tokens[m.First].Start, r.Tokens[m.Last].End
		// Like a theme's matches, a signal's are listed up to
		// themes.MaxMatchesPerTheme; the mentions themselves are
		// bounded by themes.MaxMentions.
		if listed[m.Theme] < themes.MaxMatchesPerTheme {
			listed[m.Theme]++
			s.Matches = append(s.Matches, models.SignalMatch{Signal: tx.Themes[m.Theme].Path, Text: r.Text[a:b], Start: a, End: b})
		} else {
			r.Warnings = appendOnce(r.Warnings, themes.WarnTooManyMatches)
		}
		if slices.Contains(seen, m.Theme) {
			continue
		}
		seen = append(seen, m.Theme)
		sig := c.signal[m.Theme]
		strength[sig] = 1 - (1-strength[sig])*(1-tx.Themes[m.Theme].Weight)
		words[sig] = append(words[sig], strconv.Quote(r.Text[a:b]))
	}
	s.Effort = round2(strength[Effort])
	s.Urgency = round2(strength[Urgent])
	s.Churn = round2(strength[Churn])
}

// score adds the points of a negative comment and of the signals, sets the
// flags, and flags a rating that contradicts the comment.
func (c *Computer) score(r *models.Record, s *models.Signals, rt ratingsOnScale, words map[string][]string, p *priority) {
	score := 0.0
	if r.Sentiment != nil {
		score = r.Sentiment.Score
	}
	if score < 0 {
		p.add(c.cfg.Priority.Negative*-score, "negative comment (%s)", fmtNum(score))
	}
	evidence := func(sig string) string { return strings.Join(words[sig], ", ") }
	if s.Effort > 0 {
		if rt.hasCES {
			p.add(c.cfg.Priority.Effort*s.Effort, "effort %s (CES %s)", fmtNum(s.Effort), fmtNum(rt.ces))
		} else {
			p.add(c.cfg.Priority.Effort*s.Effort, "effort %s (%s)", fmtNum(s.Effort), evidence(Effort))
		}
	}
	if s.Urgency > 0 {
		p.add(c.cfg.Priority.Urgent*s.Urgency, "urgent %s (%s)", fmtNum(s.Urgency), evidence(Urgent))
	}
	if s.Churn > 0 {
		p.add(c.cfg.Priority.Churn*s.Churn, "churn %s (%s)", fmtNum(s.Churn), evidence(Churn))
	}
	if s.Effort >= c.cfg.Flags.Effort {
		r.AddFlag(models.FlagEffort)
	}
	if s.Urgency >= c.cfg.Flags.Urgent {
		r.AddFlag(models.FlagUrgent)
	}
	if s.Churn >= c.cfg.Flags.Churn {
		r.AddFlag(models.FlagChurn)
	}
	if r.Analysed() && r.Sentiment != nil {
		mm := c.cfg.Mismatch
		high := (rt.hasNPS && rt.nps >= float64(mm.PromoterMin)) || (!rt.hasNPS && rt.hasCSAT && rt.csat >= float64(c.cfg.CSAT.Scale))
		low := (rt.hasNPS && rt.nps <= float64(mm.DetractorMax)) || (!rt.hasNPS && rt.hasCSAT && rt.csat <= 1)
		if (high && score <= mm.NegativeBelow && r.Sentiment.Label != models.Positive) ||
			(low && score >= mm.PositiveAbove && r.Sentiment.Label != models.Negative) {
			r.AddFlag(models.FlagMismatch)
			p.add(c.cfg.Priority.Mismatch, "rating and comment disagree")
		}
	}
}

func (c *Computer) npsGroup(v float64) string {
	switch {
	case v >= float64(c.cfg.NPS.Promoter):
		return "promoter"
	case v >= float64(c.cfg.NPS.Passive):
		return "passive"
	}
	return "detractor"
}

func (c *Computer) csatGroup(v float64) string {
	switch {
	case v >= float64(c.cfg.CSAT.Satisfied):
		return "satisfied"
	case v <= float64(c.cfg.CSAT.Dissatisfied):
		return "dissatisfied"
	}
	return "neutral"
}

// cesEffort maps a CES rating onto 0 (no effort) .. 1 (high effort).
func (c *Computer) cesEffort(v float64) float64 {
	span := float64(c.cfg.CES.Scale - 1)
	if c.cfg.CES.HighIsEasy {
		return (float64(c.cfg.CES.Scale) - v) / span
	}
	return (v - 1) / span
}

// onScale returns a rating that is a number within lo..hi. A value that is
// not a number, or lies outside the scale, is no rating: r gets the warning
// bad_<key>.
func onScale(r *models.Record, v models.Rating, key string, lo, hi float64) (float64, bool) {
	if !v.Given {
		return 0, false
	}
	if !v.Valid || v.Value < lo || v.Value > hi {
		r.Warnings = appendOnce(r.Warnings, "bad_"+key)
		return 0, false
	}
	return v.Value, true
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }
