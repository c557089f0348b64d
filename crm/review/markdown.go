package review

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "\r\n", " ", "\n", " ")

// mdEscape keeps what the user typed from turning into Markdown: a name
// like *Sam* or a note starting with # stays text. Newlines become spaces,
// so a note never breaks a table row.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdWriter writes Markdown, escaping what the user typed (see mdEscape).
type mdWriter struct{ w *bufio.Writer }

func (m mdWriter) head(title, subtitle string) {
	fmt.Fprintf(m.w, "# %s\n\n%s\n", mdEscape(title), mdEscape(subtitle))
}

func (m mdWriter) section(title string) { fmt.Fprintf(m.w, "\n## %s\n", mdEscape(title)) }
func (m mdWriter) para(s string)        { fmt.Fprintf(m.w, "\n%s\n", mdEscape(s)) }
func (m mdWriter) subhead(s string)     { fmt.Fprintf(m.w, "\n### %s\n", mdEscape(s)) }

func (m mdWriter) list(items []string) {
	m.w.WriteString("\n")
	for _, item := range items {
		fmt.Fprintf(m.w, "- %s\n", mdEscape(item))
	}
}

func (m mdWriter) table(t table) {
	m.w.WriteString("\n")
	mdRow(m.w, t.Head)
	seps := make([]string, len(t.Head))
	for i := range seps {
		seps[i] = "---"
	}
	fmt.Fprintf(m.w, "| %s |\n", strings.Join(seps, " | "))
	for _, row := range t.Rows {
		mdRow(m.w, row)
	}
}

// mdRow writes one table row; a pipe the user typed is escaped, since it
// would otherwise end the cell early.
func mdRow(w io.Writer, cells []string) {
	esc := make([]string, len(cells))
	for i, c := range cells {
		esc[i] = strings.ReplaceAll(mdEscape(c), "|", `\|`)
		if esc[i] == "" {
			esc[i] = " "
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(esc, " | "))
}
