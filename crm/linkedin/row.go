package linkedin

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/kithcrm/kith/crm"
)

// The fields Kith reads, in the order columns keeps their positions.
const (
	colFirst = iota
	colLast
	colURL
	colEmail
	colCompany
	colPosition
	colConnected
	numCols
)

// columnNames are the header names each field is known by, lower case.
// "Email Address", "URL" and "Connected On" are LinkedIn's; the others are
// what spreadsheet tools and older exports have called them.
var columnNames = map[string]int{
	"first name": colFirst, "last name": colLast,
	"url": colURL, "profile url": colURL, "linkedin url": colURL,
	"email address": colEmail, "email": colEmail, "e-mail address": colEmail,
	"company": colCompany, "position": colPosition, "title": colPosition, "job title": colPosition,
	"connected on": colConnected,
}

// headerLabels name the columns in messages, as LinkedIn's header does.
var headerLabels = [numCols]string{"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"}

// columns holds the position of each field in a row, -1 when the export
// has no such column.
type columns [numCols]int

// parseHeader reads a line as the header: it is one when it names both
// First Name and Last Name. The first column of each name counts.
func parseHeader(line []byte) (columns, bool) {
	var cols columns
	for i := range cols {
		cols[i] = -1
	}
	rd := csv.NewReader(bytes.NewReader(line))
	rd.LazyQuotes = true
	names, err := rd.Read()
	if err != nil {
		return cols, false
	}
	for i, name := range names {
		key := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(name, "\uFEFF")), " "))
		if c, ok := columnNames[key]; ok && cols[c] < 0 {
			cols[c] = i
		}
	}
	return cols, cols[colFirst] >= 0 && cols[colLast] >= 0
}

func (cols columns) get(rec []string, c int) string {
	if i := cols[c]; i >= 0 && i < len(rec) {
		return oneLine(rec[i])
	}
	return ""
}

// oneLine trims a field, collapses its runs of white space (names come
// with trailing TABs, a quoted title may hold a line break) and drops
// control characters. Most fields need nothing, and are returned as they are.
func oneLine(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.Map(dropControl, s)), " ")
}

// isClean reports whether s is printable ASCII without leading, trailing
// or doubled spaces.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// dropControl removes control characters other than white space.
func dropControl(r rune) rune {
	if unicode.IsControl(r) && !unicode.IsSpace(r) {
		return -1
	}
	return r
}

// row turns a record into a contact. The profile URL is the contact's URL
// labelled "linkedin", as Kith labels it; the email (LinkedIn gives it only
// when the person allows) has no label, LinkedIn does not say whether it
// is work or home. Each is the only one of its kind, so it is primary.
func (cols columns) row(rec []string, line int) Row {
	r := Row{Line: line}
	c := &r.Contact
	c.Name = fullName(cols.get(rec, colFirst), cols.get(rec, colLast))
	c.Company = cols.get(rec, colCompany)
	c.Title = cols.get(rec, colPosition)
	c.Source, c.SourceDetail = crm.SourceOnline, "LinkedIn"
	if url := cols.get(rec, colURL); url != "" {
		c.Channels = append(c.Channels, crm.Channel{Kind: crm.ChannelURL, Label: "linkedin", Value: url, Primary: true})
	}
	email := cols.get(rec, colEmail)
	if email != "" {
		c.Channels = append(c.Channels, crm.Channel{Kind: crm.ChannelEmail, Value: email, Primary: true})
	}
	met, dateErr := parseDate(cols.get(rec, colConnected))
	c.MetOn = met
	switch {
	case c.Name == "":
		r.Err = r.refuse(colFirst, "no name: First Name and Last Name are both empty")
	case dateErr != "":
		r.Err = r.refuse(colConnected, dateErr)
	case email != "" && !strings.Contains(email, "@"):
		r.Err = r.refuse(colEmail, fmt.Sprintf("%q is not an email address", email))
	default:
		r.checkContact()
	}
	return r
}

// checkContact applies the rules every stored contact obeys (a name may
// not start with #, which is how ids are written), so that a row accepted
// here is one the store accepts.
func (r *Row) checkContact() {
	check := r.Contact
	if err := check.Validate(); err != nil {
		r.Err = &RowError{Line: r.Line, Field: "First Name/Last Name", Reason: err.Error()}
	}
}

// fullName joins first and last name with a space, except for Chinese and
// Korean names (李 + 明), which are written as one word: 李明.
func fullName(first, last string) string {
	if first != "" && last != "" && isHanOrHangul(first) && isHanOrHangul(last) {
		return first + last
	}
	return strings.TrimSpace(first + " " + last)
}

func isHanOrHangul(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hangul, r) {
			return false
		}
	}
	return true
}

func (r *Row) refuse(col int, reason string) *RowError {
	field := headerLabels[col]
	if col == colFirst {
		field = "First Name/Last Name"
	}
	return &RowError{Line: r.Line, Field: field, Reason: reason}
}

// dateLayouts are the ways Connected On has been written: LinkedIn's
// "15 Mar 2024", and ISO dates from a file that passed through a
// spreadsheet. Ambiguous forms such as 03/04/2024 are not guessed.
var dateLayouts = []string{"2 Jan 2006", "2 January 2006", "2006-01-02"}

// parseDate reads Connected On. An empty date is no error: the contact
// just has no "met on" day.
func parseDate(s string) (crm.Date, string) {
	if s == "" {
		return crm.Date{}, ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			d := crm.DateOf(t)
			if err := d.InRange(); err != nil {
				return crm.Date{}, err.Error()
			}
			return d, ""
		}
	}
	return crm.Date{}, fmt.Sprintf("%q is not a date (LinkedIn writes 15 Mar 2024)", s)
}
