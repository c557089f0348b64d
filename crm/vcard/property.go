package vcard

import (
	"bytes"
	"strings"
)

// property is one logical line taken apart: enough to undo vCard 2.1's
// encodings and to hand go-vcard a clean 3.0 line it reads without loss.
type property struct {
	group   string
	name    string // upper case
	params  []param
	value   []byte // as written: still escaped, maybe quoted-printable
	qp      bool   // ENCODING=QUOTED-PRINTABLE, or the bare 2.1 QUOTED-PRINTABLE
	base64  bool   // ENCODING=b / BASE64
	charset string // CHARSET=..., "" when not given
}

type param struct {
	key    string // upper case
	values []string
}

// parseProperty splits a logical line into group, name, parameters and
// value. It returns false for a line that is not a property (no colon, no
// name), which readers skip as go-vcard does.
func parseProperty(line []byte) (property, bool) {
	line = bytes.TrimPrefix(line, []byte("\uFEFF")) // a BOM left where files were concatenated
	head := propertyHead(line)
	if len(head) == len(line) {
		return property{}, false
	}
	p := property{value: line[len(head)+1:]}
	fields := splitParams(string(head))
	p.group, p.name = splitGroup(strings.TrimSpace(fields[0]))
	if !isToken(p.name) || (p.group != "" && !isToken(p.group)) {
		return property{}, false
	}
	p.name = strings.ToUpper(p.name)
	for _, f := range fields[1:] {
		p.addParam(f)
	}
	return p, true
}

func splitGroup(s string) (group, name string) {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return "", s
}

// splitParams splits "NAME;A=1;B="x;y"" at semicolons outside quotes.
func splitParams(head string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(head); i++ {
		switch head[i] {
		case '"':
			quoted = !quoted
		case ';':
			if !quoted {
				out = append(out, head[start:i])
				start = i + 1
			}
		}
	}
	return append(out, head[start:])
}

// addParam records one parameter. vCard 2.1 writes types bare
// ("TEL;CELL;PREF:"), and go-vcard drops a parameter without "=", so a bare
// word becomes a TYPE, except the encodings, which are decoded here.
func (p *property) addParam(f string) {
	f = strings.TrimSpace(f)
	if f == "" {
		return
	}
	key, val, hasValue := strings.Cut(f, "=")
	key = strings.ToUpper(strings.TrimSpace(key))
	if !hasValue {
		p.addBare(key)
		return
	}
	switch key {
	case "ENCODING":
		p.addBare(strings.ToUpper(unquote(val)))
	case "CHARSET":
		p.charset = unquote(val)
	default:
		p.params = append(p.params, param{key: key, values: splitValues(val)})
	}
}

func (p *property) addBare(word string) {
	switch word {
	case "QUOTED-PRINTABLE", "QP":
		p.qp = true
	case "BASE64", "B":
		p.base64 = true
	case "8BIT", "7BIT":
	default:
		p.params = append(p.params, param{key: "TYPE", values: []string{word}})
	}
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// splitValues splits a parameter value list at its commas. A quoted list
// is still a list: RFC 6350 writes TYPE="voice,cell".
func splitValues(s string) []string {
	parts := strings.Split(strings.ReplaceAll(s, `"`, ""), ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// isToken accepts the names RFC 6350 allows (letters, digits, dashes) and
// the underscores some exporters add; anything else is not a property.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// keptParams are the parameters the mapping reads; the rest are not passed on.
var keptParams = map[string]bool{"TYPE": true, "PREF": true, "VALUE": true, xAppleOmitYear: true}

// xAppleOmitYear marks the placeholder year Apple writes for a birthday
// without a year (BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15).
const xAppleOmitYear = "X-APPLE-OMIT-YEAR"

// canonical writes the property as one unfolded vCard 3.0 line that
// go-vcard parses exactly as meant: parameters named, decoded value escaped
// the way go-vcard unescapes it (see escapeForDecoder).
func (p *property) canonical(b *strings.Builder) {
	if p.group != "" {
		b.WriteString(p.group)
		b.WriteByte('.')
	}
	b.WriteString(p.name)
	for _, prm := range p.params {
		if !keptParams[prm.key] {
			continue
		}
		b.WriteByte(';')
		b.WriteString(prm.key)
		b.WriteByte('=')
		for i, v := range prm.values {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(paramText(v))
		}
	}
	b.WriteByte(':')
	b.WriteString(escapeForDecoder(decodeValue(p)))
	b.WriteByte('\n')
}

// paramText keeps a parameter value to the characters go-vcard reads
// unquoted: the mapping only needs words such as "work" and "1".
func paramText(v string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ';', ':', ',', '"', '\\', '\r', '\n':
			return -1
		}
		return r
	}, v)
}
