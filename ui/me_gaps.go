package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// gapList is the Me screen's list of gaps, each linked, like a goal, to
// the people who help with it.
type gapList struct {
	v    *meView
	rows *fyne.Container
	form *gapForm // the form opened last, for tests
}

// gapsLoaded is what gapList.read reads for show.
type gapsLoaded struct {
	gaps []*crm.Gap
}

func newGapList(v *meView) *gapList { return &gapList{v: v, rows: container.NewVBox()} }

func (g *gapList) card() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("New gap", theme.ContentAddIcon(), func() { g.open(nil) })
	head := container.NewBorder(nil, nil, nil, add, heading("Gaps"))
	return card(container.NewVBox(head, wrappedMuted(whyGaps), g.rows))
}

// open opens the form on gap, or on a new one when nil.
func (g *gapList) open(gap *crm.Gap) {
	g.form = newGapForm(g.v.m, gap)
	g.form.show()
}

// read reads the gaps; a handful of rows, each with its few helpers.
func (g *gapList) read(tx *store.Tx) (gapsLoaded, error) {
	gaps, err := tx.Gaps()
	return gapsLoaded{gaps: gaps}, err
}

func (g *gapList) show(l gapsLoaded) {
	g.rows.Objects = nil
	for _, gap := range l.gaps {
		g.rows.Add(g.row(gap))
	}
	orNote(g.rows, "No gaps named yet: what would you like someone to help you learn?")
	g.rows.Refresh()
}

// row is one gap: its text, horizon and kind of help, who helps, and Edit.
func (g *gapList) row(gap *crm.Gap) fyne.CanvasObject {
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { g.open(gap) })
	facts := []string{horizonWords(gap.Horizon), "fits a " + string(crm.FitForNeed(crm.NeedGap, gap.Horizon, gap.Fits))}
	helpers := "nobody linked yet"
	if len(gap.Helpers) > 0 {
		helpers = "helped by " + nameList(gap.Helpers)
	}
	facts = append(facts, helpers)
	text := container.NewVBox(wrappedBold(gap.Text), wrappedMuted(strings.Join(facts, "  ·  ")))
	return container.NewBorder(nil, nil, nil, container.NewVBox(edit), text)
}

// nameList joins people's names with commas.
func nameList(ps []crm.Participant) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// fitRule is the choice of the kind of help that leaves it to Kith: a
// coach near-term and a mentor long-term for a goal, a circle for a gap.
const fitRule = "as suggested"

// helpChoices are the kinds of help a goal or gap can be given, the rule first.
func helpChoices() []string { return append([]string{fitRule}, stringsOf(crm.Helpers)...) }

// fitOf reads a kind-of-help choice: "" for the rule.
func fitOf(choice string) crm.RoleKind {
	if choice == fitRule {
		return ""
	}
	return crm.RoleKind(choice)
}

// gapForm adds or edits a gap and the people who help with it, in one
// transaction; an edited gap can be deleted.
type gapForm struct {
	*formDialog
	orig    *crm.Gap
	text    *field
	horizon *widget.RadioGroup
	fits    *widget.Select
	notes   *field
	helpers *peoplePicker
}

func newGapForm(m *Main, g *crm.Gap) *gapForm {
	f := &gapForm{orig: g, text: m.entry("Something you lack: negotiation, managing managers"),
		notes: m.multiEntry("What closing it would let you do")}
	f.horizon = widget.NewRadioGroup([]string{"short-term", "long-term"}, nil)
	f.horizon.Horizontal = true
	f.horizon.SetSelected("short-term")
	f.fits = widget.NewSelect(helpChoices(), nil)
	f.fits.SetSelected(fitRule)
	var helpers []crm.Participant
	title := "New gap"
	if g != nil {
		title = "Edit gap"
		f.text.SetText(g.Text)
		f.horizon.SetSelected(horizonWords(g.Horizon))
		if g.Fits != "" {
			f.fits.SetSelected(string(g.Fits))
		}
		f.notes.SetText(g.Notes)
		helpers = g.Helpers
	}
	f.helpers = newPeoplePicker(m, helpers, nil)
	form := widget.NewForm(widget.NewFormItem("Gap", f.text), widget.NewFormItem("Horizon", f.horizon),
		widget.NewFormItem("Help that fits", f.fits), widget.NewFormItem("Helped by", f.helpers.box),
		widget.NewFormItem("Notes", f.notes))
	f.formDialog = newFormDialog(m, title, "Save", form, fyne.NewSize(600, 480))
	f.first = f.text
	if g != nil {
		f.left.Add(widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), f.confirmDelete))
	}
	f.saveWhen(whyNot(f.gap), f.submit, f.text)
	return f
}

// gapFields names the form's field for each field crm.Gap.Validate names.
var gapFields = map[string]string{"gap": "Gap", "horizon": "Horizon", "fits": "Help that fits"}

func (f *gapForm) gap() (*crm.Gap, string) {
	g := &crm.Gap{Text: strings.TrimSpace(f.text.Text), Horizon: crm.ShortTerm, Fits: fitOf(f.fits.Selected),
		Notes: f.notes.Text, Helpers: f.helpers.people}
	if f.horizon.Selected == "long-term" {
		g.Horizon = crm.LongTerm
	}
	return g, formProblem(g.Validate(), gapFields, "")
}

func (f *gapForm) submit() {
	g, why := f.gap()
	if why != "" {
		return
	}
	m := f.m
	if f.orig == nil {
		m.save(func(tx *store.Tx) error { return tx.AddGap(g) }, func() {
			f.close()
			m.bar.show(fmt.Sprintf("Added the gap %q.", g.Text), nil)
		})
		return
	}
	g.ID = f.orig.ID
	m.save(func(tx *store.Tx) error { return saveGap(tx, g, f.orig.Helpers) }, f.close)
}

// saveGap saves an edited gap and sets its helpers from before to g's.
func saveGap(tx *store.Tx, g *crm.Gap, before []crm.Participant) error {
	if err := tx.UpdateGap(g); err != nil {
		return err
	}
	return replaceHelpers(g.ID, before, g.Helpers, tx.RemoveGapHelper, tx.AddGapHelper)
}

func (f *gapForm) confirmDelete() {
	g := f.orig
	f.m.ask("Delete this gap?", fmt.Sprintf("%q leaves your list and your board, with its links to people.", g.Text),
		"Delete", "Cancel", func() {
			f.m.save(func(tx *store.Tx) error { return tx.DeleteGap(g.ID) }, func() {
				f.close()
				f.m.bar.show(fmt.Sprintf("Deleted the gap %q.", g.Text), func() {
					again := *g
					again.ID = 0
					f.m.save(func(tx *store.Tx) error { return tx.AddGap(&again) }, nil)
				})
			})
		})
}
