package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newDebouncer returns a function that runs its latest argument on the UI
// goroutine once calls have paused for d, so typing a name runs one search,
// not one per keystroke.
func newDebouncer(d time.Duration) func(f func()) {
	var mu sync.Mutex
	var t *time.Timer
	return func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		if t != nil {
			t.Stop()
		}
		t = time.AfterFunc(d, func() { fyne.Do(f) })
	}
}

// undoBar is the strip under the screen that confirms a change and offers
// to undo it.
type undoBar struct {
	m      *Main
	box    *fyne.Container
	label  *widget.Label
	undo   *widget.Button
	undoFn func()
	seq    int
	// ttl is how long the bar stays; zero keeps it until dismissed (tests).
	ttl time.Duration
}

func newUndoBar(m *Main) *undoBar {
	b := &undoBar{m: m, label: widget.NewLabel(""), ttl: 10 * time.Second}
	// Messages name people and what was said: a long one is cut, never
	// allowed to widen the window.
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), b.onUndo)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide)
	closeBtn.Importance = widget.LowImportance
	b.box = container.NewPadded(card(container.NewBorder(nil, nil, nil, container.NewHBox(b.undo, closeBtn), b.label)))
	b.box.Hide()
	return b
}

// show says what happened; with an undo function the bar offers to undo it.
func (b *undoBar) show(msg string, undo func()) {
	b.seq++
	b.label.SetText(msg)
	b.undoFn = undo
	if undo == nil {
		b.undo.Hide()
	} else {
		b.undo.Show()
	}
	b.box.Show()
	if b.ttl > 0 {
		seq := b.seq
		time.AfterFunc(b.ttl, func() {
			fyne.Do(func() {
				if b.seq == seq {
					b.hide()
				}
			})
		})
	}
}

func (b *undoBar) hide() { b.box.Hide() }

func (b *undoBar) onUndo() {
	fn := b.undoFn
	b.hide()
	if fn != nil {
		fn()
	}
}
