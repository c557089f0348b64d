package store

import "github.com/kithcrm/kith/crm"

// contactSearch fills what a person's page shows of the search that found
// them: the gaps they help with, the events they were met at, and the
// prospect they were, with its history and outreach.
func (tx *Tx) contactSearch(d *crm.ContactDetail) error {
	var err error
	if d.Gaps, err = tx.GapsOf(d.ID); err != nil {
		return err
	}
	if d.Events, err = tx.EventsOf(d.ID); err != nil {
		return err
	}
	if p, ok, err := tx.ProspectOf(d.ID); err != nil {
		return err
	} else if ok {
		d.Prospect = p
	}
	return nil
}
