package review

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

// reportHTML is the page the HTML report fills in: kept as a template file
// rather than strings in code so its markup reads as markup, and rendered
// with html/template so every value is escaped for the place it lands.
//
//go:embed report.html.tmpl
var reportHTML string

// reportTemplate is parsed once, when the program starts: a broken template
// then fails every test at once, never one user's export.
var reportTemplate = template.Must(template.New("report").
	Funcs(template.FuncMap{"kind": blockKind}).
	Parse(reportHTML))

// WriteHTML writes the review as one self-contained HTML page: styles
// inside it, charts as inline SVG, nothing fetched from anywhere.
func (r *Review) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := reportTemplate.Execute(bw, r.htmlLayout()); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

// htmlLayout is the review's layout with each chart turned into the figure
// that draws it: the template cannot compute, so the geometry is done here.
// A chart the report does not know is left out, as it always was.
func (r *Review) htmlLayout() doc {
	d := r.layout()
	for i := range d.Sections {
		s := &d.Sections[i]
		blocks := s.Blocks[:0]
		for _, b := range s.Blocks {
			if c, ok := b.(chart); ok {
				f, ok := r.figure(c)
				if !ok {
					continue
				}
				b = f
			}
			blocks = append(blocks, b)
		}
		s.Blocks = blocks
	}
	return d
}

// blockKind names a block's type for the template, which cannot switch on
// Go types itself.
func blockKind(b any) string {
	switch b.(type) {
	case para:
		return "para"
	case subhead:
		return "subhead"
	case list:
		return "list"
	case table:
		return "table"
	case figure:
		return "figure"
	}
	return ""
}

// figure is a chart ready to draw: its shapes and the caption under it.
type figure struct {
	Caption string
	Chart   svgChart
}

// figure draws one chart; ok is false for a chart the report does not know.
func (r *Review) figure(c chart) (f figure, ok bool) {
	switch c {
	case chartRoleMonths:
		return figure{"Interactions per month by role", r.roleMonthsChart()}, true
	case chartBalance:
		return figure{fmt.Sprintf("Given and received per person (the %d busiest)", ChartLimit),
			barsChart(r.BalanceBars(ChartLimit), "gave", "received", ColorGave, ColorReceived, true)}, true
	case chartCadence:
		kept, missed := r.CheckinTotals()
		return figure{fmt.Sprintf("Check-ins kept on time and missed: %d kept, %d missed", kept, missed),
			barsChart(r.CadenceBars(ChartLimit), "kept", "missed", ColorKept, ColorMissed, false)}, true
	}
	return figure{}, false
}
