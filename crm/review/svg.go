package review

import (
	"fmt"
	"strconv"
)

// svgChart is a chart worked out as shapes, one slice per line of markup.
// Go does the arithmetic and the template draws every chart the same way,
// escaping each label by context, so no chart writes markup of its own.
type svgChart struct {
	W, H  int
	Title string // read out by screen readers
	Lines [][]shape
}

// shape is one SVG element of a chart.
type shape struct {
	Kind   string // "rect", "line" or "text"
	X, Y   int
	X2, Y2 int // where a line ends
	W, H   int // a rect's size
	Color  string
	Anchor string // a text's text-anchor; "" for the start
	Text   string // a text's words, or a rect's tooltip ("" for none)
}

// add puts shapes on a line of their own.
func (c *svgChart) add(s ...shape) { c.Lines = append(c.Lines, s) }

func svgRect(x, y, w, h int, color, tip string) shape {
	return shape{Kind: "rect", X: x, Y: y, W: w, H: h, Color: color, Text: tip}
}

// svgLine draws an axis or a centre line; they are all the same dark grey.
func svgLine(x1, y1, x2, y2 int) shape {
	return shape{Kind: "line", X: x1, Y: y1, X2: x2, Y2: y2, Color: "#444"}
}

func svgText(x, y int, anchor, s string) shape {
	return shape{Kind: "text", X: x, Y: y, Anchor: anchor, Text: s}
}

// legendKey is a colour swatch and its label along a chart's top edge.
func legendKey(x int, color, label string) []shape {
	return []shape{svgRect(x, 4, 10, 10, color, ""), svgText(x+14, 13, "", label)}
}

// roleMonthsChart draws a grouped bar chart: one group per month, one bar per role.
func (r *Review) roleMonthsChart() svgChart {
	months, values := r.RoleMonths()
	const w, h, left, top, bottom = 640, 250, 40, 30, 30
	plotH := h - top - bottom
	peak := 1
	for _, row := range values {
		for _, v := range row {
			peak = max(peak, v)
		}
	}
	c := svgChart{W: w, H: h, Title: "Interactions per month by role"}
	for i, role := range ChartRoles {
		c.add(legendKey(left+i*95, RoleColors[role], string(role))...)
	}
	c.add(svgLine(left, top+plotH, w-10, top+plotH))
	c.add(svgText(left-4, top+8, "end", strconv.Itoa(peak)), svgText(left-4, top+plotH, "end", "0"))
	groupW := (w - left - 10) / max(1, len(months))
	barW := (groupW - 20) / len(ChartRoles)
	for m, month := range months {
		gx := left + m*groupW + 10
		for i, role := range ChartRoles {
			v := values[m][i]
			bh := v * plotH / peak
			c.add(svgRect(gx+i*barW, top+plotH-bh, barW-2, bh, RoleColors[role], fmt.Sprintf("%s %s: %d", month, role, v)))
		}
		c.add(svgText(gx+groupW/2-10, h-10, "middle", month))
	}
	return c
}

// barsChart draws one row per person with two figures: either diverging
// from a centre line (received to the left, gave to the right) or stacked.
func barsChart(bars []PersonBar, aName, bName, aColor, bColor string, diverging bool) svgChart {
	const w, left, rowH, top = 640, 160, 22, 26
	peak := 1
	for _, p := range bars {
		if diverging {
			peak = max(peak, max(p.A, p.B))
		} else {
			peak = max(peak, p.A+p.B)
		}
	}
	c := svgChart{W: w, H: top + max(1, len(bars))*rowH + 8, Title: aName + " and " + bName + " per person"}
	c.add(append(legendKey(left, aColor, aName), legendKey(left+90, bColor, bName)...)...)
	if len(bars) == 0 {
		c.add(svgText(left, top+14, "", "nothing this quarter"))
	}
	plotW := w - left - 40
	for i, p := range bars {
		y := top + i*rowH
		c.add(svgText(left-6, y+14, "end", p.Name))
		tip := fmt.Sprintf("%s: %s %d, %s %d", p.Name, aName, p.A, bName, p.B)
		if diverging {
			mid := left + plotW/2
			aw, bw := p.A*(plotW/2)/peak, p.B*(plotW/2)/peak
			c.add(svgRect(mid, y+2, aw, 16, aColor, tip), svgRect(mid-bw, y+2, bw, 16, bColor, tip), svgLine(mid, y, mid, y+rowH))
		} else {
			aw, bw := p.A*plotW/peak, p.B*plotW/peak
			c.add(svgRect(left, y+2, aw, 16, aColor, tip), svgRect(left+aw, y+2, bw, 16, bColor, tip))
		}
		c.add(svgText(w-36, y+14, "", fmt.Sprintf("%d / %d", p.A, p.B)))
	}
	return c
}
