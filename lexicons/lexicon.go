package lexicons

// Match says how an entry meets a token.
type Match uint8

const (
	// Exact matches the token's lower-cased form (or, for a phrase, the
	// lower-cased forms of consecutive tokens).
	Exact Match = iota
	// Stem matches the token's Snowball stem: one entry covers
	// "Verspätung", "Verspätungen", "verspätet" where their stems meet.
	Stem
)

func (m Match) String() string {
	if m == Stem {
		return "stem"
	}
	return "exact"
}

// Kind is what a lexicon file holds; each kind has its own file per
// language (de/polarity.tsv, en/negators.tsv, emoji.tsv, ...).
type Kind uint8

const (
	// Polarity: words with a sentiment weight on the −4..+4 scale.
	Polarity Kind = iota
	// Phrase: multi-word expressions and idioms with a weight on −4..+4
	// ("lässt zu wünschen übrig", "waste of money"). They win over the
	// words inside them.
	Phrase
	// Negator: words that flip and scale what they govern ("nicht",
	// "kein", "never"); Weight is the scalar, e.g. −0.74.
	Negator
	// Modifier: boosters (Weight > 0, "sehr", "extremely") and dampeners
	// (Weight < 0, "etwas", "kaum", "kind of"), added to the magnitude of
	// the word they modify.
	Modifier
	// Contrast: "aber", "but", "obwohl": Weight scales the clause before,
	// After the clause after ("but": 0.5 and 1.5; "obwohl" introduces the
	// clause that counts less: 1.5 and 0.5).
	Contrast
	// Emoji: emoji and emoticons, language independent, on −4..+4.
	Emoji
	// List: named word lists that rules read (post_negator, subordinator,
	// separable_particle, ...): one file per language, wordlists.tsv, lines
	// "list<TAB>term". Entry.List names the list; Weight is 0.
	List
	// Separable: German separable verbs by their infinitive ("abstürzen"),
	// with a weight on −4..+4 and the irregular forms of the verb without
	// its particle (Entry.Forms: "fiel", "kam"); see Lexicon.SeparableForm.
	Separable
	// CompoundModifier: German first parts of compounds that carry the
	// compound's sentiment whatever its head ("Traum" in "Traumlage",
	// "Billig" in "Billigqualität"), on −4..+4; see Lexicon.CompoundModifier.
	CompoundModifier
)

var kindNames = [...]string{"polarity", "phrase", "negator", "modifier", "contrast", "emoji", "list", "separable", "compound_modifier"}

// KindByName returns the Kind whose String is name ("polarity", "list",
// ...).
func KindByName(name string) (Kind, bool) {
	for k, n := range kindNames {
		if n == name {
			return Kind(k), true
		}
	}
	return 0, false
}

// KindNames lists the names of every kind, in Kind order.
func KindNames() []string { return append([]string(nil), kindNames[:]...) }

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Entry is one line of a lexicon file.
type Entry struct {
	// Term is lower-cased; a phrase's words are separated by single spaces.
	Term   string
	Weight float64
	// After is the weight of the clause after a contrast word; 0 otherwise.
	After float64
	Match Match
	Kind  Kind
	// List is the name of the word list of a List entry ("post_negator").
	List string
	// Forms are the irregular forms of a Separable verb without its
	// particle, comma-separated ("fällt,fiel,fielen" for "ausfallen"); the
	// regular ones are derived. A string, so that Entry stays comparable.
	Forms string
	// Source is "file:line" of the line that set this entry, for explain,
	// `lexicon lookup` and error messages.
	Source string
}

// Lexicon is the merged lexicon of one language: the built-in files, then
// domain packs, then the user's files, each merged or replacing.
type Lexicon struct {
	Lang string
	// Words and Stems hold Polarity entries by lower-cased form and by stem.
	// A word with weight 0 stays in the map: it neutralizes a built-in entry.
	Words map[string]Entry
	Stems map[string]Entry
	// Phrases are keyed by their first word (exact form); longest first.
	Phrases   map[string][]Entry
	Negators  map[string]Entry
	Modifiers map[string]Entry
	Contrast  map[string]Entry
	// Emoji holds emoji and emoticons by EmojiKey of their text (without
	// variation selectors and skin tones, ASCII case folded); look a token
	// up with EmojiEntry.
	Emoji map[string]Entry
	// Lists holds the named word lists: list name → term → entry. Read
	// them with List and InList; a hand-built Lexicon fills them with
	// AddToList.
	Lists map[string]map[string]Entry
	// Separable holds German separable verbs by infinitive. After changing
	// it (or the separable_particle list) by hand, call IndexSeparable.
	Separable map[string]Entry
	// CompoundModifiers holds the first parts of compounds that carry
	// sentiment, by lower-cased form ("traum", "billig").
	CompoundModifiers map[string]Entry
	// sepForms maps every form of a separable verb (joined with its
	// particle: "abstürzt", "abgestürzt", "ausfiel") to its entry; see
	// IndexSeparable.
	sepForms map[string]sepForm
	// Version identifies the contents (a short hash of every entry), so
	// that an output record names the lexicon that scored it.
	Version string

	// records holds every entry as loaded, in load order, including the
	// ones that later layers overrode; dropped marks those a Replace layer
	// removed. Check reads them; a Lexicon built by hand has none.
	records []record
	dropped map[int]bool
}
