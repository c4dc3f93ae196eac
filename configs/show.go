package configs

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// YAML renders the configuration as a file that Load accepts again, so that
// `stimmung config show > my.yaml` is a starting point for a user's own.
func (c *Config) YAML() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# stimmung configuration (merged: built-in default, --config file, STIMMUNG_* environment, flags)\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
