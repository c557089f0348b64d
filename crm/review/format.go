package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

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

// WriteJSON writes the review as indented JSON, as encoding/json's
// Encoder with a two-space indent writes it, and whole or not at all:
// everything that could fail to encode is encoded or checked before the
// first byte is written.
//
// The relationships are most of a large book's review (some 34 MB for
// 50,000 people). They are written one at a time into the place the rest
// of the review leaves for them (see jsonIndenter), straight to w through
// a small buffer, so the review's JSON is never held whole.
func (r *Review) WriteJSON(w io.Writer) error {
	if len(r.Contacts) == 0 {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	rest := *r
	rest.Contacts = nil
	outer, err := json.MarshalIndent(&rest, "", "  ")
	if err != nil {
		return err
	}
	const slot = "\n  \"contacts\": null"
	before, after, ok := bytes.Cut(outer, []byte(slot))
	if !ok {
		return fmt.Errorf("review JSON: no place for the relationships")
	}
	if err := checkJSONNumbers(r.Contacts); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(before)
	bw.WriteString(slot[:len(slot)-len("null")] + "[\n")
	enc := jsonIndenter{prefix: "    "}
	for i := range r.Contacts {
		enc.b = append(enc.b[:0], "    "...)
		enc.relationship(&r.Contacts[i])
		if i < len(r.Contacts)-1 {
			enc.b = append(enc.b, ',')
		}
		enc.b = append(enc.b, '\n')
		if _, err := bw.Write(enc.b); err != nil {
			return err
		}
	}
	bw.WriteString("  ]")
	bw.Write(after)
	bw.WriteString("\n")
	return bw.Flush()
}

// WriteText writes the review as plain text with aligned columns.
func (r *Review) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	writeDoc(r.layout(), textWriter{bw})
	return bw.Flush()
}

// WriteMarkdown writes the review as Markdown with GitHub-style tables,
// for notes apps.
func (r *Review) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	writeDoc(r.layout(), mdWriter{bw})
	return bw.Flush()
}

// docWriter writes each kind of block of a layout in one format. writeDoc
// walks the layout for it, so the text and Markdown reports cannot drift
// apart in what they include or in what order. Charts are not among the
// kinds: only the HTML report draws them.
type docWriter interface {
	head(title, subtitle string)
	section(title string)
	para(s string)
	subhead(s string)
	list(items []string)
	table(t table)
}

// writeDoc walks a layout in order, handing each block to dw; the writers
// buffer, so their write errors surface when the buffer is flushed.
func writeDoc(d doc, dw docWriter) {
	dw.head(d.Title, d.Subtitle)
	for _, s := range d.Sections {
		dw.section(s.Title)
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case para:
				dw.para(string(b))
			case subhead:
				dw.subhead(string(b))
			case list:
				dw.list(b)
			case table:
				dw.table(b)
			}
		}
	}
}
