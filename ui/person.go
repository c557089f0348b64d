package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// timelineLimit is how many interactions a person's page loads at once;
// "Show older interactions" loads the next as many.
const timelineLimit = 100

// personPage shows everything about one person.
type personPage struct {
	m      *Main
	root   *fyne.Container
	d      *crm.ContactDetail
	today  crm.Date
	name   *widget.RichText
	events *fyne.Container // the timeline, for tests
	older  *widget.Button  // loads the next page of the timeline
	merge  *widget.Button  // opens the merge form
	// olderLeft says the timeline has interactions older than those shown.
	olderLeft bool
	// editor is the form a timeline entry last opened.
	editor *logForm
	// rel is the person's agreements; agreement their card (person_agreement.go).
	rel       *relationshipView
	agreement *agreementCard
}

func newPersonPage(m *Main) *personPage {
	p := &personPage{m: m, root: container.NewStack()}
	p.root.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(
		container.NewCenter(widget.NewIcon(theme.AccountIcon())),
		muted("Pick someone from the list to see their page.")))}
	return p
}

func (p *personPage) load(id int64) {
	var d *crm.ContactDetail
	var today crm.Date
	var rel *relationshipView
	p.m.load(func(tx *store.Tx) error {
		today = tx.Today()
		var err error
		// One more than a page tells whether older ones remain.
		if d, err = tx.ContactDetail(id, timelineLimit+1); err != nil {
			return err
		}
		rel, err = loadRelationship(tx, id)
		return err
	}, func() {
		d.Interactions, p.olderLeft = splitPage(d.Interactions)
		p.d, p.today, p.rel = d, today, rel
		p.render()
	})
}

func (p *personPage) render() {
	d := p.d
	// Two columns of cards when there is room, one under the other when the
	// window is narrow.
	body := container.NewVBox(p.header())
	if p.showsAgreement() { // what the relationship is for comes first
		body.Add(p.agreementCard())
	}
	body.Add(columns(2, p.checkInCard(), p.balanceCard(), p.metCard(), p.rolesCard()))
	body.Add(p.detailsCard())
	if len(d.OpenCommitments) > 0 {
		body.Add(p.commitmentsCard())
	}
	if len(d.Goals) > 0 || len(d.Gaps) > 0 {
		body.Add(p.goalsCard())
	}
	body.Add(p.timelineCard())
	p.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	p.root.Refresh()
}

func (p *personPage) header() fyne.CanvasObject {
	d := p.d
	p.name = wrappedTitle(d.Name)
	chips := roleChips(d.CurrentRoles())
	if d.Archived {
		chips.Add(newChip("archived", archivedColor))
	}
	sub := note(joinNonEmpty(" · ", d.Title, d.Company, d.Location))
	who := []crm.Participant{{ContactID: d.ID, Name: d.Name}}
	logBtn := widget.NewButtonWithIcon("Log interaction", theme.ContentAddIcon(), func() { p.m.LogInteraction(who, 0) })
	logBtn.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { newPersonForm(p.m, d.Contact).show() })
	archive := widget.NewButtonWithIcon("Archive", theme.DeleteIcon(), p.confirmArchive)
	if d.Archived {
		archive = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { p.setArchived(false) })
	}
	archive.Importance = widget.LowImportance
	text := container.NewVBox(tight(p.name), container.NewHBox(chips), tight(sub), flow(logBtn, edit, archive))
	return card(container.NewBorder(nil, nil, container.NewVBox(avatar(d.Name, d.CurrentRoles(), 56)), nil, text))
}

// kv is a label and its value on one line; a long value wraps under
// itself, and a label of the user's (a channel's) is cut short.
func kv(k, v string) fyne.CanvasObject {
	value := widget.NewLabelWithStyle(v, fyne.TextAlignTrailing, fyne.TextStyle{})
	value.Wrapping = fyne.TextWrapWord
	key := muted(shorten(k, kvLabelRunes))
	// Level with the value's first line, however many lines it wraps to.
	line := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	top := theme.InnerPadding() + (line-key.MinSize().Height)/2
	left := container.New(layout.NewCustomPaddedLayout(top, 0, 0, 0), container.NewVBox(key))
	return container.NewBorder(nil, nil, left, nil, value)
}

// kvLabelRunes bounds the label of a kv line.
const kvLabelRunes = 24

func (p *personPage) checkInCard() fyne.CanvasObject {
	d := p.d
	cadence := crm.EveryDays(d.CadenceDays)
	if d.Contact.CadenceDays == 0 && d.CadenceDays > 0 {
		cadence += " (role default)"
	}
	next := "—"
	if !d.NextDue.IsZero() {
		next = shortDate(d.NextDue, p.today) + ", " + relDay(d.NextDue, p.today)
	}
	box := container.NewVBox(kv("Cadence", cadence), kv("Last contact", relDay(d.LastContact, p.today)), kv("Next check-in", next))
	if !d.SnoozedUntil.IsZero() && d.SnoozedUntil.After(p.today) {
		box.Add(kv("Snoozed until", shortDate(d.SnoozedUntil, p.today)))
	}
	return titledCard("Check-in", box)
}

func (p *personPage) balanceCard() fyne.CanvasObject {
	d := p.d
	big := func(n int, label string, dir crm.Direction) fyne.CanvasObject {
		t := canvas.NewText(fmt.Sprint(n), directionColor(dir))
		t.TextSize = 28
		t.TextStyle.Bold = true
		return container.NewVBox(container.NewCenter(t), container.NewCenter(muted(label)))
	}
	return titledCard("Give & receive · 12 months", container.NewVBox(
		container.NewGridWithColumns(2, big(d.Gave12m, "given", crm.Gave), big(d.Received12m, "received", crm.Received)),
		container.NewCenter(muted(balanceNote(d.Gave12m, d.Received12m)))))
}

// balanceNote says who gave more. There is no tolerance: "Balanced" is
// said only of equal counts, since with the few exchanges a year most
// relationships have, one more either way is worth seeing. Twice as much
// and more besides is called out more strongly.
func balanceNote(gave, received int) string {
	switch {
	case gave == 0 && received == 0:
		return "Nothing exchanged yet"
	case gave == received:
		return "Balanced"
	case gave > 2*received+1:
		return "You give much more than you receive"
	case gave > received:
		return "You gave more"
	case received > 2*gave+1:
		return "Time to give something back?"
	}
	return "They gave more"
}

func (p *personPage) metCard() fyne.CanvasObject {
	d := p.d
	box := container.NewVBox()
	if d.Source != "" {
		box.Add(kv("Source", string(d.Source)))
	}
	if !d.MetOn.IsZero() {
		box.Add(kv("Met", shortDate(d.MetOn, p.today)))
	}
	if d.ReferredByName != "" {
		box.Add(kv("Introduced by", d.ReferredByName))
	}
	if d.SourceDetail != "" {
		box.Add(wrapped(d.SourceDetail))
	}
	return titledCard("How you met", orNote(box, "Not recorded. Edit to add how you met."))
}

func (p *personPage) detailsCard() fyne.CanvasObject {
	d := p.d
	box := container.NewVBox()
	for _, ch := range d.Channels {
		label := string(ch.Kind)
		if ch.Label != "" {
			label = ch.Label
		}
		box.Add(kv(label, ch.Value))
	}
	if !d.Birthday.IsZero() {
		box.Add(kv("Birthday", d.Birthday.Time().Format("2 January")))
	}
	if len(d.Circles) > 0 {
		box.Add(kv("Circles", strings.Join(d.Circles, ", ")))
	}
	if d.Notes != "" {
		box.Add(wrapped(d.Notes))
	}
	// Merging sits here rather than in the header, whose buttons already
	// fill a narrow window: it is the place to notice a second email.
	p.merge = widget.NewButtonWithIcon("Merge with…", theme.ContentCopyIcon(), func() { p.mergeWith() })
	p.merge.Importance = widget.LowImportance
	twice := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(muted("Entered twice?")), p.merge))
	return titledCard("Details", container.NewVBox(orNote(box, "No details yet."), twice))
}

func (p *personPage) rolesCard() fyne.CanvasObject {
	box := container.NewVBox()
	for i := len(p.d.Roles) - 1; i >= 0; i-- {
		r := p.d.Roles[i]
		when := "since " + shortDate(r.Since, p.today)
		c := roleChip(r.Kind)
		if !r.Until.IsZero() {
			when = shortDate(r.Since, p.today) + " – " + shortDate(r.Until, p.today)
			c.set(string(r.Kind), archivedColor)
		}
		box.Add(container.NewBorder(nil, nil, container.NewCenter(c), nil, widget.NewLabel(when)))
	}
	return titledCard("Roles", orNote(box, "No roles. Edit to add one."))
}

func (p *personPage) commitmentsCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, x := range p.d.OpenCommitments {
		done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { keepPromise(p.m, x, nil) })
		box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(done), // at the top of a long description
			container.NewVBox(wrapped(x.Description), muted(string(x.Kind)+" · promised "+relDay(x.Date, p.today)))))
	}
	return titledCard("Open commitments", box)
}

// goalsCard lists the goals and the gaps the person helps with.
func (p *personPage) goalsCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, g := range p.d.Goals {
		box.Add(container.NewBorder(nil, nil, nil, muted(string(g.Status)), wrapped(g.Title)))
	}
	for _, g := range p.d.Gaps {
		box.Add(container.NewBorder(nil, nil, nil, muted("gap"), wrapped(g.Text)))
	}
	return titledCard("Helps with", box)
}

func (p *personPage) timelineCard() fyne.CanvasObject {
	p.events = container.NewVBox()
	p.older = widget.NewButtonWithIcon("Show older interactions", theme.MoveDownIcon(), p.loadOlder)
	p.older.Importance = widget.LowImportance
	p.showRows(p.d.Interactions)
	if len(p.d.Interactions) == 0 {
		p.events.Add(muted("No interactions yet. Log one to start the timeline."))
	}
	return titledCard("Timeline", container.NewVBox(p.events, p.older))
}

// splitPage cuts a page loaded one longer than timelineLimit back to the
// limit; the extra interaction only says that older ones remain.
func splitPage(page []*crm.Interaction) ([]*crm.Interaction, bool) {
	return page[:min(len(page), timelineLimit)], len(page) > timelineLimit
}

// showRows appends rows for interactions to the timeline and offers the
// next page while older ones remain.
func (p *personPage) showRows(ins []*crm.Interaction) {
	rows := make([]fyne.CanvasObject, 0, len(ins))
	for _, in := range ins {
		rows = append(rows, p.timelineEntry(in))
	}
	// Set at once: each Add would lay the column out again.
	p.events.Objects = append(p.events.Objects, rows...)
	p.events.Refresh()
	p.older.Enable()
	if p.olderLeft {
		p.older.Show()
	} else {
		p.older.Hide()
	}
}

// timelineEntry is one interaction of the timeline: tapping it, or its
// edit button, opens the interaction to correct or delete.
func (p *personPage) timelineEntry(in *crm.Interaction) fyne.CanvasObject {
	open := func() { editInteraction(p.m, in.ID, func(f *logForm) { p.editor = f }) }
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), open)
	edit.Importance = widget.LowImportance
	return newTapArea(container.NewBorder(nil, nil, nil, container.NewVBox(edit), interactionRow(in, p.d.ID, p.today)), open)
}

// loadOlder reads the page after the interactions shown, off the UI
// goroutine, and appends it, unless another page has opened meanwhile.
func (p *personPage) loadOlder() {
	d, offset := p.d, len(p.d.Interactions)
	p.older.Disable() // one tap, one page
	var page []*crm.Interaction
	p.m.load(func(tx *store.Tx) (err error) {
		page, err = tx.Timeline(d.ID, timelineLimit+1, offset)
		return err
	}, func() {
		if p.d != d {
			return
		}
		page, p.olderLeft = splitPage(page)
		d.Interactions = append(d.Interactions, page...)
		p.showRows(page)
	})
}

// interactionRow shows one interaction: when, how, with whom, and what was
// given and received. self is left out of the list of people.
// withNames bounds the names an interaction row lists.
const withNames = 6

func interactionRow(in *crm.Interaction, self int64, today crm.Date) fyne.CanvasObject {
	meta := shortDate(in.Date, today) + " · " + string(in.Kind)
	if in.Minutes > 0 {
		meta += fmt.Sprintf(" · %d min", in.Minutes)
	}
	if in.Circle != "" {
		meta += " · " + in.Circle
	}
	var others []string
	for _, pt := range in.Participants {
		if pt.ContactID != self {
			others = append(others, pt.Name)
		}
	}
	if len(others) > withNames { // a big circle's meeting has hundreds
		others = append(others[:withNames], fmt.Sprintf("%d others", len(others)-withNames))
	}
	if len(others) > 0 {
		meta += " · with " + strings.Join(others, ", ")
	}
	summary := in.Summary
	if summary == "" {
		summary = "(no summary)"
	}
	facts := cutLines(muted(meta))
	if in.Goal != "" {
		facts.Add(muted("Served: " + in.Goal))
	}
	box := container.NewVBox(wrappedBold(summary), facts)
	if in.Notes != "" {
		box.Add(wrapped(in.Notes))
	}
	shown := map[string]bool{} // an exchange with everyone is stored once per participant
	for _, x := range in.Exchanges {
		key := string(x.Direction) + "\x00" + string(x.Kind) + "\x00" + x.Description
		if (self != 0 && x.ContactID != self) || (self == 0 && shown[key]) {
			continue
		}
		shown[key] = true
		box.Add(exchangeText(x))
	}
	box.Add(widget.NewSeparator())
	return box
}

// exchangeText is an exchange's sentence in the colour of its direction;
// it wraps, as its description is the user's.
func exchangeText(x crm.Exchange) fyne.CanvasObject {
	c := colorGave
	if x.Direction == crm.Received {
		c = colorReceived
	}
	return tight(wrappedRich(exchangeSentence(x), widget.RichTextStyle{ColorName: c, SizeName: theme.SizeNameText}))
}

func (p *personPage) confirmArchive() {
	d := p.d
	p.m.ask("Archive "+shorten(d.Name, titleRunes)+"?",
		"They leave your lists and check-ins. Their history stays, and you can restore them from People › archived.",
		"Archive", "", func() { p.setArchived(true) })
}

func (p *personPage) setArchived(archived bool) {
	id, name := p.d.ID, p.d.Name
	p.m.save(func(tx *store.Tx) error { return tx.SetArchived(id, archived) }, func() {
		if !archived {
			p.m.bar.show("Restored "+name+".", nil)
			return
		}
		p.m.bar.show("Archived "+name+".", func() {
			p.m.save(func(tx *store.Tx) error { return tx.SetArchived(id, false) }, nil)
		})
	})
}
