package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/importer"
)

// listedAdds is how many people to add the text preview names; --json
// lists them all. Updates and refusals are always listed in full: they are
// what a person must look at.
const listedAdds = 25

// writePreview prints what an import does, for a person.
func writePreview(w io.Writer, p *importer.Plan, opts importer.Options) {
	fmt.Fprintf(w, "%s %s: %d to add, %d to update, %d unchanged, %d refused\n",
		p.Format.Label(), p.File, len(p.Added), len(p.Updated), len(p.Unchanged), len(p.Refused))
	writeAdded(w, p.Added)
	writeUpdated(w, p.Updated)
	writeUnchanged(w, p.Unchanged)
	if len(p.Refused) > 0 {
		fmt.Fprintf(w, "\nRefused (%d):\n", len(p.Refused))
		for _, r := range p.Refused {
			fmt.Fprintf(w, "  %s: %s: %s%s\n", r.Ref, r.Field, r.Reason, nameInBrackets(r.Name))
		}
	}
	if len(p.Categories) > 0 {
		var cats []string
		for _, c := range p.Categories {
			s := fmt.Sprintf("%s %d", c.Name, c.Count)
			if c.Role != "" {
				s += " → " + string(c.Role)
			}
			cats = append(cats, s)
		}
		fmt.Fprintf(w, "\nCategories: %s\n", strings.Join(cats, ", "))
	}
	if len(p.Added) > 0 {
		fmt.Fprintf(w, "\n%s\n", checkInRule(opts))
	}
}

func writeAdded(w io.Writer, added []importer.Added) {
	if len(added) == 0 {
		return
	}
	fmt.Fprintf(w, "\nTo add (%d):\n", len(added))
	for i, a := range added {
		if i == listedAdds {
			fmt.Fprintf(w, "  … and %d more (--json lists everyone)\n", len(added)-listedAdds)
			break
		}
		var extra []string
		if len(a.Roles) > 0 {
			extra = append(extra, crm.JoinRoles(a.Roles, ", "))
		}
		if len(a.Categories) > 0 {
			extra = append(extra, "categories "+strings.Join(a.Categories, ", "))
		}
		if a.Note != "" {
			extra = append(extra, a.Note)
		}
		fmt.Fprintf(w, "  %s%s, %s%s\n", a.Name, idText(a.ID), refs(a.Records), semicolons(extra))
	}
}

func writeUpdated(w io.Writer, updated []importer.Updated) {
	if len(updated) == 0 {
		return
	}
	fmt.Fprintf(w, "\nTo update (%d):\n", len(updated))
	for _, u := range updated {
		fmt.Fprintf(w, "  %s%s, matched by %s, %s\n", u.Name, idText(u.ID), u.MatchedBy, refs(u.Records))
		for _, c := range u.Changes {
			if c.Field == "email" || c.Field == "phone" || c.Field == "url" {
				fmt.Fprintf(w, "    + %s %s\n", c.Field, c.New)
				continue
			}
			fmt.Fprintf(w, "    %s: %s\n", c.Field, quoted(c.New))
		}
		writeConflicts(w, u.Conflicts)
	}
}

// writeUnchanged names the people unchanged only when the file disagrees
// with the book about them; the others are just counted.
func writeUnchanged(w io.Writer, unchanged []importer.Unchanged) {
	if len(unchanged) == 0 {
		return
	}
	fmt.Fprintf(w, "\nUnchanged (%d)", len(unchanged))
	header := false
	for _, u := range unchanged {
		if len(u.Conflicts) == 0 {
			continue
		}
		if !header {
			fmt.Fprint(w, ", of whom the file says otherwise about:")
			header = true
		}
		fmt.Fprintf(w, "\n  %s%s, matched by %s, %s\n", u.Name, idText(u.ID), u.MatchedBy, refs(u.Records))
		writeConflicts(w, u.Conflicts)
	}
	if !header {
		fmt.Fprintln(w)
	}
}

func writeConflicts(w io.Writer, cs []importer.Conflict) {
	for _, c := range cs {
		fmt.Fprintf(w, "    kept %s %s (the file says %s)\n", c.Field, quoted(c.Book), quoted(c.File))
	}
}

// checkInRule says what check-ins the people added get.
func checkInRule(opts importer.Options) string {
	switch {
	case opts.Role != "" && opts.CadenceDays > 0:
		return fmt.Sprintf("People added become %s, checked on %s.", opts.Role, crm.EveryDays(opts.CadenceDays))
	case opts.Role != "":
		return fmt.Sprintf("People added become %s, checked on as the role's cadence says.", opts.Role)
	case opts.CadenceDays > 0:
		return fmt.Sprintf("People added are checked on %s.", crm.EveryDays(opts.CadenceDays))
	case len(opts.CategoryRoles) > 0:
		return "People added get the roles their categories map to; the others get no role and no check-in."
	}
	return "People added get no role and no check-in (--role or --cadence give them one)."
}

// writeOutcome ends the preview with what happened.
func writeOutcome(w io.Writer, p *importer.Plan, dryRun bool, err error) {
	switch {
	case dryRun:
		fmt.Fprintln(w, "\nDry run: nothing was written.")
	case err != nil:
		fmt.Fprintln(w, "\nNothing was imported.")
	case p.Batch == 0 && p.Records() == 0:
		fmt.Fprintln(w, "\nNothing to import: the file holds nobody.")
	case p.Batch == 0:
		fmt.Fprintln(w, "\nNothing to import: the book has all of it already.")
	default:
		fmt.Fprintf(w, "\nImported as #%d: %d added, %d updated. To undo: kith import undo %d\n",
			p.Batch, len(p.Added), len(p.Updated), p.Batch)
	}
}

// writeUndo says what undoing an import did and what it kept.
func writeUndo(w io.Writer, res *importer.UndoResult) {
	fmt.Fprintf(w, "Undid import #%d (%s): removed %d %s, set back %d %s.\n", res.Batch.ID, res.Batch.File,
		len(res.Removed), plural(len(res.Removed), "person", "people"), len(res.Reverted), plural(len(res.Reverted), "field", "fields"))
	if len(res.Kept) == 0 {
		return
	}
	fmt.Fprintln(w, "Kept, because you changed them since the import:")
	for _, k := range res.Kept {
		field := ""
		if k.Field != "" {
			field = " " + k.Field
		}
		fmt.Fprintf(w, "  %s (#%d)%s: %s\n", k.Name, k.ID, field, k.Reason)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// refs lists where a person is in the file: "card 1 (line 1)", "line 7".
func refs(rs []importer.Ref) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf(" (#%d)", id)
}

func semicolons(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}

func nameInBrackets(name string) string {
	if name == "" {
		return ""
	}
	return " [" + name + "]"
}

// quoted shows a value on one line, cut when long (notes can be pages).
func quoted(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
