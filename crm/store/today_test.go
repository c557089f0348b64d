package store

import (
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
)

func TestOpenCommitmentPageAndCount(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	ana := addContact(t, st, crm.Contact{Name: "Ana"})
	ben := addContact(t, st, crm.Contact{Name: "Ben"})
	for i, id := range []int64{ana, ben, ana, ben, ana} {
		in := &crm.Interaction{Date: crmtest.Date(fmt.Sprintf("2026-10-%02d", 10-i)), Kind: crm.KindCall,
			Participants: []crm.Participant{{ContactID: id}},
			Exchanges: []crm.Exchange{{Direction: crm.Gave, Kind: crm.ExAdvice, Description: fmt.Sprint("p", i),
				Commitment: true, ContactID: id}}}
		update(t, st, func(tx *Tx) error { return tx.LogInteraction(in) })
	}
	update(t, st, func(tx *Tx) error {
		all, err := tx.OpenCommitments(0)
		if err != nil {
			return err
		}
		if err := tx.CompleteCommitment(all[0].ID, crm.Date{}); err != nil { // p4, the oldest
			return err
		}
		c, err := tx.Contact(ben)
		if err != nil {
			return err
		}
		c.Archived = true
		return tx.UpdateContact(c)
	})
	view(t, st, func(tx *Tx) error {
		n, err := tx.CountOpenCommitments()
		if err != nil || n != 2 {
			t.Errorf("open commitments = %d, %v; want Ana's two left (Ben archived, one kept)", n, err)
		}
		page, err := tx.OpenCommitmentPage(1, 1)
		if err != nil || len(page) != 1 || page[0].Description != "p0" {
			t.Errorf("second of the open ones = %+v, %v; want p0", page, err)
		}
		return nil
	})
}
