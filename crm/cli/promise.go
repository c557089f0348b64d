package cli

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "commitment add", args: "NAME (--theirs TEXT | --mine TEXT) [--due D] [--date D]",
		summary: "Record a promise: one a person made to you (--theirs), or yours to them (--mine).",
		help: `TEXT is "KIND: description", as for 'kith log --gave'. Their promises are
tracked like yours: open until 'kith commitment done ID', and listed as late
('kith agreement list', Today) once past --due.`,
		nargs: 1, what: "NAME", handler: func() handler { return &commitmentAdd{} }})
}

// commitmentAdd is 'kith commitment add'.
type commitmentAdd struct {
	theirs, mine string
	due, on      dateFlag
}

func (f *commitmentAdd) flags() vars {
	return vars{"theirs": &f.theirs, "mine": &f.mine, "due": &f.due, "date": &f.on}
}

func (f *commitmentAdd) run(e *env, pos []string) error {
	dir, flag, spec := crm.Received, "--theirs", f.theirs
	switch {
	case f.theirs != "" && f.mine != "":
		return usagef("give --theirs or --mine, not both")
	case f.mine != "":
		dir, flag, spec = crm.Gave, "--mine", f.mine
	case f.theirs == "":
		return usagef("say what was promised with --theirs TEXT or --mine TEXT")
	}
	ex, err := crm.ParseExchange(dir, spec)
	if err != nil {
		return crm.Invalid(flag, err)
	}
	ex.Date = f.on.d
	if !f.due.d.IsZero() && !ex.Date.IsZero() && f.due.d.Before(ex.Date) {
		return crm.Invalid("--due", fmt.Errorf("%s is before the promise was made (%s)", f.due.d, ex.Date))
	}
	if err := e.update(func(tx *store.Tx) error {
		if ex.ContactID, err = tx.FindContact(pos[0]); err != nil {
			return err
		}
		c, err := tx.Contact(ex.ContactID)
		if err != nil {
			return err
		}
		ex.Contact = c.Name
		return tx.AddPromise(&ex, f.due.d)
	}); err != nil {
		return err
	}
	due := ""
	if !f.due.d.IsZero() {
		due = ", due " + f.due.d.String()
	}
	return e.printf("recorded commitment #%d (%s) with %s%s\n", ex.ID, dir, ex.Contact, due)
}
