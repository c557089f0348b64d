package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// decisionHints say what each decision does when the review is saved.
var decisionHints = map[review.DecisionKind]string{
	review.Deepen: "Deepen: invest more, and say how in the note.",
	review.Keep:   "Keep: carry on as you are.",
	review.Pause:  fmt.Sprintf("Pause: saving snoozes their check-ins for %d months.", review.PauseMonths),
	review.End:    "End: saving asks you to confirm, then archives them.",
}

// showDetail fills the panel under the table with one relationship: its
// figures, what was given and received, and the decision about it.
func (p *reviewPeople) showDetail(c *review.Relationship) {
	if c == nil {
		p.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(
			container.NewCenter(widget.NewIcon(theme.AccountIcon())),
			muted("Pick someone in the table to see what you gave and received, and decide what comes next.")))}
		p.detail.Refresh()
		return
	}
	left := container.NewVBox(p.personHeader(c), p.figures(c))
	items := container.NewVBox()
	addItems(items, fmt.Sprintf("Gave (%d)", c.Gave), c.GaveItems)
	addItems(items, fmt.Sprintf("Received (%d)", c.Received), c.ReceivedItems)
	addItems(items, fmt.Sprintf("Open promises (%d)", len(c.OpenCommitments)), c.OpenCommitments)
	orNote(items, "Nothing given or received this quarter, and no open promises.")
	cols := container.NewBorder(nil, nil, fixedWidth(card(container.NewVScroll(left)), 250),
		fixedWidth(card(p.decisionPanel(c)), 310), card(container.NewVScroll(items)))
	p.detail.Objects = []fyne.CanvasObject{cols}
	p.detail.Refresh()
}

func (p *reviewPeople) personHeader(c *review.Relationship) fyne.CanvasObject {
	chips := roleChips(c.Roles)
	if c.Archived {
		chips.Add(newChip("archived", archivedColor))
	}
	id := c.ID
	open := widget.NewButtonWithIcon("Open page", theme.NavigateNextIcon(), func() { p.v.m.OpenPerson(id) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewVBox(avatar(c.Name, c.Roles, 36)), container.NewVBox(open),
		container.NewVBox(wrappedBold(c.Name), chips))
}

func (p *reviewPeople) figures(c *review.Relationship) fyne.CanvasObject {
	today := p.v.today
	lines := container.NewVBox(note(fmt.Sprintf("%s · %s · last contact %s\nCheck-ins: %d kept, %d missed · %s\nBalance %s this quarter; over two quarters gave %d, received %d",
		plural(c.Interactions, "interaction", "interactions"), review.Hours(c.Minutes), relDay(c.LastContact, today),
		c.CheckinsKept, c.CheckinsMissed, crm.EveryDays(c.CadenceDays), signedText(c.Balance), c.Gave2Q, c.Received2Q)))
	if f := flagText(c); f != "" {
		flags := widget.NewLabel("Flags: " + f)
		flags.Importance = cellImportance(colFlags, c)
		lines.Add(flags)
	}
	return lines
}

// addItems lists exchanges under a heading, when there are any.
func addItems(box *fyne.Container, title string, xs []crm.Exchange) {
	if len(xs) == 0 {
		return
	}
	box.Add(bold(title))
	for _, x := range xs {
		l := widget.NewLabel(x.Date.Time().Format("2 Jan") + "  " + exchangeSentence(x))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
}

func (p *reviewPeople) decisionPanel(c *review.Relationship) fyne.CanvasObject {
	p.filling = true
	defer func() { p.filling = false }()
	d, _ := p.v.draft.DecisionFor(c.ID)
	p.markDecision(d.Decision)
	p.note.SetText(d.Note)
	p.updateHint(d)
	return container.NewVBox(heading("Decision"), p.choices, p.note, p.hint)
}

// updateHint says what the chosen decision does, or what it did.
func (p *reviewPeople) updateHint(d review.Decision) {
	hint := decisionHints[d.Decision]
	switch {
	case d.Decision == "":
		hint = "Deepen, keep, pause or end: what next for this relationship?"
	case !d.AppliedOn.IsZero():
		hint = fmt.Sprintf("Carried out on %s: %s", longDate(d.AppliedOn), d.Decision)
	}
	enableIf(p.note, d.Decision != "")
	setText(p.hint, hint)
}

// newDecisionButtons makes one button per decision; the chosen one is
// highlighted, and tapping it again takes the decision back.
func (p *reviewPeople) newDecisionButtons() {
	p.choice = map[review.DecisionKind]*widget.Button{}
	p.choices = container.NewGridWithColumns(len(review.DecisionKinds))
	for _, k := range review.DecisionKinds {
		b := widget.NewButton(string(k), func() { p.onDecision(k) })
		p.choice[k] = b
		p.choices.Add(b)
	}
}

// markDecision highlights the chosen decision's button.
func (p *reviewPeople) markDecision(k review.DecisionKind) {
	p.selected = k
	highlight(p.choice, k, widget.MediumImportance)
}

func (p *reviewPeople) onDecision(k review.DecisionKind) {
	if p.chosen == 0 {
		return
	}
	if k == p.selected {
		k = ""
	}
	p.markDecision(k)
	p.record(k)
}

func (p *reviewPeople) onNote() {
	if p.filling || p.chosen == 0 {
		return
	}
	p.record(p.selected)
}

// record puts the panel's decision about the chosen person in the draft.
func (p *reviewPeople) record(kind review.DecisionKind) {
	c := p.r.Relationship(p.chosen)
	if c == nil {
		return
	}
	p.v.decide(review.Decision{ContactID: c.ID, Name: c.Name, Decision: kind, Note: p.note.Text})
	d, _ := p.v.draft.DecisionFor(c.ID)
	p.updateHint(d)
}
