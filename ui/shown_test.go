package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownTexts returns the text of every visible object in o, in tree order:
// labels, buttons, rich text, canvas text, checks and options, and what an
// entry or select shows (its text, or its placeholder when empty). It looks
// inside containers and inside widgets through their renderers, so a
// list's rows count only when they are on screen.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	visitShown(o, func(o fyne.CanvasObject) bool {
		s, ok := textOf(o)
		out = append(out, s...)
		return !ok
	})
	return out
}

// visitShown calls visit on o and every visible object inside it, looking
// inside containers, and inside widgets through their renderers, unless
// visit returns false for the object.
func visitShown(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visitShown(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visitShown(c, visit)
		}
	}
}

// textOf is the text an object shows itself, when it is one that shows text.
func textOf(o fyne.CanvasObject) ([]string, bool) {
	orPlaceholder := func(text, placeholder string) []string {
		if text == "" {
			return []string{placeholder}
		}
		return []string{text}
	}
	switch x := o.(type) {
	case *canvas.Text:
		return []string{x.Text}, true
	case *widget.Label:
		return []string{x.Text}, true
	case *widget.Button:
		return []string{x.Text}, true
	case *widget.RichText:
		return []string{x.String()}, true
	case *widget.Check:
		return []string{x.Text}, true
	case *widget.RadioGroup:
		return x.Options, true
	case *widget.CheckGroup:
		return x.Options, true
	case *widget.Select:
		return orPlaceholder(x.Selected, x.PlaceHolder), true
	case *widget.Entry:
		return orPlaceholder(x.Text, x.PlaceHolder), true
	case *field:
		return orPlaceholder(x.Text, x.PlaceHolder), true
	case *dateField:
		return orPlaceholder(x.Text, x.PlaceHolder), true
	}
	return nil, false
}

// assertShows fails for each of want that o does not show as a whole text.
func assertShows(t *testing.T, o fyne.CanvasObject, want ...string) {
	t.Helper()
	shown := shownTexts(o)
	for _, w := range want {
		if !slices.Contains(shown, w) {
			t.Errorf("%q is not shown; shown: %s", w, strings.Join(shown, " | "))
			return
		}
	}
}

// assertPairs checks label and value pairs, given as label, value, label,
// value…: each label must be shown beside its value, as kv lays them out.
func assertPairs(t *testing.T, o fyne.CanvasObject, pairs ...string) {
	t.Helper()
	found := map[string]string{}
	visitShown(o, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			if texts := shownTexts(c); len(texts) == 2 {
				found[texts[1]] = texts[0] // kv: the value, then its label
			}
		}
		return true
	})
	for i := 0; i+1 < len(pairs); i += 2 {
		if got, ok := found[pairs[i]]; !ok || got != pairs[i+1] {
			t.Errorf("%s shows %q, want %q", pairs[i], got, pairs[i+1])
		}
	}
}

// assertButtons checks that o has a visible button with each text, enabled
// or not as asked.
func assertButtons(t *testing.T, o fyne.CanvasObject, enabled bool, texts ...string) {
	t.Helper()
	for _, text := range texts {
		b := findButton(t, o, text)
		switch {
		case b == nil || !b.Visible():
			t.Errorf("no %q button is shown", text)
		case b.Disabled() == enabled:
			t.Errorf("the %q button is enabled=%v, want %v", text, !b.Disabled(), enabled)
		}
	}
}
