package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "due", args: "[--within DUR] [--json]", summary: "List check-ins that are overdue or due soon (default: within 14d).",
		help: `A check-in is due a cadence after the last interaction with someone (a circle
meeting they attended counts), or after the day you met (or added) them if you
never talked, and never before the end of a snooze. The cadence is the
person's own (--cadence) or the shortest default of their roles
('kith cadence' shows and sets those).`, run: runDue})
	register(&command{name: "snooze", args: "NAME --until YYYY-MM-DD", summary: "Push a person's next check-in to a later day.", run: runSnooze})
}

func runDue(e *env, args []string) error {
	fs := e.newFlags()
	within := spanFlag{s: crm.Span{N: 14, Unit: 'd'}}
	fs.Var(&within, "within", "how far ahead to look")
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	var list []crm.CheckIn
	if err := e.view(func(tx *store.Tx) error {
		list, err = tx.Due(within.s.After(tx.Today()))
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(list)
	}
	if len(list) == 0 {
		fmt.Fprintf(e.out, "nothing due within %s\n", within.s)
		return nil
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "DUE\tWHEN\tNAME\tROLES\tLAST CONTACT")
	for _, c := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Due, lateness(c.DaysOverdue), c.Name, joinRoles(c.Roles), orDash(c.LastContact))
	}
	return w.Flush()
}

// lateness says how late or early a check-in is, as a person would.
func lateness(daysOverdue int) string {
	switch {
	case daysOverdue == 0:
		return "today"
	case daysOverdue == 1:
		return "1 day late"
	case daysOverdue > 1:
		return fmt.Sprintf("%d days late", daysOverdue)
	case daysOverdue == -1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", -daysOverdue)
}

func runSnooze(e *env, args []string) error {
	fs := e.newFlags()
	var until dateFlag
	fs.Var(&until, "until", "the day to check in again")
	pos, err := parseExact(fs, args, 1, "NAME")
	if err != nil {
		return err
	}
	if !until.set || until.d.IsZero() {
		return crm.Invalid("--until", fmt.Errorf("give the day to check in again, YYYY-MM-DD"))
	}
	var name string
	err = e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		c, err := tx.ContactSummary(id)
		if err != nil {
			return err
		}
		name = fmt.Sprintf("%s (#%d)", c.Name, id)
		return tx.Snooze(id, until.d)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "snoozed %s until %s\n", name, until.d)
	return nil
}
