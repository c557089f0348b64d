// Package csvexport writes people and interactions as CSV for spreadsheets:
// a header row, then one row per record, a list (roles, emails,
// participants) in one cell separated by "; ", dates as YYYY-MM-DD. It
// reads through Source, which the store implements by streaming rows from
// SQL, so a book with a million interactions is written row by row and
// never held in memory. Private notes are never exported, and every cell
// a spreadsheet would take for a formula is neutralised (see Cell).
//
// The columns are a contract with users' spreadsheets and scripts, like
// the command line's flags: new ones are added at the end, none renamed.
package csvexport

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Person is one row of the people table.
type Person struct {
	Name                     string
	Roles                    []crm.RoleKind // current roles
	Emails, Phones, URLs     []string       // the primary one first
	Company, Title, Location string
	Birthday                 crm.Date
	Source                   crm.Source
	SourceDetail             string
	MetOn, AddedOn           crm.Date
	NextCheckIn              crm.Date // zero for archived people
	Archived                 bool
}

// Interaction is one row of the interactions table.
type Interaction struct {
	Date         crm.Date
	Kind         crm.InteractionKind
	Minutes      int
	Summary      string
	Participants []string // names
	Circle, Goal string   // "" when none
}

// Source is what an export reads; *store.Tx is one. Each method calls fn
// once per row as it reads it, and stops at the first error fn returns.
type Source interface {
	// ExportPeople visits everyone, archived people included, in name order.
	ExportPeople(fn func(Person) error) error
	// ExportInteractions visits every interaction, oldest first.
	ExportInteractions(fn func(Interaction) error) error
}

// Table is what to export.
type Table string

// The tables Kith exports.
const (
	People       Table = "people"
	Interactions Table = "interactions"
)

// Tables lists the tables in the order they are offered.
var Tables = []Table{People, Interactions}

// ParseTable checks a table name, case-insensitively.
func ParseTable(s string) (Table, error) { return crm.ParseEnum("table", s, Tables) }

// The header rows.
var (
	PeopleHeader = []string{"name", "roles", "emails", "phones", "urls", "company", "title", "location",
		"birthday", "source", "source_detail", "met_on", "added_on", "next_checkin", "archived"}
	InteractionsHeader = []string{"date", "kind", "minutes", "summary", "participants", "circle", "goal"}
)

// Write writes table from src to w as CSV and returns how many records it
// wrote, the header row not counted.
func Write(w io.Writer, src Source, table Table) (int, error) {
	cw := csv.NewWriter(w)
	n := 0
	var err error
	switch table {
	case People:
		err = writeRows(cw, PeopleHeader, &n, func(row func([]string) error) error {
			return src.ExportPeople(func(p Person) error { return row(p.record()) })
		})
	case Interactions:
		err = writeRows(cw, InteractionsHeader, &n, func(row func([]string) error) error {
			return src.ExportInteractions(func(in Interaction) error { return row(in.record()) })
		})
	default:
		return 0, fmt.Errorf("export: unknown table %q", table)
	}
	if err != nil {
		return n, fmt.Errorf("export %s: %w", table, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, fmt.Errorf("export %s: %w", table, err)
	}
	return n, nil
}

// writeRows writes the header, then each record visit hands to row,
// neutralising every cell and counting the records in *n.
func writeRows(cw *csv.Writer, header []string, n *int, visit func(row func([]string) error) error) error {
	if err := cw.Write(header); err != nil {
		return err
	}
	return visit(func(rec []string) error {
		for i, c := range rec {
			rec[i] = Cell(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
		*n++
		return nil
	})
}

func (p Person) record() []string {
	return []string{p.Name, crm.JoinRoles(p.Roles, listSep), list(p.Emails), list(p.Phones), list(p.URLs),
		p.Company, p.Title, p.Location, p.Birthday.String(), string(p.Source), p.SourceDetail,
		p.MetOn.String(), p.AddedOn.String(), p.NextCheckIn.String(), yesNo(p.Archived)}
}

func (in Interaction) record() []string {
	return []string{in.Date.String(), string(in.Kind), strconv.Itoa(in.Minutes), in.Summary,
		list(in.Participants), in.Circle, in.Goal}
}

// listSep separates the items of a list in one cell.
const listSep = "; "

func list(items []string) string { return strings.Join(items, listSep) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Cell neutralises formula injection, as OWASP recommends: a cell that
// starts with =, +, -, @, a tab or a carriage return would be read by a
// spreadsheet as a formula (=HYPERLINK(...), +cmd|...), so it gets a
// leading single quote, which spreadsheets show as text and do not run.
// A phone number written +44 ... is exported as '+44 ... for that reason.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
