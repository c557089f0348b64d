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
	*cardScreen
}

// memberLimit bounds the member chips on a circle's card; a big circle
// lists the rest in a dialog.
const memberLimit = 8

type circleItem struct {
	*crm.Circle
	meetings []*crm.Interaction
}

func newCirclesView(m *Main) *circlesView {
	return &circlesView{m: m, cardScreen: newCardScreen("Circles",
		"Peers who meet and trade lessons. Log a meeting once for everyone who came.", "New circle", func() { newCircleForm(m).show() })}
}

func (v *circlesView) reload() {
	loadCards(v.m, v.cardScreen, func(tx *store.Tx) ([]circleItem, error) {
		circles, err := tx.Circles()
		if err != nil {
			return nil, err
		}
		var items []circleItem
		for _, c := range circles {
			it := circleItem{Circle: c}
			if it.meetings, err = tx.CircleMeetings(c.ID, 3); err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		return items, nil
	}, v.circleCard, "No circles yet. A circle is a group of peers with shared interests who meet and trade lessons: add one with New circle.")
}

func (v *circlesView) circleCard(it circleItem) fyne.CanvasObject {
	c := it.Circle
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
		container.NewBorder(nil, nil, container.NewVBox(heading(c.Name), muted(c.Purpose)), container.NewCenter(container.NewHBox(addBtn, logBtn))),
		muted(strings.Join(facts, "  ·  ")),
		widget.NewSeparator(),
		bold(plural(len(c.CurrentMembers()), "member", "members")),
		members,
	)
	if len(it.meetings) > 0 {
		box.Add(bold("Recent meetings"))
		for _, in := range it.meetings {
			box.Add(interactionRow(in, 0, v.today))
		}
	}
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
	return container.NewBorder(nil, nil, avatar(mb.Name, []crm.RoleKind{crm.RoleCircle}, 26), leave, open)
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
			open := row.Objects[0].(*widget.Button)
			open.SetText(mb.Name)
			open.OnTapped = func() { d.Hide(); v.m.OpenPerson(mb.ContactID) }
			setAvatar(row.Objects[1].(*fyne.Container), mb.Name, []crm.RoleKind{crm.RoleCircle})
			row.Objects[2].(*widget.Button).OnTapped = func() { d.Hide(); v.leave(c, mb) }
		})
	d = dialog.NewCustom(c.Name+": "+plural(len(current), "member", "members"), "Close", list, v.m.win)
	d.Resize(fyne.NewSize(420, 520))
	v.m.showDialog(d)
}

func (v *circlesView) leave(c *crm.Circle, mb crm.Member) {
	v.m.save(func(tx *store.Tx) error { return tx.Leave(c.ID, mb.ContactID, crm.Date{}) }, func() {
		v.m.bar.show(fmt.Sprintf("%s left %s.", mb.Name, c.Name), nil)
	})
}

func (v *circlesView) addMember(c *crm.Circle) {
	var f *formDialog
	picker := newPeoplePicker(v.m, nil, func() {
		if f != nil {
			f.revalidate()
		}
	})
	f = newFormDialog(v.m, "Add to "+c.Name, "Add", picker.box, fyne.NewSize(480, 360))
	f.check = func() string {
		if len(picker.people) == 0 {
			return "Pick at least one person"
		}
		return ""
	}
	f.onSave = func() {
		v.m.save(func(tx *store.Tx) error {
			for _, p := range picker.people {
				if err := tx.Join(c.ID, p.ContactID, crm.Date{}); err != nil {
					return err
				}
			}
			return nil
		}, f.close)
	}
	f.show()
}

// newCircleForm adds a circle.
func newCircleForm(m *Main) *formDialog {
	name, purpose, cadence := m.entry("Circle name"), m.entry("What it is for"), m.entry("e.g. 4w; empty when irregular")
	form := widget.NewForm(widget.NewFormItem("Name", name), widget.NewFormItem("Purpose", purpose),
		widget.NewFormItem("Meets every", cadence))
	f := newFormDialog(m, "New circle", "Add", form, fyne.NewSize(480, 300))
	f.check = func() string {
		if strings.TrimSpace(name.Text) == "" {
			return "Name: a circle needs a name"
		}
		if s := strings.TrimSpace(cadence.Text); s != "" {
			if _, err := crm.ParseSpan(s); err != nil {
				return "Meets every: want Nd, Nw, Nm or Ny"
			}
		}
		return ""
	}
	name.OnChanged = func(string) { f.revalidate() }
	cadence.OnChanged = func(string) { f.revalidate() }
	f.onSave = func() {
		c := &crm.Circle{Name: name.Text, Purpose: purpose.Text}
		if span, err := crm.ParseSpan(strings.TrimSpace(cadence.Text)); err == nil {
			c.CadenceDays = span.Days()
		}
		m.save(func(tx *store.Tx) error { return tx.AddCircle(c) }, f.close)
	}
	return f
}
