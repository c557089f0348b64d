package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// duplicatesList is the People screen's "duplicates" filter: pairs of
// people who may be one person entered twice (the same email, URL or name),
// each with a Merge action. The pairs are found in SQL over indexes (see
// store.Duplicates), so the list costs the same in a book of 50,000.
type duplicatesList struct {
	m     *Main
	list  *widget.List
	pairs []crm.DuplicatePair
	gen   int
	// loaded runs on the UI goroutine once a reload is in, with the count.
	loaded func(n int)
}

func newDuplicatesList(m *Main, open func(id int64), loaded func(n int)) *duplicatesList {
	d := &duplicatesList{m: m, loaded: loaded}
	d.list = widget.NewList(func() int { return len(d.pairs) }, d.newRow, d.updateRow)
	d.list.OnSelected = func(i widget.ListItemID) {
		if i < len(d.pairs) {
			open(d.pairs[i].A.ID)
		}
	}
	return d
}

// reload reads the pairs again, off the UI goroutine; an older read that
// lands late is dropped.
func (d *duplicatesList) reload() {
	d.gen++
	gen := d.gen
	var groups []crm.DuplicateGroup
	d.m.load(func(tx *store.Tx) (err error) {
		groups, err = tx.Duplicates()
		return err
	}, func() {
		if gen != d.gen {
			return
		}
		d.pairs = crm.Pairs(groups)
		d.list.UnselectAll()
		d.list.Refresh()
		d.loaded(len(d.pairs))
	})
}

// A row: the two people one above the other, why they may be one, and Merge.
func (d *duplicatesList) newRow() fyne.CanvasObject {
	line := func(bold bool, size fyne.ThemeSizeName) *widget.Label {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle.Bold = bold
		l.SizeName = size
		return l
	}
	merge := widget.NewButtonWithIcon("Merge…", theme.ContentCopyIcon(), nil)
	text := container.New(layout.NewCustomPaddedVBoxLayout(0), line(true, ""), line(true, ""), line(false, theme.SizeNameCaptionText))
	return container.NewBorder(nil, nil, container.NewCenter(avatar("", nil, 34)), container.NewCenter(merge), text)
}

func (d *duplicatesList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(d.pairs) {
		return
	}
	p := d.pairs[i]
	b := o.(*fyne.Container)
	text := b.Objects[0].(*fyne.Container)
	text.Objects[0].(*widget.Label).SetText(duplicateName(p.A))
	text.Objects[1].(*widget.Label).SetText(duplicateName(p.B))
	text.Objects[2].(*widget.Label).SetText(p.Why())
	setAvatar(b.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container), p.A.Name, nil)
	merge := b.Objects[2].(*fyne.Container).Objects[0].(*widget.Button)
	merge.OnTapped = func() { d.merge(p) }
}

// duplicateName names one person of a pair, with their id, and says when
// they are archived.
func duplicateName(x crm.DuplicatePerson) string {
	s := personLabel(crm.PersonRef{ID: x.ID, Name: x.Name})
	if x.Archived {
		s += ", archived"
	}
	return s
}

// merge opens the merge form on a pair.
func (d *duplicatesList) merge(p crm.DuplicatePair) *mergeForm {
	b := crm.PersonRef{ID: p.B.ID, Name: p.B.Name}
	f := newMergeForm(d.m, crm.PersonRef{ID: p.A.ID, Name: p.A.Name}, &b)
	f.show()
	return f
}
