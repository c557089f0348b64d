package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// circlesView is the Circles screen: each circle with its members, rhythm
// and recent meetings.
type circlesView struct {
	m *Main
	*cardScreen[*crm.Circle]
}

// memberLimit bounds the member chips on a circle's card; a big circle
// lists the rest in a dialog.
const memberLimit = 8

func newCirclesView(m *Main) *circlesView {
	v := &circlesView{m: m}
	v.cardScreen = newCardScreen(m, cards[*crm.Circle]{
		title:    "Circles",
		help:     "Peers who meet and trade lessons. Log a meeting once for everyone who came.",
		addLabel: "New circle", add: func() { newCircleForm(m).show() },
		read: (*store.Tx).Circles,
		recent: func(tx *store.Tx, c *crm.Circle) ([]*crm.Interaction, error) {
			return tx.CircleMeetings(c.ID, 3)
		},
		cardOf: v.circleCard,
		empty:  "No circles yet. A circle is a group of peers with shared interests who meet and trade lessons: add one with New circle.",
	})
	return v
}

func (v *circlesView) circleCard(c *crm.Circle, meetings []*crm.Interaction) fyne.CanvasObject {
	rhythm := "meets irregularly"
	if c.CadenceDays > 0 {
		rhythm = "meets every " + crm.FormatDays(c.CadenceDays)
	}
	facts := []string{rhythm, "last met " + relDay(c.LastMet, v.today)}
	if next := c.NextMeeting(); !next.IsZero() {
		facts = append(facts, "next "+shortDate(next, v.today)+" ("+relDay(next, v.today)+")")
	}
	logBtn := widget.NewButtonWithIcon("Log meeting", theme.ContentAddIcon(), func() {
		f := newLogForm(v.m, nil, c.ID)
		f.kind.SetSelected(string(crm.KindMeeting))
		f.show()
	})
	logBtn.Importance = widget.HighImportance
	addBtn := widget.NewButtonWithIcon("Add member", theme.AccountIcon(), func() { v.addMember(c) })
	members := container.NewGridWrap(fyne.NewSize(190, 36), v.memberChips(c)...)
	box := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(addBtn, logBtn)),
			container.NewVBox(tight(wrappedHeading(c.Name)), tight(note(c.Purpose)))),
		muted(strings.Join(facts, "  ·  ")),
		widget.NewSeparator(),
		bold(plural(len(c.CurrentMembers()), "member", "members")),
		members,
	)
	addInteractions(box, "Recent meetings", meetings, v.today)
	return card(box)
}

// memberChips are the first members of c, and a button to the rest. They
// are set on the grid at once: each Add lays the grid out again.
func (v *circlesView) memberChips(c *crm.Circle) []fyne.CanvasObject {
	current := c.CurrentMembers()
	var chips []fyne.CanvasObject
	for _, mb := range current[:min(len(current), memberLimit)] {
		chips = append(chips, v.memberChip(c, mb))
	}
	if len(current) == 0 {
		chips = append(chips, muted("No members yet"))
	}
	if more := len(current) - memberLimit; more > 0 {
		chips = append(chips, widget.NewButton(plural(more, "more member", "more members"), func() { v.showMembers(c) }))
	}
	return chips
}

func (v *circlesView) memberChip(c *crm.Circle, mb crm.Member) fyne.CanvasObject {
	open := widget.NewButton(mb.Name, func() { v.m.OpenPerson(mb.ContactID) })
	open.Alignment = widget.ButtonAlignLeading
	open.Importance = widget.LowImportance
	leave := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { v.leave(c, mb) })
	leave.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, avatar(mb.Name, []crm.RoleKind{crm.RoleCircle}, 26), leave, cutLines(open))
}

// showMembers lists every current member of c, for circles too big to
// show on their card.
func (v *circlesView) showMembers(c *crm.Circle) {
	current := c.CurrentMembers()
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(current) },
		func() fyne.CanvasObject { return v.memberChip(c, crm.Member{Name: "Member"}) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			mb := current[i]
			name := row.Objects[0].(*fyne.Container)
			open := name.Objects[0].(*widget.Button)
			open.SetText(mb.Name)
			name.Refresh() // cuts the new name to the row's width
			open.OnTapped = func() { d.Hide(); v.m.OpenPerson(mb.ContactID) }
			setAvatar(row.Objects[1].(*fyne.Container), mb.Name, []crm.RoleKind{crm.RoleCircle})
			row.Objects[2].(*widget.Button).OnTapped = func() { d.Hide(); v.leave(c, mb) }
		})
	d = dialog.NewCustom(shorten(c.Name, titleRunes)+": "+plural(len(current), "member", "members"), "Close", list, v.m.win)
	d.Resize(fyne.NewSize(420, 520))
	v.m.showDialog(d)
}

// leave ends a membership, and the circle role with their last circle.
// Undo puts their memberships and roles back as they were.
func (v *circlesView) leave(c *crm.Circle, mb crm.Member) {
	var before *store.Standing
	v.m.save(func(tx *store.Tx) (err error) {
		if before, err = tx.Standing(mb.ContactID); err != nil {
			return err
		}
		return tx.Leave(c.ID, mb.ContactID, crm.Date{})
	}, func() {
		v.m.bar.show(fmt.Sprintf("%s left %s.", mb.Name, c.Name), func() { restoreStandings(v.m, before) })
	})
}

// restoreStandings is the undo of a change to people's roles and circles.
func restoreStandings(m *Main, before ...*store.Standing) {
	m.save(func(tx *store.Tx) error {
		for _, s := range before {
			if err := tx.RestoreStanding(s); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

func (v *circlesView) addMember(c *crm.Circle) {
	var f *formDialog
	picker := newPeoplePicker(v.m, nil, func() {
		if f != nil {
			f.revalidate()
		}
	})
	f = newFormDialog(v.m, "Add to "+shorten(c.Name, titleRunes), "Add", picker.box, fyne.NewSize(480, 360))
	f.first = picker.find
	f.check = func() string {
		if len(picker.people) == 0 {
			return "Pick at least one person"
		}
		return ""
	}
	f.onSave = func() {
		var before []*store.Standing
		v.m.save(func(tx *store.Tx) error {
			before = nil
			for _, p := range picker.people {
				s, err := tx.Standing(p.ContactID)
				if err != nil {
					return err
				}
				before = append(before, s)
				if err := tx.Join(c.ID, p.ContactID, crm.Date{}); err != nil {
					return err
				}
			}
			return nil
		}, func() {
			f.close()
			v.m.bar.show(fmt.Sprintf("Added %s to %s.", plural(len(before), "person", "people"), c.Name),
				func() { restoreStandings(v.m, before...) })
		})
	}
	f.show()
}

// circleFields names the circle form's field for each field
// crm.Circle.Validate names in its errors.
var circleFields = map[string]string{"name": "Name", "cadence": "Meets every"}

// circleForm adds a circle. What a circle must have is
// crm.Circle.Validate's to say.
type circleForm struct {
	*formDialog
	name, purpose, cadence *field
}

func newCircleForm(m *Main) *circleForm {
	f := &circleForm{name: m.entry("Circle name"), purpose: m.entry("What it is for"), cadence: m.entry("e.g. 4w; empty when irregular")}
	form := widget.NewForm(widget.NewFormItem("Name", f.name), widget.NewFormItem("Purpose", f.purpose),
		widget.NewFormItem("Meets every", f.cadence))
	f.formDialog = newFormDialog(m, "New circle", "Add", form, fyne.NewSize(480, 300))
	f.first = f.name
	f.saveWhen(whyNot(f.circle), f.submit, f.name, f.cadence)
	return f
}

// circle builds the circle the form describes, and says why it cannot be
// saved when it cannot.
func (f *circleForm) circle() (*crm.Circle, string) {
	c := &crm.Circle{Name: f.name.Text, Purpose: f.purpose.Text}
	days, err := optionalSpanDays(f.cadence.Text)
	c.CadenceDays = days
	unreadable := ""
	if err != nil {
		unreadable = "Meets every: " + err.Error()
	}
	return c, formProblem(c.Validate(), circleFields, unreadable)
}

func (f *circleForm) submit() {
	if c, why := f.circle(); why == "" {
		f.m.save(func(tx *store.Tx) error { return tx.AddCircle(c) }, f.close)
	}
}
