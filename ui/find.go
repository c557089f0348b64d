package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// columnLimit bounds the cards a pipeline column shows; its count is of
// them all.
const columnLimit = 100

// stageNames are the column headings of the pipeline.
var stageNames = map[crm.Stage]string{crm.StageToContact: "To contact", crm.StageReachedOut: "Reached out",
	crm.StageTalking: "Talking", crm.StageActive: "Active", crm.StageNotNow: "Not now"}

// findView is the Find screen: the people you want to know, as a pipeline
// from a name to a relationship, and the events where you meet them.
type findView struct {
	m       *Main
	root    *fyne.Container
	body    *fyne.Container
	tabs    map[string]*widget.Button
	columns *fyne.Container
	events  *eventsView
	today   crm.Date
	// cards are the prospect cards on show, by name, for tests.
	cards map[string]fyne.CanvasObject
	// heads are the column headings, by stage; adding is the form New
	// prospect opened last.
	heads  map[crm.Stage]*widget.Label
	adding *prospectForm
}

// The two parts of the Find screen.
const (
	findPipeline = "Pipeline"
	findEvents   = "Events"
)

func newFindView(m *Main) *findView {
	v := &findView{m: m, columns: container.NewGridWithColumns(len(crm.Stages)), heads: map[crm.Stage]*widget.Label{}}
	v.events = newEventsView(m)
	v.tabs = map[string]*widget.Button{}
	for _, name := range []string{findPipeline, findEvents} {
		v.tabs[name] = widget.NewButton(name, func() { v.showPart(name) })
	}
	add := widget.NewButtonWithIcon("New prospect", theme.ContentAddIcon(), func() {
		v.adding = newProspectForm(m, nil)
		v.adding.show()
	})
	header := container.NewBorder(nil, nil,
		container.NewVBox(screenTitle("Find"), muted("The people you want to know, from a name to a relationship.")),
		container.NewCenter(container.NewHBox(v.tabs[findPipeline], v.tabs[findEvents], add)))
	v.body = container.NewStack()
	v.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, v.body)
	v.showPart(findPipeline)
	return v
}

func (v *findView) view() fyne.CanvasObject { return v.root }

func (v *findView) showPart(name string) {
	highlight(v.tabs, name, widget.MediumImportance)
	var part fyne.CanvasObject = container.NewPadded(v.columns)
	if name == findEvents {
		part = v.events.view()
		v.events.reload()
	}
	v.body.Objects = []fyne.CanvasObject{part}
	v.body.Refresh()
}

// pipeline is what one load of the Find screen reads.
type pipeline struct {
	counts map[crm.Stage]int
	stages map[crm.Stage][]crm.Prospect
}

// reload counts the prospects at each stage and reads the first of each
// column, in SQL, off the UI goroutine.
func (v *findView) reload() {
	p := pipeline{stages: map[crm.Stage][]crm.Prospect{}}
	var today crm.Date
	v.m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		if p.counts, err = tx.PipelineCounts(); err != nil {
			return err
		}
		for _, s := range crm.Stages {
			if p.stages[s], err = tx.Prospects(crm.ProspectFilter{Stage: s, Limit: columnLimit}); err != nil {
				return err
			}
		}
		return nil
	}, func() {
		v.today = today
		v.show(p)
	})
	if v.body.Objects[0] == v.events.view() {
		v.events.reload()
	}
}

func (v *findView) show(p pipeline) {
	v.cards = map[string]fyne.CanvasObject{}
	cols := make([]fyne.CanvasObject, 0, len(crm.Stages))
	for _, s := range crm.Stages {
		v.heads[s] = widget.NewLabelWithStyle(fmt.Sprintf("%s  %d", stageNames[s], p.counts[s]), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true})
		cards := container.NewVBox()
		for _, pr := range p.stages[s] {
			c := v.card(pr)
			v.cards[pr.Name] = c
			cards.Add(c)
		}
		if more := p.counts[s] - len(p.stages[s]); more > 0 {
			cards.Add(wrappedMuted(fmt.Sprintf("and %d more", more)))
		}
		if len(cards.Objects) == 0 {
			cards.Add(wrappedMuted(emptyStage[s]))
		}
		cols = append(cols, container.NewBorder(v.heads[s], nil, nil, nil, container.NewVScroll(cards)))
	}
	v.columns.Objects = cols
	v.columns.Refresh()
}

// emptyStage is what an empty column says.
var emptyStage = map[crm.Stage]string{
	crm.StageToContact:  "Nobody yet. Add someone you would like to know, or start from a gap on your board.",
	crm.StageReachedOut: "Nobody waiting for an answer.",
	crm.StageTalking:    "No conversations under way.",
	crm.StageActive:     "Prospects who became your coaches, mentors and peers.",
	crm.StageNotNow:     "Nobody set aside.",
}

// card is one prospect in a column: the name (opens its page), the role
// sought, the goal or gap it serves, and the next follow-up, or why not now.
func (v *findView) card(p crm.Prospect) fyne.CanvasObject {
	open := widget.NewButton(p.Name, func() { openProspect(v.m, p.ID) })
	open.Alignment = widget.ButtonAlignLeading
	open.Importance = widget.LowImportance
	box := container.NewVBox(cutLines(open))
	if p.Role != "" {
		box.Add(container.NewHBox(roleChip(p.Role)))
	}
	if s := serves(p); s != "" {
		box.Add(wrappedMuted("for " + s))
	}
	if p.Event != "" {
		box.Add(wrappedMuted("met at " + p.Event))
	}
	if p.ReferredByName != "" {
		box.Add(wrappedMuted("through " + p.ReferredByName))
	}
	if line := nextLine(p, v.today); line != "" {
		l := wrapped(line)
		if !p.FollowUpOn.IsZero() && p.FollowUpOn.DaysUntil(v.today) >= 0 {
			l.Importance = widget.WarningImportance
		}
		box.Add(l)
	}
	return card(box)
}

// serves names the goal or gap a prospect could help with.
func serves(p crm.Prospect) string {
	switch {
	case p.Goal != "":
		return "the goal " + p.Goal
	case p.Gap != "":
		return "the gap " + p.Gap
	}
	return ""
}

// nextLine is what comes next with a prospect: the follow-up, or when to
// reconsider and why not now.
func nextLine(p crm.Prospect, today crm.Date) string {
	switch {
	case p.Stage == crm.StageNotNow:
		parts := []string{}
		if p.NotNowReason != "" {
			parts = append(parts, p.NotNowReason)
		}
		if !p.ReconsiderOn.IsZero() {
			parts = append(parts, "reconsider "+relDay(p.ReconsiderOn, today))
		}
		return strings.Join(parts, "; ")
	case !p.FollowUpOn.IsZero() && !p.FollowUpOn.After(today):
		return "follow-up " + lateness(p.FollowUpOn.DaysUntil(today))
	case !p.FollowUpOn.IsZero():
		return "follow up " + relDay(p.FollowUpOn, today)
	}
	return ""
}
