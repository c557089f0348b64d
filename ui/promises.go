package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// promisePage is how many promises the full list loads at a time.
const promisePage = 100

// promiseList is every open promise, oldest first, in a virtual list that
// loads only the pages scrolled to: Today shows the oldest few, and a big
// book has thousands.
type promiseList struct {
	m       *Main
	list    *widget.List
	count   *widget.Label
	total   int
	today   crm.Date
	pages   map[int][]crm.Exchange
	loading map[int]bool
	gen     int // bumped on every reload; older pages are dropped
}

func promiseMeta(x crm.Exchange, today crm.Date) string {
	return fmt.Sprintf("%s · %s · %s", x.Contact, x.Kind, relDay(x.Date, today))
}

// keepPromise marks x kept, then runs after (when given).
func keepPromise(m *Main, x crm.Exchange, after func()) {
	m.save(func(tx *store.Tx) error { return tx.CompleteCommitment(x.ID, crm.Date{}) }, func() {
		m.bar.show("Marked kept: "+x.Description, nil)
		if after != nil {
			after()
		}
	})
}

// showPromises opens the list of every open promise.
func showPromises(m *Main) *promiseList {
	p := &promiseList{m: m, count: widget.NewLabel("")}
	p.list = widget.NewList(func() int { return p.total }, p.newRow, p.updateRow)
	p.reload()
	d := dialog.NewCustom("Open commitments", "Close", container.NewBorder(p.count, nil, nil, nil, p.list), m.win)
	d.Resize(fyne.NewSize(620, 560))
	m.showDialog(d)
	return p
}

// reload counts the promises again and drops the loaded pages.
func (p *promiseList) reload() {
	p.gen++
	gen := p.gen
	var total int
	var first []crm.Exchange
	var today crm.Date
	p.m.load(func(tx *store.Tx) error {
		today = tx.Today()
		var err error
		if total, err = tx.CountOpenCommitments(); err != nil {
			return err
		}
		first, err = tx.OpenCommitmentPage(promisePage, 0)
		return err
	}, func() {
		if gen != p.gen {
			return
		}
		p.total, p.today = total, today
		p.pages, p.loading = map[int][]crm.Exchange{0: first}, map[int]bool{}
		p.count.SetText(plural(total, "promise", "promises") + " not kept yet, oldest first")
		p.list.Refresh()
	})
}

func (p *promiseList) newRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)
	done.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, done, container.NewVBox(text, muted("")))
}

func (p *promiseList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	done := row.Objects[1].(*widget.Button)
	text, meta := texts.Objects[0].(*widget.Label), texts.Objects[1].(*canvas.Text)
	x, ok := p.item(i)
	if !ok {
		text.SetText("…")
		meta.Text = ""
		meta.Refresh()
		done.OnTapped = nil
		done.Disable()
		return
	}
	text.SetText(x.Description)
	meta.Text = promiseMeta(x, p.today)
	meta.Refresh()
	done.OnTapped = func() { keepPromise(p.m, x, p.reload) }
	done.Enable()
}

// item is promise i when its page has loaded; otherwise it starts loading
// the page.
func (p *promiseList) item(i int) (crm.Exchange, bool) {
	n := i / promisePage
	if page, ok := p.pages[n]; ok {
		if j := i % promisePage; j < len(page) {
			return page[j], true
		}
		return crm.Exchange{}, false
	}
	if !p.loading[n] {
		p.loading[n] = true
		gen := p.gen
		var page []crm.Exchange
		p.m.load(func(tx *store.Tx) (err error) {
			page, err = tx.OpenCommitmentPage(promisePage, n*promisePage)
			return err
		}, func() {
			if gen == p.gen {
				p.pages[n] = page
				delete(p.loading, n)
				p.list.Refresh()
			}
		})
	}
	return crm.Exchange{}, false
}
