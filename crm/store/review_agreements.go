package store

import (
	"database/sql"
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/review"
)

// reviewAgreementsWhere selects the agreements that ran in [:start,
// :today]: begun by its end, not closed before its start.
const reviewAgreementsWhere = "a.start_on <= :today AND (a.closed_on IS NULL OR a.closed_on >= :start)"

// ReviewAgreements returns the agreements that ran during [start, asOf],
// each as it stood on asOf, with its sessions and the money paid under it
// in the quarter: two statements, each a few index seeks per agreement.
func (tx *Tx) ReviewAgreements(start, asOf crm.Date) ([]review.AgreementQuarter, error) {
	list, err := tx.progressAsOf(reviewAgreementsWhere, asOf, 0, sql.Named("start", start))
	if err != nil {
		return nil, err
	}
	out := make([]review.AgreementQuarter, len(list))
	index := make(map[int64]int, len(list))
	for i := range list {
		out[i].AgreementProgress = list[i]
		index[list[i].ID] = i
	}
	if len(list) == 0 {
		return out, nil
	}
	// The quarter alone: the term cut to [start, asOf].
	rows, err := tx.query(`SELECT a.id,
		(SELECT count(*) FROM participants p WHERE `+sessionsOf+` AND p.occurred_on >= :start),
		COALESCE((SELECT sum(e.amount) FROM exchanges e WHERE e.contact_id = a.contact_id AND e.kind = 'money'
			AND e.direction = 'gave' AND e.occurred_on >= max(a.start_on, :start) AND e.occurred_on <= `+termEnd+`
			AND NOT (e.commitment = 1 AND e.done_on IS NULL)), 0)
		FROM agreements a CROSS JOIN contacts c ON c.id = a.contact_id WHERE `+reviewAgreementsWhere,
		sql.Named("start", start), sql.Named("today", asOf))
	err = each(rows, err, func(row scanner) error {
		var id int64
		var n int
		var fees float64
		if err := row.Scan(&id, &n, &fees); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].SessionsInQuarter, out[i].FeesInQuarter = n, fees
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count the quarter's sessions: %w", err)
	}
	return out, nil
}

// CloseActiveAgreement closes a person's active agreement with an
// outcome, if they have one, and says whether they did: the review's
// "end" decision ends a relationship through its lifecycle.
func (tx *Tx) CloseActiveAgreement(contactID int64, o crm.Outcome) (bool, error) {
	a, err := tx.ActiveAgreement(contactID)
	if crm.ErrorCode(err) == crm.ENotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, tx.CloseAgreement(a.ID, o)
}
