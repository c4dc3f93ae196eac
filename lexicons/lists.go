package lexicons

import "sort"

// Names of the word lists that stimmung's rules read. A list is plain data
// (wordlists.tsv of each language, "list<TAB>term"); a new list needs no Go
// code in this package: add lines with a new name and read them with
// Lexicon.List or Lexicon.InList.
const (
	// ListPostNegator: German negators that may negate a word before them
	// ("gefällt mir nicht").
	ListPostNegator = "post_negator"
	// ListNotNegated: sentence adverbs and phrases that comment on the
	// whole sentence and are never negated ("leider", "zum glück").
	ListNotNegated = "not_negated"
	// ListOrWord: "or" words over which a negation carries to the next word.
	ListOrWord = "or_word"
	// ListSubordinator: subordinating conjunctions; each opens a clause.
	ListSubordinator = "subordinator"
	// ListSeparableParticle: German particles of separable verbs ("ab",
	// "an", "zurück"); a separable verb starts with one of them.
	ListSeparableParticle = "separable_particle"
	// ListCoordinator: words after which a separable verb's particle still
	// ends its part of the clause ("stürzt ab und ...").
	ListCoordinator = "coordinator"
	// ListQuestionVerb: finite verbs that open a yes/no question; such a
	// question with "nicht"/"n't" is rhetorical ("Ist das nicht schön?").
	ListQuestionVerb = "question_verb"
	// ListNegationTransparent: articles and particles that do not count
	// in the negation window ("haven't had a single dropped call", "war
	// das Personal auch nicht").
	ListNegationTransparent = "negation_transparent"
	// ListNothingAnswer: words that answer "nothing" ("Nothing at all.",
	// "Nichts weiter."): no verdict, so no dangling negation.
	ListNothingAnswer = "nothing_answer"
	// ListIntensifierPrefix: German prefixes that intensify an adjective
	// written as one word ("superfreundlich", "stinklangweilig").
	ListIntensifierPrefix = "intensifier_prefix"
	// ListIrrealis: words that put a clause in the irrealis ("hätte",
	// "erhofft", "should have"): praise there is not praise of what
	// happened.
	ListIrrealis = "irrealis"
	// ListIronyMarker: words that make a complaint of the situation after
	// opening praise ("schon wieder", "ausgerechnet", "another").
	ListIronyMarker = "irony_marker"
	// ListInterjection: words that may stand beside opening praise without
	// naming what is praised ("na", "oh", "wie").
	ListInterjection = "interjection"
	// ListExcessMarker: "zu", "too": before an adjective, too much of it.
	ListExcessMarker = "excess_marker"
	// ListNotExcess: words after "zu"/"too" that are no adjective ("zu
	// sein", "zu Hause").
	ListNotExcess = "not_excess"
	// ListExcessQuantity: stop words that are an excess after "zu"/"too"
	// ("zu viel", "too many").
	ListExcessQuantity = "excess_quantity"
	// ListSuggestionOpener: comparatives that open a suggestion naming a
	// shortcoming ("More staff", "Bessere Beschilderung").
	ListSuggestionOpener = "suggestion_opener"
	// ListComparison: "than", "als": an irrealis word after one compares
	// ("better than I expected").
	ListComparison = "comparison"
	// ListLaughter: laughter ("haha", "lol"): positive, but no praise that
	// irony could turn.
	ListLaughter = "laughter"
	// ListDerision: words that open a sentence of derision ("Hauptsache,
	// die Werbung kommt pünktlich"): its praise is sarcasm.
	ListDerision = "derision"
	// ListNeverAgainStart and ListNeverAgainEnd: "never … again", "never
	// … back" with words between ("we'll never go there again").
	ListNeverAgainStart = "never_again_start"
	ListNeverAgainEnd   = "never_again_end"
	// ListNeitherStart and ListNeitherNor: "weder … noch": after the first,
	// the second negates too.
	ListNeitherStart = "neither_start"
	ListNeitherNor   = "neither_nor"
	// ListTagQuestionBefore and ListTagQuestionAfter: a negator after
	// "oder" or before "wahr" asks ("…, oder nicht?", "nicht wahr?").
	ListTagQuestionBefore = "tag_question_before"
	ListTagQuestionAfter  = "tag_question_after"
	// ListNegatorSuffix: endings that make a word a negator ("n't").
	ListNegatorSuffix = "negator_suffix"
)

// List returns the word list name as a set: term → entry (Entry.Source
// names the line). A list the lexicon lacks is an empty (nil) map, so a
// lookup in it finds nothing. The map is shared: do not modify it.
func (lx *Lexicon) List(name string) map[string]Entry { return lx.Lists[name] }

// InList reports whether term (lower case; a phrase's words separated by
// single spaces) is in the word list name.
func (lx *Lexicon) InList(name, term string) bool {
	_, ok := lx.Lists[name][term]
	return ok
}

// ListNames returns the names of the lexicon's word lists, sorted.
func (lx *Lexicon) ListNames() []string {
	out := make([]string, 0, len(lx.Lists))
	for n := range lx.Lists {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// AddToList adds entries to the word list name (for a Lexicon built by
// hand; Load fills the lists from the files). An entry's Term is the word;
// List and Kind are set here.
func (lx *Lexicon) AddToList(name string, es ...Entry) {
	if lx.Lists == nil {
		lx.Lists = map[string]map[string]Entry{}
	}
	l := lx.Lists[name]
	if l == nil {
		l = map[string]Entry{}
		lx.Lists[name] = l
	}
	for _, e := range es {
		e.List, e.Kind = name, List
		l[e.Term] = e
	}
}

// AddWords adds words to the word list name, with Source "hand" (for
// tests and Lexicons built by hand).
func (lx *Lexicon) AddWords(name string, terms ...string) {
	for _, t := range terms {
		lx.AddToList(name, Entry{Term: t, Source: "hand"})
	}
}
