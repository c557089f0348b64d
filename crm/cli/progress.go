package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress shows how far a long piece of work has got, on stderr: on a
// terminal one line rewritten in place at most five times a second,
// elsewhere (a log) a line for each tenth done, so stdout stays the
// command's output alone.
type progress struct {
	w     io.Writer
	tty   bool
	label string
	shown int       // the last percentage written; -1 before the first
	last  time.Time // when it was written
	open  bool      // a terminal line is waiting for its end
}

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, tty: isTerminal(w), label: label, shown: -1}
}

// isTerminal reports whether w is a terminal, where a line can be rewritten.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// at reports done of total units ("bytes" or "people").
func (p *progress) at(done, total int64, unit string) {
	if total <= 0 {
		return
	}
	pct := int(done * 100 / total)
	if p.tty {
		if pct == p.shown || time.Since(p.last) < 200*time.Millisecond && pct < 100 {
			return
		}
		fmt.Fprintf(p.w, "\rkith: %s: %3d%% (%s)", p.label, pct, amount(done, total, unit))
		p.open = true
	} else {
		if pct/10 == p.shown/10 && p.shown >= 0 {
			return
		}
		fmt.Fprintf(p.w, "kith: %s: %d%% (%s)\n", p.label, pct, amount(done, total, unit))
	}
	p.shown, p.last = pct, time.Now()
}

// end finishes a line left open on a terminal.
func (p *progress) end() {
	if p.open {
		fmt.Fprintln(p.w)
		p.open = false
	}
}

func amount(done, total int64, unit string) string {
	if unit == "bytes" {
		return fmt.Sprintf("%.1f of %.1f MB", float64(done)/1e6, float64(total)/1e6)
	}
	return fmt.Sprintf("%d of %d %s", done, total, unit)
}
