package vcard

import (
	"errors"
	"fmt"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/kithcrm/kith/crm"
)

// birthdayKind says what a BDAY value turned out to be.
type birthdayKind int

const (
	bdayDate    birthdayKind = iota // a full calendar day
	bdayPartial                     // a day without a year, or a year without a day
	bdayText                        // VALUE=text that is not a date ("circa 1800")
	bdayInvalid                     // meant as a date and is not one
)

// birthday returns the first BDAY that is a full date. crm.Date has no
// "day without a year", so a birthday such as --0415 (vCard 4.0) or
// Apple's 1604-04-15 placeholder is not kept and is listed in Skipped, as
// is a text birthday. When no BDAY is a date and one of them claims to be
// one but is not (1980-02-30), it is returned as bad and refuses the card:
// the user should see it rather than lose it.
func (c *Card) birthday(fields []*govcard.Field) (crm.Date, string) {
	bad := ""
	for _, f := range fields {
		v := strings.TrimSpace(unmark(f.Value))
		if v == "" {
			continue
		}
		d, kind := parseBirthday(v, f.Params)
		switch kind {
		case bdayDate:
			return d, ""
		case bdayPartial:
			c.Skipped = append(c.Skipped, fmt.Sprintf("BDAY %q: Kith keeps a birthday only with day, month and year", v))
		case bdayText:
			c.Skipped = append(c.Skipped, fmt.Sprintf("BDAY %q: not a date", v))
		case bdayInvalid:
			if bad == "" {
				bad = v
			}
		}
	}
	return crm.Date{}, bad
}

// parseBirthday reads 1980-03-22, 19800322 and either with a time after
// it (KAddressBook writes 1955-07-19T00:00:00Z); the time is dropped, a
// birthday is a day.
func parseBirthday(v string, params govcard.Params) (crm.Date, birthdayKind) {
	day := v
	if i := strings.IndexAny(day, "Tt"); i >= 0 {
		day = day[:i]
	}
	if len(day) == 8 && isDigits(day) {
		day = day[:4] + "-" + day[4:6] + "-" + day[6:]
	}
	d, err := crm.ParseDate(day)
	var outside *crm.OutOfRangeError
	switch {
	// Apple's placeholder year (1604) is outside Kith's range of days, and
	// still only says that the year is missing.
	case (err == nil || errors.As(err, &outside)) && isOmittedYear(day[:4], params):
		return crm.Date{}, bdayPartial
	case err == nil:
		return d, bdayDate
	case isPartialDate(v):
		return crm.Date{}, bdayPartial
	case strings.EqualFold(params.Get(govcard.ParamValue), "text"):
		return crm.Date{}, bdayText
	}
	return crm.Date{}, bdayInvalid
}

// isPartialDate recognises vCard 4.0's reduced dates: --MMDD, --MM-DD and
// ---DD have no year, YYYY and YYYY-MM no day.
func isPartialDate(v string) bool {
	switch {
	case strings.HasPrefix(v, "--"):
		return true
	case len(v) == 4:
		return isDigits(v)
	case len(v) == 7:
		return isDigits(v[:4]) && v[4] == '-' && isDigits(v[5:])
	}
	return false
}

// isOmittedYear reports whether the year is a stand-in for "no year":
// Apple's X-APPLE-OMIT-YEAR, or the 0000 some Android apps write.
func isOmittedYear(year string, params govcard.Params) bool {
	return year == "0000" || params.Get(xAppleOmitYear) == year
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
