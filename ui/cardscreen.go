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
// and an add button over a scrolling column of cards. Cards are built as
// the column scrolls towards them: a big circle's card takes milliseconds,
// and fifty of them at once held the window up for a quarter of a second.
type cardScreen struct {
	root    *fyne.Container
	list    *fyne.Container
	scroll  *container.Scroll
	today   crm.Date                   // as of the last load
	pending []func() fyne.CanvasObject // the cards not built yet, in order
}

// minAhead is the least height of cards kept built below the top of the
// view, so a window taller than the one measured still shows full cards.
const minAhead = 1200

func newCardScreen(title, help, addLabel string, add func()) *cardScreen {
	s := &cardScreen{list: container.NewVBox()}
	addBtn := widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), add)
	header := container.NewBorder(nil, nil, container.NewVBox(screenTitle(title), muted(help)), container.NewCenter(addBtn))
	s.scroll = container.NewVScroll(container.NewPadded(s.list))
	s.scroll.OnScrolled = func(fyne.Position) { s.fill() }
	s.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, s.scroll)
	return s
}

func (s *cardScreen) view() fyne.CanvasObject { return s.root }

// fill builds the pending cards that reach within two views of the one
// shown, and lays the column out again when it built any.
func (s *cardScreen) fill() {
	ahead := 2 * max(s.scroll.Size().Height, minAhead)
	var cards []fyne.CanvasObject
	height := s.list.MinSize().Height
	for len(s.pending) > 0 && height < s.scroll.Offset.Y+ahead {
		c := s.pending[0]()
		s.pending = s.pending[1:]
		cards = append(cards, c)
		height += c.MinSize().Height + theme.Padding()
	}
	if len(cards) == 0 {
		return
	}
	// Gathered and set once: each Add would lay out every card again.
	s.list.Objects = append(s.list.Objects, cards...)
	s.list.Refresh()
	s.scroll.Refresh() // the list may be filled while on show: lay the scroll out again
}

// loadCards reads the items off the UI goroutine, then shows one card each,
// built as the column scrolls to it, or the empty text when there are none.
func loadCards[T any](m *Main, s *cardScreen, load func(tx *store.Tx) ([]T, error), cardOf func(T) fyne.CanvasObject, empty string) {
	var items []T
	var today crm.Date
	m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		items, err = load(tx)
		return err
	}, func() {
		s.today = today
		s.pending = make([]func() fyne.CanvasObject, 0, len(items))
		for _, it := range items {
			s.pending = append(s.pending, func() fyne.CanvasObject { return cardOf(it) })
		}
		if len(items) == 0 {
			s.pending = append(s.pending, func() fyne.CanvasObject { return card(wrapped(empty)) })
		}
		s.list.Objects = nil
		s.fill()
	})
}
