package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

const noneChoice = "(none)"

// logForm records an interaction: who (people, or a circle with the absent
// unticked), when, how, what about, and what was given and received. The
// same form corrects one already logged (see logedit.go).
type logForm struct {
	*formDialog
	// editing is the interaction being corrected, as loaded; nil when logging.
	editing  *crm.Interaction
	del      *widget.Button // Delete, when editing
	picker   *peoplePicker
	circle   *widget.Select
	circles  []*crm.Circle
	members  *widget.CheckGroup
	memberID map[string]int64 // by label: two members may share a name
	kind     *widget.Select
	date     *dateField
	minutes  *field
	summary  *field
	notes    *field
	goal     *widget.Select
	goals    []*crm.Goal // the active ones, in the order offered
	lines    []*exchangeLine
	linesBox *fyne.Container
	agenda   *agendaPanel // what was prepared for the session (logform_agenda.go)
}

// exchangeLine is one "I gave" or "I received" row of the log form.
type exchangeLine struct {
	dir     *widget.Select
	kind    *widget.Select
	with    *widget.Select
	withID  int64 // who the exchange was with; zero for everyone
	withIDs map[string]int64
	desc    *field
	promise *widget.Check
	due     *dateField // when the promise falls due (logform_promise.go)
	row     fyne.CanvasObject
	// orig holds, by contact, the stored exchanges an edited line came
	// from: their ids, dates, amounts and done days go back as they were.
	orig map[int64]crm.Exchange
}

func newLogForm(m *Main, with []crm.Participant, circleID int64) *logForm {
	return buildLogForm(m, with, circleID, nil)
}

// buildLogForm makes the form, empty to log an interaction or, given one
// already logged, to correct it: filled in once its choices have loaded.
func buildLogForm(m *Main, with []crm.Participant, circleID int64, editing *crm.Interaction) *logForm {
	f := &logForm{memberID: map[string]int64{}, linesBox: container.NewVBox(), editing: editing}
	f.agenda = newAgendaPanel(f)
	f.picker = newPeoplePicker(m, with, func() {
		if f.formDialog != nil { // not while the form is being built
			f.refreshWith()
			f.revalidate()
			f.agenda.follow(f.participants())
		}
	})
	f.circle = widget.NewSelect([]string{noneChoice}, f.onCircle)
	// One member a line: side by side, a big circle's members would make
	// the form thousands of pixels wide.
	f.members = widget.NewCheckGroup(nil, func([]string) { f.revalidate() })
	f.kind = widget.NewSelect(stringsOf(crm.InteractionKinds), nil)
	f.kind.SetSelected(string(crm.KindMeeting))
	f.date = m.dateEntry(m.st.Today(), false)
	f.minutes = m.entry("minutes")
	f.minutes.Validator = func(s string) error {
		_, err := crm.ParseMinutes(s)
		return err
	}
	f.summary = m.entry("What it was about")
	f.notes = m.multiEntry("Private notes")
	f.goal = widget.NewSelect([]string{noneChoice}, nil)
	f.goal.SetSelected(noneChoice)
	gave := widget.NewButtonWithIcon("I gave", theme.ContentAddIcon(), func() { f.addLine(m, crm.Gave) })
	got := widget.NewButtonWithIcon("I received", theme.ContentAddIcon(), func() { f.addLine(m, crm.Received) })
	form := widget.NewForm(
		widget.NewFormItem("With", f.picker.box),
		widget.NewFormItem("Circle", container.NewVBox(f.circle, f.members)),
		widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Minutes", f.minutes),
		widget.NewFormItem("Summary", f.summary),
		widget.NewFormItem("Agenda", f.agenda.box), // what was prepared, to tick
		widget.NewFormItem("Notes", f.notes),
		widget.NewFormItem("Served goal", f.goal),
		widget.NewFormItem("Exchanges", container.NewVBox(f.linesBox, container.NewHBox(gave, got))),
	)
	title, saveLabel := "Log interaction", "Log"
	if editing != nil {
		title, saveLabel = "Edit interaction", "Save"
	}
	f.formDialog = newFormDialog(m, title, saveLabel, form, fyne.NewSize(760, 680))
	f.first = f.picker.find
	f.saveWhen(f.problem, f.submit, f.date.field, f.minutes)
	if editing != nil {
		f.onSave = f.submitEdit
		f.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), f.confirmDelete)
		f.del.Importance = widget.DangerImportance
		f.left.Add(f.del)
	}
	f.loadChoices(circleID)
	f.agenda.follow(f.participants())
	return f
}

// loadChoices fills the circle and goal pickers.
func (f *logForm) loadChoices(circleID int64) {
	f.m.load(func(tx *store.Tx) error {
		var err error
		if f.circles, err = tx.Circles(); err != nil {
			return err
		}
		f.goals, err = tx.Goals()
		return err
	}, func() { f.settle(func() { f.applyChoices(circleID) }) })
}

// applyChoices offers the circles and the goals, picks the circle the
// form was opened for, and fills in the interaction being edited.
func (f *logForm) applyChoices(circleID int64) {
	f.circle.SetOptions(append([]string{noneChoice}, circleLabels(f.circles)...))
	// Active goals are offered; an edit also keeps the goal it served.
	f.goals = slices.DeleteFunc(f.goals, func(g *crm.Goal) bool {
		return g.Status != crm.GoalActive && (f.editing == nil || g.ID != f.editing.GoalID)
	})
	goals := []string{noneChoice}
	for _, g := range f.goals {
		goals = append(goals, g.Title)
	}
	f.goal.SetOptions(goals)
	for i, c := range f.circles {
		if c.ID == circleID {
			f.circle.SetSelectedIndex(i + 1)
		}
	}
	if f.editing != nil {
		f.fill(f.editing)
	}
}

// circleLabels names each circle, with its id when two share a name.
func circleLabels(cs []*crm.Circle) []string {
	var ps []crm.Participant
	for _, c := range cs {
		ps = append(ps, crm.Participant{ContactID: c.ID, Name: c.Name})
	}
	return personLabels(ps)
}

// personLabels names each person for a picker, cut to labelRunes, adding
// " (#id)" to names that read the same more than once, so two "Alex Kim"s
// stay two choices.
func personLabels(ps []crm.Participant) []string {
	count := map[string]int{}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = shorten(p.Name, labelRunes)
		count[out[i]]++
	}
	for i, p := range ps {
		if count[out[i]] > 1 {
			out[i] = fmt.Sprintf("%s (#%d)", out[i], p.ContactID)
		}
	}
	return out
}

// chosenCircle is the circle picked, or nil.
func (f *logForm) chosenCircle() *crm.Circle {
	if i := f.circle.SelectedIndex() - 1; i >= 0 && i < len(f.circles) {
		return f.circles[i]
	}
	return nil
}

// onCircle ticks every current member of the chosen circle; the user
// unticks whoever was absent.
func (f *logForm) onCircle(string) {
	f.memberID = map[string]int64{}
	var ps []crm.Participant
	if c := f.chosenCircle(); c != nil {
		for _, mb := range c.CurrentMembers() {
			ps = append(ps, crm.Participant{ContactID: mb.ContactID, Name: mb.Name})
		}
	}
	labels := personLabels(ps)
	for i, l := range labels {
		f.memberID[l] = ps[i].ContactID
	}
	f.members.Options = labels
	f.members.SetSelected(labels)
	f.members.Refresh()
	f.refreshWith()
	f.revalidate()
}

// participants are the picked people and the ticked circle members.
func (f *logForm) participants() []crm.Participant {
	out := append([]crm.Participant{}, f.picker.people...)
	seen := map[int64]bool{}
	for _, p := range out {
		seen[p.ContactID] = true
	}
	names := map[int64]string{}
	if c := f.chosenCircle(); c != nil {
		for _, mb := range c.CurrentMembers() {
			names[mb.ContactID] = mb.Name
		}
	}
	for _, label := range f.members.Selected {
		if id := f.memberID[label]; id != 0 && !seen[id] {
			seen[id] = true
			out = append(out, crm.Participant{ContactID: id, Name: names[id]})
		}
	}
	return out
}

const everyone = "everyone"

// participle words a direction after "what was": given, received.
var participle = map[crm.Direction]string{crm.Gave: "given", crm.Received: "received"}

// addLine adds an empty "I gave" or "I received" line and returns it.
func (f *logForm) addLine(m *Main, dir crm.Direction) *exchangeLine {
	l := &exchangeLine{}
	l.dir = widget.NewSelect([]string{string(crm.Gave), string(crm.Received)}, nil)
	l.dir.SetSelected(string(dir))
	l.kind = widget.NewSelect(stringsOf(crm.ExchangeKinds), nil)
	l.kind.SetSelected(string(crm.ExAdvice))
	l.with = widget.NewSelect([]string{everyone}, func(label string) { l.withID = l.withIDs[label] })
	l.with.SetSelected(everyone)
	l.desc = m.entry("What exactly")
	l.desc.OnChanged = func(string) { f.revalidate() }
	l.promise = widget.NewCheck("promise to keep", nil)
	due := l.promiseExtras(m, func() { f.revalidate() })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range f.lines {
			if x == l {
				f.lines = append(f.lines[:i], f.lines[i+1:]...)
			}
		}
		f.linesBox.Remove(l.row)
		f.revalidate()
	})
	remove.Importance = widget.LowImportance
	l.row = container.NewVBox(container.NewGridWithColumns(3, l.dir, l.kind, l.with),
		container.NewBorder(nil, nil, nil, container.NewHBox(l.promise, remove), l.desc), due)
	f.lines = append(f.lines, l)
	f.linesBox.Add(l.row)
	f.refreshWith()
	f.revalidate()
	return l
}

// refreshWith offers the current participants on each exchange line,
// keeping each line's person while they still take part.
func (f *logForm) refreshWith() {
	ps := f.participants()
	labels := personLabels(ps)
	ids := map[string]int64{}
	for i, l := range labels {
		ids[l] = ps[i].ContactID
	}
	for _, l := range f.lines {
		keep := everyone
		for i, p := range ps {
			if p.ContactID == l.withID {
				keep = labels[i]
			}
		}
		l.withIDs = ids
		l.with.SetOptions(append([]string{everyone}, labels...))
		l.with.SetSelected(keep)
		l.withID = ids[keep]
	}
}

// problem says why the interaction cannot be logged yet.
func (f *logForm) problem() string {
	if len(f.participants()) == 0 {
		return "With: pick at least one person or a circle"
	}
	if _, err := f.date.date(); err != nil {
		return "Date: " + err.Error()
	}
	if err := f.minutes.Validator(f.minutes.Text); err != nil {
		return "Minutes: " + err.Error()
	}
	for i, l := range f.lines {
		if strings.TrimSpace(l.desc.Text) == "" {
			return fmt.Sprintf("Exchange %d: say what was %s", i+1, participle[crm.Direction(l.dir.Selected)])
		}
		if _, err := l.due.date(); err != nil && l.promise.Checked {
			return fmt.Sprintf("Exchange %d: due: %s", i+1, err.Error())
		}
	}
	return ""
}

// interaction builds what the form describes.
func (f *logForm) interaction() *crm.Interaction {
	in := &crm.Interaction{Kind: crm.InteractionKind(f.kind.Selected), Summary: strings.TrimSpace(f.summary.Text),
		Notes: f.notes.Text, Participants: f.participants()}
	in.Date, _ = f.date.date()
	in.Minutes, _ = crm.ParseMinutes(f.minutes.Text)
	if c := f.chosenCircle(); c != nil {
		in.CircleID = c.ID
	}
	if i := f.goal.SelectedIndex() - 1; i >= 0 && i < len(f.goals) {
		in.GoalID = f.goals[i].ID
	}
	in.Exchanges = f.exchanges(in.Participants)
	return in
}

// exchanges turns the lines into exchanges: one for a line with someone,
// one per participant for a line with everyone. What the form does not
// show of an edited line's stored exchanges (id, date, amount, the day a
// promise was kept) goes back as it was, so saving an edit changes only
// what was changed.
func (f *logForm) exchanges(ps []crm.Participant) []crm.Exchange {
	var out []crm.Exchange
	for _, l := range f.lines {
		who := []int64{l.withID}
		if l.withID == 0 {
			who = who[:0]
			for _, p := range ps {
				who = append(who, p.ContactID)
			}
		}
		for _, id := range who {
			x := l.orig[id] // the zero Exchange for a new line
			x.ContactID, x.Contact = id, ""
			x.Direction, x.Kind = crm.Direction(l.dir.Selected), crm.ExchangeKind(l.kind.Selected)
			x.Description, x.Commitment = strings.TrimSpace(l.desc.Text), l.promise.Checked
			if !x.Commitment {
				x.DoneOn = crm.Date{}
			}
			out = append(out, x)
		}
	}
	return out
}

// submit logs the interaction. A date after today is most often a slip
// (2027 for 2026), so it asks first, as the command line asks for --future;
// "Change the date" leaves the form open.
func (f *logForm) submit() {
	in := f.interaction()
	today := f.m.st.Today()
	if !in.Date.After(today) {
		f.record(in)
		return
	}
	f.m.ask("Log on a later day?",
		fmt.Sprintf("%s is after today (%s). An interaction logged ahead counts as contact once its day comes.",
			in.Date, today),
		"Log ahead", "Change the date", func() { f.record(in) })
}

// record saves the interaction, closes the form and offers to undo.
func (f *logForm) record(in *crm.Interaction) {
	m := f.m
	dues := f.dues(in.Participants)
	m.save(func(tx *store.Tx) error {
		if err := tx.LogInteraction(in); err != nil {
			return err
		}
		return f.afterLog(tx, in, dues)
	}, func() {
		f.close()
		m.bar.show("Logged "+about(in, m.st.Today())+".", func() {
			m.save(func(tx *store.Tx) error { return tx.DeleteInteraction(in.ID) }, nil)
		})
	})
}
