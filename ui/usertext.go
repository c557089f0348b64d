package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Text that comes from the user (names, titles, summaries, notes, channel
// values) never sets the width of what holds it: it wraps, or on a line of
// its own it is cut with an ellipsis to the width it is given. Otherwise a
// 5,000-character summary makes the window 48,000 px wide. Put it where a
// container hands it the width there is (a VBox, a Border's centre, a
// grid), not in an HBox, which gives it only its small minimum.

// wrappedBold is a bold label that wraps at word boundaries.
func wrappedBold(s string) *widget.Label {
	l := bold(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrappedHeading is a section title that wraps, for a circle's name or a
// goal's title.
func wrappedHeading(s string) *widget.RichText {
	return wrappedRich(s, widget.RichTextStyleSubHeading)
}

// wrappedTitle is a screen's large title that wraps, for a person's name.
func wrappedTitle(s string) *widget.RichText {
	return wrappedRich(s, widget.RichTextStyleHeading)
}

func wrappedRich(s string, style widget.RichTextStyle) *widget.RichText {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: style})
	t.Wrapping = fyne.TextWrapWord
	return t
}

// cutLines lays objects out one under the other, each as wide as the
// column, like a VBox; but it asks for no width for the texts and buttons
// in it, and cuts their text with an ellipsis to the width it gets. It is
// for one-line texts that come from the user where a canvas.Text or a
// button shows them, since neither cuts itself.
func cutLines(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&cutLayout{texts: map[fyne.CanvasObject]*cutText{}}, objs...)
}

// cutLayout is the layout of cutLines. It remembers each text in full, and
// takes a text it did not set as the new full one.
type cutLayout struct {
	texts map[fyne.CanvasObject]*cutText
}

type cutText struct{ full, shown string }

// MinSize is the height of the objects and their padding, and the width
// of the widest object that is neither a text nor a button, or of an
// ellipsis.
func (l *cutLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		min := o.MinSize()
		size.Height += min.Height
		size.Width = max(size.Width, cutWidth(o, min.Width))
		n++
	}
	if n > 1 {
		size.Height += float32(n-1) * theme.Padding()
	}
	return size
}

// cutWidth is the least width o can be cut to: an ellipsis, and for a
// button its icon and padding.
func cutWidth(o fyne.CanvasObject, min float32) float32 {
	switch x := o.(type) {
	case *canvas.Text:
		return fyne.MeasureText("…", x.TextSize, x.TextStyle).Width
	case *widget.Button:
		return min - buttonTextWidth(x.Text) + buttonTextWidth("…")
	}
	return min
}

// Layout stacks the objects and cuts each text to the width.
func (l *cutLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		l.cut(o, size.Width)
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

func (l *cutLayout) cut(o fyne.CanvasObject, width float32) {
	if width <= 0 {
		return // not laid out yet
	}
	switch x := o.(type) {
	case *canvas.Text:
		s := l.fit(o, x.Text, width, func(s string) float32 { return fyne.MeasureText(s, x.TextSize, x.TextStyle).Width })
		if s != x.Text {
			x.Text = s
			x.Refresh()
		}
	case *widget.Button:
		room := width - (x.MinSize().Width - buttonTextWidth(x.Text))
		if s := l.fit(o, x.Text, room, buttonTextWidth); s != x.Text {
			x.SetText(s)
		}
	}
}

// fit returns the text o shows at width: its full text, or as much of it as
// fits with an ellipsis.
func (l *cutLayout) fit(o fyne.CanvasObject, current string, width float32, measure func(string) float32) string {
	t, ok := l.texts[o]
	if !ok || current != t.shown {
		t = &cutText{full: current}
		l.texts[o] = t
	}
	t.shown = ellipsize(t.full, width, measure)
	return t.shown
}

// buttonTextWidth is how wide a button's text is: buttons write in bold.
func buttonTextWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

// ellipsize returns s when it fits in width, and otherwise the longest
// start of it that fits followed by an ellipsis.
func ellipsize(s string, width float32, measure func(string) float32) string {
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest fitting start has lo runes, fewer than hi
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if measure(strings.TrimRight(string(r[:mid]), " ")+"…") <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// titleRunes bounds a name or title in a dialog's title, which Fyne does
// not cut.
const titleRunes = 40

// labelRunes bounds a name on a check box or a picked person's button,
// which Fyne does not cut.
const labelRunes = 48

// setText changes the text of a rich text made of one segment, such as a
// note.
func setText(t *widget.RichText, s string) {
	t.Segments[0].(*widget.TextSegment).Text = s
	t.Refresh()
}

// tight takes back the padding a wrapping text keeps round itself, so it
// lines up and stacks like the canvas texts beside it (headings, muted
// lines).
func tight(o fyne.CanvasObject) *fyne.Container {
	return container.New(tightLayout{}, o)
}

// tightLayout is the layout of tight. Until it is given a width it leaves
// its object alone: a wrapping text given the width of its padding alone
// would wrap every word and report itself thousands of pixels tall.
type tightLayout struct{}

// MinSize is the object's, less its padding.
func (tightLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := 2 * theme.InnerPadding()
	min := objs[0].MinSize()
	return fyne.NewSize(max(0, min.Width-pad), max(0, min.Height-pad))
}

// Layout spreads the object over size and its padding round it.
func (tightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	p := theme.InnerPadding()
	objs[0].Move(fyne.NewPos(-p, -p))
	objs[0].Resize(size.AddWidthHeight(2*p, 2*p))
}

// besideFirstLine keeps o (chips, a date) level with the first line of a
// label beside it that may wrap to many: centred on a line's height, at
// the top.
func besideFirstLine(o fyne.CanvasObject) fyne.CanvasObject {
	line := canvas.NewRectangle(color.Transparent)
	line.SetMinSize(fyne.NewSize(0, widget.NewLabel("").MinSize().Height))
	return container.NewVBox(container.NewStack(line, container.NewCenter(o)))
}
