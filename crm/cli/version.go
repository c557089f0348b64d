package cli

import (
	"fmt"
	"io"
)

// About is what this build of Kith is: its name, application id, version
// and build number, as FyneApp.toml gives them (main reads the file into
// the binary), so the binary, its packages and the window agree.
type About struct {
	Name    string `json:"name"`
	ID      string `json:"id"`
	Version string `json:"version"`
	Build   int    `json:"build"`
}

var about = About{Name: "Kith"}

// SetAbout records what this build is, for 'kith version'.
func SetAbout(a About) { about = a }

func init() {
	register(&command{name: "version", args: "[--json]", summary: "Show which version of Kith this is.", json: true, handler: do(runVersion)})
}

func runVersion(e *env, _ []string) error {
	return e.output(about, text(func(w io.Writer) {
		fmt.Fprintf(w, "%s %s (build %d, %s)\n", about.Name, about.Version, about.Build, about.ID)
	}))
}
