package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	fitHelp := `--fits coach|mentor|circle chooses the kind of help the board looks for
(--fits auto goes back to the rule: a circle for a gap, a coach for a
near-term goal, a mentor for a long-term one).`
	register(&command{name: "gap add", args: "TEXT [--horizon short|long] [--fits coach|mentor|circle] [--with NAME]... [--note TEXT] [--json]",
		summary: "Add a gap: something you lack and want help with.", help: fitHelp,
		json: true, nargs: 1, what: "TEXT", handler: func() handler { return &gapAdd{horizon: "short"} }})
	register(&command{name: "gap edit", args: "GAP [--text NEW] [--horizon H] [--fits coach|mentor|circle|auto] [--note TEXT]",
		summary: "Change a gap's text, horizon or the kind of help it needs.", help: fitHelp,
		nargs: 1, what: "GAP", handler: func() handler { return &gapEdit{} }})
	register(&command{name: "gap list", args: "[--json]", summary: "List your gaps with who helps with each.", json: true, handler: do(runGapList)})
	register(&command{name: "gap link", args: "GAP NAME...", summary: "Record that people help with a gap.",
		nargs: anyArgs, handler: do(func(e *env, pos []string) error { return linkGap(e, pos, true) })})
	register(&command{name: "gap unlink", args: "GAP NAME...", summary: "Record that people no longer help with a gap.",
		nargs: anyArgs, handler: do(func(e *env, pos []string) error { return linkGap(e, pos, false) })})
	register(&command{name: "gap remove", args: "GAP", summary: "Remove a gap you no longer have.",
		nargs: 1, what: "GAP", handler: do(runGapRemove)})
}

// parseFit reads --fits: a kind of help, or auto for the rule's.
func parseFit(s string) (crm.RoleKind, error) {
	if strings.EqualFold(strings.TrimSpace(s), "auto") {
		return "", nil
	}
	r, err := crm.ParseFit(s)
	if err != nil {
		return "", crm.Invalid("--fits", err)
	}
	return r, nil
}

// gapAdd is 'kith gap add'.
type gapAdd struct {
	horizon, fits, note string
	with                listFlag
}

func (f *gapAdd) flags() vars {
	return vars{"horizon": &f.horizon, "fits": &f.fits, "note": &f.note, "with": &f.with}
}

func (f *gapAdd) run(e *env, pos []string) error {
	h, err := crm.ParseHorizon(f.horizon)
	if err != nil {
		return crm.Invalid("--horizon", err)
	}
	g := &crm.Gap{Text: pos[0], Horizon: h, Notes: f.note}
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
		if err := tx.AddGap(g); err != nil {
			return err
		}
		g, err = tx.Gap(g.ID)
		return err
	}); err != nil {
		return err
	}
	return e.output(g, text(func(w io.Writer) { fmt.Fprintf(w, "added gap %s (#%d)\n", g.Text, g.ID) }))
}

// gapEdit is 'kith gap edit'.
type gapEdit struct{ text, horizon, fits, note string }

func (f *gapEdit) flags() vars {
	return vars{"text": &f.text, "horizon": &f.horizon, "fits": &f.fits, "note": &f.note}
}

// apply copies the flags the user gave onto g.
func (f *gapEdit) apply(g *crm.Gap, given map[string]bool) error {
	var err error
	if given["text"] {
		g.Text = f.text
	}
	if given["note"] {
		g.Notes = f.note
	}
	if given["horizon"] {
		if g.Horizon, err = crm.ParseHorizon(f.horizon); err != nil {
			return crm.Invalid("--horizon", err)
		}
	}
	if given["fits"] {
		g.Fits, err = parseFit(f.fits)
	}
	return err
}

func (f *gapEdit) run(e *env, pos []string) error {
	var g *crm.Gap
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindGap(pos[0])
		if err != nil {
			return err
		}
		if g, err = tx.Gap(id); err != nil {
			return err
		}
		if err := f.apply(g, e.given); err != nil {
			return err
		}
		return tx.UpdateGap(g)
	}); err != nil {
		return err
	}
	return e.printf("updated gap %s (#%d)\n", g.Text, g.ID)
}

func runGapList(e *env, _ []string) error {
	list, err := viewOf(e, (*store.Tx).Gaps)
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		fmt.Fprintln(w, "ID\tGAP\tHORIZON\tFITS\tHELPED BY")
		for _, g := range list {
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s\n", g.ID, cell(g.Text), g.Horizon, crm.FitForNeed(crm.NeedGap, g.Horizon, g.Fits),
				dash(cell(helperNames(g.Helpers))))
		}
	}))
}

// linkGap links the people named after the gap to it, or unlinks them.
func linkGap(e *env, pos []string, link bool) error {
	if len(pos) < 2 {
		return usagef("give the gap and at least one person: kith gap %s GAP NAME...", map[bool]string{true: "link", false: "unlink"}[link])
	}
	var g *crm.Gap
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindGap(pos[0])
		if err != nil {
			return err
		}
		change := tx.AddGapHelper
		if !link {
			change = tx.RemoveGapHelper
		}
		if err := forContacts(tx, "NAME", pos[1:], func(cid int64) error { return change(id, cid) }); err != nil {
			return err
		}
		g, err = tx.Gap(id)
		return err
	}); err != nil {
		return err
	}
	return e.printf("gap %s (#%d): helped by %s\n", g.Text, g.ID, dash(helperNames(g.Helpers)))
}

func runGapRemove(e *env, pos []string) error {
	var text string
	if err := e.update(func(tx *store.Tx) error {
		id, err := tx.FindGap(pos[0])
		if err != nil {
			return err
		}
		g, err := tx.Gap(id)
		if err != nil {
			return err
		}
		text = g.Text
		return tx.DeleteGap(id)
	}); err != nil {
		return err
	}
	return e.printf("removed gap %s\n", text)
}
