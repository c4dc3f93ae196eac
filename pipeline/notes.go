package pipeline

import (
	"github.com/stimmung/stimmung/models"
)

// Notes are what stages hand later stages about the record they are
// processing, beside the record itself. They live while the record goes
// through the stages and are never written out. Each note is written by
// one stage (the stage table's provides) and read by the stages that list
// it in their needs; Build checks that a provider runs first.
type Notes struct {
	// Analysis: the clauses and the final value of each piece of sentiment
	// evidence. Provided by sentiment ("clauses"), read by themes, which
	// hands each piece of evidence to the theme it is about.
	Analysis models.Analysis

	// The signals taxonomy's mentions ("cues"), tagged at most once per
	// record by the cue tagger: the sentiment stage turns those with a
	// sentiment weight into implicit complaints, the signals stage turns
	// them into effort, urgency and churn.
	cueMentions []models.ThemeMention
	cuesTagged  bool
}

// signalMentions returns the record's mentions of the signals taxonomy,
// tagging it on first use.
func (n *Notes) signalMentions(c *cueTagger, r *models.Record) []models.ThemeMention {
	if !n.cuesTagged {
		n.cueMentions = c.tagger.Mentions(r)
		n.cuesTagged = true
	}
	return n.cueMentions
}
