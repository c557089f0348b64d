package store

import (
	"github.com/kithcrm/kith/crm"
)

// ContactDetail loads everything about one person. timelineLimit bounds the
// interactions loaded (0 loads them all, as 'contact show' does).
func (tx *Tx) ContactDetail(id int64, timelineLimit int) (*crm.ContactDetail, error) {
	c, err := tx.Contact(id)
	if err != nil {
		return nil, err
	}
	d := &crm.ContactDetail{Contact: c}
	sum, err := tx.ContactSummary(id)
	if err != nil {
		return nil, err
	}
	d.CadenceDays, d.LastContact, d.NextDue = sum.CadenceDays, sum.LastContact, sum.NextDue
	if c.ReferredBy != 0 {
		d.ReferredByName = tx.contactName(c.ReferredBy)
	}
	if d.Circles, err = tx.CirclesOf(id); err != nil {
		return nil, err
	}
	if d.Goals, err = tx.GoalsOf(id); err != nil {
		return nil, err
	}
	if d.Gave12m, d.Received12m, err = tx.Balance(id, tx.today.AddMonths(-12)); err != nil {
		return nil, err
	}
	if d.OpenCommitments, err = tx.OpenCommitments(id); err != nil {
		return nil, err
	}
	if d.Interactions, err = tx.Timeline(id, timelineLimit, 0); err != nil {
		return nil, err
	}
	return d, tx.contactSearch(d)
}
