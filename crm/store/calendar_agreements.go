package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
)

var _ calendar.AgreementReader = (*Tx)(nil)

// AgreementDates returns the revisit and planned end dates of active
// agreements with people not archived, falling by until, by day (see
// calendar.AgreementReader). An agreement has at most one active per
// person, so this reads one row or two per person with an agreement.
func (tx *Tx) AgreementDates(until crm.Date) ([]calendar.AgreementDate, error) {
	rows, err := tx.query(`SELECT a.id, c.name, a.role, 'revisit', a.revisit_on FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id
		WHERE a.status = 'active' AND c.archived = 0 AND a.revisit_on <= :until
		UNION ALL
		SELECT a.id, c.name, a.role, 'end', a.end_on FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id
		WHERE a.status = 'active' AND c.archived = 0 AND a.end_on <= :until
		ORDER BY 5, 2, 1`, sql.Named("until", until))
	out, err := collect(rows, err, func(row scanner) (calendar.AgreementDate, error) {
		var d calendar.AgreementDate
		err := row.Scan(&d.AgreementID, &d.Name, &d.Role, &d.Kind, &d.Day)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("load agreement dates: %w", err)
	}
	return out, nil
}
