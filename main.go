// Command kith is Kith, a personal CRM for the coaches, mentors and circles
// that grow a career. With no command it opens the window; with one it runs
// headless (see 'kith help').
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/kithcrm/kith/crm/cli"
	// For its init, which runs before Fyne's and fixes a locale Fyne
	// cannot parse (en_US@euro; C.UTF-8 before Fyne 2.8.1); otherwise every
	// command, help included, prints "Fyne error" lines on stderr.
	_ "github.com/kithcrm/kith/crm/locale"
	"github.com/kithcrm/kith/crm/store"
	"github.com/kithcrm/kith/ui"
)

func main() {
	if len(os.Args) > 1 {
		useParentConsole() // a command, or a bad flag, prints where it was typed
	}
	a, err := about()
	if err != nil {
		panic(err) // the file is compiled in: a test reads it too
	}
	cli.SetAbout(a)
	opts, rest, err := cli.ParseGlobal(os.Args[1:], os.Getenv)
	if err != nil {
		os.Exit(cli.Report(os.Stderr, err))
	}
	if len(rest) > 0 {
		os.Exit(cli.Run(opts, rest, os.Stdout, os.Stderr))
	}
	if err := ui.CheckDisplay(os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "kith:", err)
		os.Exit(1)
	}
	st, err := store.Open(opts.DB)
	if err != nil {
		os.Exit(cli.Report(os.Stderr, err)) // 2 for a file that is not a Kith book, as for the commands
	}
	defer st.Close()
	st.SetToday(opts.Today)
	windowGC(os.Getenv)
	ui.Run(st)
}

// windowGC makes the window's Go heap collect at half its live size
// rather than the default whole (unless GOGC says otherwise). The window
// runs for days and computes a quarterly review of every relationship
// (some 30 MB live at 50,000 people) on top of the renderer's own memory:
// the default let its peak reach 260 MB there, this keeps it near 237 MB
// for a few per cent more time collecting. The commands, short-lived,
// keep the default.
func windowGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
}
