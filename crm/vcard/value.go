package vcard

import (
	"bytes"
	"encoding/base64"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// Escaped separators travel through go-vcard as these two noncharacters.
// go-vcard turns "\," into "," and leaves "\;" alone, so after it a
// component list "a\;b;c" could not be told from "a;b;c", nor the category
// "R\, D" from the two categories "R" and "D". Noncharacters never appear
// in interchanged text (and are dropped from input), so they are safe marks.
const (
	escSemicolon = '\uFDD0'
	escComma     = '\uFDD1'
)

// decodeValue undoes the transfer encodings of vCard 2.1 and returns the
// value as UTF-8 text, still carrying vCard's backslash escapes.
func decodeValue(p *property) string {
	raw := p.value
	if p.qp {
		raw = decodeQuotedPrintable(raw)
	}
	if p.base64 && !binaryProperties[p.name] {
		if dec, err := base64.StdEncoding.DecodeString(string(stripSpace(raw))); err == nil {
			raw = dec
		}
	}
	return toUTF8(raw, p.charset)
}

// decodeQuotedPrintable decodes "=XX" escapes. A malformed escape stays as
// written rather than failing the card: the text is still worth reading.
func decodeQuotedPrintable(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '=' && i+2 < len(b) {
			if hi, lo := unhex(b[i+1]), unhex(b[i+2]); hi >= 0 && lo >= 0 {
				out = append(out, byte(hi<<4|lo))
				i += 2
				continue
			}
		}
		if b[i] == '=' && i == len(b)-1 {
			break // a soft break at the very end of the value
		}
		out = append(out, b[i])
	}
	return out
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

func stripSpace(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, b)
}

// toUTF8 decodes b from the named character set. UTF-8 (or no name) that
// is not valid UTF-8 was most likely written by a Windows program in its
// code page, so it is read as windows-1252, the superset of ISO-8859-1 that
// such files really use; a declared UTF-8 keeps its bad bytes as U+FFFD.
func toUTF8(b []byte, charset string) string {
	name := strings.ToLower(strings.TrimSpace(charset))
	switch name {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		if utf8.Valid(b) {
			return string(b)
		}
		if name == "" {
			return decodeWith(charmap.Windows1252, b)
		}
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	if enc := lookupCharset(name); enc != nil {
		return decodeWith(enc, b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func lookupCharset(name string) encoding.Encoding {
	if enc, err := htmlindex.Get(name); err == nil {
		return enc
	}
	if enc, err := ianaindex.IANA.Encoding(name); err == nil && enc != nil {
		return enc
	}
	return nil
}

func decodeWith(enc encoding.Encoding, b []byte) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// escapeForDecoder rewrites a value's escapes into the ones go-vcard
// undoes ("\\", "\n", and nothing else), so the text arrives whole:
//   - "\;" and "\," become escSemicolon and escComma (see there);
//   - "\N" is a newline as "\n" is; "\:" (Apple's "http\://") and "\""
//     (macOS notes) are the plain character;
//   - a backslash before anything else is kept as a backslash;
//   - a raw line break (only quoted-printable can produce one) is "\n".
func escapeForDecoder(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			i += writeEscape(&b, s, i)
		case c == '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\n':
			b.WriteString(`\n`)
		case c == 0xEF && isMarker(s[i:]):
			i += 2 // our own markers never come from a file
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeEscape writes the escape that starts at s[i] and returns how many
// extra bytes it used.
func writeEscape(b *strings.Builder, s string, i int) int {
	if i+1 >= len(s) {
		b.WriteString(`\\`)
		return 0
	}
	switch s[i+1] {
	case '\\':
		b.WriteString(`\\`)
	case 'n', 'N':
		b.WriteString(`\n`)
	case ';':
		b.WriteRune(escSemicolon)
	case ',':
		b.WriteRune(escComma)
	case ':', '"':
		b.WriteByte(s[i+1])
	default:
		b.WriteString(`\\`)
		return 0
	}
	return 1
}

func isMarker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == escSemicolon || r == escComma
}

// unmark turns the markers back into the characters they stand for.
func unmark(s string) string {
	if !strings.ContainsAny(s, "\uFDD0\uFDD1") {
		return s
	}
	return strings.NewReplacer("\uFDD0", ";", "\uFDD1", ",").Replace(s)
}

// components splits a structured value (N, ORG, ADR) at its unescaped
// semicolons and restores the escaped characters in each part.
func components(v string) []string {
	parts := strings.Split(v, ";")
	for i, p := range parts {
		parts[i] = unmark(p)
	}
	return parts
}

// list splits a list value (CATEGORIES, or one N component) at its
// unescaped commas.
func list(v string) []string {
	parts := strings.Split(v, ",")
	for i, p := range parts {
		parts[i] = unmark(p)
	}
	return parts
}
