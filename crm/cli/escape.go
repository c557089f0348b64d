package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escaped passes text for a person to w with the characters a terminal
// would act on written as Go escapes instead: control characters other
// than the newline and tab that lay out the text (an ESC in a name could
// recolour or clear the terminal, a carriage return overwrite the line
// before it), the marks that reverse the direction of what follows, and
// bytes that are not UTF-8. A name "Ana\x1b[2J" is shown as that text.
type escaped struct{ w io.Writer }

func (e escaped) Write(p []byte) (int, error) {
	start := 0 // the first byte not yet written
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		var esc string
		switch {
		case r == utf8.RuneError && size == 1:
			esc = fmt.Sprintf(`\x%02x`, p[i])
		case r == '\n' || r == '\t':
		case unicode.IsControl(r) || isBidiControl(r):
			esc = escapeRune(r)
		}
		if esc != "" {
			if _, err := e.w.Write(p[start:i]); err != nil {
				return start, err
			}
			if _, err := io.WriteString(e.w, esc); err != nil {
				return i, err
			}
			start = i + size
		}
		i += size
	}
	if _, err := e.w.Write(p[start:]); err != nil {
		return start, err
	}
	return len(p), nil
}

// escapeRune writes r as Go would in a string literal: \r, \x1b, \u202e.
func escapeRune(r rune) string {
	switch r {
	case '\r':
		return `\r`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\v':
		return `\v`
	case 0x07:
		return `\a`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// isBidiControl reports the Unicode marks that reorder the text after them
// (U+202A to U+202E, U+2066 to U+2069): in a table they can make one
// column's text appear in another.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// cell makes s one cell of a table: besides what escaped does, a tab or a
// newline inside s would start another cell or row, so they are escaped
// here, where a cell is known.
func cell(s string) string { return cellEscapes.Replace(s) }

var cellEscapes = strings.NewReplacer("\t", `\t`, "\n", `\n`)
