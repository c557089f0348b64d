package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "review", args: "[--quarter YYYYQn] [--format text|md|html|json] [--out FILE]",
		summary: "Look back on a quarter: time, give and take, neglect, goals, reflection.", help: `The quarter defaults to the one just ended, or the current one in its last
two weeks (--today moves "now"). Its figures are computed from the data, so
an interaction logged late still counts in its own quarter; a quarter still
running is counted up to today. --format md is for notes apps, html is one
self-contained page with charts that prints cleanly to PDF, json is for
scripts. --out writes the report to FILE instead of the screen.

Record your reflection with 'kith review answer' and 'kith review decide'.`, run: runReview})
	register(&command{name: "review answer", args: "PROMPT TEXT [--quarter YYYYQn]",
		summary: "Save your answer to a review prompt (an empty TEXT removes it).", help: `PROMPT is one of:
` + promptHelp(), run: runReviewAnswer})
	register(&command{name: "review decide", args: "NAME --decision deepen|keep|pause|end [--note TEXT] [--quarter YYYYQn] [--confirm]",
		summary: "Decide what to do with a relationship this quarter.", help: fmt.Sprintf(`pause snoozes the person's check-ins for %d months. end archives them, but
only with --confirm: without it the decision is saved and waits; run the
command again with --confirm to archive. deepen and keep change nothing
but are kept with the quarter's review.`, review.PauseMonths), run: runReviewDecide})
}

func promptHelp() string {
	var b strings.Builder
	for _, p := range review.Questions {
		fmt.Fprintf(&b, "  %-16s %s\n", p.Key, p.Question)
	}
	return b.String()
}

// quarterFlag is a --quarter YYYYQn flag.
type quarterFlag struct{ q review.Quarter }

func (f *quarterFlag) String() string { return f.q.String() }
func (f *quarterFlag) Set(s string) error {
	q, err := review.ParseQuarter(s)
	if err != nil {
		return fmt.Errorf("%q is not a quarter (want YYYYQn, e.g. 2026Q3)", s)
	}
	f.q = q
	return nil
}

// quarter returns the chosen quarter, or the default one.
func (f *quarterFlag) quarter(today crm.Date) review.Quarter {
	if f.q.IsZero() {
		return review.DefaultQuarter(today)
	}
	return f.q
}

func runReview(e *env, args []string) error {
	fs := e.newFlags()
	var quarter quarterFlag
	fs.Var(&quarter, "quarter", "the quarter, YYYYQn")
	format := fs.String("format", "text", "text, md, html or json")
	out := fs.String("out", "", "write the report to FILE")
	_, err := parseExact(fs, args, 0, "")
	if err != nil {
		return err
	}
	f, err := review.ParseFormat(*format)
	if err != nil {
		return crm.Invalid("--format", fmt.Errorf("unknown format %q (want text, md, html or json)", *format))
	}
	var r *review.Review
	if err := e.view(func(tx *store.Tx) error {
		r, err = review.Compute(tx, quarter.quarter(tx.Today()))
		return err
	}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, f); err != nil {
		return err
	}
	if *out == "" {
		_, err := e.out.Write(buf.Bytes())
		return err
	}
	// The report holds notes about people: readable by the user alone.
	if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	fmt.Fprintf(e.out, "wrote the %s review to %s\n", r.Quarter, *out)
	return nil
}

func runReviewAnswer(e *env, args []string) error {
	fs := e.newFlags()
	var quarter quarterFlag
	fs.Var(&quarter, "quarter", "the quarter, YYYYQn")
	pos, err := parseExact(fs, args, 2, "PROMPT and TEXT")
	if err != nil {
		return err
	}
	var prompt review.Prompt
	for _, p := range review.Questions {
		if strings.EqualFold(p.Key, strings.TrimSpace(pos[0])) {
			prompt = p
		}
	}
	if prompt.Key == "" {
		return crm.Invalid("PROMPT", fmt.Errorf("unknown prompt %q; want one of:\n%s", pos[0], promptHelp()))
	}
	q := quarter.quarter(e.today())
	err = e.update(func(tx *store.Tx) error {
		refl, err := tx.Reflection(q)
		if err != nil {
			return err
		}
		refl.SetAnswer(prompt, strings.TrimSpace(pos[1]))
		_, err = review.Save(tx, &refl, nil)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%s: saved your answer to %s\n", q, prompt.Key)
	return nil
}

func runReviewDecide(e *env, args []string) error {
	fs := e.newFlags()
	var quarter quarterFlag
	fs.Var(&quarter, "quarter", "the quarter, YYYYQn")
	decision := fs.String("decision", "", "deepen, keep, pause or end")
	note := fs.String("note", "", "why")
	confirm := fs.Bool("confirm", false, "carry out an end: archive the person")
	pos, err := parseExact(fs, args, 1, "NAME")
	if err != nil {
		return err
	}
	if *decision == "" {
		return usagef("missing --decision (deepen, keep, pause or end)")
	}
	kind, err := review.ParseDecision(*decision)
	if err != nil {
		return crm.Invalid("--decision", fmt.Errorf("unknown decision %q (want deepen, keep, pause or end)", *decision))
	}
	q := quarter.quarter(e.today())
	var d review.Decision
	var res review.Outcome
	err = e.update(func(tx *store.Tx) error {
		id, err := tx.FindContact(pos[0])
		if err != nil {
			return err
		}
		c, err := tx.Contact(id)
		if err != nil {
			return err
		}
		refl, err := tx.Reflection(q)
		if err != nil {
			return err
		}
		refl.Decide(review.Decision{ContactID: id, Name: c.Name, Decision: kind, Note: strings.TrimSpace(*note)})
		var confirmed []int64 // --confirm speaks for NAME alone, never for other pending ends
		if *confirm {
			confirmed = []int64{id}
		}
		if res, err = review.Save(tx, &refl, confirmed); err != nil {
			return err
		}
		d, _ = refl.DecisionFor(id)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%s: %s %s", q, d.Decision, d.Name)
	switch {
	case len(res.Paused) > 0:
		fmt.Fprintf(e.out, "; check-ins snoozed until %s\n", e.today().AddMonths(review.PauseMonths))
	case len(res.Archived) > 0:
		fmt.Fprintf(e.out, "; archived (bring them back with 'kith contact unarchive')\n")
	case len(res.Pending) > 0:
		fmt.Fprintf(e.out, "; not archived yet: run again with --confirm to archive them\n")
	default:
		fmt.Fprintln(e.out)
	}
	return nil
}
