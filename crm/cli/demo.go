package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/demo"
	"github.com/kithcrm/kith/crm/gen"
)

func init() {
	register(&command{name: "demo", args: "[--contacts N [--interactions M] [--seed S]] [--json]",
		summary: "Load sample data, or a generated book of any size, into an empty database.",
		help: `Without flags, loads a small, realistic book: a dozen people in every role, two
circles, a few goals and half a year of interactions with things given and
received both ways. Dates are relative to today (or --today).

With --contacts, fills the database with a generated book of that many people
and --interactions interactions (default 10 per person) over five years of
history ending 2026-12-31, the same book for the same --seed (default 1): try
Kith, or measure it, at scale. Progress goes to stderr.

A database that already holds people is refused untouched (exit 2).

Flags:
  --contacts N       how many people to generate
  --interactions M   how many interactions to generate (needs --contacts)
  --seed S           which book: the same seed gives the same data`,
		json: true, handler: func() handler { return &demoCmd{} }})
}

// demoCmd is 'kith demo'.
type demoCmd struct {
	contacts, interactions, seed string
}

func (f *demoCmd) flags() vars {
	return vars{"contacts": &f.contacts, "interactions": &f.interactions, "seed": &f.seed}
}

func (f *demoCmd) run(e *env, _ []string) error {
	if f.contacts == "" && f.interactions == "" && f.seed == "" {
		return runDemo(e)
	}
	o, err := f.options()
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	bar := newProgress(e.errOut, "generating")
	o.Progress = func(done, total int) { bar.at(int64(done), int64(total), "rows") }
	err = gen.Populate(e.ctx(), st, o)
	bar.end()
	if err != nil {
		return err
	}
	n := generated{People: o.People, Interactions: max(o.Interactions, 0), Seed: o.Seed}
	return e.output(n, text(func(w io.Writer) {
		fmt.Fprintf(w, "generated a book into %s: %d people, %d interactions (seed %d)\n",
			st.Path(), n.People, n.Interactions, n.Seed)
	}))
}

// generated is what 'kith demo --contacts' reports.
type generated struct {
	People       int    `json:"people"`
	Interactions int    `json:"interactions"`
	Seed         uint64 `json:"seed"`
}

// options reads the flags of a generated book, refusing any that is not a
// positive whole number (an empty book is what the database is already).
func (f *demoCmd) options() (gen.Options, error) {
	o := gen.Options{Seed: 1, OnlyEmpty: true}
	if f.contacts == "" {
		return o, crm.Invalid("--contacts", fmt.Errorf("--interactions and --seed generate a book of --contacts people; give --contacts"))
	}
	var err error
	if o.People, err = parseCount("--contacts", f.contacts, 1); err != nil {
		return o, err
	}
	o.Interactions = 10 * o.People
	if f.interactions != "" {
		if o.Interactions, err = parseCount("--interactions", f.interactions, 0); err != nil {
			return o, err
		}
		if o.Interactions == 0 {
			o.Interactions = -1 // gen reads 0 as its default, and below 0 as none
		}
	}
	if f.seed != "" {
		if o.Seed, err = strconv.ParseUint(strings.TrimSpace(f.seed), 10, 64); err != nil || o.Seed == 0 {
			return o, crm.Invalid("--seed", fmt.Errorf("%q is not a whole number of at least 1", f.seed))
		}
	}
	return o, nil
}

func runDemo(e *env) error {
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
