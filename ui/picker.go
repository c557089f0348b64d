package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// peoplePicker picks several people by typing part of a name: matches are
// looked up in the database as you type, a few at a time, so it works the
// same with ten people or fifty thousand.
type peoplePicker struct {
	m       *Main
	people  []crm.Participant
	chosen  *fyne.Container
	find    *field
	matches *fyne.Container
	box     *fyne.Container
	changed func()
	gen     int
	// submitted is set by Enter until the text changes: the lookup the
	// last keystroke scheduled is then stale, and would drop Enter's.
	submitted bool
	// one keeps a single person: picking another replaces them.
	one bool
}

func newPeoplePicker(m *Main, initial []crm.Participant, changed func()) *peoplePicker {
	p := &peoplePicker{m: m, people: append([]crm.Participant{}, initial...), chosen: container.NewHBox(),
		matches: cutLines(), changed: changed}
	p.find = m.entry("Type a name to add someone")
	p.find.OnChanged = func(s string) {
		p.submitted = false
		m.debounce(func() { p.lookup(s, false) })
	}
	// Enter picks the one match; it looks the text up at once, as the
	// matches shown may be a keystroke behind.
	p.find.OnSubmitted = func(s string) {
		p.submitted = true
		p.lookup(s, true)
	}
	p.box = container.NewVBox(container.NewHScroll(p.chosen), p.find, p.matches)
	p.show()
	return p
}

// lookup shows the people whose details match text and, when pickOnly is
// set and exactly one does, picks them.
func (p *peoplePicker) lookup(text string, pickOnly bool) {
	if p.submitted && !pickOnly {
		return
	}
	text = strings.TrimSpace(text)
	p.gen++
	gen := p.gen
	if text == "" {
		p.matches.RemoveAll()
		return
	}
	var found []crm.ContactSummary
	p.m.load(func(tx *store.Tx) error {
		var err error
		found, err = tx.ListContacts(crm.ContactFilter{Search: text, Limit: 6})
		return err
	}, func() {
		if gen != p.gen {
			return
		}
		if pickOnly && len(found) == 1 {
			p.add(found[0].ID, found[0].Name)
			return
		}
		p.matches.Objects = nil
		for _, s := range found {
			b := widget.NewButton(s.Name+"   "+joinNonEmpty(" · ", s.Title, s.Company), func() { p.add(s.ID, s.Name) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			p.matches.Add(b)
		}
		if len(found) == 0 {
			p.matches.Add(muted("Nobody matches “" + text + "”"))
		}
		p.matches.Refresh()
	})
}

// add picks a person.
func (p *peoplePicker) add(id int64, name string) {
	for _, x := range p.people {
		if x.ContactID == id {
			return
		}
	}
	if p.one {
		p.people = nil
	}
	p.people = append(p.people, crm.Participant{ContactID: id, Name: name})
	p.find.SetText("")
	p.matches.RemoveAll()
	p.show()
}

func (p *peoplePicker) show() {
	p.chosen.Objects = nil
	for i, x := range p.people {
		b := widget.NewButtonWithIcon(shorten(x.Name, labelRunes), theme.CancelIcon(), func() {
			p.people = append(p.people[:i:i], p.people[i+1:]...)
			p.show()
		})
		b.IconPlacement = widget.ButtonIconTrailingText
		p.chosen.Add(b)
	}
	if len(p.people) == 0 {
		p.chosen.Add(muted("Nobody yet"))
	}
	p.chosen.Refresh()
	if p.changed != nil {
		p.changed()
	}
}
