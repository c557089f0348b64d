package ui

import (
	"fmt"
	"io"

	"github.com/kithcrm/kith/crm/csvexport"
	"github.com/kithcrm/kith/crm/store"
)

// peopleCSVName is the file name the save dialog suggests.
const peopleCSVName = "kith-people.csv"

// ExportPeopleCSV asks where to save everyone as a CSV file for a
// spreadsheet, and writes it there (File → Export people as CSV…).
func (m *Main) ExportPeopleCSV() { m.askExport(m.peopleCSVExport()) }

// peopleCSVExport is the people table, streamed from the database.
func (m *Main) peopleCSVExport() fileExport {
	return fileExport{
		file:   peopleCSVName,
		title:  "Exporting people",
		doing:  "Writing everyone to ",
		failed: "export people to",
		write: m.fromStore(func(out io.Writer, tx *store.Tx) (int, error) {
			return csvexport.Write(out, tx, csvexport.People)
		}),
		done: func(n int) string { return fmt.Sprintf("%d people", n) },
	}
}
