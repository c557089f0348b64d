package cli

import (
	"flag"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// FuzzFlags gives every command's flag parsing (the scaffold all commands
// share, and the global --db and --today) arbitrary command lines, one
// argument a line: it must never panic, a positional argument must be one
// that was typed, and a date or duration it accepts must be one every later
// command can use.
func FuzzFlags(f *testing.F) {
	for _, s := range []struct {
		cmd  uint8
		args string
	}{
		{0, "--date\n0001-01-01"}, {1, "--paid\nInf\n--with\nSam"}, {2, "--within\n7974y"}, {3, "--horizon=36500y"},
		{4, "--today\n9999-12-31"}, {5, "--\n--not-a-flag"}, {6, "--met=2026-02-30\nAna"}, {7, "-json\n--rol\nmentor"},
		{8, "--until\n1899-12-31\nSam"}, {9, "--review-rule\nFREQ=MONTHLY;INTERVAL=0"}, {10, "--minutes\n9223372036854775807"},
	} {
		f.Add(s.cmd, s.args)
	}
	names := make([]string, 0, len(commands))
	for name, c := range commands {
		if !c.raw {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	f.Fuzz(func(t *testing.T, cmd uint8, line string) {
		args := strings.Split(line, "\n")
		if _, rest, err := ParseGlobal(args, func(string) string { return "kith.db" }); err == nil && len(rest) > len(args) {
			t.Fatalf("ParseGlobal(%q) returned more arguments than it was given: %q", args, rest)
		}
		c := commands[names[int(cmd)%len(names)]]
		h := c.handler()
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		define(fs, h.flags())
		pos, err := parse(fs, args)
		if err != nil {
			return
		}
		for _, p := range pos {
			if !slices.Contains(args, p) {
				t.Fatalf("%s %q: positional %q was not typed", c.name, args, p)
			}
		}
		for name, v := range h.flags() {
			checkParsedFlag(t, c.name, name, v)
		}
	})
}

// checkParsedFlag checks a date or duration flag holds a usable value.
func checkParsedFlag(t *testing.T, cmd, name string, v any) {
	switch v := v.(type) {
	case *dateFlag:
		if err := crm.CheckDate(v.d); err != nil {
			t.Fatalf("%s --%s accepted %v: %v", cmd, name, v.d, err)
		}
	case *spanFlag:
		if v.set && (v.s.Days() <= 0 || v.s.Days() > crm.MaxSpanDays) {
			t.Fatalf("%s --%s accepted %v", cmd, name, v.s)
		}
	}
}
