// Package configs holds stimmung's configuration: the documented default
// (default.yaml, embedded: the file is the built-in default), the built-in
// theme and signals taxonomies (themes.yaml, signals.yaml, embedded for the
// stages that load them), and Load, which layers a user's file, STIMMUNG_*
// environment variables and command-line flags over the default with viper
// and validates the result.
//
// viper alone cannot report line numbers nor reject unknown keys, so a config
// file is first walked as a YAML node tree against the default's keys: an
// unknown key or a value of the wrong kind is reported as file:line:col with the
// offending line. Stage options ("with") are checked later by the stage
// constructors, which receive the positions recorded here.
//
// Every configuration error, here and in the stage constructors, is an
// *Error: it names the key and its place (file:line, environment variable or
// flag), and the command exits with the configuration status. An Error made
// from another error (Wrap, or Err set) keeps it as its cause, so that
// errors.Is and errors.As see through it (a file that does not exist is
// fs.ErrNotExist); the message printed is the Error's own.
package configs
