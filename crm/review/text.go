package review

import (
	"bufio"
	"fmt"
	"strings"
	"text/tabwriter"
)

// textWriter writes plain text: headings in capitals, every user text on
// one line so a note's line breaks never break the layout.
type textWriter struct{ w *bufio.Writer }

func (t textWriter) head(title, subtitle string) {
	fmt.Fprintf(t.w, "%s\n%s\n", strings.ToUpper(title), subtitle)
}

func (t textWriter) section(title string) {
	fmt.Fprintf(t.w, "\n%s\n%s\n", strings.ToUpper(title), strings.Repeat("=", len(title)))
}

func (t textWriter) para(s string)    { fmt.Fprintf(t.w, "%s\n", oneLine(s)) }
func (t textWriter) subhead(s string) { fmt.Fprintf(t.w, "\n%s\n", oneLine(s)) }

func (t textWriter) list(items []string) {
	for _, item := range items {
		fmt.Fprintf(t.w, "  - %s\n", oneLine(item))
	}
}

func (t textWriter) table(tb table) {
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\n", strings.ToUpper(strings.Join(tb.Head, "\t")))
	for _, row := range tb.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = oneLine(c)
		}
		fmt.Fprintf(tw, "  %s\n", strings.Join(cells, "\t"))
	}
	tw.Flush()
}

// oneLine keeps a note's line breaks and tabs from breaking the text layout.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace
