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
	*pager[crm.Exchange]
	list  *widget.List
	count *widget.Label
}

func promiseMeta(x crm.Exchange, today crm.Date) string {
	return fmt.Sprintf("%s · %s · %s", x.Contact, x.Kind, relDay(x.Date, today))
}

// keepPromise marks x kept, then runs after (when given). Undo opens the
// promise again, wherever Done was tapped.
func keepPromise(m *Main, x crm.Exchange, after func()) {
	m.save(func(tx *store.Tx) error { return tx.CompleteCommitment(x.ID, crm.Date{}) }, func() {
		m.bar.show("Marked kept: "+x.Description, func() {
			m.save(func(tx *store.Tx) error { return tx.ReopenCommitment(x.ID) }, after)
		})
		if after != nil {
			after()
		}
	})
}

// showPromises opens the list of every open promise.
func showPromises(m *Main) *promiseList {
	p := &promiseList{count: widget.NewLabel("")}
	p.pager = newPager[crm.Exchange](m, promisePage, 0, func() { p.list.Refresh() })
	p.list = widget.NewList(func() int { return p.total }, p.newRow, p.updateRow)
	p.reload()
	d := dialog.NewCustom("Open commitments", "Close", container.NewBorder(p.count, nil, nil, nil, p.list), m.win)
	d.Resize(fyne.NewSize(620, 560))
	m.showDialog(d)
	return p
}

// reload counts the promises again and drops the loaded pages.
func (p *promiseList) reload() {
	p.pager.reload((*store.Tx).CountOpenCommitments, (*store.Tx).OpenCommitmentPage, func() {
		p.count.SetText(plural(p.total, "promise", "promises") + " not kept yet, oldest first")
		p.list.Refresh()
	})
}

func (p *promiseList) newRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)
	done.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, done, container.NewVBox(text, cutLines(muted(""))))
}

func (p *promiseList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	done := row.Objects[1].(*widget.Button)
	text, metaLine := texts.Objects[0].(*widget.Label), texts.Objects[1].(*fyne.Container)
	meta := metaLine.Objects[0].(*canvas.Text)
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
	metaLine.Refresh() // cuts the new text to the row's width
	done.OnTapped = func() { keepPromise(p.m, x, p.reload) }
	done.Enable()
}

// item is promise i when its page has loaded; otherwise it starts loading
// the page.
func (p *promiseList) item(i int) (crm.Exchange, bool) { return p.row(i) }
