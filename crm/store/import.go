package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/importer"
)

// The store's transaction is the importer's port: it reads the keys people
// are matched by and keeps the record of each import for its undo.
var (
	_ importer.Writer = (*Tx)(nil)
	_ importer.Undoer = (*Tx)(nil)
)

// ImportKeys calls fn with every email and URL of every person, as stored,
// then every person's name key, each in id order. Two scans, whatever the
// size of the file being imported; the importer matches in memory.
func (tx *Tx) ImportKeys(fn func(importer.Key) error) error {
	rows, err := tx.query("SELECT contact_id, kind, value FROM channels WHERE kind IN ('email', 'url') ORDER BY contact_id, id")
	err = each(rows, err, func(row scanner) error {
		var k importer.Key
		if err := row.Scan(&k.ContactID, &k.Kind, &k.Value); err != nil {
			return err
		}
		return fn(k)
	})
	if err != nil {
		return fmt.Errorf("read emails and URLs: %w", err)
	}
	rows, err = tx.query("SELECT id, name_key FROM contacts ORDER BY id")
	err = each(rows, err, func(row scanner) error {
		k := importer.Key{Kind: importer.KeyName}
		if err := row.Scan(&k.ContactID, &k.Value); err != nil {
			return err
		}
		return fn(k)
	})
	if err != nil {
		return fmt.Errorf("read names: %w", err)
	}
	return nil
}

// ContactsByID loads the people with the given ids, a page of an import's
// matches, with their channels and roles: three statements whatever the
// number of ids, which travel as one JSON array.
func (tx *Tx) ContactsByID(ids []int64) ([]crm.Contact, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.query("SELECT "+contactList+" FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))", string(list))
	page, err := collect(rows, err, func(row scanner) (crm.Contact, error) {
		c, err := scanContact(row)
		return *c, err
	})
	if err != nil {
		return nil, fmt.Errorf("load contacts: %w", err)
	}
	if err := tx.fillPage(page); err != nil {
		return nil, err
	}
	return page, nil
}

// StartImport records a new import and returns its id.
func (tx *Tx) StartImport(b importer.Batch) (int64, error) {
	id, err := tx.insertID(`INSERT INTO import_batches (format, file, imported_at, role, cadence_days, added, updated, unchanged, refused)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, string(b.Format), b.File, tx.stamp(), string(b.Role), orNull(b.CadenceDays),
		b.Added, b.Updated, b.Unchanged, b.Refused)
	if err != nil {
		return 0, fmt.Errorf("record the import of %s: %w", b.File, err)
	}
	return id, nil
}

// RecordAdded records a person an import added.
func (tx *Tx) RecordAdded(batch int64, a importer.AddedPerson) error {
	if _, err := tx.exec("INSERT INTO import_added (batch_id, contact_id, fingerprint) VALUES (?, ?, ?)",
		batch, a.ContactID, a.Fingerprint); err != nil {
		return fmt.Errorf("record #%d as added by import #%d: %w", a.ContactID, batch, err)
	}
	return nil
}

// RecordFilled records a field an import filled.
func (tx *Tx) RecordFilled(batch int64, f importer.Filled) error {
	if _, err := tx.exec("INSERT INTO import_filled (batch_id, contact_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
		batch, f.ContactID, f.Field, f.Old, f.New); err != nil {
		return fmt.Errorf("record the %s of #%d as filled by import #%d: %w", f.Field, f.ContactID, batch, err)
	}
	return nil
}

// batchSelect reads import_batches rows for scanBatch.
const batchSelect = `SELECT id, format, file, imported_at, role, cadence_days, added, updated, unchanged, refused, undone_at
	FROM import_batches`

func scanBatch(row scanner) (importer.Batch, error) {
	var b importer.Batch
	var undone sql.NullString
	err := row.Scan(&b.ID, &b.Format, &b.File, stampOf{&b.ImportedAt}, &b.Role, orZero[int]{&b.CadenceDays},
		&b.Added, &b.Updated, &b.Unchanged, &b.Refused, &undone)
	if err != nil || !undone.Valid {
		return b, err
	}
	t, err := parseStamp(undone.String)
	b.UndoneAt = &t
	return b, err
}

// ImportBatches returns every import, newest first.
func (tx *Tx) ImportBatches() ([]importer.Batch, error) {
	rows, err := tx.query(batchSelect + " ORDER BY id DESC")
	out, err := collect(rows, err, scanBatch)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	return out, nil
}

// ImportBatch returns one import.
func (tx *Tx) ImportBatch(id int64) (importer.Batch, error) {
	b, err := scanBatch(tx.queryRow(batchSelect+" WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, crm.Errorf(crm.ENotFound, "no import #%d (see 'kith import list')", id)
	}
	if err != nil {
		return b, fmt.Errorf("load import #%d: %w", id, err)
	}
	return b, nil
}

// ImportAdded returns the people an import added and still in the book.
func (tx *Tx) ImportAdded(batch int64) ([]importer.AddedPerson, error) {
	rows, err := tx.query("SELECT contact_id, fingerprint FROM import_added WHERE batch_id = ? ORDER BY contact_id", batch)
	out, err := collect(rows, err, func(row scanner) (importer.AddedPerson, error) {
		var a importer.AddedPerson
		err := row.Scan(&a.ContactID, &a.Fingerprint)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("load the people import #%d added: %w", batch, err)
	}
	return out, nil
}

// ImportFilled returns the fields an import filled on people still in the
// book, by person, in the order filled.
func (tx *Tx) ImportFilled(batch int64) ([]importer.Filled, error) {
	rows, err := tx.query(`SELECT contact_id, field, old_value, new_value FROM import_filled
		WHERE batch_id = ? ORDER BY contact_id, id`, batch)
	out, err := collect(rows, err, func(row scanner) (importer.Filled, error) {
		var f importer.Filled
		err := row.Scan(&f.ContactID, &f.Field, &f.Old, &f.New)
		return f, err
	})
	if err != nil {
		return nil, fmt.Errorf("load the fields import #%d filled: %w", batch, err)
	}
	return out, nil
}

// MarkImportUndone records that an import was undone, now.
func (tx *Tx) MarkImportUndone(batch int64) error {
	return tx.changeRows(fmt.Sprintf("mark import #%d undone", batch),
		func() error { return crm.Errorf(crm.ENotFound, "no import #%d", batch) },
		"UPDATE import_batches SET undone_at = ? WHERE id = ?", tx.stamp(), batch)
}

// ContactInUse reports whether anything refers to a contact besides their
// own details: interactions, exchanges, circles, goals, review decisions,
// people they introduced. Each is an index seek.
func (tx *Tx) ContactInUse(id int64) (bool, error) {
	var used bool
	err := tx.queryRow(`SELECT EXISTS (SELECT 1 FROM participants WHERE contact_id = :id)
		OR EXISTS (SELECT 1 FROM exchanges WHERE contact_id = :id)
		OR EXISTS (SELECT 1 FROM circle_members WHERE contact_id = :id)
		OR EXISTS (SELECT 1 FROM goal_helpers WHERE contact_id = :id)
		OR EXISTS (SELECT 1 FROM review_decisions WHERE contact_id = :id)
		OR EXISTS (SELECT 1 FROM contacts WHERE referred_by = :id)`, sql.Named("id", id)).Scan(&used)
	if err != nil {
		return false, fmt.Errorf("look up what refers to #%d: %w", id, err)
	}
	return used, nil
}
