package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// prospectPage is a prospect's page, shown over the window: what is known
// of them, where the pursuit stands with its history and every outreach,
// and the actions that move it on.
type prospectPage struct {
	m   *Main
	d   *crm.ProspectDetail
	dlg *dialog.CustomDialog
	// buttons are the actions on show, by label, and the forms they
	// opened last, for tests.
	buttons  map[string]*widget.Button
	outreach *outreachForm
	move     *moveForm
	notNow   *notNowForm
	edit     *prospectForm
}

// openProspect reads a prospect and shows its page.
func openProspect(m *Main, id int64) {
	var d *crm.ProspectDetail
	var today crm.Date
	m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		d, err = tx.ProspectDetail(id)
		return err
	}, func() {
		pg := &prospectPage{m: m, d: d}
		pg.show(today)
		m.prospect = pg
	})
}

func (pg *prospectPage) show(today crm.Date) {
	d := pg.d
	pg.buttons = map[string]*widget.Button{}
	button := func(label string, icon fyne.Resource, do func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() { pg.dlg.Hide(); do() })
		pg.buttons[label] = b
		return b
	}
	var actions []fyne.CanvasObject
	if d.Stage == crm.StageActive {
		actions = append(actions, button("Open their page", theme.AccountIcon(), func() { pg.m.OpenPerson(d.ContactID) }))
	} else {
		reach := button("Reach out…", theme.MailSendIcon(), func() {
			pg.outreach = newOutreachForm(pg.m, &d.Prospect)
			pg.outreach.show()
		})
		reach.Importance = widget.HighImportance
		actions = append(actions, reach, button("Move…", theme.NavigateNextIcon(), func() {
			pg.move = newMoveForm(pg.m, &d.Prospect)
			pg.move.show()
		}))
		activate := button("Activate", theme.ConfirmIcon(), pg.activate)
		if crm.CheckMove(d.Stage, crm.StageActive) != nil {
			activate.Disable() // only someone reached can become a contact
		}
		actions = append(actions, activate)
		if d.Stage != crm.StageNotNow {
			actions = append(actions, button("Not now…", theme.MediaPauseIcon(), func() {
				pg.notNow = newNotNowForm(pg.m, &d.Prospect)
				pg.notNow.show()
			}))
		}
		actions = append(actions, button("Edit", theme.DocumentCreateIcon(), func() {
			pg.edit = newProspectForm(pg.m, &d.Prospect)
			pg.edit.show()
		}))
	}
	closeBtn := widget.NewButton("Close", func() { pg.dlg.Hide() })
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, closeBtn, flow(actions...))), nil, nil,
		container.NewVScroll(pg.details(today)))
	pg.dlg = dialog.NewCustomWithoutButtons(shorten(d.Name, titleRunes), body, pg.m.win)
	pg.dlg.Resize(fyne.NewSize(640, 520))
	pg.m.showDialog(pg.dlg)
}

// details lays out what is known of the prospect, its history and outreach.
func (pg *prospectPage) details(today crm.Date) fyne.CanvasObject {
	d := pg.d
	box := container.NewVBox(kv("Stage", stageNames[d.Stage]))
	add := func(k, v string) {
		if v != "" {
			box.Add(kv(k, v))
		}
	}
	found := string(d.Found)
	if d.Detail != "" {
		found += ": " + d.Detail
	}
	add("Found", found)
	add("Event", d.Event)
	add("Could introduce", d.ReferredByName)
	add("Could help with", serves(d.Prospect))
	add("Role sought", string(d.Role))
	add("Why them", d.Why)
	add("Next", nextLine(d.Prospect, today))
	add("Added", longDate(d.AddedOn))
	if len(d.Outreach) > 0 {
		box.Add(heading("Outreach"))
		for _, o := range d.Outreach {
			box.Add(wrapped(o.Notes()))
		}
	}
	if len(d.History) > 0 {
		box.Add(heading("History"))
		for _, h := range d.History {
			line := shortDate(h.On, today) + ": " + stageNames[h.To]
			if h.From != "" {
				line = shortDate(h.On, today) + ": " + stageNames[h.From] + " → " + stageNames[h.To]
			}
			if h.Note != "" {
				line += " (" + h.Note + ")"
			}
			box.Add(wrapped(line))
		}
	}
	return box
}

// activate makes the prospect a contact with the role sought, keeping its
// source, event, referral and outreach notes.
func (pg *prospectPage) activate() {
	d, m := pg.d, pg.m
	m.save(func(tx *store.Tx) error {
		_, err := tx.ActivateProspect(d.ID)
		return err
	}, func() {
		role := ""
		if d.Role != "" {
			role = " as your " + string(d.Role)
		}
		m.bar.show(fmt.Sprintf("%s is now in your book%s: Active on Find opens their page.", d.Name, role), nil)
	})
}
