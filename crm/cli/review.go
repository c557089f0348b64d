package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/atomicfile"
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

Record your reflection with 'kith review answer' and 'kith review decide'.`, handler: func() handler { return &reviewReport{format: "text"} }})
	register(&command{name: "review answer", args: "PROMPT TEXT [--quarter YYYYQn]",
		summary: "Save your answer to a review prompt (an empty TEXT removes it).", help: `PROMPT is one of:
` + promptHelp(), nargs: 2, what: "PROMPT and TEXT", handler: func() handler { return &reviewAnswer{} }})
	register(&command{name: "review decide", args: "NAME --decision deepen|keep|pause|end [--note TEXT] [--quarter YYYYQn] [--confirm]",
		summary: "Decide what to do with a relationship this quarter.", help: fmt.Sprintf(`pause snoozes the person's check-ins for %d months. end archives them, but
only with --confirm: without it the decision is saved and waits; run the
command again with --confirm to archive. deepen and keep change nothing
but are kept with the quarter's review.`, review.PauseMonths), nargs: 1, what: "NAME", handler: func() handler { return &reviewDecide{} }})
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

// reviewReport is 'kith review'.
type reviewReport struct {
	quarter     quarterFlag
	format, out string
}

func (f *reviewReport) flags() vars {
	return vars{"quarter": &f.quarter, "format": &f.format, "out": &f.out}
}

func (f *reviewReport) run(e *env, _ []string) error {
	format, err := review.ParseFormat(f.format)
	if err != nil {
		return crm.Invalid("--format", fmt.Errorf("unknown format %q (want text, md, html or json)", f.format))
	}
	r, err := viewOf(e, func(tx *store.Tx) (*review.Review, error) { return review.Compute(tx, f.quarter.quarter(tx.Today())) })
	if err != nil {
		return err
	}
	if f.out == "" {
		return writeWhole(e.out, r, format)
	}
	// The report holds notes about people: readable by the user alone,
	// even over a file that was readable by others, and whole or not at all
	// (the file appears only once written, so it needs no copy in memory).
	if err := atomicfile.Write(f.out, func(w io.Writer) error { return r.Write(w, format) }); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return e.printf("wrote the %s review to %s\n", r.Quarter, f.out)
}

// writeWhole writes the review to w whole or not at all. JSON checks all
// that could fail to encode before its first byte, then goes straight out
// as it is encoded: a copy of a 50,000-person review in a buffer would
// more than double its memory. The other formats write as they render,
// so they are rendered into a buffer first.
func writeWhole(w io.Writer, r *review.Review, format review.Format) error {
	if format == review.FormatJSON {
		return r.WriteJSON(w)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, format); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// reviewAnswer is 'kith review answer'.
type reviewAnswer struct{ quarter quarterFlag }

func (f *reviewAnswer) flags() vars { return vars{"quarter": &f.quarter} }

func (f *reviewAnswer) run(e *env, pos []string) error {
	prompt, err := promptNamed(pos[0])
	if err != nil {
		return err
	}
	q := f.quarter.quarter(e.today())
	if err := e.update(func(tx *store.Tx) error {
		refl, err := tx.Reflection(q)
		if err != nil {
			return err
		}
		refl.SetAnswer(prompt, strings.TrimSpace(pos[1]))
		_, err = review.Save(tx, &refl, nil)
		return err
	}); err != nil {
		return err
	}
	return e.printf("%s: saved your answer to %s\n", q, prompt.Key)
}

// promptNamed finds a review prompt by its key, in any case.
func promptNamed(key string) (review.Prompt, error) {
	for _, p := range review.Questions {
		if strings.EqualFold(p.Key, strings.TrimSpace(key)) {
			return p, nil
		}
	}
	return review.Prompt{}, crm.Invalid("PROMPT", fmt.Errorf("unknown prompt %q; want one of:\n%s", key, promptHelp()))
}

// reviewDecide is 'kith review decide'.
type reviewDecide struct {
	quarter        quarterFlag
	decision, note string
	confirm        bool // carry out an end: archive the person
}

func (f *reviewDecide) flags() vars {
	return vars{"quarter": &f.quarter, "decision": &f.decision, "note": &f.note, "confirm": &f.confirm}
}

func (f *reviewDecide) run(e *env, pos []string) error {
	if f.decision == "" {
		return usagef("missing --decision (deepen, keep, pause or end)")
	}
	kind, err := review.ParseDecision(f.decision)
	if err != nil {
		return crm.Invalid("--decision", fmt.Errorf("unknown decision %q (want deepen, keep, pause or end)", f.decision))
	}
	q := f.quarter.quarter(e.today())
	var d review.Decision
	var res review.Outcome
	if err := e.update(func(tx *store.Tx) error {
		d, res, err = decide(tx, q, pos[0], kind, strings.TrimSpace(f.note), f.confirm)
		return err
	}); err != nil {
		return err
	}
	return e.printf("%s: %s %s%s", q, d.Decision, d.Name, outcomeText(res, e.today()))
}

// decide saves a decision about the contact ref names and carries it out.
// --confirm speaks for that contact alone, never for other pending ends.
func decide(tx *store.Tx, q review.Quarter, ref string, kind review.DecisionKind, note string, confirm bool) (review.Decision, review.Outcome, error) {
	c, err := contactNamed(tx, ref)
	if err != nil {
		return review.Decision{}, review.Outcome{}, err
	}
	refl, err := tx.Reflection(q)
	if err != nil {
		return review.Decision{}, review.Outcome{}, err
	}
	refl.Decide(review.Decision{ContactID: c.ID, Name: c.Name, Decision: kind, Note: note})
	var confirmed []int64
	if confirm {
		confirmed = []int64{c.ID}
	}
	res, err := review.Save(tx, &refl, confirmed)
	if err != nil {
		return review.Decision{}, review.Outcome{}, err
	}
	d, ok := refl.DecisionFor(c.ID)
	if !ok {
		return d, res, fmt.Errorf("the decision about %s was not kept in the %s review", c.Name, q)
	}
	return d, res, nil
}

// outcomeText ends the line 'review decide' prints with what was done.
func outcomeText(res review.Outcome, today crm.Date) string {
	switch {
	case len(res.Paused) > 0:
		return fmt.Sprintf("; check-ins snoozed until %s\n", today.AddMonths(review.PauseMonths))
	case len(res.Archived) > 0:
		return "; archived (bring them back with 'kith contact unarchive')\n"
	case len(res.Pending) > 0:
		return "; not archived yet: run again with --confirm to archive them\n"
	}
	return "\n"
}
