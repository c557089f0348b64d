package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// cardScreen is the shape Circles and Goals share: a title, a line of help
// and an add button over a scrolling column of cards.
type cardScreen struct {
	root   *fyne.Container
	list   *fyne.Container
	scroll *container.Scroll
	today  crm.Date // as of the last load
}

func newCardScreen(title, help, addLabel string, add func()) *cardScreen {
	s := &cardScreen{list: container.NewVBox()}
	addBtn := widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), add)
	header := container.NewBorder(nil, nil, container.NewVBox(screenTitle(title), muted(help)), container.NewCenter(addBtn))
	s.scroll = container.NewVScroll(container.NewPadded(s.list))
	s.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, s.scroll)
	return s
}

func (s *cardScreen) view() fyne.CanvasObject { return s.root }

// loadCards reads the items off the UI goroutine, then shows one card each,
// or the empty text when there are none.
func loadCards[T any](m *Main, s *cardScreen, load func(tx *store.Tx) ([]T, error), cardOf func(T) fyne.CanvasObject, empty string) {
	var items []T
	var today crm.Date
	m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		items, err = load(tx)
		return err
	}, func() {
		s.today = today
		// Gathered and set once: each Add would lay out every card again.
		var cards []fyne.CanvasObject
		for _, it := range items {
			cards = append(cards, cardOf(it))
		}
		if len(items) == 0 {
			cards = append(cards, card(wrapped(empty)))
		}
		s.list.Objects = cards
		s.list.Refresh()
		s.scroll.Refresh() // the list may be filled while on show: lay the scroll out again
	})
}
