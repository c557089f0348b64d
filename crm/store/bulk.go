package store

import (
	"database/sql"
	"fmt"
)

// Prepare compiles a statement for repeated use inside this transaction, for
// bulk loaders such as crm/gen that insert many rows at once. The statement
// is closed with the transaction; it must not be used after fn returns.
func (tx *Tx) Prepare(query string) (*sql.Stmt, error) {
	st, err := tx.tx.PrepareContext(tx.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return st, nil
}
