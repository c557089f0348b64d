package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm/review"
)

// The review's charts are drawn with canvas rectangles, lines and text, so
// they follow the theme and need no image library. Each chart makes its
// pieces when its data is set (build) and only moves them on a resize
// (place).

// chart is a natively drawn chart: build makes its pieces from the data,
// place lays them out in the size the chart was given.
type chart struct {
	widget.BaseWidget
	min   fyne.Size
	build func() []fyne.CanvasObject
	place func(size fyne.Size)
}

func newChart(min fyne.Size, build func() []fyne.CanvasObject, place func(fyne.Size)) *chart {
	c := &chart{min: min, build: build, place: place}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer makes the chart's pieces.
func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{c: c, objs: c.build()}
}

type chartRenderer struct {
	c    *chart
	objs []fyne.CanvasObject
}

// Layout places the chart's pieces in the size it was given.
func (r *chartRenderer) Layout(s fyne.Size) { r.c.place(s) }

// MinSize is the size the chart was made to need.
func (r *chartRenderer) MinSize() fyne.Size { return r.c.min }

// Refresh redraws every piece, as after a theme change.
func (r *chartRenderer) Refresh() {
	for _, o := range r.objs {
		o.Refresh()
	}
}

// Objects are the chart's pieces, made once from its data.
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }

// Destroy has nothing to release.
func (r *chartRenderer) Destroy() {}

// chartText is a small label inside a chart.
func chartText(s string, c color.Color, align fyne.TextAlign) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = theme.CaptionTextSize()
	t.Alignment = align
	return t
}

// placeText puts a text with its baseline box at (x, y), w wide.
func placeText(t *canvas.Text, x, y, w float32) {
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(w, t.MinSize().Height))
}

// gridColor is the faint colour of a chart's gridlines: the text colour,
// mostly transparent, so it suits light and dark alike.
func gridColor() color.Color {
	r, g, b, _ := themed(theme.ColorNameForeground).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x30}
}

// niceScale picks the top of an axis and its step so that four or five
// round gridlines cover peak.
func niceScale(peak int) (top, step int) {
	step = 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000} {
		step = s
		if peak <= s*4 {
			break
		}
	}
	for step*4 < peak {
		step *= 2
	}
	top = step * ((max(peak, 1) + step - 1) / step)
	return top, step
}

// stackedBars draws one bar per label (the months), each stacked from its
// series (the roles), with the total on top and a light grid behind.
func stackedBars(labels []string, values [][]int, colors []color.Color) *chart {
	peak := 0
	for _, row := range values {
		sum := 0
		for _, v := range row {
			sum += v
		}
		peak = max(peak, sum)
	}
	top, step := niceScale(peak)
	var grid []*canvas.Line
	var ticks, names, totals []*canvas.Text
	segs := make([][]*canvas.Rectangle, len(values))
	build := func() []fyne.CanvasObject {
		var objs []fyne.CanvasObject
		line, muteC, fg := gridColor(), themed(colorMuted), themed(theme.ColorNameForeground)
		grid, ticks, names, totals = nil, nil, nil, nil
		for v := 0; v <= top; v += step {
			l := canvas.NewLine(line)
			l.StrokeWidth = 1
			grid = append(grid, l)
			ticks = append(ticks, chartText(fmt.Sprint(v), muteC, fyne.TextAlignTrailing))
			objs = append(objs, l, ticks[len(ticks)-1])
		}
		for i, row := range values {
			sum := 0
			segs[i] = nil
			for k, v := range row {
				sum += v
				rect := canvas.NewRectangle(colors[k])
				rect.CornerRadius = 2
				if v == 0 {
					rect.Hide()
				}
				segs[i] = append(segs[i], rect)
				objs = append(objs, rect)
			}
			t := chartText(fmt.Sprint(sum), fg, fyne.TextAlignCenter)
			t.TextStyle.Bold = true
			totals = append(totals, t)
			names = append(names, chartText(labels[i], muteC, fyne.TextAlignCenter))
			objs = append(objs, t, names[i])
		}
		return objs
	}
	place := func(s fyne.Size) {
		const left, bottom, head = 34, 22, 18
		plotH := s.Height - bottom - head
		for i, l := range grid {
			y := head + plotH - float32(i*step)*plotH/float32(top)
			l.Position1, l.Position2 = fyne.NewPos(left, y), fyne.NewPos(s.Width, y)
			placeText(ticks[i], 0, y-ticks[i].MinSize().Height/2, left-6)
		}
		groupW := (s.Width - left) / float32(max(1, len(values)))
		barW := min(64, groupW*0.5)
		for i, row := range values {
			x := left + float32(i)*groupW + (groupW-barW)/2
			y := head + plotH
			for k, v := range row {
				h := float32(v) * plotH / float32(top)
				y -= h
				segs[i][k].Move(fyne.NewPos(x, y))
				segs[i][k].Resize(fyne.NewSize(barW, h))
			}
			placeText(totals[i], x-10, y-totals[i].MinSize().Height-1, barW+20)
			placeText(names[i], left+float32(i)*groupW, s.Height-bottom+4, groupW)
		}
	}
	return newChart(fyne.NewSize(280, 210), build, place)
}

// personBars draws one row per person with two figures: diverging from a
// centre line (b to the left, a to the right) or stacked (a then b).
func personBars(bars []review.PersonBar, diverging bool, ca, cb color.Color) fyne.CanvasObject {
	if len(bars) == 0 {
		return container.NewPadded(muted("Nothing to show this quarter."))
	}
	const rowH, nameW, valueW = 24, 132, 52
	peak := 1
	for _, p := range bars {
		if diverging {
			peak = max(peak, p.A, p.B)
		} else {
			peak = max(peak, p.A+p.B)
		}
	}
	var names, values []*canvas.Text
	var as, bs []*canvas.Rectangle
	var axis *canvas.Line
	build := func() []fyne.CanvasObject {
		fg, muteC := themed(theme.ColorNameForeground), themed(colorMuted)
		names, values, as, bs = nil, nil, nil, nil
		var objs []fyne.CanvasObject
		if diverging {
			axis = canvas.NewLine(themed(colorMuted))
			axis.StrokeWidth = 1
			objs = append(objs, axis)
		}
		for _, p := range bars {
			n := chartText(shorten(p.Name, 20), fg, fyne.TextAlignTrailing)
			v := chartText(fmt.Sprintf("%d / %d", p.A, p.B), muteC, fyne.TextAlignLeading)
			a, b := canvas.NewRectangle(ca), canvas.NewRectangle(cb)
			a.CornerRadius, b.CornerRadius = 3, 3
			names, values, as, bs = append(names, n), append(values, v), append(as, a), append(bs, b)
			objs = append(objs, a, b, n, v)
		}
		return objs
	}
	place := func(s fyne.Size) {
		plotW := s.Width - nameW - valueW - 8
		for i, p := range bars {
			y := float32(i * rowH)
			textY := y + (rowH-names[i].MinSize().Height)/2
			placeText(names[i], 0, textY, nameW-8)
			placeText(values[i], s.Width-valueW, textY, valueW)
			barY, barH := y+4, float32(rowH-8)
			if diverging {
				mid := nameW + plotW/2
				aw, bw := float32(p.A)*plotW/2/float32(peak), float32(p.B)*plotW/2/float32(peak)
				as[i].Move(fyne.NewPos(mid, barY))
				as[i].Resize(fyne.NewSize(aw, barH))
				bs[i].Move(fyne.NewPos(mid-bw, barY))
				bs[i].Resize(fyne.NewSize(bw, barH))
				continue
			}
			aw, bw := float32(p.A)*plotW/float32(peak), float32(p.B)*plotW/float32(peak)
			as[i].Move(fyne.NewPos(nameW, barY))
			as[i].Resize(fyne.NewSize(aw, barH))
			bs[i].Move(fyne.NewPos(nameW+aw, barY))
			bs[i].Resize(fyne.NewSize(bw, barH))
		}
		if axis != nil {
			mid := nameW + plotW/2
			axis.Position1, axis.Position2 = fyne.NewPos(mid, 0), fyne.NewPos(mid, float32(len(bars)*rowH))
		}
	}
	return newChart(fyne.NewSize(nameW+valueW+160, float32(len(bars)*rowH)), build, place)
}

// meter is a slim bar showing how much of a budget is used; past the
// budget it turns the warning colour.
func meter(used, budget float64) fyne.CanvasObject {
	var track, fill *canvas.Rectangle
	build := func() []fyne.CanvasObject {
		track = canvas.NewRectangle(themed(theme.ColorNameInputBackground))
		fill = canvas.NewRectangle(themed(theme.ColorNamePrimary))
		if budget > 0 && used > budget {
			fill.FillColor = themed(colorLate)
		}
		track.CornerRadius, fill.CornerRadius = 3, 3
		return []fyne.CanvasObject{track, fill}
	}
	place := func(s fyne.Size) {
		track.Resize(s)
		frac := float32(0)
		if budget > 0 {
			frac = float32(min(1, used/budget))
		}
		fill.Resize(fyne.NewSize(s.Width*frac, s.Height))
	}
	return newChart(fyne.NewSize(60, 6), build, place)
}

// legend names the colours of a chart, on as many lines as its width needs.
func legend(names []string, colors []color.Color) fyne.CanvasObject {
	box := flow()
	for i, n := range names {
		sw := canvas.NewRectangle(colors[i])
		sw.CornerRadius = 2
		sw.SetMinSize(fyne.NewSize(10, 10))
		box.Add(container.NewHBox(container.NewCenter(sw), muted(n), spacerW(6)))
	}
	return box
}

// shorten cuts a name to n characters, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
