package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// CheckRule checks an RRULE value (without "RRULE:") against RFC 5545
// section 3.3.10: every part is NAME=VALUE and named once, FREQ is given,
// INTERVAL and COUNT are at least 1, UNTIL and COUNT are not both given,
// each BYxxx list holds values in its range and fits the frequency. The
// error names the part at fault ("INTERVAL=0: ..."). rrule-go alone lets
// INTERVAL=0 and COUNT=0 through, and calendars then refuse or loop.
func CheckRule(rule string) error {
	if rule == "" {
		return fmt.Errorf("is empty (the default is %s)", DefaultReviewRule)
	}
	parts := map[string]string{}
	for _, part := range strings.Split(rule, ";") {
		name, value, ok := strings.Cut(part, "=")
		if !ok || name == "" || value == "" {
			return fmt.Errorf("%q is not NAME=VALUE", part)
		}
		if _, twice := parts[name]; twice {
			return fmt.Errorf("%s is given twice", name)
		}
		check, known := ruleParts[name]
		if !known {
			return fmt.Errorf("%q: %s is not a part of an RRULE", part, name)
		}
		if err := check(value); err != nil {
			return fmt.Errorf("%s: %w", part, err)
		}
		parts[name] = value
	}
	return checkRuleParts(parts)
}

// checkRuleParts checks how the parts of a rule go together.
func checkRuleParts(p map[string]string) error {
	freq, ok := p["FREQ"]
	if !ok {
		return fmt.Errorf("FREQ is missing (e.g. FREQ=YEARLY)")
	}
	_, count := p["COUNT"]
	if _, until := p["UNTIL"]; until && count {
		return fmt.Errorf("UNTIL and COUNT cannot both be given")
	}
	if _, ok := p["BYSETPOS"]; ok && !hasBy(p, "BYSETPOS") {
		return fmt.Errorf("BYSETPOS=%s needs another BYxxx part to pick from", p["BYSETPOS"])
	}
	return checkRuleFreq(freq, p)
}

// checkRuleFreq checks the BYxxx parts that RFC 5545 allows only with
// some frequencies.
func checkRuleFreq(freq string, p map[string]string) error {
	if v, ok := p["BYWEEKNO"]; ok && freq != "YEARLY" {
		return fmt.Errorf("BYWEEKNO=%s only goes with FREQ=YEARLY", v)
	}
	if v, ok := p["BYYEARDAY"]; ok && (freq == "DAILY" || freq == "WEEKLY" || freq == "MONTHLY") {
		return fmt.Errorf("BYYEARDAY=%s does not go with FREQ=%s", v, freq)
	}
	if v, ok := p["BYMONTHDAY"]; ok && freq == "WEEKLY" {
		return fmt.Errorf("BYMONTHDAY=%s does not go with FREQ=WEEKLY", v)
	}
	if v, ok := p["BYDAY"]; ok && strings.ContainsAny(v, "0123456789") {
		_, weekno := p["BYWEEKNO"]
		if (freq != "MONTHLY" && freq != "YEARLY") || weekno {
			return fmt.Errorf("BYDAY=%s: a numbered day (1MO) goes only with FREQ=MONTHLY, or FREQ=YEARLY without BYWEEKNO", v)
		}
	}
	return nil
}

// hasBy reports whether p has a BYxxx part other than except.
func hasBy(p map[string]string, except string) bool {
	for name := range p {
		if strings.HasPrefix(name, "BY") && name != except {
			return true
		}
	}
	return false
}

// ruleParts checks the value of each part RFC 5545 defines.
var ruleParts = map[string]func(string) error{
	"FREQ":       oneOf("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
	"UNTIL":      checkUntil,
	"COUNT":      atLeastOne,
	"INTERVAL":   atLeastOne,
	"BYSECOND":   list(numbers(0, 60, false)),
	"BYMINUTE":   list(numbers(0, 59, false)),
	"BYHOUR":     list(numbers(0, 23, false)),
	"BYDAY":      list(checkWeekdayNum),
	"BYMONTHDAY": list(numbers(1, 31, true)),
	"BYYEARDAY":  list(numbers(1, 366, true)),
	"BYWEEKNO":   list(numbers(1, 53, true)),
	"BYMONTH":    list(numbers(1, 12, false)),
	"BYSETPOS":   list(numbers(1, 366, true)),
	"WKST":       oneOf(weekdays...),
}

var weekdays = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

func oneOf(values ...string) func(string) error {
	return func(v string) error {
		for _, ok := range values {
			if v == ok {
				return nil
			}
		}
		return fmt.Errorf("want one of %s", strings.Join(values, ", "))
	}
}

// atLeastOne checks an INTERVAL or COUNT. RFC 5545 sets no upper bound;
// Kith's is far past any review (every 10,000 years never recurs before
// 9999) and keeps the number within what every calendar program reads.
func atLeastOne(v string) error {
	if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 10000 || !isDigits(v) {
		return fmt.Errorf("want a whole number from 1 to 10000")
	}
	return nil
}

// list checks each value of a comma-separated list.
func list(check func(string) error) func(string) error {
	return func(v string) error {
		for _, item := range strings.Split(v, ",") {
			if err := check(item); err != nil {
				return fmt.Errorf("%q: %w", item, err)
			}
		}
		return nil
	}
}

// numbers checks a whole number from lo to hi, or from -hi to -lo too when
// signed (BYMONTHDAY=-1 is a month's last day).
func numbers(lo, hi int, signed bool) func(string) error {
	return func(v string) error {
		digits := v
		if signed {
			digits = strings.TrimLeft(v, "+-")
			if len(v)-len(digits) > 1 {
				digits = v
			}
		}
		n, err := strconv.Atoi(digits)
		if err != nil || !isDigits(digits) || n < lo || n > hi {
			if signed {
				return fmt.Errorf("want %d to %d, or -%d to -%d", lo, hi, hi, lo)
			}
			return fmt.Errorf("want %d to %d", lo, hi)
		}
		return nil
	}
}

// checkWeekdayNum checks one BYDAY value: a weekday, maybe after a signed
// week number from 1 to 53 (1MO, -1FR).
func checkWeekdayNum(v string) error {
	if len(v) < 2 {
		return fmt.Errorf("want a weekday (MO to SU), maybe numbered (1MO, -1FR)")
	}
	if err := oneOf(weekdays...)(v[len(v)-2:]); err != nil {
		return fmt.Errorf("want a weekday (MO to SU), maybe numbered (1MO, -1FR)")
	}
	if num := v[:len(v)-2]; num != "" {
		return numbers(1, 53, true)(num)
	}
	return nil
}

// checkUntil checks an UNTIL day, YYYYMMDD, or time, YYYYMMDDTHHMMSS with
// an optional Z.
func checkUntil(v string) error {
	for _, layout := range []string{"20060102", "20060102T150405", "20060102T150405Z"} {
		if t, err := time.Parse(layout, v); err == nil {
			return crm.DateOf(t).InRange()
		}
	}
	return fmt.Errorf("want a day YYYYMMDD or a time YYYYMMDDTHHMMSSZ")
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
