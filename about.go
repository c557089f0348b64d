package main

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/kithcrm/kith/crm/cli"
)

// fyneApp is FyneApp.toml, the one place Kith's name, id and version are
// written: Fyne's packager reads it for the packages, and the binary
// carries it so that 'kith version' says the same.
//
//go:embed FyneApp.toml
var fyneApp []byte

// about reads what this build is from FyneApp.toml.
func about() (cli.About, error) {
	var f struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if err := toml.Unmarshal(fyneApp, &f); err != nil {
		return cli.About{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := f.Details
	return cli.About{Name: d.Name, ID: d.ID, Version: d.Version, Build: d.Build}, nil
}
