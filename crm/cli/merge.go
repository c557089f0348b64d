package cli

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "contact merge", args: "KEEP OTHER [--dry-run] [--json]",
		summary: "Merge two records of one person: OTHER is folded into KEEP, then removed.", help: `
Everything OTHER has becomes KEEP's: interactions (one participant where
both took part), things given and received, emails, phones and URLs (no
duplicates), role history, circle memberships, the goals they help with,
the people they introduced and review decisions. KEEP's empty fields take
OTHER's values, and OTHER's notes are added after KEEP's. It is one
transaction: a merge that fails changes nothing. KEEP and OTHER are names
or #IDs; 'kith contact duplicates' lists people who may be one.

Flags:
  --dry-run   say what would move, changing nothing
  --json      print what moved as JSON`,
		json: true, nargs: 2, what: "KEEP and OTHER (kith contact merge KEEP OTHER)", handler: func() handler { return &contactMerge{} }})
	register(&command{name: "contact duplicates", args: "[--json]",
		summary: "List people who may be one person entered twice.", help: `
Groups of people with the same email address (in any case), the same URL
(ignoring http or https, www. and a trailing slash) or the same name
(ignoring case and accents). Archived people are included and marked.
Merge a pair with 'kith contact merge KEEP OTHER'.

With --json: an array of groups, each {"reason": "email", "url" or "name",
"value": what they share, "people": [{"id", "name", "archived"}, ...]}.`,
		json: true, handler: do(runDuplicates)})
}

// contactMerge is 'kith contact merge'.
type contactMerge struct{ dryRun bool }

func (f *contactMerge) flags() vars { return vars{"dry-run": &f.dryRun} }

func (f *contactMerge) run(e *env, pos []string) error {
	var sum crm.MergeSummary
	find := func(tx *store.Tx) (keep, other int64, err error) {
		if keep, err = tx.FindContact(pos[0]); err != nil {
			return 0, 0, fmt.Errorf("KEEP: %w", err)
		}
		if other, err = tx.FindContact(pos[1]); err != nil {
			return 0, 0, fmt.Errorf("OTHER: %w", err)
		}
		return keep, other, nil
	}
	write, verb := e.update, "merged"
	if f.dryRun {
		write, verb = e.view, "would merge"
	}
	if err := write(func(tx *store.Tx) error {
		keep, other, err := find(tx)
		if err != nil {
			return err
		}
		if f.dryRun {
			sum, err = tx.MergePreview(keep, other)
			return err
		}
		sum, _, err = tx.MergeContacts(keep, other)
		return err
	}); err != nil {
		return err
	}
	return e.output(sum, text(func(w io.Writer) {
		fmt.Fprintf(w, "%s %s (#%d) into %s (#%d)\n", verb, sum.Other.Name, sum.Other.ID, sum.Keep.Name, sum.Keep.ID)
		for _, line := range sum.Lines() {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}))
}

func runDuplicates(e *env, _ []string) error {
	groups, err := viewOf(e, func(tx *store.Tx) ([]crm.DuplicateGroup, error) { return tx.Duplicates() })
	if err != nil {
		return err
	}
	return e.output(groups, text(func(w io.Writer) {
		if len(groups) == 0 {
			fmt.Fprintln(w, "no possible duplicates")
			return
		}
		for _, g := range groups {
			fmt.Fprintf(w, "same %s: %s\n", g.Reason, g.Value)
			for _, p := range g.People {
				archived := ""
				if p.Archived {
					archived = " (archived)"
				}
				fmt.Fprintf(w, "  #%d  %s%s\n", p.ID, p.Name, archived)
			}
		}
	}))
}
