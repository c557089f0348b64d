package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// mergeForm merges two records of one person. It opens on one person (a
// person's page's "Merge with…", or a pair of possible duplicates), lets the
// user pick the other and which record stays, and shows what will move,
// naming both, before anything is written: it is the confirmation. The
// merge is one transaction, and the bar after it offers an exact undo.
type mergeForm struct {
	*formDialog
	start   crm.PersonRef // the person the form opened on
	other   *peoplePicker // the second record: one person
	keep    *widget.RadioGroup
	preview *widget.Label
	body    *fyne.Container // laid out again when the choice of records changes
	// sum is the preview of the current choice, nil while it loads or
	// when it failed; gen drops a preview of an older choice.
	sum     *crm.MergeSummary
	problem string
	gen     int
}

// newMergeForm opens on first, with second picked already when given.
func newMergeForm(m *Main, first crm.PersonRef, second *crm.PersonRef) *mergeForm {
	f := &mergeForm{start: first}
	var initial []crm.Participant
	if second != nil {
		initial = []crm.Participant{{ContactID: second.ID, Name: second.Name}}
	}
	f.keep = widget.NewRadioGroup(nil, func(string) { f.loadPreview() })
	f.keep.Required = true
	f.preview = wrapped("")
	f.other = newPeoplePicker(m, initial, func() { f.picked() })
	f.other.one = true
	form := widget.NewForm(
		widget.NewFormItem("Merge", wrapped(personLabel(first))),
		widget.NewFormItem("with", f.other.box),
		widget.NewFormItem("Keep", f.keep),
	)
	f.body = container.NewVBox(
		small("Two records of the same person become one. Everything the other record has moves to the one you keep, "+
			"and its empty fields are filled in; then the other record is removed."),
		form, widget.NewSeparator(), f.preview)
	f.formDialog = newFormDialog(m, "Merge "+shorten(first.Name, 40)+" with…", "Merge", f.body, fyne.NewSize(620, 560))
	f.first = f.other.find
	f.check = func() string { return f.problem }
	f.onSave = f.submit
	f.picked()
	return f
}

// personLabel names a person with their id, since duplicates often share a name.
func personLabel(p crm.PersonRef) string { return fmt.Sprintf("%s (#%d)", p.Name, p.ID) }

// keepOption is a record's choice in Keep: its label, a long name cut
// short, since a radio button's text neither wraps nor truncates.
func keepOption(p crm.PersonRef) string {
	return personLabel(crm.PersonRef{ID: p.ID, Name: shorten(p.Name, 40)})
}

// second returns the other record picked, if any.
func (f *mergeForm) second() (crm.PersonRef, bool) {
	if f.other == nil || len(f.other.people) == 0 {
		return crm.PersonRef{}, false
	}
	p := f.other.people[0]
	return crm.PersonRef{ID: p.ContactID, Name: p.Name}, true
}

// picked offers the two records as the choice of which to keep, the one
// the form opened on first, and loads what a merge would move.
func (f *mergeForm) picked() {
	if f.formDialog == nil { // the picker reports its first person while the form is being built
		return
	}
	b, ok := f.second()
	if !ok || b.ID == f.start.ID {
		f.keep.Options = nil
		f.keep.Selected = ""
		f.keep.Refresh()
		f.body.Refresh()
		f.setPreview(nil, "Pick the other record of "+f.start.Name)
		return
	}
	f.keep.Options = []string{keepOption(f.start), keepOption(b)}
	f.keep.Selected = f.keep.Options[0]
	f.keep.Refresh()
	f.body.Refresh()
	f.loadPreview()
}

// pair returns which record stays and which goes, as chosen.
func (f *mergeForm) pair() (keep, other crm.PersonRef, ok bool) {
	b, ok := f.second()
	if !ok || f.keep.Selected == "" {
		return keep, other, false
	}
	if f.keep.Selected == keepOption(b) {
		return b, f.start, true
	}
	return f.start, b, true
}

// loadPreview reads what merging the chosen pair would move, off the UI
// goroutine; Merge stays off until it is in.
func (f *mergeForm) loadPreview() {
	keep, other, ok := f.pair()
	if !ok {
		return
	}
	f.gen++
	gen := f.gen
	f.setPreview(nil, "Reading what would move…")
	var sum crm.MergeSummary
	var failed error
	f.m.background(func() error {
		failed = f.m.st.View(context.Background(), func(tx *store.Tx) (err error) {
			sum, err = tx.MergePreview(keep.ID, other.ID)
			return err
		})
		return nil // shown in the form, not in a dialog over it
	}, func() {
		if gen != f.gen {
			return
		}
		if failed != nil {
			f.setPreview(nil, "Cannot merge: "+failed.Error())
			return
		}
		f.setPreview(&sum, "")
	})
}

// setPreview shows what will move, or why Merge is off.
func (f *mergeForm) setPreview(sum *crm.MergeSummary, problem string) {
	f.sum, f.problem = sum, problem
	if sum == nil {
		f.preview.SetText("")
	} else {
		f.preview.SetText(mergeText(*sum))
	}
	f.body.Refresh()
	f.revalidate()
}

// mergeText is the confirmation: both records by name and id, and what moves.
func mergeText(s crm.MergeSummary) string {
	text := fmt.Sprintf("%s stays. %s is removed", personLabel(s.Keep), personLabel(s.Other))
	lines := s.Lines()
	if len(lines) == 0 {
		return text + "; it has nothing to move."
	}
	text += ", and these move to " + s.Keep.Name + ":"
	for _, l := range lines {
		text += "\n• " + l
	}
	return text
}

// submit merges, shows the kept record, and offers an undo that puts both
// records back exactly (refused if the person changed meanwhile).
func (f *mergeForm) submit() {
	keep, other, ok := f.pair()
	if !ok || f.sum == nil {
		return
	}
	var undo *store.MergeUndo
	f.m.save(func(tx *store.Tx) (err error) {
		_, undo, err = tx.MergeContacts(keep.ID, other.ID)
		return err
	}, func() {
		f.close()
		f.m.OpenPerson(keep.ID)
		f.m.bar.show(fmt.Sprintf("Merged %s into %s.", other.Name, keep.Name), func() { f.m.undoMerge(undo) })
	})
}

// undoMerge puts back the two records a merge made one.
func (m *Main) undoMerge(u *store.MergeUndo) {
	var name string
	m.save(func(tx *store.Tx) (err error) {
		name, err = tx.UndoMerge(u)
		return err
	}, func() { m.bar.show("Restored "+name+" as a separate record.", nil) })
}

// mergeWith opens the merge form on a person's page.
func (p *personPage) mergeWith() *mergeForm {
	f := newMergeForm(p.m, crm.PersonRef{ID: p.d.ID, Name: p.d.Name}, nil)
	f.show()
	return f
}
