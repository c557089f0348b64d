package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// agreementCard is the person's agreement: progress of the active one
// (sessions held of agreed, fee spent, days left, revisit), what to do with
// it (prepare, check its health, change, renew, close), the health trend and
// the agreements before it.
type agreementCard struct {
	p   *personPage
	rel *relationshipView
	// The buttons, kept for tests and the keyboard.
	set, edit, renew, closeBtn, prepare, health, fit *widget.Button
	bar                                              *widget.ProgressBar
	ask                                              *field
	askBtn                                           *widget.Button
	// opened is the form a button last opened, for tests.
	opened any
}

func (p *personPage) agreementCard() fyne.CanvasObject {
	c := &agreementCard{p: p, rel: p.rel}
	if c.rel == nil {
		c.rel = &relationshipView{}
	}
	p.agreement = c
	box := container.NewVBox()
	if a := c.rel.Active; a != nil {
		box.Add(c.progressBox(a))
		box.Add(c.actions(a))
	} else {
		c.set = widget.NewButtonWithIcon("Set an agreement", theme.DocumentCreateIcon(), func() { c.open(newAgreementForm(p.m, p.d.ID, p.d.Name, nil, false)) })
		box.Add(wrapped("No agreement. Set one to follow the sessions, fee and term you agreed, and when to look at it again."))
		box.Add(container.NewHBox(c.set))
	}
	if len(c.rel.Health) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(c.trendBox())
	}
	box.Add(widget.NewSeparator())
	box.Add(c.askBox())
	if len(c.rel.Past) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(c.historyBox())
	}
	return titledCard("Agreement", box)
}

// progressBox is where the active agreement stands.
func (c *agreementCard) progressBox(a *agreementView) fyne.CanvasObject {
	// The chips wrap: an agreement can raise five flags at once.
	chips := []fyne.CanvasObject{roleChip(a.Role)}
	for _, f := range a.Flags {
		if word, ok := flagWords[f]; ok {
			chips = append(chips, newChip(word, flagColor(f)))
		}
	}
	head := flow(chips...)
	box := container.NewVBox(head)
	if len(a.Goals) > 0 {
		box.Add(wrapped("For: " + strings.Join(a.Goals, "; ")))
	}
	c.bar = widget.NewProgressBar()
	c.bar.TextFormatter = func() string { return a.sessionsText() }
	if p := a.progress(); p >= 0 {
		c.bar.SetValue(p)
		box.Add(c.bar)
	}
	// Side by side when there is room: the facts are short.
	box.Add(columns(2, c.facts(a)...))
	return box
}

// facts are the active agreement's label and value lines.
func (c *agreementCard) facts(a *agreementView) []fyne.CanvasObject {
	today := c.p.today
	var out []fyne.CanvasObject
	add := func(on bool, k string, v func() string) {
		if on {
			out = append(out, kv(k, v()))
		}
	}
	add(a.progress() < 0, "Sessions", a.sessionsText) // else the bar says it
	add(true, "Fee", a.feeText)
	add(true, "Term", func() string { return a.termText(today) })
	add(!a.Revisit.IsZero(), "Revisit", func() string { return shortDate(a.Revisit, today) + ", " + relDay(a.Revisit, today) })
	add(!a.LastSession.IsZero(), "Last session", func() string { return relDay(a.LastSession, today) })
	add(a.CadenceDays > 0, "Rhythm", func() string { return crm.EveryDays(a.CadenceDays) })
	add(a.Format != "", "How you meet", func() string { return a.Format })
	add(a.Confidential != "", "Confidential", func() string { return a.Confidential })
	add(a.Fit != "", "Fit", func() string { return fitWords[a.Fit] })
	return out
}

// actions are what can be done with the active agreement.
func (c *agreementCard) actions(a *agreementView) fyne.CanvasObject {
	m, d := c.p.m, c.p.d
	c.prepare = widget.NewButtonWithIcon("Prepare next session", theme.ListIcon(), func() { showPrepare(m, d.ID, d.Name) })
	c.prepare.Importance = widget.HighImportance
	c.health = widget.NewButtonWithIcon("Health check", theme.QuestionIcon(), func() { c.open(newHealthForm(m, a.ID, d.Name)) })
	if a.has(flagHealthDue) {
		c.health.Importance = widget.WarningImportance
	}
	c.edit = widget.NewButtonWithIcon("Change", theme.DocumentCreateIcon(), func() { c.open(newAgreementForm(m, d.ID, d.Name, a, false)) })
	c.renew = widget.NewButtonWithIcon("Renew…", theme.ViewRefreshIcon(), func() { c.open(newAgreementForm(m, d.ID, d.Name, a, true)) })
	c.closeBtn = widget.NewButtonWithIcon("Close…", theme.CancelIcon(), func() { c.open(newClosingForm(m, a.ID, d.Name, a.Role)) })
	c.closeBtn.Importance = widget.LowImportance
	buttons := []fyne.CanvasObject{c.prepare, c.health}
	if a.has(flagFitCheckDue) {
		c.fit = widget.NewButtonWithIcon("Fit check", theme.QuestionIcon(), func() { showFitCheck(m, a.ID, d.Name) })
		c.fit.Importance = widget.WarningImportance
		buttons = append(buttons, c.fit)
	}
	return flow(append(buttons, c.edit, c.renew, c.closeBtn)...)
}

// trendBox shows each health check as a bar as tall as its score, oldest
// first, and the way they are going.
func (c *agreementCard) trendBox() fyne.CanvasObject {
	bars := container.NewHBox()
	for _, h := range c.rel.Health {
		bars.Add(scoreBar(h.score()))
	}
	last := c.rel.Health[len(c.rel.Health)-1]
	words := fmt.Sprintf("last %s: learning %d, rhythm %d, follow-through %d, right help %d",
		shortDate(last.On, c.p.today), last.Learning, last.Rhythm, last.FollowThrough, last.Fit)
	trend := trendWords[c.rel.Trend]
	if trend == "" {
		trend = "one check so far"
	}
	box := container.NewVBox(container.NewBorder(nil, nil, bold("Health"), nil, container.NewHBox(bars, container.NewCenter(muted(trend)))),
		cutLines(muted(words)))
	if last.Note != "" {
		box.Add(wrapped(last.Note))
	}
	return box
}

// scoreBarHeight is the height of a bar scoring 5.
const scoreBarHeight = 30

// scoreBar is a bar as tall as a health score out of 5, red to green.
func scoreBar(score float64) fyne.CanvasObject {
	col := themed(theme.ColorNameWarning)
	switch {
	case score >= 4:
		col = themed(colorReceived)
	case score < 2.5:
		col = themed(colorLate)
	}
	bar := canvas.NewRectangle(col)
	bar.CornerRadius = 2
	h := float32(score / 5 * scoreBarHeight)
	bar.SetMinSize(fyne.NewSize(10, h))
	return container.NewVBox(layoutSpacer(scoreBarHeight-h), bar)
}

// layoutSpacer is an empty gap h high.
func layoutSpacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// askBox notes a question for the next session: it shows on the agenda.
func (c *agreementCard) askBox() fyne.CanvasObject {
	m, id, name := c.p.m, c.p.d.ID, c.p.d.Name
	c.ask = m.entry("Ask " + firstName(name) + " next time…")
	c.askBtn = widget.NewButtonWithIcon("Note", theme.ContentAddIcon(), nil)
	add := func() {
		text := strings.TrimSpace(c.ask.Text)
		if text == "" {
			return
		}
		m.save(func(tx *store.Tx) error { return addQuestion(tx, id, text) }, func() {
			m.bar.show("Noted for next time with "+name+": "+text, nil)
		})
	}
	c.askBtn.OnTapped = add
	c.ask.OnSubmitted = func(string) { add() }
	return container.NewBorder(nil, nil, nil, c.askBtn, c.ask)
}

// historyBox lists the agreements before this one, newest first.
func (c *agreementCard) historyBox() fyne.CanvasObject {
	box := container.NewVBox(bold("Before"))
	for _, a := range c.rel.Past {
		line := fmt.Sprintf("%s · %s – %s · %s · %s", a.Role, shortDate(a.Start, c.p.today), shortDate(a.ClosedOn, c.p.today),
			outcomeWords[a.Status], a.sessionsText())
		box.Add(cutLines(muted(line)))
		var said []string
		if a.Reason != "" {
			said = append(said, a.Reason)
		}
		if a.Learned != "" {
			said = append(said, "Learned: "+a.Learned)
		}
		if len(said) > 0 {
			box.Add(wrapped(strings.Join(said, " · ")))
		}
	}
	return box
}

// firstName is the first word of a name, for short prompts.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return shorten(f[0], 24)
	}
	return "them"
}

// flagWords names a flag on a chip.
var flagWords = map[string]string{
	flagEndingSoon:   "ending soon",
	flagPastSessions: "past its sessions",
	flagRevisitDue:   "revisit due",
	flagHealthDue:    "health check due",
	flagFitCheckDue:  "fit check due",
	flagStalled:      "stalled",
	flagFalling:      "health falling",
}

// flagColor is the chip colour of a flag: the worrying ones red, the
// reminders amber.
func flagColor(f string) color.Color {
	switch f {
	case flagStalled, flagFalling, flagPastSessions:
		return hex(0xc2410c)
	}
	return hex(0xb45309)
}

// trendWords says which way health is going.
var trendWords = map[string]string{
	"rising":  "rising",
	"steady":  "steady",
	"dipped":  "dipped",
	"falling": "falling two checks in a row",
}

// outcomeWords names how an agreement closed.
var outcomeWords = map[string]string{
	"active":    "active",
	"completed": "completed",
	"ended":     "ended early",
	"redefined": "redefined",
}

// fitWords names a fit verdict.
var fitWords = map[string]string{"good": "good fit", "deciding": "still deciding", "not": "not a fit"}

// showsAgreement reports whether the page has an agreement card: for
// someone in a relationship that runs on sessions, or who had an agreement.
func (p *personPage) showsAgreement() bool {
	if p.rel != nil && (p.rel.Active != nil || len(p.rel.Past) > 0) {
		return true
	}
	for _, r := range p.d.CurrentRoles() {
		if containsRole(sessionRoles, r) {
			return true
		}
	}
	return false
}

func containsRole(rs []crm.RoleKind, r crm.RoleKind) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// shower is a form that can be shown.
type shower interface{ show() }

// open shows a form and keeps it for tests.
func (c *agreementCard) open(f shower) {
	c.opened = f
	f.show()
}
