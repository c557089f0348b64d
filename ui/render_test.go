package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestWindowFrameRenders compares the window of a new, empty book with its
// markup master in testdata: the sidebar with its fixed width, logo, screen
// list and buttons, and the welcome card centred at its fixed width beside
// it. It is the one master kept, because here the layout is what is tested;
// the screens' content is checked widget by widget in screens_test.go.
func TestWindowFrameRenders(t *testing.T) {
	m, _ := newTestMain(t)
	test.AssertRendersToMarkup(t, "empty.xml", m.win.Canvas())
}
