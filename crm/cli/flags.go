package cli

import (
	"strings"

	"github.com/kithcrm/kith/crm"
)

// listFlag collects a flag given several times (--email a --email b).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// dateFlag is a YYYY-MM-DD flag that remembers whether it was given, and
// names itself when the date is wrong.
type dateFlag struct {
	d   crm.Date
	set bool
}

func (f *dateFlag) String() string { return f.d.String() }
func (f *dateFlag) Set(s string) error {
	if s == "" { // an empty value clears the date
		f.d, f.set = crm.Date{}, true
		return nil
	}
	d, err := crm.ParseDate(s)
	if err != nil {
		return err
	}
	f.d, f.set = d, true
	return nil
}

// spanFlag is a duration flag (Nd, Nw, Nm, Ny).
type spanFlag struct {
	s   crm.Span
	set bool
}

func (f *spanFlag) String() string {
	if !f.set {
		return ""
	}
	return f.s.String()
}
func (f *spanFlag) Set(v string) error {
	s, err := crm.ParseSpan(v)
	if err != nil {
		return err
	}
	f.s, f.set = s, true
	return nil
}

// parseRoles checks role names given on the command line.
func parseRoles(names []string, flagName string) ([]crm.RoleKind, error) {
	var out []crm.RoleKind
	for _, n := range names {
		r, err := crm.ParseRole(n)
		if err != nil {
			return nil, crm.Invalid(flagName, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// parseMoney reads an amount like 150 or 150.50 (see crm.ParseAmount).
func parseMoney(flagName, s string) (float64, error) {
	v, err := crm.ParseAmount(s)
	if err != nil {
		return 0, crm.Invalid(flagName, err)
	}
	return v, nil
}

// parseMinutes reads the minutes an interaction took (see crm.ParseMinutes).
func parseMinutes(flagName, s string) (int, error) {
	n, err := crm.ParseMinutes(s)
	if err != nil {
		return 0, crm.Invalid(flagName, err)
	}
	return n, nil
}

// parseBudgetHours reads a monthly time budget (see crm.ParseBudgetHours).
func parseBudgetHours(flagName, s string) (float64, error) {
	v, err := crm.ParseBudgetHours(s)
	if err != nil {
		return 0, crm.Invalid(flagName, err)
	}
	return v, nil
}
