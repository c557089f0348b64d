package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

func init() {
	register(&command{name: "import vcard", args: "FILE [--dry-run] [--skip-bad] [--role R] [--cadence DUR] [--category-role CATEGORY=ROLE]... [--json]",
		summary: "Import people from a vCard file (.vcf), showing what changes first.", help: importHelp("card", `
  --category-role CATEGORY=ROLE  give the people added with that CATEGORIES value ROLE (repeatable),
                                 e.g. --category-role Mentors=mentor`),
		json: true, nargs: 1, what: "FILE", previews: true, handler: func() handler { return &importFile{format: importer.VCard} }})
	register(&command{name: "import linkedin", args: "FILE [--dry-run] [--skip-bad] [--role R] [--cadence DUR] [--json]",
		summary: "Import your LinkedIn connections (Connections.csv), showing what changes first.", help: importHelp("row", "") + `
FILE is Connections.csv from LinkedIn's data export (Settings, Data privacy,
Get a copy of your data). Each connection is met online through LinkedIn on
the day you connected; the profile URL is kept, labelled linkedin.`,
		json: true, nargs: 1, what: "FILE", previews: true, handler: func() handler { return &importFile{format: importer.LinkedIn} }})
	register(&command{name: "import list", args: "[--json]", summary: "List past imports, newest first.", json: true,
		handler: do(runImportList)})
	register(&command{name: "import undo", args: "BATCH [--json]", summary: "Take an import back, keeping what you changed since.",
		help: `
Removes the people import BATCH added and sets back the fields it filled.
Whatever you changed since is kept and named: a person you edited or logged
an interaction with, a field you changed. BATCH is the number 'kith import
list' shows (3 or #3).`, json: true, nargs: 1, what: "BATCH", handler: do(runImportUndo)})
}

// importHelp is the help the two import commands share; record is "card"
// or "row".
func importHelp(record, extra string) string {
	return `
Reads FILE, matches each person with your book, prints what importing
would do, then does it, all in one transaction.

Someone in the book is matched by any of their emails (in any case), else by
a profile URL (https or http, www. and a trailing slash ignored; a bare site
such as company.com matches nobody), else by their whole name (accents and
case ignored) when one person alone has it. A match fills their empty fields
and adds new emails, phones and URLs; a field that differs is left as it is
and listed. The same person twice in the file is added once. Importing a
file again changes nothing.

People added get no role and no check-in unless you give them a role or a
cadence. A ` + record + ` that cannot be imported stops the import and nothing is
written, unless you pass --skip-bad. 'kith import undo' takes an import back.

Flags:
  --dry-run      print the preview and write nothing
  --skip-bad     import the rest when some ` + record + `s are refused
  --role R       give everyone added the role R (coach, mentor, circle, coachee, mentee)
  --cadence DUR  check in with everyone added every DUR (e.g. 8w)` + extra + `
  --json         the preview as JSON: added, updated, unchanged and refused arrays,
                 categories, and batch once imported
`
}

// importFile is 'kith import vcard' and 'kith import linkedin'.
type importFile struct {
	format          importer.Format
	dryRun, skipBad bool
	role            string
	cadence         spanFlag
	categoryRoles   listFlag
}

func (f *importFile) flags() vars {
	v := vars{"dry-run": &f.dryRun, "skip-bad": &f.skipBad, "role": &f.role, "cadence": &f.cadence}
	if f.format == importer.VCard {
		v["category-role"] = &f.categoryRoles
	}
	return v
}

// options reads the user's choices from the flags.
func (f *importFile) options() (importer.Options, error) {
	opts := importer.Options{SkipBad: f.skipBad, CadenceDays: f.cadence.s.Days()}
	if f.role != "" {
		r, err := crm.ParseRole(f.role)
		if err != nil {
			return opts, crm.Invalid("--role", err)
		}
		opts.Role = r
	}
	for _, m := range f.categoryRoles {
		category, roleName, ok := cutLast(m, "=")
		if !ok || strings.TrimSpace(category) == "" {
			return opts, crm.Invalid("--category-role", fmt.Errorf("%q: want CATEGORY=ROLE, e.g. Mentors=mentor", m))
		}
		r, err := crm.ParseRole(roleName)
		if err != nil {
			return opts, crm.Invalid("--category-role", err)
		}
		if opts.CategoryRoles == nil {
			opts.CategoryRoles = map[string]crm.RoleKind{}
		}
		opts.CategoryRoles[strings.TrimSpace(category)] = r
	}
	return opts, nil
}

// cutLast cuts s around the last sep, so a category may hold "=".
func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// importOutput is what --json prints: the plan, and whether it was only a preview.
type importOutput struct {
	*importer.Plan
	DryRun bool `json:"dry_run"`
}

func (f *importFile) run(e *env, pos []string) error {
	opts, err := f.options()
	if err != nil {
		return err
	}
	src, err := readImport(e, f.format, pos[0])
	if err != nil {
		return err
	}
	var p *importer.Plan
	if f.dryRun {
		err = e.view(func(tx *store.Tx) error {
			var err error
			p, err = importer.MakePlan(tx, src, opts)
			return err
		})
	} else {
		err = f.write(e, src, opts, &p)
	}
	if p == nil {
		return err
	}
	warnCategories(e, p, opts)
	if perr := e.output(importOutput{Plan: p, DryRun: f.dryRun}, text(func(w io.Writer) {
		writePreview(w, p, opts)
		writeOutcome(w, p, f.dryRun, err)
	})); err == nil {
		err = perr
	}
	if errors.Is(err, importer.ErrRefused) {
		return fmt.Errorf("%w; fix the file, or import the rest with --skip-bad", err)
	}
	return err
}

// write plans and applies the import in one write transaction, showing
// progress on stderr for a large one. *p is the plan, even when applying
// it failed, so the preview can say why.
func (f *importFile) write(e *env, src *importer.Source, opts importer.Options, p **importer.Plan) error {
	bar := newProgress(e.errOut, "writing")
	defer bar.end()
	return e.update(func(tx *store.Tx) error {
		var err error
		if *p, err = importer.MakePlan(tx, src, opts); err != nil {
			return err
		}
		return importer.Apply(tx, *p, opts, func(done, total int) {
			if total >= bigImport {
				bar.at(int64(done), int64(total), "people")
			}
		})
	})
}

// bigImport is the number of people from which writing shows progress.
const bigImport = 2000

// readImport reads the file to import, showing progress by bytes on stderr
// when it is large.
func readImport(e *env, format importer.Format, path string) (*importer.Source, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer file.Close()
	var size int64
	if fi, err := file.Stat(); err == nil {
		size = fi.Size()
	}
	bar := newProgress(e.errOut, "reading "+filepath.Base(path))
	defer bar.end()
	return importer.Read(format, filepath.Base(path), file, func(n int64) {
		if size >= bigFile {
			bar.at(n, size, "bytes")
		}
	})
}

// bigFile is the size from which reading shows progress: smaller files
// are read before anyone could read the line.
const bigFile = 1 << 20

// warnCategories tells the user about a --category-role whose category no
// card has, likely a typo.
func warnCategories(e *env, p *importer.Plan, opts importer.Options) {
	for name := range opts.CategoryRoles {
		found := false
		var have []string
		for _, c := range p.Categories {
			have = append(have, c.Name)
			found = found || strings.EqualFold(c.Name, strings.TrimSpace(name))
		}
		if !found {
			fmt.Fprintf(e.errOut, "kith: warning: --category-role %s: no card has that category (the file's: %s)\n",
				name, orNone(strings.Join(have, ", ")))
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func runImportList(e *env, _ []string) error {
	list, err := viewOf(e, (*store.Tx).ImportBatches)
	if err != nil {
		return err
	}
	return e.output(list, table(func(w io.Writer) {
		if len(list) == 0 {
			fmt.Fprintln(w, "No imports yet.")
			return
		}
		fmt.Fprintln(w, "BATCH\tIMPORTED\tFORMAT\tFILE\tADDED\tUPDATED\tREFUSED\tSTATUS")
		for _, b := range list {
			status := "imported"
			if b.UndoneAt != nil {
				status = "undone " + stamp(*b.UndoneAt)
			}
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", b.ID, stamp(b.ImportedAt), b.Format, b.File,
				b.Added, b.Updated, b.Refused, status)
		}
	}))
}

func runImportUndo(e *env, pos []string) error {
	id, err := strconv.ParseInt(trimHash(pos[0]), 10, 64)
	if err != nil {
		return crm.Invalid("BATCH", fmt.Errorf("%q is not an import number (see 'kith import list')", pos[0]))
	}
	var res *importer.UndoResult
	if err := e.update(func(tx *store.Tx) error {
		var err error
		res, err = importer.Undo(tx, id)
		return err
	}); err != nil {
		return err
	}
	return e.output(res, text(func(w io.Writer) { writeUndo(w, res) }))
}
