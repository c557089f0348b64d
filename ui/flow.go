package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The layouts here give way on a narrow window instead of widening it:
// what sits side by side when there is room goes one under the other when
// there is not. Their minimum height follows the width they were last
// given, as a wrapping label's does; when it changes, Fyne lays the
// parent out again.

// flow lays its objects out left to right at their minimum size, starting
// a new line when the next would not fit: the buttons of a header.
func flow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objs...)
}

type flowLayout struct {
	width float32 // as last laid out; 0 before
}

// MinSize is as wide as the widest object, and as tall as the lines the
// objects took at the last width (one line before the first layout).
func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = float32(1 << 20) // one line
	}
	return fyne.NewSize(w, l.place(objs, width, false))
}

// Layout places the objects in lines as wide as size.
func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objs, size.Width, true)
}

// place works out the lines at width, moving the objects when move is
// set, and returns their height.
func (l *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	var x, y, line float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		min := o.MinSize()
		if x > 0 && x+min.Width > width {
			x, y, line = 0, y+line+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(min)
		}
		x += min.Width + pad
		line = max(line, min.Height)
	}
	return y + line
}

// columns lays its objects out in n columns of equal width when each gets
// at least the minimum width of the widest; when they do not fit, in fewer
// columns (a number that divides n, so four tiles make two rows of two),
// down to one under the other. Each row is as tall as its tallest object.
func columns(n int, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columnsLayout{n: n}, objs...)
}

type columnsLayout struct {
	n     int
	width float32 // as last laid out; 0 before
}

// cols is how many columns fit in width.
func (l *columnsLayout) cols(objs []fyne.CanvasObject, width float32) int {
	var widest float32
	for _, o := range objs {
		widest = max(widest, o.MinSize().Width)
	}
	pad := theme.Padding()
	for k := l.n; k > 1; k-- {
		if l.n%k == 0 && float32(k)*widest+float32(k-1)*pad <= width {
			return k
		}
	}
	return 1
}

// MinSize is as wide as the widest object, and as tall as the rows were at
// the last width (one column before the first layout).
func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, l.place(objs, l.width, false))
}

// Layout places the objects in as many columns as fit in size.
func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objs, size.Width, true)
}

// place lays the objects out in rows at width, moving them when move is
// set, and returns their height.
func (l *columnsLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	var shown []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			shown = append(shown, o)
		}
	}
	n := l.cols(shown, width)
	pad := theme.Padding()
	colW := (width - float32(n-1)*pad) / float32(n)
	var y float32
	for start := 0; start < len(shown); start += n {
		row := shown[start:min(start+n, len(shown))]
		var h float32
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		if move {
			for i, o := range row {
				o.Move(fyne.NewPos(float32(i)*(colW+pad), y))
				o.Resize(fyne.NewSize(colW, h))
			}
		}
		y += h + pad
	}
	if y > 0 {
		y -= pad
	}
	return y
}

// table lays its objects out in rows of n cells, each column as wide as its
// widest cell and each row as tall as its tallest, the width left over
// shared evenly among the columns. A grid of equal columns is n times as
// wide as its widest cell: one long figure in one column (a quarter's
// 24,392 hours at 50,000 people) made the review wider than the window.
func table(n int, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(tableLayout{n: n}, objs...)
}

type tableLayout struct{ n int }

// measure returns each column's width and each row's height, at minimum.
func (l tableLayout) measure(objs []fyne.CanvasObject) (cols, rows []float32) {
	cols = make([]float32, l.n)
	for i, o := range objs {
		min := o.MinSize()
		if i%l.n == 0 {
			rows = append(rows, 0)
		}
		cols[i%l.n] = max(cols[i%l.n], min.Width)
		rows[len(rows)-1] = max(rows[len(rows)-1], min.Height)
	}
	return cols, rows
}

// MinSize is the columns' widths and the rows' heights, with padding between.
func (l tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cols, rows := l.measure(objs)
	pad := theme.Padding()
	var w, h float32
	for _, c := range cols {
		w += c
	}
	for _, r := range rows {
		h += r
	}
	return fyne.NewSize(w+pad*float32(max(len(cols)-1, 0)), h+pad*float32(max(len(rows)-1, 0)))
}

// Layout places each cell at its column and row, the columns widened alike
// to fill size.
func (l tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cols, rows := l.measure(objs)
	pad := theme.Padding()
	extra := (size.Width - l.MinSize(objs).Width) / float32(l.n)
	extra = max(extra, 0)
	var y float32
	for r, h := range rows {
		var x float32
		for c, w := range cols {
			i := r*l.n + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(w+extra, h))
			x += w + extra + pad
		}
		y += h + pad
	}
}
