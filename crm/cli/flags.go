package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// newFlags makes a flag set for a command; its errors come back to Run
// rather than exiting, and its usage is the command's help.
func (e *env) newFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(e.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags and positional arguments in any order (kith contact add
// "Ana Lopez" --role mentor and kith contact add --role mentor "Ana Lopez"
// both work), which Go's flag package alone does not allow. Everything after
// a lone "--" is positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if i := indexOf(args, "--"); i == 0 {
			return append(pos, args[1:]...), nil
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at "--" after consuming it; what follows is positional.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// parseExact is parse for commands that take exactly n positional
// arguments; what names them in the message when they are missing.
func parseExact(fs *flag.FlagSet, args []string, n int, what string) ([]string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	return pos, exactArgs(pos, n, what)
}

// exactArgs checks the number of positional arguments.
func exactArgs(pos []string, n int, what string) error {
	if len(pos) != n {
		if len(pos) < n {
			return usagef("missing %s", what)
		}
		return usagef("too many arguments: %q (quote names with spaces)", strings.Join(pos[n:], " "))
	}
	return nil
}

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

// setFlags tells which flags the user actually gave, so edit changes only those.
func setFlags(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
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

// parseMoney reads an amount like 150 or 150.50.
func parseMoney(flagName, s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v < 0 {
		return 0, crm.Invalid(flagName, fmt.Errorf("%q is not an amount", s))
	}
	return v, nil
}
