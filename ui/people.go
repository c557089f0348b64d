package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// pageSize is how many rows of the people list one query loads. The list
// is virtual: only the pages on screen are ever loaded, so 50,000 people
// scroll as smoothly as fifty.
const pageSize = 100

// keepPages bounds the pages held in memory while scrolling far.
const keepPages = 12

// peopleView is the People screen: a searchable, filterable virtual list on
// the left and the selected person's page on the right.
type peopleView struct {
	m        *Main
	root     fyne.CanvasObject
	search   *field
	filters  map[string]*widget.Button
	sort     *widget.Select
	count    *canvas.Text
	countRow *fyne.Container
	list     *widget.List
	listArea *fyne.Container // the people list, or the duplicates in their place
	dups     *duplicatesList
	dupMode  bool // the "duplicates" filter is on
	page     *personPage
	*pager[crm.ContactSummary]

	filter crm.ContactFilter
	chosen int64
}

// filterNames are the chips over the list: everyone, a role, the archived,
// or the pairs of possible duplicates.
var filterNames = []string{"all", "coach", "mentor", "circle", "coachee", "mentee", "archived", dupFilter}

// dupFilter is the chip that lists possible duplicates instead of people.
const dupFilter = "duplicates"

var sortNames = map[string]crm.SortOrder{"Name": crm.SortByName, "Next check-in": crm.SortByNextDue, "Last contact": crm.SortByLastContact}

func newPeopleView(m *Main) *peopleView {
	v := &peopleView{m: m, filter: crm.ContactFilter{Sort: crm.SortByName}, count: muted("")}
	v.pager = newPager[crm.ContactSummary](m, pageSize, keepPages, func() { v.list.Refresh() })
	v.search = m.entry("Search name, company, title, email, notes")
	v.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	v.search.OnChanged = func(string) { m.debounce(v.applySearch) }
	v.search.OnSubmitted = func(string) { v.openOnly() }
	v.filters = map[string]*widget.Button{}
	chips := container.NewGridWithColumns(4)
	for _, name := range filterNames {
		b := widget.NewButton(name, func() { v.setFilter(name) })
		v.filters[name] = b
		chips.Add(b)
	}
	v.sort = widget.NewSelect([]string{"Name", "Next check-in", "Last contact"}, func(s string) {
		if v.filter.Sort != sortNames[s] {
			v.filter.Sort = sortNames[s]
			v.refilter()
		}
	})
	v.sort.SetSelected("Name")
	v.list = widget.NewList(func() int { return v.total }, v.newRow, v.updateRow)
	v.list.OnSelected = v.onSelected
	v.page = newPersonPage(m)
	v.dups = newDuplicatesList(m, v.open, v.showDuplicateCount)
	v.listArea = container.NewStack(v.list)
	v.markFilter("all")
	v.countRow = container.NewBorder(nil, nil, container.NewCenter(v.count), container.NewHBox(widget.NewLabel("Sort"), v.sort))
	header := container.NewVBox(
		container.NewBorder(nil, nil, screenTitle("People"), nil),
		v.search,
		chips,
		v.countRow,
	)
	left := container.NewBorder(container.NewPadded(header), nil, nil, nil, v.listArea)
	split := container.NewHSplit(left, v.page.root)
	split.SetOffset(0.34)
	v.root = split
	return v
}

func (v *peopleView) view() fyne.CanvasObject { return v.root }

// reload re-reads the list (keeping the scroll place) and the open page.
func (v *peopleView) reload() {
	if v.dupMode {
		v.dups.reload()
	} else {
		v.refilter()
	}
	if v.chosen != 0 {
		v.page.load(v.chosen)
	}
}

func (v *peopleView) applySearch() {
	if v.dupMode && v.search.Text != "" {
		v.filter.Search = v.search.Text
		v.setFilter("all") // typing a name searches people again
		return
	}
	if v.filter.Search != v.search.Text {
		v.filter.Search = v.search.Text
		v.refilter()
	}
}

// openOnly searches at once, on Enter, not after the typing pause, and
// opens the person found when there is exactly one.
func (v *peopleView) openOnly() {
	v.filter.Search = v.search.Text
	v.refilterThen(func() {
		if v.total == 1 {
			v.list.Select(0)
		}
	})
}

func (v *peopleView) setFilter(name string) {
	v.filter.Role, v.filter.Archived = "", false
	v.showDuplicates(name == dupFilter)
	if v.dupMode {
		v.markFilter(name)
		v.dups.reload()
		return
	}
	switch name {
	case "all":
	case "archived":
		v.filter.Archived = true
	default:
		v.filter.Role = crm.RoleKind(name)
	}
	v.markFilter(name)
	v.refilter()
}

func (v *peopleView) markFilter(name string) { highlight(v.filters, name, widget.LowImportance) }

// sortBy switches the list's order.
func (v *peopleView) sortBy(o crm.SortOrder) {
	for label, s := range sortNames {
		if s == o {
			v.sort.SetSelected(label)
		}
	}
}

// refilter counts the people the filter selects and loads the first page,
// in one background read; results of an older filter are dropped.
func (v *peopleView) refilter() { v.refilterThen(nil) }

// refilterThen is refilter, running then (when given) once the first page
// is in.
func (v *peopleView) refilterThen(then func()) {
	f := v.filter
	v.pager.reload(func(tx *store.Tx) (int, error) { return tx.CountContacts(f) },
		func(tx *store.Tx, limit, offset int) ([]crm.ContactSummary, error) {
			page := f
			page.Limit, page.Offset = limit, offset
			return tx.ListContacts(page)
		}, func() {
			if v.dupMode { // the count row speaks for the duplicates list
				v.list.Refresh()
				return
			}
			v.count.Text = plural(v.total, "person", "people")
			if f.Archived {
				v.count.Text += " archived"
			}
			v.countRow.Refresh() // lay out again: the count's width changed
			v.list.UnselectAll()
			v.list.Refresh()
			if then != nil {
				then()
			}
		})
}

// A list row: avatar, name with role chips, company and title, and when the
// next check-in is due.
func (v *peopleView) newRow() fyne.CanvasObject {
	chips := container.NewHBox()
	for range crm.Roles {
		chips.Add(newChip("", archivedColor))
	}
	name := bold("Name")
	name.Truncation = fyne.TextTruncateEllipsis
	sub := muted("")
	due := muted("")
	text := container.NewVBox(container.NewBorder(nil, nil, nil, chips, name), cutLines(sub))
	row := container.NewBorder(nil, nil, container.NewCenter(avatar("", nil, 34)), container.NewCenter(due), text)
	// The list's scroll bar is drawn over the right edge of its rows: keep
	// the due text clear of it.
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.ScrollBarSize()), row)
}

func (v *peopleView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	s, ok := v.row(i)
	b := o.(*fyne.Container).Objects[0].(*fyne.Container)
	text := b.Objects[0].(*fyne.Container)
	line := text.Objects[0].(*fyne.Container)
	name := line.Objects[0].(*widget.Label)
	chips := line.Objects[1].(*fyne.Container)
	subLine := text.Objects[1].(*fyne.Container)
	sub := subLine.Objects[0].(*canvas.Text)
	av := b.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	due := b.Objects[2].(*fyne.Container).Objects[0].(*canvas.Text)
	if !ok {
		name.SetText("…")
		sub.Text, due.Text = "", ""
		chips.Hide()
		sub.Refresh()
		due.Refresh()
		return
	}
	name.SetText(s.Name)
	setAvatar(av, s.Name, s.Roles)
	sub.Text = joinNonEmpty(" · ", s.Title, s.Company)
	subLine.Refresh() // cuts the new text to the row's width
	for j, c := range chips.Objects {
		ch := c.(*chip)
		switch {
		case j < len(s.Roles):
			ch.set(string(s.Roles[j]), roleColor(s.Roles[j]))
			ch.Show()
		case j == len(s.Roles) && s.Archived:
			ch.set("archived", archivedColor)
			ch.Show()
		default:
			ch.Hide()
		}
	}
	chips.Show()
	due.Text, due.Color = "", themed(colorMuted)
	if !s.NextDue.IsZero() {
		due.Text = relDay(s.NextDue, v.today)
		if s.NextDue.Before(v.today) {
			due.Text, due.Color = lateness(s.NextDue.DaysUntil(v.today)), themed(colorLate)
		}
	}
	due.Refresh()
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

func (v *peopleView) onSelected(i widget.ListItemID) {
	if s, ok := v.row(i); ok {
		v.chosen = s.ID
		v.page.load(s.ID)
	}
}

// open shows a person's page, whether or not they are in the list.
func (v *peopleView) open(id int64) {
	v.chosen = id
	v.page.load(id)
}

// showDuplicates puts the duplicates list in the people list's place, or
// the people list back.
func (v *peopleView) showDuplicates(on bool) {
	v.dupMode = on
	shown := fyne.CanvasObject(v.list)
	v.sort.Show()
	if on {
		shown = v.dups.list
		v.sort.Hide() // pairs come by reason, not by a sort order
	}
	v.listArea.Objects = []fyne.CanvasObject{shown}
	v.listArea.Refresh()
}

// showDuplicateCount says how many pairs the duplicates list holds.
func (v *peopleView) showDuplicateCount(n int) {
	v.count.Text = plural(n, "possible duplicate", "possible duplicates")
	if n == 0 {
		v.count.Text = "No possible duplicates"
	}
	v.countRow.Refresh()
}
