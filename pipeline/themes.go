package pipeline

import (
	"context"

	"github.com/stimmung/stimmung/configs"
	"github.com/stimmung/stimmung/models"
	"github.com/stimmung/stimmung/pipeline/text"
	"github.com/stimmung/stimmung/pipeline/themes"
)

// themesStage tags the themes of the taxonomy (the built-in one, or the
// file named by the top-level key "themes") and scores each with the
// sentiment of the words about it.
type themesStage struct {
	tagger *themes.Tagger
	scale  themes.Scale
}

func newThemes(o *Options, env *Env) (Stage, error) {
	if err := o.Decode(&struct{}{}); err != nil {
		return nil, err
	}
	tx, err := LoadTaxonomy(env.Themes)
	if err != nil {
		return nil, configs.Wrap(configs.Pos{}, "themes", err)
	}
	return &themesStage{tagger: themes.NewTagger(tx, text.Stem), scale: env.Scale}, nil
}

// LoadTaxonomy loads the taxonomy file at path, or the built-in one when
// path is empty.
func LoadTaxonomy(path string) (*themes.Taxonomy, error) {
	if path == "" {
		return themes.Parse(configs.ThemesName, configs.ThemesYAML)
	}
	return themes.Load(path)
}

func (*themesStage) Name() string { return "themes" }

// Taxonomy is the taxonomy the stage tags with.
func (s *themesStage) Taxonomy() *themes.Taxonomy { return s.tagger.Taxonomy() }

func (s *themesStage) Process(_ context.Context, r *models.Record, n *Notes) error {
	r.Themes = s.tagger.Themes(r, &n.Analysis, s.scale)
	if r.Themes == nil {
		r.Themes = []models.Theme{} // "themes":[] says the stage ran and found nothing
	}
	return nil
}

// config: the themes stage has no options; its taxonomy comes from Env.
func (s *themesStage) config() any { return s.Taxonomy().Source }

func (s *themesStage) versions(v map[string]string) {
	tx := s.Taxonomy()
	v["themes"] = tx.Name + "@" + tx.Version
}
