package review

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm"
)

// Format is a way to write a review out.
type Format string

// The report formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "md"   // for notes apps
	FormatHTML     Format = "html" // self-contained, charts as inline SVG; prints cleanly
	FormatJSON     Format = "json" // for scripts
)

// Formats lists the formats in the order they are offered.
var Formats = []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON}

// ParseFormat checks a format name ("markdown" is accepted for md).
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "markdown" {
		return FormatMarkdown, nil
	}
	for _, f := range Formats {
		if s == string(f) {
			return f, nil
		}
	}
	return "", crm.Invalid("format", fmt.Errorf("unknown format %q (want text, md, html or json)", s))
}

// Write writes the review in a format.
func (r *Review) Write(w io.Writer, f Format) error {
	switch f {
	case FormatText:
		return r.WriteText(w)
	case FormatMarkdown:
		return r.WriteMarkdown(w)
	case FormatHTML:
		return r.WriteHTML(w)
	case FormatJSON:
		return r.WriteJSON(w)
	}
	_, err := ParseFormat(string(f))
	return err
}

// WriteJSON writes the review as indented JSON.
func (r *Review) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the review as plain text with aligned columns.
func (r *Review) WriteText(w io.Writer) error {
	d := r.layout()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n%s\n", strings.ToUpper(d.Title), d.Subtitle)
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "\n%s\n%s\n", strings.ToUpper(s.Title), strings.Repeat("=", len(s.Title)))
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case para:
				fmt.Fprintf(bw, "%s\n", oneLine(string(b)))
			case subhead:
				fmt.Fprintf(bw, "\n%s\n", oneLine(string(b)))
			case list:
				for _, item := range b {
					fmt.Fprintf(bw, "  - %s\n", oneLine(item))
				}
			case table:
				tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "  %s\n", strings.ToUpper(strings.Join(b.Head, "\t")))
				for _, row := range b.Rows {
					cells := make([]string, len(row))
					for i, c := range row {
						cells[i] = oneLine(c)
					}
					fmt.Fprintf(tw, "  %s\n", strings.Join(cells, "\t"))
				}
				tw.Flush()
			}
		}
	}
	return bw.Flush()
}

// WriteMarkdown writes the review as Markdown with GitHub-style tables,
// for notes apps.
func (r *Review) WriteMarkdown(w io.Writer) error {
	d := r.layout()
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s\n", mdEscape(d.Title), mdEscape(d.Subtitle))
	for _, s := range d.Sections {
		fmt.Fprintf(bw, "\n## %s\n", mdEscape(s.Title))
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case para:
				fmt.Fprintf(bw, "\n%s\n", mdEscape(string(b)))
			case subhead:
				fmt.Fprintf(bw, "\n### %s\n", mdEscape(string(b)))
			case list:
				bw.WriteString("\n")
				for _, item := range b {
					fmt.Fprintf(bw, "- %s\n", mdEscape(item))
				}
			case table:
				bw.WriteString("\n")
				mdRow(bw, b.Head)
				seps := make([]string, len(b.Head))
				for i := range seps {
					seps[i] = "---"
				}
				fmt.Fprintf(bw, "| %s |\n", strings.Join(seps, " | "))
				for _, row := range b.Rows {
					mdRow(bw, row)
				}
			}
		}
	}
	return bw.Flush()
}

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

// mdEscape keeps what the user typed from turning into Markdown: a name
// like *Sam* or a note starting with # stays text. Newlines become spaces,
// so a note never breaks a table row.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "\r\n", " ", "\n", " ")

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// oneLine keeps a note's line breaks and tabs from breaking the text layout.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace
