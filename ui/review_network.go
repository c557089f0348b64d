package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
)

// networkListLimit bounds the rows each card of the network tab lists; the
// counts in the titles are complete.
const networkListLimit = 15

// networkTab is the shape of the network (new people, role changes,
// circles) beside the goals, who helps with them, and the uncovered gaps.
func (v *reviewView) networkTab() fyne.CanvasObject {
	n := v.r.Network
	left := container.NewVBox(
		titledCard(fmt.Sprintf("New people (%d)", len(n.NewPeople)), v.newPeople()),
		titledCard(fmt.Sprintf("Role changes (%d)", len(n.RoleChanges)), v.roleChanges()),
		titledCard(fmt.Sprintf("Circles (%d)", len(n.Circles)), v.circles()),
	)
	right := container.NewVBox(
		titledCard(fmt.Sprintf("Goals (%d active)", len(v.r.Goals)), v.goalList()),
		titledCard("Goals nobody helps with", warnList(v.r.GoalsWithoutHelp, "Every active goal has someone helping.")),
		titledCard("Gaps", v.gapList()),
	)
	// Side by side when there is room, one under the other on a small screen.
	return container.NewVScroll(container.NewPadded(columns(2, left, right)))
}

func (v *reviewView) newPeople() fyne.CanvasObject {
	n := v.r.Network
	box := container.NewVBox()
	if len(n.NewPeople) == 0 {
		box.Add(muted("Nobody new this quarter."))
		return box
	}
	sources := make([]string, 0, len(n.Sources))
	peak := 0
	for s, k := range n.Sources {
		sources = append(sources, s)
		peak = max(peak, k)
	}
	sort.Slice(sources, func(i, j int) bool {
		if n.Sources[sources[i]] != n.Sources[sources[j]] {
			return n.Sources[sources[i]] > n.Sources[sources[j]]
		}
		return sources[i] < sources[j]
	})
	for _, s := range sources {
		k := n.Sources[s]
		bar := vcenter(meter(float64(k), float64(peak)))
		box.Add(container.NewBorder(nil, nil, fixedWidth(widget.NewLabel(s), 90), fixedWidth(bold(fmt.Sprint(k)), 36), bar))
	}
	box.Add(widget.NewSeparator())
	for i, p := range n.NewPeople {
		if i == networkListLimit {
			box.Add(muted(fmt.Sprintf("and %d more", len(n.NewPeople)-i)))
			break
		}
		where := joinNonEmpty(", ", string(p.Source), p.SourceDetail)
		if p.ReferredBy != "" {
			where = joinNonEmpty(", ", where, "referred by "+p.ReferredBy)
		}
		id := p.ID
		name := widget.NewButton(p.Name, func() { v.people.reveal(id) })
		name.Importance = widget.LowImportance
		box.Add(container.NewVBox(container.NewBorder(nil, nil, nil, roleChips(p.Roles), cutLines(name)),
			note(joinNonEmpty(" · ", "since "+shortDate(p.Since, v.today), where))))
	}
	return box
}

func (v *reviewView) roleChanges() fyne.CanvasObject {
	box := container.NewVBox()
	for i, c := range v.r.Network.RoleChanges {
		if i == networkListLimit {
			box.Add(muted(fmt.Sprintf("and %d more", len(v.r.Network.RoleChanges)-i)))
			break
		}
		change := container.NewHBox()
		for _, r := range c.Ended {
			change.Add(container.NewCenter(newChip(string(r)+" ended", archivedColor)))
		}
		if len(c.Ended) > 0 && len(c.Started) > 0 {
			change.Add(widget.NewIcon(theme.NavigateNextIcon()))
		}
		for _, r := range c.Started {
			change.Add(container.NewCenter(roleChip(r)))
		}
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(change, container.NewCenter(muted(shortDate(c.On, v.today)))),
			wrappedBold(c.Name)))
	}
	return orNote(box, "No roles changed this quarter.")
}

func (v *reviewView) circles() fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range v.r.Network.Circles {
		meets := "did not meet"
		if c.Meetings > 0 {
			meets = "met " + plural(c.Meetings, "time", "times")
		}
		if c.CadenceDays > 0 {
			meets += ", meant to meet every " + crm.FormatDays(c.CadenceDays)
		}
		var who []string
		for i, a := range c.Attendance {
			if i == nameLimit {
				break
			}
			who = append(who, fmt.Sprintf("%s %d", a.Name, a.Meetings))
		}
		box.Add(container.NewBorder(nil, nil, nil, container.NewCenter(muted(meets)), wrappedBold(c.Name)))
		if len(who) > 0 {
			box.Add(note("Attended: " + moreNames(who, len(c.Attendance), " · ")))
		}
	}
	return orNote(box, "No circles met or had members this quarter.")
}

func (v *reviewView) goalList() fyne.CanvasObject {
	box := container.NewVBox()
	for _, g := range v.r.Goals {
		horizon := "short-term"
		if g.Horizon == crm.LongTerm {
			horizon = "long-term"
		}
		if !g.Target.IsZero() {
			horizon += " · by " + shortDate(g.Target, v.today)
		}
		title := bold(g.Title)
		title.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, container.NewCenter(muted(horizon)), title))
		helpers := participantNames(g.Helpers)
		help := wrapped("Helping: " + moreNames(helpers, len(g.Helpers), ", "))
		if len(helpers) == 0 {
			help.SetText("Nobody is helping with this goal yet.")
			help.Importance = widget.WarningImportance
		}
		box.Add(help)
		served := fmt.Sprintf("%s served it this quarter", plural(g.Served, "interaction", "interactions"))
		for i, in := range g.Interactions {
			if i == 3 {
				break
			}
			served += fmt.Sprintf("\n%s  %s", shortDate(in.Date, v.today), shorten(in.Summary, servedRunes))
		}
		box.Add(note(served))
		box.Add(widget.NewSeparator())
	}
	if len(v.r.Goals) == 0 {
		box.Add(muted("No active goals. Add them on the Goals screen."))
	}
	return box
}

func (v *reviewView) gapList() fyne.CanvasObject {
	box := container.NewVBox()
	for _, g := range v.r.Gaps {
		who := participantNames(g.CoveredBy)
		cover := widget.NewLabel("covered by " + moreNames(who, len(g.CoveredBy), ", "))
		if len(who) == 0 {
			cover.SetText("no coach or mentor covers it")
			cover.Importance = widget.WarningImportance
		}
		cover.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, fixedWidth(wrappedBold(g.Gap), 150), nil, cover))
	}
	return orNote(box, "No gaps in your profile. Name them in your profile to see who covers them.")
}

// servedRunes bounds the summary of each interaction a goal lists: the
// line is a reminder, and the whole summary is on the person's page.
const servedRunes = 120

// nameLimit bounds the names a line lists: a circle of hundreds reads as
// its first dozen and a count.
const nameLimit = 12

// participantNames returns the first nameLimit names.
func participantNames(ps []crm.Participant) []string {
	var out []string
	for i, p := range ps {
		if i == nameLimit {
			break
		}
		out = append(out, p.Name)
	}
	return out
}

// moreNames joins names, saying how many of total were left out.
func moreNames(names []string, total int, sep string) string {
	s := strings.Join(names, sep)
	if total > len(names) {
		s += fmt.Sprintf(" and %d more", total-len(names))
	}
	return s
}

// note is secondary text that wraps, in the muted colour.
func note(s string) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: s,
		Style: widget.RichTextStyle{ColorName: colorMuted, SizeName: theme.SizeNameCaptionText}})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// warnList lists names in the warning colour, or says there are none.
func warnList(names []string, none string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, n := range names {
		l := wrapped("• " + n)
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	if len(names) == 0 {
		box.Add(muted(none))
	}
	return box
}
