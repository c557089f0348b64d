package store

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// OpenBeforeStoredCheckIns opens path with the migrations before the one
// that stores check-in dates (whatever its number), as an older Kith left
// it, for the tests outside the package that upgrade one.
func OpenBeforeStoredCheckIns(path string) (*Store, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	for i, m := range ms {
		if strings.HasSuffix(m.name, "_next_due.sql") {
			return open(path, ms[:i])
		}
	}
	return nil, fmt.Errorf("no migration stores check-in dates")
}

// DueComputed is Tx.Due worked out from scratch, ignoring the stored dates:
// what the stored ones must always read the same as.
func DueComputed(tx *Tx, until crm.Date) ([]crm.CheckIn, error) {
	tx.state = &checkInsState{stored: true, everyone: true}
	defer func() { tx.state = nil }()
	return tx.Due(until)
}
