package cli

import (
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "commitment list", args: "[--json]", summary: "List promises you have yet to keep.", run: runCommitmentList})
	register(&command{name: "commitment done", args: "ID [--date YYYY-MM-DD]", summary: "Mark a promise kept.", run: runCommitmentDone})
	register(&command{name: "cadence", args: "[ROLE DUR]", summary: "Show the default check-in cadence of each role, or set one.",
		help: "ROLE is coach, mentor, circle, coachee, mentee, or none (people without a role).", run: runCadence})
	register(&command{name: "profile", args: "[--strengths T] [--gaps T] [--personality T] [--budget-hours N] [--budget-money N] [--json]",
		summary: "Show or set your self-knowledge and monthly investment budget.", run: runProfile})
	register(&command{name: "backup", args: "FILE", summary: "Write a consistent copy of the database to FILE.", run: runBackup})
}

func runCommitmentList(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	var list []crm.Exchange
	if err := e.view(func(tx *store.Tx) error {
		list, err = tx.OpenCommitments(0)
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(list)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSINCE\tTO\tPROMISE")
	for _, x := range list {
		fmt.Fprintf(w, "#%d\t%s\t%s\t%s: %s\n", x.ID, x.Date, x.Contact, x.Kind, x.Description)
	}
	return w.Flush()
}

func runCommitmentDone(e *env, args []string) error {
	fs := e.newFlags()
	var on dateFlag
	fs.Var(&on, "date", "the day it was done")
	pos, err := parseExact(fs, args, 1, "ID")
	if err != nil {
		return err
	}
	id, perr := strconv.ParseInt(trimHash(pos[0]), 10, 64)
	if perr != nil {
		return crm.Invalid("ID", fmt.Errorf("%q is not a commitment id (see 'kith commitment list')", pos[0]))
	}
	if err := e.update(func(tx *store.Tx) error { return tx.CompleteCommitment(id, on.d) }); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "kept commitment #%d\n", id)
	return nil
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

func runCadence(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		var m map[crm.RoleKind]int
		if err := e.view(func(tx *store.Tx) error {
			m, err = tx.RoleCadences()
			return err
		}); err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(m)
		}
		for _, r := range append(append([]crm.RoleKind{}, crm.Roles...), crm.RoleNone) {
			fmt.Fprintf(e.out, "%-8s every %s\n", r, crm.FormatDays(m[r]))
		}
		return nil
	case 2:
		role := crm.RoleNone
		if pos[0] != string(crm.RoleNone) {
			if role, err = crm.ParseRole(pos[0]); err != nil {
				return crm.Invalid("ROLE", err)
			}
		}
		span, err := crm.ParseSpan(pos[1])
		if err != nil {
			return crm.Invalid("DUR", err)
		}
		if err := e.update(func(tx *store.Tx) error { return tx.SetRoleCadence(role, span.Days()) }); err != nil {
			return err
		}
		fmt.Fprintf(e.out, "%s: check in every %s\n", role, span)
		return nil
	}
	return usagef("want no arguments (show) or ROLE DUR (set)")
}

func runProfile(e *env, args []string) error {
	fs := e.newFlags()
	strengths := fs.String("strengths", "", "strengths")
	gaps := fs.String("gaps", "", "gaps")
	personality := fs.String("personality", "", "personality")
	hours := fs.String("budget-hours", "", "hours a month")
	money := fs.String("budget-money", "", "money a month")
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	given := setFlags(fs)
	delete(given, "json")
	var p crm.Profile
	run := e.view
	if len(given) > 0 {
		run = e.update
	}
	err = run(func(tx *store.Tx) error {
		if p, err = tx.Profile(); err != nil || len(given) == 0 {
			return err
		}
		if given["strengths"] {
			p.Strengths = *strengths
		}
		if given["gaps"] {
			p.Gaps = *gaps
		}
		if given["personality"] {
			p.Personality = *personality
		}
		if given["budget-hours"] {
			if p.BudgetHours, err = parseMoney("--budget-hours", *hours); err != nil {
				return err
			}
		}
		if given["budget-money"] {
			if p.BudgetMoney, err = parseMoney("--budget-money", *money); err != nil {
				return err
			}
		}
		return tx.SetProfile(p)
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(p)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "strengths:\t%s\ngaps:\t%s\npersonality:\t%s\nbudget:\t%g hours and %g a month\n",
		p.Strengths, p.Gaps, p.Personality, p.BudgetHours, p.BudgetMoney)
	return w.Flush()
}

func runBackup(e *env, args []string) error {
	fs := e.newFlags()
	pos, err := parseExact(fs, args, 1, "FILE")
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	if err := st.Backup(e.ctx(), pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "backed up %s to %s\n", st.Path(), pos[0])
	return nil
}
