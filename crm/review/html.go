package review

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// htmlStyle is the report's only styling, inside the file: it opens with no
// network and prints to PDF with sections kept whole where they fit.
const htmlStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{margin:0 0 .2rem}h2{border-bottom:2px solid #444;margin-top:2.2rem;padding-bottom:.2rem}h3{margin:1.2rem 0 .3rem;font-size:1rem}
.sub{color:#555;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.88rem}
th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
ul{margin:.3rem 0 .8rem}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}
svg{max-width:100%;height:auto;font-family:inherit}
@page{margin:1.5cm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}h3{break-after:avoid}figure,tr{break-inside:avoid}th{background:none}}`

// WriteHTML writes the review as one self-contained HTML page: styles
// inside it, charts as inline SVG, nothing fetched from anywhere.
func (r *Review) WriteHTML(w io.Writer) error {
	d := r.layout()
	bw := bufio.NewWriter(w)
	esc := html.EscapeString
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n",
		esc(d.Title), htmlStyle)
	fmt.Fprintf(bw, "<h1>%s</h1>\n<p class=\"sub\">%s</p>\n", esc(d.Title), esc(d.Subtitle))
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "<section>\n<h2>%s</h2>\n", esc(s.Title))
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case para:
				fmt.Fprintf(bw, "<p>%s</p>\n", esc(string(b)))
			case subhead:
				fmt.Fprintf(bw, "<h3>%s</h3>\n", esc(string(b)))
			case list:
				bw.WriteString("<ul>\n")
				for _, item := range b {
					fmt.Fprintf(bw, "<li>%s</li>\n", esc(item))
				}
				bw.WriteString("</ul>\n")
			case table:
				bw.WriteString("<table>\n<thead><tr>")
				for _, h := range b.Head {
					fmt.Fprintf(bw, "<th>%s</th>", esc(h))
				}
				bw.WriteString("</tr></thead>\n<tbody>\n")
				for _, row := range b.Rows {
					bw.WriteString("<tr>")
					for _, c := range row {
						fmt.Fprintf(bw, "<td>%s</td>", esc(c))
					}
					bw.WriteString("</tr>\n")
				}
				bw.WriteString("</tbody>\n</table>\n")
			case chart:
				bw.WriteString(r.svgChart(b))
			}
		}
		bw.WriteString("</section>\n")
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

// svgChart draws one chart as a figure with an inline SVG.
func (r *Review) svgChart(c chart) string {
	switch c {
	case chartRoleMonths:
		return figure("Interactions per month by role", r.roleMonthsSVG())
	case chartBalance:
		return figure(fmt.Sprintf("Given and received per person (the %d busiest)", ChartLimit),
			barsSVG(r.BalanceBars(ChartLimit), "gave", "received", ColorGave, ColorReceived, true))
	case chartCadence:
		kept, missed := r.CheckinTotals()
		return figure(fmt.Sprintf("Check-ins kept on time and missed: %d kept, %d missed", kept, missed),
			barsSVG(r.CadenceBars(ChartLimit), "kept", "missed", ColorKept, ColorMissed, false))
	}
	return ""
}

func figure(caption, svg string) string {
	return "<figure>\n" + svg + "<figcaption>" + html.EscapeString(caption) + "</figcaption>\n</figure>\n"
}

// svgDoc opens an SVG of the given size with a title for screen readers.
func svgDoc(b *strings.Builder, w, h int, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" font-size="11">`+"\n", w, h, w, h)
	fmt.Fprintf(b, "<title>%s</title>\n", html.EscapeString(title))
}

// roleMonthsSVG draws a grouped bar chart: one group per month, one bar per role.
func (r *Review) roleMonthsSVG() string {
	months, values := r.RoleMonths()
	const w, h, left, top, bottom = 640, 250, 40, 30, 30
	plotH := h - top - bottom
	peak := 1
	for _, row := range values {
		for _, v := range row {
			peak = max(peak, v)
		}
	}
	var b strings.Builder
	svgDoc(&b, w, h, "Interactions per month by role")
	for i, role := range ChartRoles { // legend
		x := left + i*95
		fmt.Fprintf(&b, `<rect x="%d" y="4" width="10" height="10" fill="%s"/><text x="%d" y="13">%s</text>`+"\n", x, RoleColors[role], x+14, role)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>`+"\n", left, top+plotH, w-10, top+plotH)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%d</text><text x="%d" y="%d" text-anchor="end">0</text>`+"\n",
		left-4, top+8, peak, left-4, top+plotH)
	groupW := (w - left - 10) / max(1, len(months))
	barW := (groupW - 20) / len(ChartRoles)
	for m, month := range months {
		gx := left + m*groupW + 10
		for i, role := range ChartRoles {
			v := values[m][i]
			bh := v * plotH / peak
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s %s: %d</title></rect>`+"\n",
				gx+i*barW, top+plotH-bh, barW-2, bh, RoleColors[role], month, role, v)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`+"\n", gx+groupW/2-10, h-10, month)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// barsSVG draws one row per person with two figures: either diverging from
// a centre line (received to the left, gave to the right) or stacked.
func barsSVG(bars []PersonBar, aName, bName, aColor, bColor string, diverging bool) string {
	const w, left, rowH, top = 640, 160, 22, 26
	h := top + max(1, len(bars))*rowH + 8
	peak := 1
	for _, p := range bars {
		if diverging {
			peak = max(peak, max(p.A, p.B))
		} else {
			peak = max(peak, p.A+p.B)
		}
	}
	var b strings.Builder
	svgDoc(&b, w, h, aName+" and "+bName+" per person")
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="10" height="10" fill="%s"/><text x="%d" y="13">%s</text>`, left, aColor, left+14, aName)
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="10" height="10" fill="%s"/><text x="%d" y="13">%s</text>`+"\n", left+90, bColor, left+104, bName)
	if len(bars) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d">nothing this quarter</text>`+"\n", left, top+14)
	}
	plotW := w - left - 40
	for i, p := range bars {
		y := top + i*rowH
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-6, y+14, html.EscapeString(p.Name))
		tip := fmt.Sprintf("%s: %s %d, %s %d", html.EscapeString(p.Name), aName, p.A, bName, p.B)
		if diverging {
			mid := left + plotW/2
			aw, bwid := p.A*(plotW/2)/peak, p.B*(plotW/2)/peak
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="%s"><title>%s</title></rect>`, mid, y+2, aw, aColor, tip)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="%s"><title>%s</title></rect>`, mid-bwid, y+2, bwid, bColor, tip)
			fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>`+"\n", mid, y, mid, y+rowH)
		} else {
			aw, bwid := p.A*plotW/peak, p.B*plotW/peak
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="%s"><title>%s</title></rect>`, left, y+2, aw, aColor, tip)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="%s"><title>%s</title></rect>`+"\n", left+aw, y+2, bwid, bColor, tip)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d">%d / %d</text>`+"\n", w-36, y+14, p.A, p.B)
	}
	b.WriteString("</svg>\n")
	return b.String()
}
