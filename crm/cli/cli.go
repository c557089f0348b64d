// Package cli is Kith's headless command line: the same binary that opens
// the window runs these commands without touching the GUI driver, so they
// work over SSH, in scripts and in CI. Names, flags and JSON keys are a
// contract with users' scripts: add, never rename.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// Options are the global flags, which come before the subcommand.
type Options struct {
	DB    string   // --db, else $KITH_DB, else the per-user default
	Today crm.Date // --today; zero for the local date
}

// ParseGlobal reads the global flags and returns them with the rest of the
// arguments: the subcommand and its own flags, or nothing to open the window.
func ParseGlobal(args []string, getenv func(string) string) (Options, []string, error) {
	var o Options
	fs := flag.NewFlagSet("kith", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.DB, "db", "", "database file")
	today := fs.String("today", "", "the day to compute due dates from (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, []string{"help"}, nil
		}
		return o, nil, usageError{fmt.Errorf("%w (global flags are --db PATH and --today YYYY-MM-DD, before the command)",
			unknownFlag(err, fs, "kith help"))}
	}
	if *today != "" {
		d, err := crm.ParseDate(*today)
		if err != nil {
			return o, nil, usageError{fmt.Errorf("--today: %w", err)}
		}
		o.Today = d
	}
	if o.DB == "" {
		o.DB = getenv("KITH_DB")
	}
	if o.DB == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return o, nil, err
		}
		o.DB = p
	}
	return o, fs.Args(), nil
}

// Run runs one subcommand with already parsed global options and returns
// its exit status: 0 on success, 2 for input the user must fix (unknown or
// ambiguous names, bad dates, durations, roles or kinds, bad flags), 1 for
// anything else.
func Run(o Options, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"help"}
	}
	cmd, rest := lookup(args)
	if cmd == nil {
		return Report(stderr, usageError{fmt.Errorf("unknown command %q; run 'kith help' for the list", strings.Join(args[:min(2, len(args))], " "))})
	}
	e := &env{opts: o, out: stdout, errOut: stderr, cmd: cmd}
	err := cmd.execute(e, rest)
	e.refreshCalendars()
	// Closing writes back what SQLite still holds; a failure there is the command's
	// failure unless it already failed for a reason worth more.
	if cerr := e.close(); err == nil {
		err = cerr
	}
	if errors.Is(err, flag.ErrHelp) {
		cmd.printHelp(stdout)
		return 0
	}
	if err != nil {
		return Report(stderr, err)
	}
	return 0
}

// Report prints an error for a person and picks the exit status.
func Report(w io.Writer, err error) int {
	fmt.Fprintln(w, "kith:", err)
	var e *crm.Error
	var u usageError
	switch {
	case errors.As(err, &u):
		return 2
	case errors.As(err, &e) && e.Code != crm.ENewer:
		return 2
	}
	return 1
}

// usageError is a mistake on the command line itself: an unknown flag, a
// missing argument.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

var commands = map[string]*command{}

// register adds a command to the table; each file registers its own in init.
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// lookup finds the longest command name that prefixes args ("contact add"
// before "contact").
func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:]
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c, args[1:]
	}
	return nil, nil
}

func (c *command) printHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: kith [--db PATH] [--today YYYY-MM-DD] %s %s\n\n%s\n", c.name, c.args, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
}

func init() {
	register(&command{name: "help", args: "[COMMAND]", summary: "Describe kith's commands, or one of them.", raw: true, handler: do(runHelp)})
}

func runHelp(e *env, args []string) error {
	if len(args) > 0 {
		c, _ := lookup(args)
		if c == nil {
			return usagef("no command %q; run 'kith help' for the list", strings.Join(args, " "))
		}
		c.printHelp(e.out)
		return nil
	}
	fmt.Fprint(e.out, `Kith: a personal CRM for the coaches, mentors and circles that grow a career.

usage: kith [--db PATH] [--today YYYY-MM-DD]              open the window
       kith [--db PATH] [--today YYYY-MM-DD] COMMAND ...  run a command headless

Global flags come before the command. --db (or $KITH_DB) picks the database
file; --today sets the day due dates are computed from.

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(e.out, "  %-20s %s\n", n, c.summary)
	}
	fmt.Fprint(e.out, "\nRun 'kith help COMMAND' or 'kith COMMAND --help' for its flags.\n")
	return nil
}

// env is what a running command has at hand.
type env struct {
	opts   Options
	out    io.Writer
	errOut io.Writer
	cmd    *command
	// asJSON and given are what the scaffold parsed: --json, and the
	// command's own flags the user gave (so an edit changes only those).
	asJSON bool
	given  map[string]bool
	// st is the database opened for writing, ro the same file opened
	// read-only for a command that only reads (see reader).
	st *store.Store
	ro *store.Store
	// noDaily spares a command the daily backup: restore keeps the
	// database it replaces itself.
	noDaily bool
	// cal is the calendar settings as the last write left them, read in
	// its transaction; calSet says a write committed (see refreshCalendars).
	cal    calendar.Settings
	calErr error
	calSet bool
}

// store opens the database for writing on first use, so 'kith help' never
// creates one, and makes the day's backup first (see dailyBackup).
func (e *env) store() (*store.Store, error) {
	if e.st == nil {
		e.closeReader() // from here on the command reads what it writes
		st, err := store.Open(e.opts.DB)
		if err != nil {
			return nil, err
		}
		st.SetToday(e.opts.Today)
		e.st = st
		e.dailyBackup()
	}
	return e.st, nil
}

// close closes the database if the command opened it.
func (e *env) close() error {
	e.closeReader()
	if e.st == nil {
		return nil
	}
	return e.st.Close()
}

// update runs fn in one write transaction: a failed command changes nothing.
// A committed write also reads the calendar settings, so the live calendar
// file can be refreshed once the command is done.
func (e *env) update(fn func(*store.Tx) error) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	var cal calendar.Settings
	var calErr error
	if err := st.Update(context.Background(), func(tx *store.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		cal, calErr = calendar.LoadSettings(tx)
		return nil
	}); err != nil {
		return err
	}
	e.cal, e.calErr, e.calSet = cal, calErr, true
	return nil
}

// view runs fn in one read-only transaction.
func (e *env) view(fn func(*store.Tx) error) error {
	st, err := e.reader()
	if err != nil {
		return err
	}
	return st.View(context.Background(), fn)
}

// today is the day the command works from.
func (e *env) today() crm.Date {
	if !e.opts.Today.IsZero() {
		return e.opts.Today
	}
	return crm.Today()
}

func (e *env) ctx() context.Context { return context.Background() }
