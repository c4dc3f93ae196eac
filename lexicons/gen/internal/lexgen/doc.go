// Package lexgen is stimmung's lexicon generator, run as
//
//	go run lexicons/gen/main.go -src ../shared/data/lexicon-sources -out lexicons
//
// from the module root. It writes every embedded lexicon file (lexicons/en/
// and lexicons/de/: polarity, phrases, negators, modifiers, contrast, word
// lists; de/separable.tsv, de/compound_modifiers.tsv; emoji.tsv and
// emoticons.tsv) from the third-party sources and the hand-written files in
// lexicons/src. lexicons/de/compound_parts.txt is not generated.
//
// Each output file is a header (what the file is, its sources, licences and
// weight mappings: headers.go), then the hand-written file of the same path
// under lexicons/src, validated with lexicons.Parse and copied verbatim,
// then one sorted section per source. A hand entry replaces every source
// entry of the same term, and a hand stem entry also the source entries with
// the same stem (hand.go). Every rendered file is parsed again before it is
// written. Running the generator twice gives the same bytes.
//
// The derivations, one file each:
//
//   - english.go: en/*.tsv from the VADER lexicon and modifier lists and
//     AFINN-en-165 (×0.8), optionally Bing Liu's opinion lexicon (±1.5, only
//     with Options.BingLiu, since shipping it is not confirmed); AFINN
//     phrases that start with a negator or modifier are left to the scorer,
//     and phrases and negators with an apostrophe get ’ and apostrophe-less
//     variants (terms.go).
//   - emoticons.go: emoticons.tsv from VADER's emoticons (case variants
//     merged) and AFINN-emoticon-8 (×0.8).
//   - german.go: de/*.tsv from the German Polarity Lexicon (±0.7 → ±1.5,
//     ±1 → ±2.5; words rated with both signs dropped) and AFINN-de (×0.5,
//     for words missing there, untranslated English left out); stems.go
//     marks stem entries (stemRules) and adds regular inflections of the
//     exact adjectives and nouns.
//   - emoji.go: emoji.tsv from the Emoji Sentiment Ranking, centred on a
//     neutral score and scaled to −4..+4.
//
// The other files (English contrast words and word lists; German negators,
// modifiers, contrast words, word lists, separable verbs and compound
// modifiers) have no third-party source: each is its header and hand file.
package lexgen
