package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

// recentQuarters is how many quarters back the quarter list offers, besides
// every quarter with a saved review.
const recentQuarters = 8

// reviewView is the Review screen: a quarter's figures and charts, the
// relationships one by one, the network and goals, and the reflection the
// user writes and saves with the quarter.
type reviewView struct {
	m    *Main
	root fyne.CanvasObject

	header   *fyne.Container
	subtitle *canvas.Text
	status   *canvas.Text
	prev     *widget.Button
	next     *widget.Button
	picker   *widget.Select
	export   *widget.Button
	saveBtn  *widget.Button
	progress *widget.ProgressBarInfinite
	tabs     *container.AppTabs
	overview *fyne.Container
	network  *fyne.Container
	people   *reviewPeople
	reflect  *reviewReflection

	quarter review.Quarter // the quarter chosen; zero until the first load
	today   crm.Date
	r       *review.Review
	// draft is the reflection being written: the saved one plus the edits
	// not saved yet (dirty). A reload keeps it, so logging an interaction
	// elsewhere does not wipe a half-written answer.
	draft review.Reflection
	dirty bool
	gen   int // bumped on every load; an older result is dropped
}

func newReviewView(m *Main) *reviewView {
	v := &reviewView{m: m, subtitle: muted(""), status: muted("")}
	v.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.choose(v.quarter.Prev()) })
	v.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.choose(v.quarter.Next()) })
	v.picker = widget.NewSelect(nil, func(s string) {
		if q, err := review.ParseQuarter(strings.Fields(s + " ")[0]); err == nil && q != v.quarter {
			v.choose(q)
		}
	})
	v.export = widget.NewButtonWithIcon("Export report…", theme.DocumentSaveIcon(), v.exportReport)
	v.saveBtn = widget.NewButtonWithIcon("Save review", theme.ConfirmIcon(), v.save)
	v.saveBtn.Importance = widget.HighImportance
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Hide()
	v.overview, v.network = container.NewStack(), container.NewStack()
	v.people = newReviewPeople(v)
	v.reflect = newReviewReflection(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Overview", theme.InfoIcon(), v.overview),
		container.NewTabItemWithIcon("Relationships", theme.AccountIcon(), v.people.root),
		container.NewTabItemWithIcon("Network & goals", theme.GridIcon(), v.network),
		container.NewTabItemWithIcon("Reflection", theme.DocumentCreateIcon(), v.reflect.root),
	)
	picker := container.NewHBox(v.prev, fixedWidth(v.picker, 150), v.next)
	actions := container.NewHBox(v.export, v.saveBtn)
	// The span of days takes the line under the title and the buttons, so
	// the header is no wider than they are.
	v.header = container.NewVBox(
		container.NewBorder(nil, nil, container.NewCenter(screenTitle("Review")), container.NewHBox(picker, actions)),
		container.NewBorder(nil, nil, nil, v.status, cutLines(v.subtitle)))
	v.root = container.NewBorder(container.NewVBox(container.NewPadded(v.header), v.progress), nil, nil, nil, v.tabs)
	v.setEnabled(false)
	return v
}

func (v *reviewView) view() fyne.CanvasObject { return v.root }

// reload recomputes the chosen quarter (the default one the first time).
// Off screen it waits: showing the screen reloads it, and a review of a
// big book takes a second that a write elsewhere should not pay for.
func (v *reviewView) reload() {
	if v.m.current != screenReview {
		return
	}
	v.load(v.quarter)
}

// choose switches to another quarter, asking first when edits would be lost.
func (v *reviewView) choose(q review.Quarter) {
	if q == v.quarter {
		return
	}
	if !v.dirty {
		v.load(q)
		return
	}
	d := dialog.NewConfirm("Unsaved reflection",
		fmt.Sprintf("Your changes to the %s review are not saved. Leave them?", v.quarter), func(ok bool) {
			if ok {
				v.dirty = false
				v.load(q)
				return
			}
			v.selectQuarter()
		}, v.m.win)
	v.m.showDialog(d)
}

// reviewData is what one background load reads.
type reviewData struct {
	today crm.Date
	r     *review.Review
	saved []review.Quarter
	empty bool
	err   error
}

// load computes a quarter's review off the UI goroutine, with the progress
// bar running; the zero quarter means the default one.
func (v *reviewView) load(q review.Quarter) {
	v.gen++
	gen := v.gen
	v.progress.Show()
	v.progress.Start()
	var d reviewData
	v.m.load(func(tx *store.Tx) error {
		d.today = tx.Today()
		if q.IsZero() {
			q = review.DefaultQuarter(d.today)
		}
		n, err := tx.CountAllContacts()
		if err != nil {
			d.err = err
			return nil
		}
		d.empty = n == 0
		if d.saved, err = tx.SavedReviews(); err != nil {
			d.err = err
			return nil
		}
		// An error is carried to apply, so the progress bar stops either way.
		d.r, d.err = review.Compute(tx, q)
		return nil
	}, func() {
		if gen != v.gen {
			return
		}
		v.progress.Stop()
		v.progress.Hide()
		if d.err != nil {
			v.m.showError(d.err)
			v.selectQuarter()
			return
		}
		v.apply(q, d)
	})
}

// apply shows a freshly computed review.
func (v *reviewView) apply(q review.Quarter, d reviewData) {
	same := q == v.quarter
	v.quarter, v.today, v.r = q, d.today, d.r
	if !same || !v.dirty {
		v.draft = copyReflection(d.r.Reflection)
		v.dirty = false
	}
	v.fillPicker(d.saved)
	v.setEnabled(!d.empty)
	v.subtitle.Text = quarterSpan(v.r)
	v.updateStatus()
	v.overview.Objects = []fyne.CanvasObject{v.overviewTab()}
	if d.empty {
		v.overview.Objects = []fyne.CanvasObject{emptyState(v.m)}
	}
	v.overview.Refresh()
	v.network.Objects = []fyne.CanvasObject{v.networkTab()}
	v.network.Refresh()
	v.people.show(v.r, same)
	v.reflect.show(v.r)
}

func (v *reviewView) setEnabled(on bool) {
	enableIf(v.export, on)
	enableIf(v.saveBtn, on)
}

// fillPicker offers the recent quarters and every saved one, newest first,
// and fences the arrows at the current quarter.
func (v *reviewView) fillPicker(saved []review.Quarter) {
	current := review.QuarterOf(v.today)
	seen := map[review.Quarter]bool{}
	var qs []review.Quarter
	add := func(q review.Quarter) {
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	for q, i := current, 0; i < recentQuarters; q, i = q.Prev(), i+1 {
		add(q)
	}
	for _, q := range saved {
		add(q)
	}
	add(v.quarter)
	slices.SortFunc(qs, func(a, b review.Quarter) int { return strings.Compare(b.String(), a.String()) })
	opts := make([]string, len(qs))
	for i, q := range qs {
		opts[i] = quarterOption(q, slices.Contains(saved, q))
		if q == v.quarter {
			v.picker.Selected = opts[i]
		}
	}
	v.picker.Options = opts
	v.picker.Refresh()
	enableIf(v.next, !v.quarter.Next().Start().After(v.today))
}

// quarterOption names a quarter in the list, marking those with a saved
// reflection.
func quarterOption(q review.Quarter, saved bool) string {
	if saved {
		return q.String() + "  · saved"
	}
	return q.String()
}

// selectQuarter shows the quarter on screen in the list again, after a
// change was refused.
func (v *reviewView) selectQuarter() {
	for _, o := range v.picker.Options {
		if strings.HasPrefix(o, v.quarter.String()) {
			v.picker.Selected = o
		}
	}
	v.picker.Refresh()
}

// quarterSpan says which days a review covers.
func quarterSpan(r *review.Review) string {
	s := fmt.Sprintf("%s to %s, compared with %s", r.Start.Time().Format("2 Jan"), r.End.Time().Format("2 Jan 2006"), r.Previous.Quarter)
	if r.AsOf.Before(r.End) {
		s += fmt.Sprintf(" · counted up to %s, the quarter is still running", r.AsOf.Time().Format("2 Jan"))
	}
	return s
}

// updateStatus says whether the reflection is saved.
func (v *reviewView) updateStatus() {
	switch {
	case v.dirty:
		v.status.Text = "Unsaved changes"
		v.status.Color = themed(colorLate)
	case v.draft.SavedAt != "":
		v.status.Text = "Saved " + savedWhen(v.draft.SavedAt)
		v.status.Color = themed(colorMuted)
	default:
		v.status.Text = "Not saved yet"
		v.status.Color = themed(colorMuted)
	}
	// The texts' widths changed: lay the header out again.
	v.header.Refresh()
}

// savedWhen writes a saved-at stamp as the user reads it.
func savedWhen(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

// edited marks the reflection changed and not saved.
func (v *reviewView) edited() {
	if !v.dirty {
		v.dirty = true
		v.updateStatus()
	}
}

// decide records a decision about a relationship in the draft.
func (v *reviewView) decide(d review.Decision) {
	v.draft.Decide(d)
	v.edited()
	v.people.decided(d.ContactID)
	v.reflect.showDecisions()
}

// save stores the reflection; when it ends relationships, a dialog asks
// first, and a "no" keeps those ends pending.
func (v *reviewView) save() {
	if v.r == nil {
		return
	}
	r := copyReflection(v.draft)
	ends := r.PendingEnds()
	if len(ends) == 0 {
		v.store(r, nil)
		return
	}
	names := make([]string, len(ends))
	ids := make([]int64, len(ends))
	for i, d := range ends {
		names[i], ids[i] = d.Name, d.ContactID
	}
	msg := fmt.Sprintf("End %s? Ending archives them: they leave your check-ins and lists, and you can bring them back from their page.\n\nChoose Not yet to save the review and keep the ending pending.",
		strings.Join(names, ", "))
	d := dialog.NewConfirm("End relationships", msg, func(ok bool) {
		if !ok {
			ids = nil
		}
		v.store(r, ids) // "Archive" confirms exactly the people the dialog named
	}, v.m.win)
	d.SetConfirmText("Archive")
	d.SetDismissText("Not yet")
	v.m.showDialog(d)
}

// store runs review.Save in one transaction, archiving the ends of the
// contacts in confirmed, and says what it did.
func (v *reviewView) store(r review.Reflection, confirmed []int64) {
	var out review.Outcome
	v.m.save(func(tx *store.Tx) error {
		var err error
		out, err = review.Save(tx, &r, confirmed)
		return err
	}, func() {
		v.draft, v.dirty = r, false
		v.updateStatus()
		v.m.bar.show(saveMessage(r.Quarter, out), nil)
	})
}

func saveMessage(q review.Quarter, out review.Outcome) string {
	msg := fmt.Sprintf("Saved the %s review.", q)
	names := func(ds []review.Decision) string {
		s := make([]string, len(ds))
		for i, d := range ds {
			s[i] = d.Name
		}
		return strings.Join(s, ", ")
	}
	if len(out.Paused) > 0 {
		msg += fmt.Sprintf(" Paused %s for %d months.", names(out.Paused), review.PauseMonths)
	}
	if len(out.Archived) > 0 {
		msg += " Archived " + names(out.Archived) + "."
	}
	if len(out.Pending) > 0 {
		msg += " Ending " + names(out.Pending) + " awaits your confirmation."
	}
	return msg
}

// copyReflection copies a reflection so edits never touch the one loaded.
func copyReflection(r review.Reflection) review.Reflection {
	r.Answers = slices.Clone(r.Answers)
	r.Decisions = slices.Clone(r.Decisions)
	return r
}
