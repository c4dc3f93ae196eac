package encode

// SchemaVersion is the version of the output record layout documented in the
// README ("Output schema"). It changes when a field changes meaning or is
// removed; adding fields does not change it.
const SchemaVersion = 1

// reserved are the keys AppendRecord sets itself. An input field with such
// a name is replaced by stimmung's value (the input's lang, id and text are
// the same value anyway).
var reserved = map[string]bool{
	"id": true, "line": true, "lang": true, "lang_source": true,
	"text_normalized": true, "text_column": true, "flags": true,
	"warnings": true, "error": true, "sentences": true, "tokens": true,
	"sentiment": true, "explain": true, "themes": true, "nps_group": true, "csat_group": true,
	"effort": true, "urgency": true, "churn": true, "priority": true, "priority_reasons": true, "signal_matches": true,
}

// Reserved reports whether key is written by stimmung rather than passed
// through from the input.
func Reserved(key string) bool { return reserved[key] }
