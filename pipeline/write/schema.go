package write

import "github.com/stimmung/stimmung/pipeline/encode"

// SchemaVersion is the version of the output record layout documented in the
// README ("Output schema"): encode.SchemaVersion.
const SchemaVersion = encode.SchemaVersion

// Reserved reports whether key is written by stimmung rather than passed
// through from the input: encode.Reserved.
func Reserved(key string) bool { return encode.Reserved(key) }
