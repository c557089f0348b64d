package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzEscaped: whatever a name holds, what reaches the terminal is valid
// UTF-8 with no control character but the newline and tab that lay it
// out, and text with none of those passes unchanged.
func FuzzEscaped(f *testing.F) {
	for _, s := range []string{"Ana Lopez", "Eve\x1b[2J", "a\rb", "\xff\xfe", "x\u202ey", "tab\there\n", "\u0085", "\x00", "é\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		n, err := escaped{&b}.Write([]byte(s))
		if err != nil || n != len(s) {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
		out := b.String()
		if !utf8.ValidString(out) {
			t.Fatalf("%q escapes to invalid UTF-8 %q", s, out)
		}
		for _, r := range out {
			if (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidiControl(r) {
				t.Fatalf("%q escapes to %q, which holds %U", s, out, r)
			}
		}
		clean := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
			return (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidiControl(r)
		})
		if clean && out != s {
			t.Fatalf("%q, which needs no escape, became %q", s, out)
		}
		if c := cell(s); strings.ContainsAny(c, "\t\n") {
			t.Fatalf("cell(%q) = %q", s, c)
		}
	})
}
