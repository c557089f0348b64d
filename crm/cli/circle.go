package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "circle add", args: "NAME [--purpose TEXT] [--cadence DUR]", summary: "Add a circle of peers.", run: runCircleAdd})
	register(&command{name: "circle join", args: "CIRCLE NAME...", summary: "Add people to a circle (they get the circle role).",
		run: func(e *env, args []string) error { return runMembership(e, args, true) }})
	register(&command{name: "circle leave", args: "CIRCLE NAME...", summary: "Record that people left a circle.",
		run: func(e *env, args []string) error { return runMembership(e, args, false) }})
	register(&command{name: "circle list", args: "[--json]", summary: "List circles with their members and meetings.", run: runCircleList})
}

func runCircleAdd(e *env, args []string) error {
	fs := e.newFlags()
	purpose := fs.String("purpose", "", "what the circle is for")
	var cadence spanFlag
	fs.Var(&cadence, "cadence", "how often it meets")
	pos, err := parseExact(fs, args, 1, "NAME")
	if err != nil {
		return err
	}
	c := &crm.Circle{Name: pos[0], Purpose: *purpose}
	if cadence.set {
		c.CadenceDays = cadence.s.Days()
	}
	if err := e.update(func(tx *store.Tx) error { return tx.AddCircle(c) }); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "added circle %s (#%d)\n", c.Name, c.ID)
	return nil
}

func runMembership(e *env, args []string, join bool) error {
	fs := e.newFlags()
	var on dateFlag
	fs.Var(&on, "date", "the day it happened (default today)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usagef("want CIRCLE and at least one NAME")
	}
	var names []string
	err = e.update(func(tx *store.Tx) error {
		cid, err := tx.FindCircle(pos[0])
		if err != nil {
			return err
		}
		for _, ref := range pos[1:] {
			id, err := tx.FindContact(ref)
			if err != nil {
				return err
			}
			if join {
				err = tx.Join(cid, id, on.d)
			} else {
				err = tx.Leave(cid, id, on.d)
			}
			if err != nil {
				return err
			}
			names = append(names, ref)
		}
		return nil
	})
	if err != nil {
		return err
	}
	verb := "left"
	if join {
		verb = "joined"
	}
	fmt.Fprintf(e.out, "%s %s: %s\n", verb, pos[0], strings.Join(names, ", "))
	return nil
}

// circleJSON is a circle as 'circle list --json' prints it.
type circleJSON struct {
	*crm.Circle
	NextMeeting crm.Date `json:"next_meeting"`
}

func runCircleList(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	var list []*crm.Circle
	if err := e.view(func(tx *store.Tx) error {
		list, err = tx.Circles()
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		out := make([]circleJSON, len(list))
		for i, c := range list {
			out[i] = circleJSON{c, c.NextMeeting()}
		}
		return e.printJSON(out)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
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
		fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\n", c.ID, c.Name, meets, orDash(c.LastMet), strings.Join(names, ", "))
	}
	return w.Flush()
}
