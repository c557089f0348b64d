package store

import (
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// Namesakes finds the others with a contact's name as FindContact matches
// names (any case, accents optional), archived ones too, oldest first.
func TestNamesakes(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	first := addContact(t, st, crm.Contact{Name: "Ana López"})
	gone := addContact(t, st, crm.Contact{Name: "ana lopez"})
	update(t, st, func(tx *Tx) error { return tx.SetArchived(gone, true) })
	other := addContact(t, st, crm.Contact{Name: "Ana Lopes"})
	added := addContact(t, st, crm.Contact{Name: "Ana Lopez"})
	view(t, st, func(tx *Tx) error {
		got, err := tx.Namesakes(added)
		if err != nil {
			return err
		}
		if want := fmt.Sprint([]crm.Participant{{ContactID: first, Name: "Ana López"}, {ContactID: gone, Name: "ana lopez"}}); fmt.Sprint(got) != want {
			t.Errorf("namesakes of #%d: %v, want %s", added, got, want)
		}
		if got, err := tx.Namesakes(other); err != nil || len(got) != 0 {
			t.Errorf("namesakes of Ana Lopes: %v %v, want none", got, err)
		}
		return nil
	})
}
