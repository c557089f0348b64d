package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// StoredDatesCheck is what CheckStoredDates found: every contact's stored last
// contact and next check-in recomputed from scratch, and where they differ.
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
	q := `SELECT c.id, c.name, c.last_contact, c.next_due, COALESCE(c.checkin_cadence, 0),
			s.last_contact, s.next_due, COALESCE(s.cadence_days, 0)
		FROM contacts c JOIN (` + fmt.Sprintf(computedRows, "1") + `) s ON s.id = c.id
		WHERE c.last_contact IS NOT s.last_contact OR c.next_due IS NOT s.next_due OR c.checkin_cadence IS NOT s.cadence_days
		ORDER BY c.id`
	rows, err := tx.query(q, sql.Named("today", day))
	out.Differences, err = collect(rows, err, func(row scanner) (StoredDatesDifference, error) {
		var d StoredDatesDifference
		return d, row.Scan(&d.ContactID, &d.Name, &d.LastContact, &d.NextDue, &d.CadenceDays,
			&d.WantLastContact, &d.WantNextDue, &d.WantCadenceDays)
	})
	if err != nil {
		return out, fmt.Errorf("check the stored check-ins: %w", err)
	}
	return out, nil
}
