package cli

import (
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/crm/vcard"
)

func init() {
	register(&command{name: "export vcard", args: "[--out FILE] [--role R] [--with-notes]",
		summary: "Write your contacts as a vCard 4.0 file for an address book (to stdout without --out).", help: `
One card per person, archived people included, in name order: name,
emails, phones and URLs with their labels, company, title, location and
birthday, and the roles they hold now as CATEGORIES (which address books
show as groups). Each card's UID stays the same from one export to the
next, so importing a newer file updates people instead of adding copies.

Flags:
  --out FILE      write FILE (readable by you alone), replacing it atomically
  --role R        only the people who are now coach, mentor, circle, coachee or mentee
  --with-notes    include private notes (left out unless asked)`,
		handler: func() handler { return &exportVCard{} }})
}

// exportVCard is 'kith export vcard'.
type exportVCard struct {
	out, role string
	withNotes bool
}

func (f *exportVCard) flags() vars {
	return vars{"out": &f.out, "role": &f.role, "with-notes": &f.withNotes}
}

func (f *exportVCard) run(e *env, _ []string) error {
	opts := vcard.ExportOptions{WithNotes: f.withNotes}
	if e.given["role"] {
		r, err := crm.ParseRole(f.role)
		if err != nil {
			return crm.Invalid("--role", err)
		}
		opts.Role = r
	}
	st, err := e.reader() // reads only: no daily backup, a backup file left byte for byte
	if err != nil {
		return err
	}
	return e.writeOut(f.out, "contacts", e.viewing(st, func(w io.Writer, tx *store.Tx) (int, error) {
		return vcard.Export(w, tx, opts)
	}))
}
