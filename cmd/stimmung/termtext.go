package main

import "github.com/stimmung/stimmung/pipeline/render"

// termText escapes input-derived text for a terminal: render.TermText.
func termText(s string) string { return render.TermText(s) }

// termMessage escapes a whole message for stderr, keeping its line breaks
// and tabs: render.TermMessage.
func termMessage(s string) string { return render.TermMessage(s) }
