package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "check", args: "[--json]", summary: "Recompute every stored check-in date from scratch and report any that differ.",
		help: `Kith stores each person's last contact and next check-in so that lists of
thousands of people read them straight off an index, and keeps them true in
the same transaction as every change. 'kith check' works them all out again
from the interactions, roles, cadences and snoozes, as of the day they are
stored for, and lists the people whose stored dates differ. It only reads.
Exit status 1 when any differ.`, json: true, handler: do(runCheck)})
}

func runCheck(e *env, _ []string) error {
	c, err := viewOf(e, (*store.Tx).CheckStoredDates)
	if err != nil {
		return err
	}
	err = e.output(c, table(func(w io.Writer) {
		if len(c.Differences) > 0 {
			fmt.Fprintln(w, "ID\tNAME\tLAST CONTACT\tSHOULD BE\tNEXT CHECK-IN\tSHOULD BE")
		}
		for _, d := range c.Differences {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", d.ContactID, d.Name,
				orDash(d.LastContact), orDash(d.WantLastContact), orDash(d.NextDue), orDash(d.WantNextDue))
		}
	}))
	if err != nil {
		return err
	}
	if !c.OK() {
		return fmt.Errorf("%d of %d people have stored check-in dates that differ (%d not worked out)",
			len(c.Differences), c.People, c.Pending)
	}
	if !e.asJSON {
		return e.printf("the stored check-in dates of %d people are all true (as of %s)\n", c.People, c.Day)
	}
	return nil
}
