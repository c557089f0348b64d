package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "commitment list", args: "[--json]", summary: "List promises you have yet to keep.", json: true, handler: do(runCommitmentList)})
	register(&command{name: "commitment done", args: "ID [--date YYYY-MM-DD]", summary: "Mark a promise kept.",
		nargs: 1, what: "ID", handler: func() handler { return &commitmentDone{} }})
	register(&command{name: "cadence", args: "[ROLE DUR]", summary: "Show the default check-in cadence of each role, or set one.",
		help: `ROLE is coach, mentor, circle, coachee, mentee, or none (people without a role).
DUR is Nd, Nw, Nm or Ny; for none it may also be none: no check-in for people
without a role, which is how a new book starts ('kith cadence none none').`, json: true, nargs: anyArgs, handler: do(runCadence)})
	register(&command{name: "profile", args: "[--strengths T] [--gaps T] [--personality T] [--budget-hours N] [--budget-money N] [--json]",
		summary: "Show or set your self-knowledge and monthly investment budget.", json: true, handler: func() handler { return &profile{} }})
	register(&command{name: "backup", args: "FILE", summary: "Write a consistent copy of the database to FILE.", nargs: 1, what: "FILE", handler: do(runBackup)})
}

func runCommitmentList(e *env, _ []string) error {
	list, err := viewOf(e, func(tx *store.Tx) ([]crm.Exchange, error) { return tx.OpenCommitments(0) })
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tSINCE\tTO\tPROMISE")
		for _, x := range list {
			// A promise the other person made is listed too (theirs:
			// 'kith commitment add --theirs'), marked so.
			to := x.Contact
			if x.Direction == crm.Received {
				to = "(theirs) " + to
			}
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s: %s\n", x.ID, x.Date, to, x.Kind, x.Description)
		}
	}))
}

// commitmentDone is 'kith commitment done'.
type commitmentDone struct{ on dateFlag }

func (f *commitmentDone) flags() vars { return vars{"date": &f.on} }

func (f *commitmentDone) run(e *env, pos []string) error {
	id, err := strconv.ParseInt(trimHash(pos[0]), 10, 64)
	if err != nil {
		return crm.Invalid("ID", fmt.Errorf("%q is not a commitment id (see 'kith commitment list')", pos[0]))
	}
	if err := e.update(func(tx *store.Tx) error { return tx.CompleteCommitment(id, f.on.d) }); err != nil {
		return err
	}
	return e.printf("kept commitment #%d\n", id)
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

func runCadence(e *env, pos []string) error {
	switch len(pos) {
	case 0:
		return showCadences(e)
	case 2:
		return setCadence(e, pos[0], pos[1])
	}
	return usagef("want no arguments (show) or ROLE DUR (set)")
}

// showCadences prints each role's default cadence, and that of people with none.
func showCadences(e *env) error {
	m, err := viewOf(e, (*store.Tx).RoleCadences)
	if err != nil {
		return err
	}
	return e.output(m, text(func(w io.Writer) {
		for _, r := range append(append([]crm.RoleKind{}, crm.Roles...), crm.RoleNone) {
			if m[r] == 0 {
				fmt.Fprintf(w, "%-8s no check-in\n", r)
				continue
			}
			fmt.Fprintf(w, "%-8s every %s\n", r, crm.FormatDays(m[r]))
		}
	}))
}

// setCadence sets the default cadence of a role, or of people with none.
func setCadence(e *env, roleName, dur string) error {
	role := crm.RoleNone
	if roleName != string(crm.RoleNone) {
		var err error
		if role, err = crm.ParseRole(roleName); err != nil {
			return crm.Invalid("ROLE", err)
		}
	}
	if role == crm.RoleNone && strings.EqualFold(strings.TrimSpace(dur), "none") {
		if err := e.update(func(tx *store.Tx) error { return tx.SetRoleCadence(role, 0) }); err != nil {
			return err
		}
		return e.printf("%s: no check-in\n", role)
	}
	span, err := crm.ParseSpan(dur)
	if err != nil {
		return crm.Invalid("DUR", err)
	}
	if err := e.update(func(tx *store.Tx) error { return tx.SetRoleCadence(role, span.Days()) }); err != nil {
		return err
	}
	return e.printf("%s: check in every %s\n", role, span)
}

// profile is 'kith profile': it shows the profile, or changes what its flags give.
type profile struct {
	strengths, gaps, personality, hours, money string
}

func (f *profile) flags() vars {
	return vars{"strengths": &f.strengths, "gaps": &f.gaps, "personality": &f.personality,
		"budget-hours": &f.hours, "budget-money": &f.money}
}

// apply copies the flags the user gave onto p.
func (f *profile) apply(p *crm.Profile, given map[string]bool) error {
	for _, t := range []struct {
		name     string
		dst, src *string
	}{{"strengths", &p.Strengths, &f.strengths}, {"gaps", &p.Gaps, &f.gaps}, {"personality", &p.Personality, &f.personality}} {
		if given[t.name] {
			*t.dst = *t.src
		}
	}
	var err error
	if given["budget-hours"] {
		if p.BudgetHours, err = parseMoney("--budget-hours", f.hours); err != nil {
			return err
		}
	}
	if given["budget-money"] {
		if p.BudgetMoney, err = parseMoney("--budget-money", f.money); err != nil {
			return err
		}
	}
	return nil
}

func (f *profile) run(e *env, _ []string) error {
	given := e.given
	// Only a command that changes the profile takes the write lock.
	run := e.view
	if len(given) > 0 {
		run = e.update
	}
	var p crm.Profile
	if err := run(func(tx *store.Tx) error {
		var err error
		if p, err = tx.Profile(); err != nil || len(given) == 0 {
			return err
		}
		if err := f.apply(&p, given); err != nil {
			return err
		}
		return tx.SetProfile(p)
	}); err != nil {
		return err
	}
	return e.output(p, table(func(w io.Writer) {
		fmt.Fprintf(w, "strengths:\t%s\ngaps:\t%s\npersonality:\t%s\nbudget:\t%g hours and %g a month\n",
			p.Strengths, p.Gaps, p.Personality, p.BudgetHours, p.BudgetMoney)
	}))
}

func runBackup(e *env, pos []string) error {
	file := pos[0]
	st, err := e.reader()
	if err != nil {
		return err
	}
	if err := st.Backup(e.ctx(), file); err != nil {
		return err
	}
	return e.printf("backed up %s to %s\n", st.Path(), file)
}
