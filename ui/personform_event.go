package ui

import (
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// noEvent is the event picker's choice of none.
const noEvent = "None"

// eventPicker chooses the event a new person was met at, as `kith contact
// add --event` does: the person is linked to it and, unless the form says
// otherwise, it becomes where they came from. The latest events are
// offered; an older one is linked from its page.
type eventPicker struct {
	sel *widget.Select
	ids map[string]int64
}

// pickerEvents is how many of the latest events the picker offers.
const pickerEvents = 50

func newEventPicker(m *Main) *eventPicker {
	p := &eventPicker{sel: widget.NewSelect([]string{noEvent}, nil), ids: map[string]int64{}}
	p.sel.SetSelected(noEvent)
	var list []crm.EventSummary
	m.load(func(tx *store.Tx) (err error) {
		list, err = tx.Events(pickerEvents, 0)
		return err
	}, func() {
		options := []string{noEvent}
		for _, e := range list {
			label := shorten(e.Title, titleRunes) + " (" + e.Date.String() + ")"
			p.ids[label] = e.ID
			options = append(options, label)
		}
		p.sel.SetOptions(options)
		if len(list) == 0 {
			p.sel.Disable()
		}
	})
	return p
}

// chosen is the event picked, 0 for none.
func (p *eventPicker) chosen() int64 { return p.ids[p.sel.Selected] }
