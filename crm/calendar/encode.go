package calendar

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// maxLine is the longest content line RFC 5545 allows, in octets, not
// counting the CRLF that ends it.
const maxLine = 75

// propOrder puts the properties a person reads first when opening the file;
// any others follow in name order, so the output is byte-stable.
var propOrder = map[string]int{
	ical.PropVersion: 1, ical.PropProductID: 2, ical.PropCalendarScale: 3, ical.PropName: 4, "X-WR-CALNAME": 5,
	"X-WR-CALDESC": 6, ical.PropRefreshInterval: 7, "X-PUBLISHED-TTL": 8,
	ical.PropAction: 10, ical.PropTrigger: 11,
	ical.PropUID: 20, ical.PropDateTimeStamp: 21, ical.PropDateTimeStart: 22, ical.PropDateTimeEnd: 23,
	ical.PropRecurrenceRule: 24, ical.PropSummary: 25, ical.PropDescription: 26, ical.PropCategories: 27,
	ical.PropClass: 28, ical.PropTransparency: 29, ical.PropSequence: 30, ical.PropLastModified: 31,
}

// Encode writes cal as RFC 5545 requires on the wire, which go-ical's own
// encoder does not: content lines folded at 75 octets without splitting a
// UTF-8 character, CRLF line ends, and a calendar without any event still
// written (go-ical refuses one). Text values must have been set with setText
// or setTextList, which escape them and normalise line breaks; a raw CR or LF
// left in any value is refused rather than written as a broken file.
func Encode(w io.Writer, cal *ical.Calendar) error {
	bw := bufio.NewWriter(w)
	if err := encodeComponent(bw, cal.Component, nil); err != nil {
		return err
	}
	return bw.Flush()
}

// encodeComponent writes c whole, leaving out its own properties called by
// the names in skip (not those of its children): an event without its
// stamps is what its hashes cover.
func encodeComponent(w lineWriter, c *ical.Component, skip []string) error {
	if err := encodeHead(w, c, skip); err != nil {
		return err
	}
	for _, child := range c.Children {
		if err := encodeComponent(w, child, nil); err != nil {
			return err
		}
	}
	return writeLine(w, "END:"+c.Name)
}

// encodeHead writes the BEGIN line and the properties of c, in propOrder,
// but not its children nor its END: a streamed calendar writes its events
// and its END after it.
func encodeHead(w lineWriter, c *ical.Component, skip []string) error {
	if err := writeLine(w, "BEGIN:"+c.Name); err != nil {
		return err
	}
	names := propNames(c, skip)
	for _, name := range names {
		if err := writeProp(w, c, name); err != nil {
			return err
		}
	}
	return nil
}

// propNames lists the properties of c in the order they are written,
// leaving out those called by the names in skip.
func propNames(c *ical.Component, skip []string) []string {
	names := make([]string, 0, len(c.Props))
	for name := range c.Props {
		if !slices.Contains(skip, name) {
			names = append(names, name)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := rank(names[i]), rank(names[j])
		if a != b {
			return a < b
		}
		return names[i] < names[j]
	})
	return names
}

// rank is where a property goes in propOrder; those it does not name go
// after all it does, in name order.
func rank(name string) int {
	if r, ok := propOrder[name]; ok {
		return r
	}
	return 1000
}

// writeProp writes every value of the property called name.
func writeProp(w lineWriter, c *ical.Component, name string) error {
	for _, p := range c.Props[name] {
		line, err := propLine(&p)
		if err != nil {
			return fmt.Errorf("%s %s: %w", c.Name, name, err)
		}
		if err := writeLine(w, line); err != nil {
			return err
		}
	}
	return nil
}

// propLine writes one property as an unfolded content line.
func propLine(p *ical.Prop) (string, error) {
	var b strings.Builder
	b.WriteString(p.Name)
	params := make([]string, 0, len(p.Params))
	for name := range p.Params {
		params = append(params, name)
	}
	sort.Strings(params)
	for _, name := range params {
		b.WriteString(";" + name + "=")
		for i, v := range p.Params[name] {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(v, "\"\r\n") {
				return "", fmt.Errorf("parameter %s: a double quote or line break cannot be written", name)
			}
			if strings.ContainsAny(v, ";:,") {
				v = `"` + v + `"`
			}
			b.WriteString(v)
		}
	}
	if strings.ContainsAny(p.Value, "\r\n") {
		return "", fmt.Errorf("value has a raw line break (set text with setText)")
	}
	b.WriteByte(':')
	b.WriteString(p.Value)
	return b.String(), nil
}

// lineWriter is where content lines go: a bufio.Writer for a file, a
// bytes.Buffer for one event encoded once (see encodeEvent).
type lineWriter interface {
	WriteString(s string) (int, error)
	WriteRune(r rune) (int, error)
}

// writeLine folds a content line into lines of at most 75 octets, each
// continuation starting with a space, and never inside a UTF-8 character.
func writeLine(w lineWriter, line string) error {
	if len(line) <= maxLine && utf8.ValidString(line) { // most lines: nothing to fold
		w.WriteString(line)
		_, err := w.WriteString("\r\n")
		return err
	}
	n := 0
	for _, r := range line {
		size := utf8.RuneLen(r)
		if size < 0 { // invalid UTF-8 was replaced by cleanText; be safe anyway
			r, size = utf8.RuneError, 3
		}
		if n+size > maxLine {
			w.WriteString("\r\n ")
			n = 1
		}
		w.WriteRune(r)
		n += size
	}
	_, err := w.WriteString("\r\n")
	return err
}

// cleanText makes user text fit for an iCalendar TEXT value: CRLF and lone
// CR become LF (which escaping turns into \n), invalid UTF-8 becomes U+FFFD,
// and the control characters RFC 5545 forbids are dropped (a tab stays).
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// setText sets a TEXT property, escaped, with its line breaks normalised.
func setText(props ical.Props, name, text string) {
	p := ical.NewProp(name)
	p.SetText(cleanText(text))
	p.Params.Del(ical.ParamValue) // TEXT is the default, for X- properties too
	props.Set(p)
}

// setTextList sets a multi-valued TEXT property such as CATEGORIES.
func setTextList(props ical.Props, name string, list []string) {
	clean := make([]string, len(list))
	for i, s := range list {
		clean[i] = cleanText(s)
	}
	p := ical.NewProp(name)
	p.SetTextList(clean)
	props.Set(p)
}
