// Package configs holds stimmung's documented default configuration
// (default.yaml, embedded: the file is the built-in default) and the code that
// layers a user's file, STIMMUNG_* environment variables and command-line flags
// over it with viper.
//
// viper alone cannot report line numbers nor reject unknown keys, so a config
// file is first walked as a YAML node tree against the default's keys: an
// unknown key or a value of the wrong kind is reported as file:line:col with the
// offending line. Stage options ("with") are checked later by the stage
// constructors, which receive the positions recorded here.
package configs
