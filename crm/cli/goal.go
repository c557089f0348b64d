package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "goal add", args: "TITLE [--horizon short|long] [--target YYYY-MM-DD] [--with NAME]... [--note TEXT]",
		summary: "Add a goal and the people who help with it.", run: runGoalAdd})
	register(&command{name: "goal edit", args: "TITLE [--title NEW] [--horizon H] [--status active|achieved|dropped] [--target D] [--with NAME]... [--without NAME]... [--note TEXT]",
		summary: "Change a goal, its status or its helpers.", run: runGoalEdit})
	register(&command{name: "goal list", args: "[--json]", summary: "List goals with their helpers.", run: runGoalList})
}

func runGoalAdd(e *env, args []string) error {
	fs := e.newFlags()
	horizon := fs.String("horizon", "short", "short or long")
	var target dateFlag
	fs.Var(&target, "target", "target date")
	var with listFlag
	fs.Var(&with, "with", "helper")
	note := fs.String("note", "", "notes")
	pos, err := parseExact(fs, args, 1, "TITLE")
	if err != nil {
		return err
	}
	h, err := crm.ParseHorizon(*horizon)
	if err != nil {
		return crm.Invalid("--horizon", err)
	}
	g := &crm.Goal{Title: pos[0], Horizon: h, Status: crm.GoalActive, Target: target.d, Notes: *note}
	err = e.update(func(tx *store.Tx) error {
		for _, ref := range with {
			id, err := tx.FindContact(ref)
			if err != nil {
				return fmt.Errorf("--with: %w", err)
			}
			g.Helpers = append(g.Helpers, crm.Participant{ContactID: id})
		}
		return tx.AddGoal(g)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "added goal %s (#%d)\n", g.Title, g.ID)
	return nil
}

func runGoalEdit(e *env, args []string) error {
	fs := e.newFlags()
	title := fs.String("title", "", "new title")
	horizon := fs.String("horizon", "", "short or long")
	status := fs.String("status", "", "active, achieved or dropped")
	var target dateFlag
	fs.Var(&target, "target", "target date")
	var with, without listFlag
	fs.Var(&with, "with", "helper to add")
	fs.Var(&without, "without", "helper to remove")
	note := fs.String("note", "", "notes")
	pos, err := parseExact(fs, args, 1, "TITLE")
	if err != nil {
		return err
	}
	given := setFlags(fs)
	var g *crm.Goal
	err = e.update(func(tx *store.Tx) error {
		id, err := tx.FindGoal(pos[0])
		if err != nil {
			return err
		}
		if g, err = tx.Goal(id); err != nil {
			return err
		}
		if given["title"] {
			g.Title = *title
		}
		if given["horizon"] {
			if g.Horizon, err = crm.ParseHorizon(*horizon); err != nil {
				return crm.Invalid("--horizon", err)
			}
		}
		if given["status"] {
			if g.Status, err = crm.ParseGoalStatus(*status); err != nil {
				return crm.Invalid("--status", err)
			}
		}
		if given["target"] {
			g.Target = target.d
		}
		if given["note"] {
			g.Notes = *note
		}
		if err := tx.UpdateGoal(g); err != nil {
			return err
		}
		for _, ref := range with {
			cid, err := tx.FindContact(ref)
			if err != nil {
				return fmt.Errorf("--with: %w", err)
			}
			if err := tx.AddHelper(id, cid); err != nil {
				return err
			}
		}
		for _, ref := range without {
			cid, err := tx.FindContact(ref)
			if err != nil {
				return fmt.Errorf("--without: %w", err)
			}
			if err := tx.RemoveHelper(id, cid); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "updated goal %s (#%d)\n", g.Title, g.ID)
	return nil
}

func runGoalList(e *env, args []string) error {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print JSON")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	var list []*crm.Goal
	if err := e.view(func(tx *store.Tx) error {
		list, err = tx.Goals()
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(list)
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tGOAL\tHORIZON\tSTATUS\tTARGET\tHELPED BY")
	for _, g := range list {
		names := make([]string, len(g.Helpers))
		for i, h := range g.Helpers {
			names[i] = h.Name
		}
		fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\t%s\n", g.ID, g.Title, g.Horizon, g.Status, orDash(g.Target), strings.Join(names, ", "))
	}
	return w.Flush()
}
