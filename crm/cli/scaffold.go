package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// command is one subcommand, such as "contact add". Besides the text 'kith
// help' prints, it declares what the scaffold every command shares (see
// execute) does before the command's own work: which flags to parse, whether
// --json is offered, how many positional arguments to require.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string
	help    string // longer text for 'kith help CMD'
	json    bool   // offers --json, which e.output then follows
	nargs   int    // exactly this many positional arguments, or anyArgs
	what    string // names the positional arguments when some are missing
	raw     bool   // hand over the arguments as typed, parsing no flags ('kith help')
	// previews marks a write command whose --dry-run reads the book: on a
	// missing database it previews into an empty book, where a command that
	// only reads refuses the path (see reader).
	previews bool
	handler  func() handler // a handler with fresh flag values, for one run
}

// anyArgs is command.nargs for a command that checks its own positional arguments.
const anyArgs = -1

// handler is a command's flag values and the work it does with them.
type handler interface {
	// flags names the command's flags and where their values go.
	flags() vars
	// run does the command's work once the flags are parsed and the
	// positional arguments counted.
	run(e *env, pos []string) error
}

// vars maps a flag's name to where its value goes: a *string or *bool
// (whose value beforehand is the default) or a flag.Value. There is no usage
// text: the command's help is what 'kith help' and --help print.
type vars map[string]any

// action is the handler of a command with no flags of its own.
type action func(e *env, pos []string) error

func (a action) flags() vars                    { return nil }
func (a action) run(e *env, pos []string) error { return a(e, pos) }

// do registers a command with no flags of its own.
func do(run func(e *env, pos []string) error) func() handler {
	return func() handler { return action(run) }
}

// execute is the scaffold every command shares: parse the flags its handler
// names and --json if offered, in any order with the positional arguments,
// check how many of those there are, and only then run the handler. Parse
// errors come back to Run, which reports them with exit status 2.
func (c *command) execute(e *env, args []string) error {
	h := c.handler()
	if c.raw {
		return h.run(e, args)
	}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs, h.flags())
	if c.json {
		fs.BoolVar(&e.asJSON, "json", false, "")
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if c.nargs != anyArgs {
		if err := exactArgs(pos, c.nargs, c.what); err != nil {
			return err
		}
	}
	e.given = map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "json" {
			e.given[f.Name] = true
		}
	})
	return h.run(e, pos)
}

// define puts the flags v names on fs.
func define(fs *flag.FlagSet, v vars) {
	for name, dst := range v {
		switch p := dst.(type) {
		case *string:
			fs.StringVar(p, name, *p, "")
		case *bool:
			fs.BoolVar(p, name, *p, "")
		case flag.Value:
			fs.Var(p, name, "")
		default:
			// A programming mistake, which TestEveryCommandDefinesItsFlags finds.
			panic(fmt.Sprintf("cli: %s: flag --%s has a value of type %T", fs.Name(), name, dst))
		}
	}
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
			return nil, usageError{unknownFlag(err, fs, "kith help "+fs.Name())}
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

// undefinedFlag is how package flag starts the error for a flag it does not know.
const undefinedFlag = "flag provided but not defined: -"

// unknownFlag rewords an error of fs.Parse for a person: a flag fs does not
// know is named as typed, with the nearest flag fs does know ("unknown flag
// --rol; did you mean --role?"), or else with help, the command that lists
// them. Any other error (a bad value) is returned as it is.
func unknownFlag(err error, fs *flag.FlagSet, help string) error {
	name, ok := strings.CutPrefix(err.Error(), undefinedFlag)
	if !ok {
		return err
	}
	name = strings.TrimLeft(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if near, ok := crm.Nearest(name, names); ok {
		return fmt.Errorf("unknown flag --%s; did you mean --%s?", name, near)
	}
	return fmt.Errorf("unknown flag --%s; run '%s' for the flags", name, help)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
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
