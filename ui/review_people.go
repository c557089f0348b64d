package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// reviewPeople is the review's Relationships tab: a virtual table of the
// relationships of the quarter, the first reviewPage of them and the rest
// a page at a time on "Show more" (a book of 50,000 people reviews its
// first hundred without laying out the others), and under it the chosen
// one's exchanges and the decision about them.
type reviewPeople struct {
	v      *reviewView
	root   fyne.CanvasObject
	search *field
	filter *widget.Select
	count  *canvas.Text
	more   *widget.Button
	table  *widget.Table
	detail *fyne.Container

	choice   map[review.DecisionKind]*widget.Button
	choices  *fyne.Container
	selected review.DecisionKind // the decision the panel shows
	note     *field
	hint     *widget.RichText

	r       *review.Review
	rows    []int // indexes into r.Contacts, filtered and sorted
	shown   int   // how many of rows the table shows
	sortCol int
	sortAsc bool
	chosen  int64
	filling bool // set while the detail is filled, so no change is recorded
}

// A column of the relationships table.
type peopleColumn struct {
	title string
	width float32
	text  func(c *review.Relationship, v *reviewView) string
	key   func(c *review.Relationship) int // sort key; nil sorts by text
}

// The columns the table treats apart.
const (
	colName     = 0
	colRoles    = 1
	colBalance  = 7
	colFlags    = 8
	colDecision = 9
)

var peopleColumns = []peopleColumn{
	{"Name", 156, func(c *review.Relationship, _ *reviewView) string { return c.Name }, nil},
	{"Roles", 124, nil, func(c *review.Relationship) int { return len(c.Roles) }},
	{"Interactions", 100, func(c *review.Relationship, _ *reviewView) string { return strconv.Itoa(c.Interactions) },
		func(c *review.Relationship) int { return c.Interactions }},
	{"Time", 66, func(c *review.Relationship, _ *reviewView) string { return review.Hours(c.Minutes) },
		func(c *review.Relationship) int { return c.Minutes }},
	{"Last contact", 98, func(c *review.Relationship, v *reviewView) string { return shortDate(c.LastContact, v.today) },
		func(c *review.Relationship) int { return int(c.LastContact.Time().Unix() / 86400) }},
	{"Kept / missed", 112, func(c *review.Relationship, _ *reviewView) string {
		return fmt.Sprintf("%d / %d", c.CheckinsKept, c.CheckinsMissed)
	}, func(c *review.Relationship) int { return c.CheckinsMissed*1000 - c.CheckinsKept }},
	{"Gave / got", 86, func(c *review.Relationship, _ *reviewView) string { return fmt.Sprintf("%d / %d", c.Gave, c.Received) },
		func(c *review.Relationship) int { return c.Gave + c.Received }},
	{"Balance", 68, func(c *review.Relationship, _ *reviewView) string { return signedText(c.Balance) },
		func(c *review.Relationship) int { return c.Balance }},
	{"Flags", 96, func(c *review.Relationship, _ *reviewView) string { return flagText(c) },
		func(c *review.Relationship) int { return len(c.Flags) }},
	{"Decision", 108, func(c *review.Relationship, v *reviewView) string { return v.decisionText(c.ID) }, nil},
}

// The filters of the table.
var peopleFilters = []string{"Everyone", "Neglected", "Taking more than giving", "New this quarter", "With a decision", "Archived"}

func newReviewPeople(v *reviewView) *reviewPeople {
	p := &reviewPeople{v: v, count: muted(""), sortAsc: true, detail: container.NewStack()}
	p.search = v.m.entry("Find someone in this review")
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = func(string) { p.refilter() }
	p.filter = widget.NewSelect(peopleFilters, func(string) { p.refilter() })
	p.filter.Selected = peopleFilters[0]
	p.more = widget.NewButton("Show more", p.showMore)
	p.more.Hide()
	p.table = widget.NewTableWithHeaders(func() (int, int) { return p.shownRows(), len(peopleColumns) }, p.newCell, p.updateCell)
	p.table.ShowHeaderColumn = false
	p.table.StickyColumnCount = 1
	p.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	p.table.UpdateHeader = p.updateHeader
	for i, c := range peopleColumns {
		p.table.SetColumnWidth(i, c.width)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < p.shownRows() {
			p.choose(p.r.Contacts[p.rows[id.Row]].ID)
		}
	}
	p.newDecisionButtons()
	p.note = v.m.multiEntry("Why, and what next")
	p.note.SetMinRowsVisible(2)
	p.note.OnChanged = func(string) { p.onNote() }
	p.hint = note("")
	p.showDetail(nil)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(p.count), p.more, fixedWidth(p.filter, 210)), p.search)
	top := container.NewBorder(container.NewPadded(bar), nil, nil, nil, p.table)
	split := container.NewVSplit(top, container.NewPadded(p.detail))
	split.SetOffset(0.58)
	p.root = split
	return p
}

// show puts a freshly computed review in the table; on the same quarter
// the chosen person stays chosen.
func (p *reviewPeople) show(r *review.Review, sameQuarter bool) {
	p.r = r
	if !sameQuarter {
		p.chosen = 0
	}
	p.refilter()
	if p.chosen != 0 {
		p.showDetail(r.Relationship(p.chosen))
	} else {
		p.showDetail(nil)
	}
}

// refilter applies the search, the filter and the sort to the table.
func (p *reviewPeople) refilter() {
	if p.r == nil {
		return
	}
	find := crm.NameKey(p.search.Text)
	p.rows = p.rows[:0]
	for i := range p.r.Contacts {
		c := &p.r.Contacts[i]
		if find != "" && !strings.Contains(crm.NameKey(c.Name), find) {
			continue
		}
		if p.keep(c) {
			p.rows = append(p.rows, i)
		}
	}
	p.sortRows()
	p.shown = reviewPage
	p.paged()
	p.table.UnselectAll()
}

// reviewPage is how many relationships the table shows at first, and how
// many more each "Show more" adds.
const reviewPage = 100

// shownRows is how many rows the table has: the page shown so far.
func (p *reviewPeople) shownRows() int { return min(p.shown, len(p.rows)) }

// showMore adds the next page of relationships to the table.
func (p *reviewPeople) showMore() {
	p.shown += reviewPage
	p.paged()
}

// paged says how many relationships are shown of how many, and offers the
// next page while there is one.
func (p *reviewPeople) paged() {
	n := len(p.rows)
	p.count.Text = plural(n, "person", "people")
	if shown := p.shownRows(); shown < n {
		p.count.Text = fmt.Sprintf("%d of %s", shown, p.count.Text)
		p.more.SetText(fmt.Sprintf("Show %d more", min(reviewPage, n-shown)))
		p.more.Show()
	} else {
		p.more.Hide()
	}
	p.count.Refresh()
	p.table.Refresh()
}

func (p *reviewPeople) keep(c *review.Relationship) bool {
	switch p.filter.Selected {
	case "Neglected":
		return c.Has(review.FlagNeglected)
	case "Taking more than giving":
		return c.Has(review.FlagTakingMore)
	case "New this quarter":
		return c.Has(review.FlagNew)
	case "With a decision":
		return p.v.decisionText(c.ID) != ""
	case "Archived":
		return c.Archived
	}
	return true
}

// filterBy shows the table filtered on a flag.
func (p *reviewPeople) filterBy(f string) {
	p.v.tabs.SelectIndex(1)
	p.search.SetText("")
	switch review.Flag(f) {
	case review.FlagNeglected:
		p.filter.SetSelected("Neglected")
	case review.FlagTakingMore:
		p.filter.SetSelected("Taking more than giving")
	}
}

func (p *reviewPeople) sortRows() {
	col := peopleColumns[p.sortCol]
	cs := p.r.Contacts
	slices.SortStableFunc(p.rows, func(a, b int) int {
		var n int
		switch {
		case p.sortCol == colName:
			// The review lists people in name order already.
		case col.key != nil:
			n = cmp.Compare(col.key(&cs[a]), col.key(&cs[b]))
		case col.text != nil:
			n = strings.Compare(crm.NameKey(col.text(&cs[a], p.v)), crm.NameKey(col.text(&cs[b], p.v)))
		}
		if n == 0 {
			n = a - b // the review's name order
		}
		if !p.sortAsc {
			return -n
		}
		return n
	})
}

// sortBy sorts on a column; the same column again reverses the order.
func (p *reviewPeople) sortBy(col int) {
	if p.sortCol == col {
		p.sortAsc = !p.sortAsc
	} else {
		// Figures read best largest first; names from A.
		p.sortCol, p.sortAsc = col, col == colName
	}
	p.refilter()
}

func (p *reviewPeople) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	b.Text = peopleColumns[id.Col].title
	b.Icon = nil
	if id.Col == p.sortCol {
		b.Icon = theme.MenuDropDownIcon()
		if p.sortAsc {
			b.Icon = theme.MenuDropUpIcon()
		}
	}
	col := id.Col
	b.OnTapped = func() { p.sortBy(col) }
	b.Refresh()
}

// A cell is a label, or the role chips in the roles column.
func (p *reviewPeople) newCell() fyne.CanvasObject {
	chips := container.NewHBox(newChip("mentor", roleColor(crm.RoleMentor)), newChip("coach", roleColor(crm.RoleCoach)))
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(label, container.NewPadded(chips))
}

func (p *reviewPeople) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= p.shownRows() {
		return
	}
	c := &p.r.Contacts[p.rows[id.Row]]
	box := o.(*fyne.Container)
	label := box.Objects[0].(*widget.Label)
	chipBox := box.Objects[1].(*fyne.Container)
	if id.Col == colRoles {
		label.Hide()
		chipBox.Show()
		setRoleChips(chipBox.Objects[0].(*fyne.Container), c)
		return
	}
	chipBox.Hide()
	label.Show()
	label.Importance = cellImportance(id.Col, c)
	label.TextStyle.Bold = id.Col == colName
	label.SetText(peopleColumns[id.Col].text(c, p.v))
}

// setRoleChips shows a relationship's roles (or "archived") in the chips
// of a cell, hiding the spare ones.
func setRoleChips(box *fyne.Container, c *review.Relationship) {
	var labels []string
	if c.Archived {
		labels = append(labels, "archived")
	}
	for _, r := range c.Roles {
		labels = append(labels, string(r))
	}
	for len(box.Objects) < len(labels) {
		box.Add(newChip("", archivedColor))
	}
	for i, o := range box.Objects {
		ch := o.(*chip)
		if i >= len(labels) {
			ch.Hide()
			continue
		}
		fill := color.Color(archivedColor)
		if labels[i] != "archived" {
			fill = roleColor(crm.RoleKind(labels[i]))
		}
		ch.set(labels[i], fill)
		ch.Show()
	}
}

func cellImportance(col int, c *review.Relationship) widget.Importance {
	switch {
	case col == colBalance && c.Balance < 0:
		return widget.WarningImportance
	case col == colBalance && c.Balance > 0:
		return widget.SuccessImportance
	case col == colFlags && (c.Has(review.FlagNeglected) || c.Has(review.FlagTakingMore)):
		return widget.WarningImportance
	case col == colFlags:
		return widget.SuccessImportance
	case col == colDecision:
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// flagText writes a relationship's flags as words.
func flagText(c *review.Relationship) string {
	words := map[review.Flag]string{review.FlagNeglected: "neglected", review.FlagTakingMore: "taking more", review.FlagNew: "new"}
	var out []string
	for _, f := range c.Flags {
		out = append(out, words[f])
	}
	return strings.Join(out, ", ")
}

// decisionText is the draft decision about a contact, as the table shows it.
func (v *reviewView) decisionText(id int64) string {
	d, ok := v.draft.DecisionFor(id)
	if !ok || d.Decision == "" {
		return ""
	}
	if d.Decision == review.End && d.AppliedOn.IsZero() {
		return "end (pending)"
	}
	return string(d.Decision)
}

// reveal shows a contact's row and detail, clearing the search and filter.
func (p *reviewPeople) reveal(id int64) {
	p.v.tabs.SelectIndex(1)
	if p.search.Text != "" || p.filter.Selected != peopleFilters[0] {
		p.search.SetText("")
		p.filter.SetSelected(peopleFilters[0])
	}
	for row, i := range p.rows {
		if p.r.Contacts[i].ID == id {
			if row >= p.shown { // on a page not shown yet: show up to it
				p.shown = (row/reviewPage + 1) * reviewPage
				p.paged()
			}
			p.table.ScrollTo(widget.TableCellID{Row: row, Col: colName})
			p.table.Select(widget.TableCellID{Row: row, Col: colName})
			return
		}
	}
	p.choose(id)
}

// choose shows one relationship under the table.
func (p *reviewPeople) choose(id int64) {
	p.chosen = id
	p.showDetail(p.r.Relationship(id))
}

// decided refreshes the table after a decision changed.
func (p *reviewPeople) decided(int64) { p.table.Refresh() }
