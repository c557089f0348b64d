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
// and an add button over a scrolling column of cards, one for each record
// (a circle, a goal) with its latest interactions. Cards are built as the
// column scrolls towards them: a big circle's card takes milliseconds, and
// fifty of them at once held the window up for a quarter of a second.
type cardScreen[T any] struct {
	cards[T]
	m       *Main
	root    *fyne.Container
	list    *fyne.Container
	scroll  *container.Scroll
	today   crm.Date                   // as of the last load
	pending []func() fyne.CanvasObject // the cards not built yet, in order
}

// cards says what a card screen shows and how it reads it.
type cards[T any] struct {
	title, help string
	addLabel    string
	add         func()
	// read reads the records, and recent the interactions each card lists.
	read   func(tx *store.Tx) ([]T, error)
	recent func(tx *store.Tx, it T) ([]*crm.Interaction, error)
	cardOf func(it T, recent []*crm.Interaction) fyne.CanvasObject
	empty  string // what the one card says when there are no records
}

// minAhead is the least height of cards kept built below the top of the
// view, so a window taller than the one measured still shows full cards.
const minAhead = 1200

func newCardScreen[T any](m *Main, c cards[T]) *cardScreen[T] {
	s := &cardScreen[T]{cards: c, m: m, list: container.NewVBox()}
	addBtn := widget.NewButtonWithIcon(c.addLabel, theme.ContentAddIcon(), c.add)
	header := container.NewBorder(nil, nil, container.NewVBox(screenTitle(c.title), muted(c.help)), container.NewCenter(addBtn))
	s.scroll = container.NewVScroll(container.NewPadded(s.list))
	s.scroll.OnScrolled = func(fyne.Position) { s.fill() }
	s.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, s.scroll)
	return s
}

func (s *cardScreen[T]) view() fyne.CanvasObject { return s.root }

// fill builds the pending cards that reach within two views of the one
// shown, and lays the column out again when it built any.
func (s *cardScreen[T]) fill() {
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

// reload reads the records and their interactions off the UI goroutine,
// then shows one card each, built as the column scrolls to it, or the empty
// text when there are none.
func (s *cardScreen[T]) reload() {
	var items []T
	var recent [][]*crm.Interaction
	var today crm.Date
	s.m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		if items, err = s.read(tx); err != nil {
			return err
		}
		recent = make([][]*crm.Interaction, len(items))
		for i, it := range items {
			if recent[i], err = s.recent(tx, it); err != nil {
				return err
			}
		}
		return nil
	}, func() {
		s.today = today
		s.pending = make([]func() fyne.CanvasObject, 0, len(items))
		for i, it := range items {
			s.pending = append(s.pending, func() fyne.CanvasObject { return s.cardOf(it, recent[i]) })
		}
		if len(items) == 0 {
			s.pending = append(s.pending, func() fyne.CanvasObject { return card(wrapped(s.empty)) })
		}
		s.list.Objects = nil
		s.fill()
	})
}

// addInteractions lists interactions under a heading on a card, when there
// are any. A card previews them: a long summary or note is cut short, and
// is whole on the person's page.
func addInteractions(box *fyne.Container, title string, ins []*crm.Interaction, today crm.Date) {
	if len(ins) == 0 {
		return
	}
	box.Add(bold(title))
	for _, in := range ins {
		preview := *in
		preview.Summary, preview.Notes = shorten(in.Summary, previewRunes), shorten(in.Notes, previewRunes)
		box.Add(interactionRow(&preview, 0, today))
	}
}

// previewRunes bounds the summary and the notes of an interaction on a card.
const previewRunes = 280
