package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// StoredDatesCheck is what CheckStoredDates found: every contact's stored last
// contact and next check-in (and the roles and last summary the due list
// shows beside them) recomputed from scratch, and where they differ.
type StoredDatesCheck struct {
	// Day is the day the stored dates are for, and so the day they were
	// recomputed as of (zero when they were never worked out).
	Day         crm.Date                `json:"day"`
	People      int                     `json:"people"`
	Pending     int                     `json:"pending"` // people marked by a write and not settled
	Differences []StoredDatesDifference `json:"differences"`
}

// StoredDatesDifference is one contact whose stored dates are not what the
// rules give.
type StoredDatesDifference struct {
	ContactID       int64    `json:"id"`
	Name            string   `json:"name"`
	LastContact     crm.Date `json:"last_contact"`
	NextDue         crm.Date `json:"next_due"`
	CadenceDays     int      `json:"cadence_days"`
	WantLastContact crm.Date `json:"want_last_contact"`
	WantNextDue     crm.Date `json:"want_next_due"`
	WantCadenceDays int      `json:"want_cadence_days"`
	// What the due list shows beside the dates: the roles held now
	// (comma-separated) and what the last interaction was about.
	Roles           string `json:"roles"`
	LastSummary     string `json:"last_summary"`
	WantRoles       string `json:"want_roles"`
	WantLastSummary string `json:"want_last_summary"`
}

// OK says the stored dates are all true.
func (c StoredDatesCheck) OK() bool { return c.Pending == 0 && len(c.Differences) == 0 }

// CheckStoredDates recomputes every contact's dates from scratch, as of the
// day they are stored for, and reports those that differ from the stored
// ones. It only reads, in one statement over the whole book.
func (tx *Tx) CheckStoredDates() (StoredDatesCheck, error) {
	out := StoredDatesCheck{Differences: []StoredDatesDifference{}}
	st, err := tx.checkIns()
	if err != nil {
		return out, err
	}
	if !st.stored {
		return out, fmt.Errorf("check the stored check-ins: this book's schema has none")
	}
	day := tx.today
	if st.day != "" {
		if day, err = crm.ParseDate(st.day); err != nil {
			return out, fmt.Errorf("check the stored check-ins: day %q: %w", st.day, err)
		}
		out.Day = day
	}
	if err := tx.queryRow("SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM checkin_dirty)").
		Scan(&out.People, &out.Pending); err != nil {
		return out, fmt.Errorf("check the stored check-ins: %w", err)
	}
	extras, differs := "t.checkin_roles, t.last_summary", storedDiffers
	if !st.extras {
		extras, differs = "'', ''", datesDiffer
	}
	q := `SELECT t.id, t.name, t.last_contact, t.next_due, COALESCE(t.checkin_cadence, 0),
			s.last_contact, s.next_due, COALESCE(s.cadence_days, 0), ` + extras + `, s.roles, s.last_summary
		FROM contacts t JOIN (` + fmt.Sprintf(computedRows, "1") + `) s ON s.id = t.id
		WHERE ` + differs + `
		ORDER BY t.id`
	rows, err := tx.query(q, sql.Named("today", day))
	out.Differences, err = collect(rows, err, func(row scanner) (StoredDatesDifference, error) {
		var d StoredDatesDifference
		return d, row.Scan(&d.ContactID, &d.Name, &d.LastContact, &d.NextDue, &d.CadenceDays,
			&d.WantLastContact, &d.WantNextDue, &d.WantCadenceDays, &d.Roles, &d.LastSummary, &d.WantRoles, &d.WantLastSummary)
	})
	if err != nil {
		return out, fmt.Errorf("check the stored check-ins: %w", err)
	}
	return out, nil
}
