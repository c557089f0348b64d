package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm/review"
)

// reviewReflection is the review's Reflection tab: the prompts with the
// user's answers, and the decisions made about relationships.
type reviewReflection struct {
	v         *reviewView
	root      *fyne.Container
	answers   map[string]*field
	decisions *fyne.Container
	filling   bool
}

func newReviewReflection(v *reviewView) *reviewReflection {
	return &reviewReflection{v: v, root: container.NewStack(), answers: map[string]*field{}, decisions: container.NewVBox()}
}

// show lays out the prompts of a review with the draft's answers. A prompt
// answered under other wording shows the wording it was answered under, so
// a past review reads as it was written.
func (f *reviewReflection) show(r *review.Review) {
	f.filling = true
	defer func() { f.filling = false }()
	prompts := container.NewVBox()
	f.answers = map[string]*field{}
	for _, p := range r.Prompts {
		question := p.Question
		for _, a := range f.v.draft.Answers {
			if a.Key == p.Key && a.Prompt != "" && a.Text != "" {
				question = a.Prompt
			}
		}
		e := f.v.m.multiEntry("Your answer")
		e.SetMinRowsVisible(4)
		e.SetText(f.v.draft.Answer(p.Key))
		e.OnChanged = func(text string) {
			if f.filling {
				return
			}
			f.v.draft.SetAnswer(p, text)
			f.v.edited()
		}
		f.answers[p.Key] = e
		q := wrapped(question)
		q.TextStyle.Bold = true
		prompts.Add(card(container.NewVBox(q, note(p.Context), e)))
	}
	f.showDecisions()
	intro := note("Answers and decisions are saved with the quarter; the figures are always computed afresh.")
	left := container.NewVBox(heading("Reflection"), intro, prompts)
	right := titledCard("Decisions", f.decisions)
	body := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewPadded(fixedWidth(right, 340))), left)
	f.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	f.root.Refresh()
}

// showDecisions lists the draft's decisions, each a click away from the
// relationship it is about.
func (f *reviewReflection) showDecisions() {
	f.decisions.Objects = nil
	for _, d := range f.v.draft.Decisions {
		if d.Decision == "" {
			continue
		}
		f.decisions.Add(f.decisionRow(d))
	}
	if len(f.decisions.Objects) == 0 {
		f.decisions.Add(wrapped("No decisions yet. Pick someone in Relationships and choose deepen, keep, pause or end."))
	}
	f.decisions.Refresh()
}

var decisionColors = map[review.DecisionKind]color.Color{
	review.Deepen: hex(0x4f46e5), review.Keep: hex(0x059669), review.Pause: hex(0x6b7280), review.End: hex(0xc2410c),
}

func (f *reviewReflection) decisionRow(d review.Decision) fyne.CanvasObject {
	id := d.ContactID
	name := widget.NewButton(d.Name, func() { f.v.people.reveal(id) })
	name.Importance = widget.LowImportance
	name.Alignment = widget.ButtonAlignLeading
	state := "to carry out when saved"
	switch {
	case !d.AppliedOn.IsZero():
		state = "carried out " + shortDate(d.AppliedOn, f.v.today)
	case d.Decision == review.End && f.v.draft.SavedAt != "" && !f.v.dirty:
		state = "awaiting confirmation"
	case d.Decision == review.Deepen || d.Decision == review.Keep:
		state = ""
	}
	top := container.NewBorder(nil, nil, nil, container.NewCenter(newChip(string(d.Decision), decisionColors[d.Decision])), cutLines(name))
	box := container.NewVBox(top)
	if d.Note != "" {
		box.Add(wrapped(d.Note))
	}
	if state != "" {
		box.Add(muted(fmt.Sprintf("  %s", state)))
	}
	box.Add(widget.NewSeparator())
	return box
}
