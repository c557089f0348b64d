package cli

import (
	"fmt"
	"io"
	"slices"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "due", args: "[--within DUR] [--json]", summary: "List check-ins that are overdue or due soon (default: within 14d).",
		help: `A check-in is due a cadence after the last interaction with someone (a circle
meeting they attended counts); if you never talked, after the later of the
day you met them and the day you added them (adding someone met long ago is
not neglecting them); and never before the end of a snooze. The cadence is the
person's own (--cadence) or the shortest default of their roles
('kith cadence' shows and sets those).

Follow-ups with prospects (kith prospect move --follow-up) are listed too.
In --json each row has a kind: check-in, or follow-up, whose id is 0 and
whose prospect_id names the prospect.`, json: true, handler: func() handler { return &due{within: spanFlag{s: crm.Span{N: 14, Unit: 'd'}}} }})
	register(&command{name: "snooze", args: "NAME --until YYYY-MM-DD", summary: "Push a person's next check-in to a later day.",
		nargs: 1, what: "NAME", handler: func() handler { return &snooze{} }})
}

// due is 'kith due'.
type due struct{ within spanFlag }

func (f *due) flags() vars { return vars{"within": &f.within} }

func (f *due) run(e *env, _ []string) error {
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.CheckIn, error) {
		until, err := f.within.s.Until(tx.Today())
		if err != nil {
			return nil, crm.Invalid("--within", err)
		}
		return dueAndFollowUps(tx, until)
	})
	if err != nil {
		return err
	}
	if len(list) == 0 && !e.asJSON {
		return e.printf("nothing due within %s\n", f.within.s)
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "DUE\tWHEN\tNAME\tROLES\tLAST CONTACT")
		for _, c := range list {
			name := cell(c.Name)
			if c.Kind == crm.DueFollowUp {
				name += " (follow-up)"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.Due, lateness(c.DaysOverdue), name, crm.JoinRoles(c.Roles, ","), orDash(c.LastContact))
		}
	}))
}

// dueAndFollowUps lists the check-ins and the prospects' follow-ups due by
// until together, soonest first, each row with its kind.
func dueAndFollowUps(tx *store.Tx, until crm.Date) ([]crm.CheckIn, error) {
	list, err := tx.Due(until)
	if err != nil {
		return nil, err
	}
	follow, err := tx.FollowUpsDue(until)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].Kind == "" {
			list[i].Kind = crm.DueCheckIn
		}
	}
	for _, fu := range follow {
		list = append(list, fu.AsCheckIn())
	}
	// Both lists come sorted by day; a stable sort by day alone keeps
	// each one's own order within a day, check-ins first.
	slices.SortStableFunc(list, func(a, b crm.CheckIn) int { return a.Due.Compare(b.Due) })
	return list, nil
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

// snooze is 'kith snooze'.
type snooze struct{ until dateFlag }

func (f *snooze) flags() vars { return vars{"until": &f.until} }

func (f *snooze) run(e *env, pos []string) error {
	if !f.until.set || f.until.d.IsZero() {
		return crm.Invalid("--until", fmt.Errorf("give the day to check in again, YYYY-MM-DD"))
	}
	var c *crm.Contact
	if err := e.update(func(tx *store.Tx) error {
		var err error
		if c, err = contactNamed(tx, pos[0]); err != nil {
			return err
		}
		return tx.Snooze(c.ID, f.until.d)
	}); err != nil {
		return err
	}
	return e.printf("snoozed %s (#%d) until %s\n", c.Name, c.ID, f.until.d)
}
