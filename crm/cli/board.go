package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "board", args: "[--json]",
		summary: "Your personal board: each goal and gap, the help that fits it and who gives it; your roles; time and money this quarter.",
		help: `A row is covered when someone linked to it (goal edit --with, gap link) holds
the role that fits now and is not archived. The help that fits is a coach for a
near-term goal, a mentor for a long-term one and a circle for a gap, unless you
chose another (goal edit --fits, gap edit --fits). Invested is the current
quarter's interaction hours and money given, as the review counts them, against
three months of your budget (kith profile --budget-hours, --budget-money).`,
		json: true, handler: do(runBoard)})
}

func runBoard(e *env, _ []string) error {
	b, err := viewOf(e, (*store.Tx).Board)
	if err != nil {
		return err
	}
	return e.output(b, func(out io.Writer) error {
		if err := table(func(w io.Writer) { boardTable(w, b) })(out); err != nil {
			return err
		}
		var roles []string
		for _, r := range crm.Roles {
			roles = append(roles, fmt.Sprintf("%d %s", b.Roles[r], r))
		}
		inv := b.Invested
		_, err := fmt.Fprintf(out, "\nroles: %s\n%s: %s, %s\n", strings.Join(roles, ", "),
			inv.Quarter, against(inv.Hours, inv.BudgetHours, "hours"), against(inv.Money, inv.BudgetMoney, "money"))
		return err
	})
}

// boardTable writes one line per goal and gap.
func boardTable(w io.Writer, b crm.Board) {
	fmt.Fprintln(w, "KIND\tTITLE\tFITS\tHELPED BY\tCOVERED")
	for _, r := range b.Rows {
		helpers := make([]string, len(r.Helpers))
		for i, h := range r.Helpers {
			helpers[i] = fmt.Sprintf("%s (%s, %s)", h.Name, dash(string(h.Role)), orDash(h.LastContact))
		}
		covered := "yes"
		if !r.Covered {
			covered = r.LookFor
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.Kind, r.Title, r.Fits, dash(strings.Join(helpers, "; ")), covered)
	}
}

// against writes what was spent against its budget, "16.3 of 24 hours",
// or "16.3 hours (no budget set)" when there is none.
func against(spent, budget float64, unit string) string {
	if budget <= 0 {
		return fmt.Sprintf("%g %s (no budget set)", spent, unit)
	}
	return fmt.Sprintf("%g of %g %s", spent, budget, unit)
}
