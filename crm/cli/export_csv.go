package cli

import (
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/csvexport"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "export csv", args: "people|interactions [--out FILE]",
		summary: "Write people or interactions as CSV for a spreadsheet (to stdout without --out).", help: `
people: name, roles, emails, phones, urls, company, title, location,
birthday, source, source_detail, met_on, added_on, next_checkin, archived.
interactions: date, kind, minutes, summary, participants, circle, goal.
One header row; lists in one cell separated by "; "; dates YYYY-MM-DD.
Private notes are never exported. A cell starting with =, +, -, @, a tab or
a carriage return gets a leading ' so a spreadsheet shows it as text
instead of running it as a formula (a phone +44 ... reads '+44 ...).

Flags:
  --out FILE   write FILE (readable by you alone), replacing it atomically`,
		nargs: 1, what: "what to export: people or interactions", handler: func() handler { return &exportCSV{} }})
}

// exportCSV is 'kith export csv'.
type exportCSV struct{ out string }

func (f *exportCSV) flags() vars { return vars{"out": &f.out} }

func (f *exportCSV) run(e *env, pos []string) error {
	table, err := csvexport.ParseTable(pos[0])
	if err != nil {
		return crm.Invalid("export csv", err)
	}
	st, err := e.reader()
	if err != nil {
		return err
	}
	return e.writeOut(f.out, string(table), e.viewing(st, func(w io.Writer, tx *store.Tx) (int, error) {
		return csvexport.Write(w, tx, table)
	}))
}
