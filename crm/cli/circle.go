package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "circle add", args: "NAME [--purpose TEXT] [--cadence DUR]", summary: "Add a circle of peers.",
		nargs: 1, what: "NAME", handler: func() handler { return &circleAdd{} }})
	register(&command{name: "circle join", args: "CIRCLE NAME...", summary: "Add people to a circle (they get the circle role).",
		nargs: anyArgs, handler: func() handler { return &membership{join: true} }})
	register(&command{name: "circle leave", args: "CIRCLE NAME...", summary: "Record that people left a circle.",
		nargs: anyArgs, handler: func() handler { return &membership{join: false} }})
	register(&command{name: "circle list", args: "[--json]", summary: "List circles with their members and meetings.", json: true, handler: do(runCircleList)})
}

// circleAdd is 'kith circle add'.
type circleAdd struct {
	purpose string
	cadence spanFlag
}

func (f *circleAdd) flags() vars { return vars{"purpose": &f.purpose, "cadence": &f.cadence} }

func (f *circleAdd) run(e *env, pos []string) error {
	c := &crm.Circle{Name: pos[0], Purpose: f.purpose}
	if f.cadence.set {
		c.CadenceDays = f.cadence.s.Days()
	}
	if err := e.update(func(tx *store.Tx) error { return tx.AddCircle(c) }); err != nil {
		return err
	}
	return e.printf("added circle %s (#%d)\n", c.Name, c.ID)
}

// membership is 'kith circle join' and 'kith circle leave'.
type membership struct {
	join bool
	on   dateFlag // the day it happened; today when not given
}

func (f *membership) flags() vars { return vars{"date": &f.on} }

func (f *membership) run(e *env, pos []string) error {
	if len(pos) < 2 {
		return usagef("want CIRCLE and at least one NAME")
	}
	change, verb := (*store.Tx).Leave, "left"
	if f.join {
		change, verb = (*store.Tx).Join, "joined"
	}
	if err := e.update(func(tx *store.Tx) error {
		cid, err := tx.FindCircle(pos[0])
		if err != nil {
			return err
		}
		for _, ref := range pos[1:] {
			id, err := tx.FindContact(ref)
			if err != nil {
				return err
			}
			if err := change(tx, cid, id, f.on.d); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return e.printf("%s %s: %s\n", verb, pos[0], strings.Join(pos[1:], ", "))
}

// circleJSON is a circle as 'circle list --json' prints it.
type circleJSON struct {
	*crm.Circle
	NextMeeting crm.Date `json:"next_meeting"`
}

func runCircleList(e *env, _ []string) error {
	list, err := viewOf(e, (*store.Tx).Circles)
	if err != nil {
		return err
	}
	out := make([]circleJSON, len(list))
	for i, c := range list {
		out[i] = circleJSON{c, c.NextMeeting()}
	}
	return e.output(out, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tCIRCLE\tMEETS\tLAST MET\tMEMBERS")
		for _, c := range list {
			var names []string
			for _, m := range c.CurrentMembers() {
				names = append(names, m.Name)
			}
			meets := "-"
			if c.CadenceDays > 0 {
				meets = "every " + crm.FormatDays(c.CadenceDays)
			}
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\n", c.ID, cell(c.Name), meets, orDash(c.LastMet), cell(strings.Join(names, ", ")))
		}
	}))
}
