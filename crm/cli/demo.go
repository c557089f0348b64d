package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm/demo"
)

func init() {
	register(&command{name: "demo", args: "[--json]", summary: "Load sample data into an empty database.",
		help: `Loads a small, realistic book: a dozen people in every role, two circles, a few
goals and half a year of interactions with things given and received both ways.
Dates are relative to today (or --today). A database that already holds people
is refused untouched.`, json: true, handler: do(runDemo)})
}

func runDemo(e *env, _ []string) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	n, err := demo.Load(e.ctx(), st)
	if err != nil {
		return err
	}
	return e.output(n, text(func(w io.Writer) {
		fmt.Fprintf(w, "loaded sample data into %s: %d people, %d circles, %d goals, %d interactions, %d exchanges\n",
			st.Path(), n.People, n.Circles, n.Goals, n.Interactions, n.Exchanges)
	}))
}
