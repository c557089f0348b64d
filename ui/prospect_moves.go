package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// followUpDays is how far ahead a follow-up is offered: a week.
const followUpDays = 7

// outreachForm records reaching out to a prospect: the message's purpose
// in the user's own words (why, what they admire, what they offer, what
// they ask for), the channel, the day and when to follow up. From to
// contact (or not now) it moves the prospect to reached out.
type outreachForm struct {
	*formDialog
	p                       *crm.Prospect
	why, admire, offer, ask *field
	channel                 *field
	on, followUp            *dateField
}

func newOutreachForm(m *Main, p *crm.Prospect) *outreachForm {
	today := m.st.Today()
	f := &outreachForm{p: p,
		why:     m.multiEntry("Why I am reaching out to you"),
		admire:  m.multiEntry("What I admire in your work"),
		offer:   m.multiEntry("What I can offer in return"),
		ask:     m.multiEntry("What I ask for: one clear, small request"),
		channel: m.entry("email, LinkedIn, in person…"),
		on:      m.dateEntry(today, false), followUp: m.dateEntry(today.AddDays(followUpDays), true)}
	for _, e := range []*field{f.why, f.admire, f.offer, f.ask} {
		e.SetMinRowsVisible(2)
	}
	form := widget.NewForm(widget.NewFormItem("Why", f.why), widget.NewFormItem("I admire", f.admire),
		widget.NewFormItem("I can offer", f.offer), widget.NewFormItem("I ask for", f.ask),
		widget.NewFormItem("Channel", f.channel), widget.NewFormItem("Sent on", f.on),
		widget.NewFormItem("Follow up on", f.followUp))
	f.formDialog = newFormDialog(m, "Reach out to "+shorten(p.Name, titleRunes), "Record", form, fyne.NewSize(640, 600))
	f.first = f.why
	f.saveWhen(whyNot(f.outreach), f.submit, f.on.field, f.followUp.field)
	return f
}

func (f *outreachForm) outreach() (*crm.Outreach, string) {
	o := &crm.Outreach{ProspectID: f.p.ID, Why: strings.TrimSpace(f.why.Text), Admire: strings.TrimSpace(f.admire.Text),
		Offer: strings.TrimSpace(f.offer.Text), Ask: strings.TrimSpace(f.ask.Text), Channel: strings.TrimSpace(f.channel.Text)}
	var err error
	if o.On, err = f.on.date(); err != nil {
		return o, "Sent on: " + err.Error()
	}
	if o.FollowUpOn, err = f.followUp.date(); err != nil {
		return o, "Follow up on: " + err.Error()
	}
	if !o.FollowUpOn.IsZero() && o.FollowUpOn.Before(o.On) {
		return o, "Follow up on: before the day it was sent"
	}
	return o, ""
}

func (f *outreachForm) submit() {
	o, why := f.outreach()
	if why != "" {
		return
	}
	p, m := f.p, f.m
	m.save(func(tx *store.Tx) error {
		// Reaching out again while talking adds to the record; from to
		// contact or not now it is the move to reached out.
		if p.Stage == crm.StageReachedOut || p.Stage == crm.StageTalking {
			return tx.AddOutreach(o)
		}
		_, err := tx.MoveProspect(p.ID, crm.Move{To: crm.StageReachedOut, On: o.On, FollowUpOn: o.FollowUpOn, Outreach: o})
		return err
	}, func() {
		f.close()
		m.bar.show(fmt.Sprintf("Recorded reaching out to %s%s.", p.Name, followUpWords(o.FollowUpOn)), nil)
	})
}

// followUpWords says when the follow-up falls, "" for none.
func followUpWords(d crm.Date) string {
	if d.IsZero() {
		return ""
	}
	return "; follow up " + longDate(d)
}

// moveForm moves a prospect to another open stage, forward or back, with
// a note and the next follow-up. Active and not now have their own actions.
type moveForm struct {
	*formDialog
	p        *crm.Prospect
	to       *widget.Select
	note     *field
	followUp *dateField
}

func newMoveForm(m *Main, p *crm.Prospect) *moveForm {
	f := &moveForm{p: p, note: m.entry("Why, in a few words"),
		followUp: m.dateEntry(m.st.Today().AddDays(followUpDays), true)}
	var to []string
	for _, s := range crm.AllowedMoves(p.Stage) {
		if s.IsOpen() {
			to = append(to, stageNames[s])
		}
	}
	f.to = widget.NewSelect(to, nil)
	if len(to) > 0 {
		f.to.SetSelectedIndex(0)
	}
	form := widget.NewForm(widget.NewFormItem("Now", widget.NewLabel(stageNames[p.Stage])),
		widget.NewFormItem("Move to", f.to), widget.NewFormItem("Note", f.note),
		widget.NewFormItem("Follow up on", f.followUp))
	f.formDialog = newFormDialog(m, "Move "+shorten(p.Name, titleRunes), "Move", form, fyne.NewSize(520, 320))
	f.first = f.note
	f.saveWhen(whyNot(f.move), f.submit, f.followUp.field)
	return f
}

// stageNamed is the stage a column heading names.
func stageNamed(name string) crm.Stage {
	for s, n := range stageNames {
		if n == name {
			return s
		}
	}
	return ""
}

func (f *moveForm) move() (crm.Move, string) {
	mv := crm.Move{To: stageNamed(f.to.Selected), Note: strings.TrimSpace(f.note.Text)}
	if mv.To == "" {
		return mv, "Move to: pick a stage"
	}
	var err error
	if mv.FollowUpOn, err = f.followUp.date(); err != nil {
		return mv, "Follow up on: " + err.Error()
	}
	return mv, ""
}

func (f *moveForm) submit() {
	mv, why := f.move()
	if why != "" {
		return
	}
	p, m := f.p, f.m
	m.save(func(tx *store.Tx) error {
		_, err := tx.MoveProspect(p.ID, mv)
		return err
	}, func() {
		f.close()
		m.bar.show(fmt.Sprintf("Moved %s to %s.", p.Name, strings.ToLower(stageNames[mv.To])), nil)
	})
}

// notNowForm sets a prospect aside with a reason and, when given, a day to
// reconsider.
type notNowForm struct {
	*formDialog
	p          *crm.Prospect
	reason     *field
	reconsider *dateField
}

func newNotNowForm(m *Main, p *crm.Prospect) *notNowForm {
	f := &notNowForm{p: p, reason: m.entry("Why not now: no time this quarter, not the right fit"),
		reconsider: m.dateEntry(crm.Date{}, true)}
	form := widget.NewForm(widget.NewFormItem("Reason", f.reason), widget.NewFormItem("Reconsider on", f.reconsider))
	f.formDialog = newFormDialog(m, "Not now: "+shorten(p.Name, titleRunes), "Set aside", form, fyne.NewSize(520, 260))
	f.first = f.reason
	f.saveWhen(whyNot(f.move), f.submit, f.reason, f.reconsider.field)
	return f
}

func (f *notNowForm) move() (crm.Move, string) {
	mv := crm.Move{To: crm.StageNotNow, Reason: strings.TrimSpace(f.reason.Text)}
	var err error
	if mv.ReconsiderOn, err = f.reconsider.date(); err != nil {
		return mv, "Reconsider on: " + err.Error()
	}
	if mv.Reason == "" {
		return mv, "Reason: say why, for when you reconsider"
	}
	return mv, ""
}

func (f *notNowForm) submit() {
	mv, why := f.move()
	if why != "" || !slices.Contains(crm.AllowedMoves(f.p.Stage), crm.StageNotNow) {
		return
	}
	p, m := f.p, f.m
	mv.Note = mv.Reason
	m.save(func(tx *store.Tx) error {
		_, err := tx.MoveProspect(p.ID, mv)
		return err
	}, func() {
		f.close()
		m.bar.show(fmt.Sprintf("Set %s aside: %s.", p.Name, mv.Reason), nil)
	})
}
