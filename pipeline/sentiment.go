package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/lexicons"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/sentiment"
	"github.com/stimmung/stimmung/pipeline/text"
)

// EngineVersion names the scoring rules in every output record. It changes
// whenever a rule changes what it computes, so that scores of different
// versions are never compared unknowingly.
const EngineVersion = "2"

// lexiconFile is one user lexicon layered over the built-in ones.
type lexiconFile struct {
	Path string `mapstructure:"path"`
	Lang string `mapstructure:"lang"`
	Kind string `mapstructure:"kind"`
	Mode string `mapstructure:"mode"`
	// From names where the entry was given when that is not the
	// configuration ("--lexicon" for the flag), so that an error in the
	// file points there instead of at the stage's options.
	From string `mapstructure:"from"`
}

type sentimentOptions struct {
	sentiment.Rules `mapstructure:",squash"`
	// Packs are built-in domain packs (lexicons/domains/), applied after
	// the built-in lexicons and before the user's files.
	Packs []string `mapstructure:"packs"`
	// Lexicons are the user's files, applied after the built-in lexicons
	// and the domain packs, in order.
	Lexicons []lexiconFile `mapstructure:"lexicons"`
	// SentiWS is the path of a SentiWS v2.0 folder the user has: it is
	// never shipped (non-commercial licence) but may be imported at run
	// time, as a German polarity layer after the built-in one.
	SentiWS string `mapstructure:"sentiws"`
}

type sentimentStage struct {
	opts    sentimentOptions
	scorer  *sentiment.Scorer
	lex     map[string]*lexicons.Lexicon
	explain bool
	// cues finds the implicit complaints (nil when the rule is off);
	// cueBufs pools the slices they are found into (*[]sentiment.Cue).
	cues    *cueTagger
	cueBufs sync.Pool
	// lexVersion is, per language, the lexicon version every record
	// names ("de-a9ffa63e8cf9"), made once rather than per record.
	lexVersion map[string]string
}

func newSentiment(o *Options, env *Env) (Stage, error) {
	opts := sentimentOptions{Rules: sentiment.DefaultRules(), Packs: []string{}, Lexicons: []lexiconFile{}}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	r := opts.Rules
	if key, msg := r.Check(); key != "" {
		return nil, o.Errorf(key, "%s", msg)
	}
	lex, err := loadLexicons(o, opts)
	if err != nil {
		return nil, err
	}
	stems := text.NewStemmer(50_000)
	lexVersion := map[string]string{}
	for lang, lx := range lex {
		lexVersion[lang] = lang + "-" + lx.Version
	}
	st := &sentimentStage{opts: opts, scorer: sentiment.New(lex, r, stems.Stem), lex: lex, explain: env.Explain, lexVersion: lexVersion,
		cueBufs: sync.Pool{New: func() any { return new([]sentiment.Cue) }}}
	if r.Implicit {
		st.cues = env.Cues
	}
	env.Scale = st.scorer // provides "scale"
	return st, nil
}

// loadLexicons loads the German and English lexicons with the layers the
// options name: the built-in files, then the user's files in order, then
// SentiWS (German) when the user has a copy.
func loadLexicons(o *Options, opts sentimentOptions) (map[string]*lexicons.Lexicon, error) {
	base := ""
	if f := o.spec.Pos.File; f != "" && f != configs.DefaultName {
		base = filepath.Dir(f) // user lexicon paths are relative to the config file
	}
	lex := map[string]*lexicons.Lexicon{}
	for _, lang := range []string{"de", "en"} {
		var layers []lexicons.Layer
		for _, name := range opts.Packs {
			pl, err := lexicons.PackLayers(name, lang)
			if err != nil {
				return nil, o.Wrap("packs", err)
			}
			layers = append(layers, pl...)
		}
		for i, f := range opts.Lexicons {
			if f.Lang != "de" && f.Lang != "en" {
				return nil, o.Errorf("lexicons", "lexicons[%d]: lang %q: want de or en", i, f.Lang)
			}
			if f.Lang != lang {
				continue
			}
			path := f.Path
			if base != "" && !filepath.IsAbs(path) {
				path = filepath.Join(base, path)
			}
			kind, ok := kindByName(f.Kind)
			if !ok {
				return nil, o.Errorf("lexicons", "lexicons[%d]: kind %q: want one of %s", i, f.Kind, strings.Join(lexicons.KindNames(), ", "))
			}
			if !slices.Contains([]string{"", "merge", "replace"}, f.Mode) {
				return nil, o.Errorf("lexicons", "lexicons[%d]: mode %q: want merge or replace", i, f.Mode)
			}
			layers = append(layers, lexicons.Layer{Path: path, Kind: kind, Mode: f.Mode, Lang: lang})
		}
		if opts.SentiWS != "" && lang == "de" {
			layers = append(layers, lexicons.Layer{Path: opts.SentiWS, Kind: lexicons.Polarity, Format: lexicons.SentiWS, Lang: lang})
		}
		lx, err := lexicons.Load(lang, layers...)
		var pe *lexicons.ParseError
		if errors.As(err, &pe) {
			for _, f := range opts.Lexicons {
				if f.From != "" && f.Lang == lang && (pe.File == f.Path || pe.File == filepath.Join(base, f.Path)) {
					return nil, fmt.Errorf("%s %s: %w", f.From, f.Path, err)
				}
			}
		}
		if err != nil {
			return nil, o.Wrap("lexicons", err)
		}
		lex[lang] = lx
	}
	return lex, nil
}

// Lexicons returns the lexicons the sentiment stage of cfg would use (the
// built-in ones when cfg has no sentiment stage), for `stimmung lexicon`.
func Lexicons(cfg *configs.Config) (map[string]*lexicons.Lexicon, error) {
	o := stageOptions(cfg, "sentiment")
	opts := sentimentOptions{Rules: sentiment.DefaultRules(), Packs: []string{}, Lexicons: []lexiconFile{}}
	if err := o.Decode(&opts); err != nil {
		return nil, err
	}
	return loadLexicons(o, opts)
}

// kindByName is lexicons.KindByName with polarity as the default.
func kindByName(name string) (lexicons.Kind, bool) {
	if name == "" {
		return lexicons.Polarity, true
	}
	return lexicons.KindByName(name)
}

// config returns the decoded options (for the test that default.yaml and
// the constructor's defaults agree).
func (s *sentimentStage) config() any { return s.opts }

func (*sentimentStage) Name() string { return "sentiment" }

// Process scores the record and names the engine and lexicon versions.
func (s *sentimentStage) Process(_ context.Context, r *models.Record, n *Notes) error {
	var cues []sentiment.Cue
	if s.cues != nil {
		buf := s.cueBufs.Get().(*[]sentiment.Cue)
		defer s.cueBufs.Put(buf)
		cues = s.cues.cues(n, r, (*buf)[:0])
		*buf = cues[:0]
	}
	s.scorer.Score(r, &n.Analysis, cues, s.explain)
	r.Sentiment.Engine = EngineVersion
	r.Sentiment.Lexicon = s.lexVersion[r.Lang]
	return nil
}

func (s *sentimentStage) versions(v map[string]string) {
	v["engine"] = EngineVersion
	for lang, lx := range s.lex {
		v["lexicon."+lang] = lang + "-" + lx.Version
	}
}
