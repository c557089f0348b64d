package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "goal add", args: "TITLE [--horizon short|long] [--target YYYY-MM-DD] [--with NAME]... [--note TEXT] [--fits coach|mentor|circle]",
		summary: "Add a goal and the people who help with it.", nargs: 1, what: "TITLE", handler: func() handler { return &goalAdd{horizon: "short"} }})
	register(&command{name: "goal edit", args: "TITLE [--title NEW] [--horizon H] [--status active|achieved|dropped] [--target D] [--with NAME]... [--without NAME]... [--note TEXT] [--fits coach|mentor|circle|auto]",
		summary: "Change a goal, its status or its helpers.", nargs: 1, what: "TITLE", handler: func() handler { return &goalEdit{} }})
	register(&command{name: "goal list", args: "[--json]", summary: "List goals with their helpers.", json: true, handler: do(runGoalList)})
}

// goalAdd is 'kith goal add'; its fields follow the synopsis.
type goalAdd struct {
	horizon string
	target  dateFlag
	with    listFlag
	note    string
	fits    string
}

func (f *goalAdd) flags() vars {
	return vars{"horizon": &f.horizon, "target": &f.target, "with": &f.with, "note": &f.note, "fits": &f.fits}
}

func (f *goalAdd) run(e *env, pos []string) error {
	h, err := crm.ParseHorizon(f.horizon)
	if err != nil {
		return crm.Invalid("--horizon", err)
	}
	g := &crm.Goal{Title: pos[0], Horizon: h, Status: crm.GoalActive, Target: f.target.d, Notes: f.note}
	if e.given["fits"] {
		if g.Fits, err = parseFit(f.fits); err != nil {
			return err
		}
	}
	if err := e.update(func(tx *store.Tx) error {
		if err := forContacts(tx, "--with", f.with, func(id int64) error {
			g.Helpers = append(g.Helpers, crm.Participant{ContactID: id})
			return nil
		}); err != nil {
			return err
		}
		return tx.AddGoal(g)
	}); err != nil {
		return err
	}
	return e.printf("added goal %s (#%d)\n", g.Title, g.ID)
}

// goalEdit is what 'goal edit' was asked to change.
type goalEdit struct {
	title, horizon, status, note, fits string
	target                             dateFlag
	with, without                      listFlag
}

func (f *goalEdit) flags() vars {
	return vars{"title": &f.title, "horizon": &f.horizon, "status": &f.status, "target": &f.target,
		"with": &f.with, "without": &f.without, "note": &f.note, "fits": &f.fits}
}

// apply copies the flags the user gave onto g.
func (f *goalEdit) apply(g *crm.Goal, given map[string]bool) error {
	var err error
	if given["title"] {
		g.Title = f.title
	}
	if given["horizon"] {
		if g.Horizon, err = crm.ParseHorizon(f.horizon); err != nil {
			return crm.Invalid("--horizon", err)
		}
	}
	if given["status"] {
		if g.Status, err = crm.ParseGoalStatus(f.status); err != nil {
			return crm.Invalid("--status", err)
		}
	}
	if given["target"] {
		g.Target = f.target.d
	}
	if given["note"] {
		g.Notes = f.note
	}
	if given["fits"] {
		g.Fits, err = parseFit(f.fits)
	}
	return err
}

// changeHelpers adds the --with helpers to goal id and removes the --without ones.
func (f *goalEdit) changeHelpers(tx *store.Tx, id int64) error {
	for _, change := range []struct {
		flag string
		refs []string
		do   func(goalID, contactID int64) error
	}{{"--with", f.with, tx.AddHelper}, {"--without", f.without, tx.RemoveHelper}} {
		if err := forContacts(tx, change.flag, change.refs, func(cid int64) error { return change.do(id, cid) }); err != nil {
			return err
		}
	}
	return nil
}

func (f *goalEdit) run(e *env, pos []string) error {
	var g *crm.Goal
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindGoal(pos[0])
		if err != nil {
			return err
		}
		if g, err = tx.Goal(id); err != nil {
			return err
		}
		if err := f.apply(g, e.given); err != nil {
			return err
		}
		if err := tx.UpdateGoal(g); err != nil {
			return err
		}
		if e.given["fits"] {
			if err := tx.SetGoalFit(id, g.Fits); err != nil {
				return err
			}
		}
		return f.changeHelpers(tx, id)
	}); err != nil {
		return err
	}
	return e.printf("updated goal %s (#%d)\n", g.Title, g.ID)
}

func runGoalList(e *env, _ []string) error {
	list, err := viewOf(e, (*store.Tx).Goals)
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tGOAL\tHORIZON\tSTATUS\tTARGET\tHELPED BY")
		for _, g := range list {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", g.ID, cell(g.Title), g.Horizon, g.Status, orDash(g.Target), cell(helperNames(g.Helpers)))
		}
	}))
}

// helperNames lists the people who help with a goal or a gap.
func helperNames(hs []crm.Participant) string {
	names := make([]string, len(hs))
	for i, h := range hs {
		names[i] = h.Name
	}
	return strings.Join(names, ", ")
}
