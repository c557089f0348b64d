package store

import (
	"encoding/json"
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// The profile's gaps, one row each (table gaps), linked to the people who
// help with them (gap_helpers) as goals are. A user names a handful of
// gaps, so the list is read whole.

// AddGap stores a new gap at the end of the list, with its helpers, and
// sets g.ID. A gap already in the list (in any case) is refused.
func (tx *Tx) AddGap(g *crm.Gap) error {
	if err := tx.rekeyGaps(); err != nil {
		return err
	}
	if err := validName(g, 0, tx.FindGap, "%q is already one of your gaps", g.Text); err != nil {
		return err
	}
	id, err := tx.insertID(`INSERT INTO gaps (text, text_key, horizon, fits, notes, position, created_at)
		VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM gaps), ?)`,
		g.Text, crm.NameKey(g.Text), string(g.Horizon), orNull(string(g.Fits)), g.Notes, tx.stamp())
	if err != nil {
		return fmt.Errorf("add gap %q: %w", g.Text, err)
	}
	g.ID = id
	for _, h := range g.Helpers {
		if err := tx.AddGapHelper(g.ID, h.ContactID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateGap saves a gap's text, horizon, chosen kind of help and notes.
func (tx *Tx) UpdateGap(g *crm.Gap) error {
	if err := tx.rekeyGaps(); err != nil {
		return err
	}
	if err := validName(g, g.ID, tx.FindGap, "%q is already one of your gaps", g.Text); err != nil {
		return err
	}
	none := func() error { return crm.Errorf(crm.ENotFound, "no gap #%d", g.ID) }
	return tx.changeRows(fmt.Sprintf("update gap %q", g.Text), none,
		"UPDATE gaps SET text = ?, text_key = ?, horizon = ?, fits = ?, notes = ? WHERE id = ?",
		g.Text, crm.NameKey(g.Text), string(g.Horizon), orNull(string(g.Fits)), g.Notes, g.ID)
}

// DeleteGap removes a gap and its links to people; a prospect sought for
// it keeps everything else.
func (tx *Tx) DeleteGap(id int64) error {
	none := func() error { return crm.Errorf(crm.ENotFound, "no gap #%d", id) }
	return tx.changeRows(fmt.Sprintf("delete gap #%d", id), none, "DELETE FROM gaps WHERE id = ?", id)
}

// FindGap resolves a gap's text (any case) or #ID.
func (tx *Tx) FindGap(ref string) (int64, error) {
	return tx.find("gap", ref, "SELECT id, text FROM gaps WHERE id = ?", "SELECT id, text FROM gaps WHERE text_key = ?")
}

// AddGapHelper records that a contact helps with a gap.
func (tx *Tx) AddGapHelper(gapID, contactID int64) error {
	if _, err := tx.exec("INSERT OR IGNORE INTO gap_helpers (gap_id, contact_id) VALUES (?, ?)", gapID, contactID); err != nil {
		return fmt.Errorf("add helper to gap #%d: %w", gapID, err)
	}
	return nil
}

// RemoveGapHelper records that a contact no longer helps with a gap.
func (tx *Tx) RemoveGapHelper(gapID, contactID int64) error {
	if _, err := tx.exec("DELETE FROM gap_helpers WHERE gap_id = ? AND contact_id = ?", gapID, contactID); err != nil {
		return fmt.Errorf("remove helper from gap #%d: %w", gapID, err)
	}
	return nil
}

// Gap loads one gap with its helpers.
func (tx *Tx) Gap(id int64) (*crm.Gap, error) {
	list, err := tx.gaps("g.id = ?", id)
	return only(list, err, crm.Errorf(crm.ENotFound, "no gap #%d", id))
}

// Gaps loads every gap in the order the user gave them, with their helpers.
func (tx *Tx) Gaps() ([]*crm.Gap, error) { return tx.gaps("1") }

// GapsOf loads the gaps a contact helps with.
func (tx *Tx) GapsOf(contactID int64) ([]*crm.Gap, error) {
	return tx.gaps("g.id IN (SELECT gap_id FROM gap_helpers WHERE contact_id = ?)", contactID)
}

// gaps loads the gaps matching where, with their helpers.
func (tx *Tx) gaps(where string, args ...any) ([]*crm.Gap, error) {
	rows, err := tx.query(`SELECT g.id, g.text, g.horizon, COALESCE(g.fits, ''), g.notes FROM gaps g WHERE `+where+`
		ORDER BY g.position, g.id`, args...)
	out, err := collect(rows, err, func(row scanner) (*crm.Gap, error) {
		g := &crm.Gap{}
		return g, row.Scan(&g.ID, &g.Text, &g.Horizon, &g.Fits, &g.Notes)
	})
	if err != nil {
		return nil, fmt.Errorf("load gaps: %w", err)
	}
	for _, g := range out {
		if g.Helpers, err = tx.participants(`SELECT c.id, c.name FROM gap_helpers h JOIN contacts c ON c.id = h.contact_id
			WHERE h.gap_id = ? ORDER BY c.name_key`, g.ID); err != nil {
			return nil, fmt.Errorf("load helpers of gap #%d: %w", g.ID, err)
		}
	}
	return out, nil
}

// gapTexts returns the gaps' texts in order.
func (tx *Tx) gapTexts() ([]string, error) {
	rows, err := tx.query("SELECT text FROM gaps ORDER BY position, id")
	out, err := collect(rows, err, scanOne[string])
	if err != nil {
		return nil, fmt.Errorf("load gaps: %w", err)
	}
	return out, nil
}

// setGapText replaces the list of gaps with those text names (see
// crm.SplitGaps): gaps still named keep their id, helpers and choices and
// take the new order, the others go, new ones are added. Text that says
// the same list as stored changes nothing, so saving the whole profile
// from a form leaves the gaps alone. The text Profile gave back is that
// list whatever it holds: a gap with a comma in it ("salary negotiation,
// for the next role", added with 'kith gap add') would not split back
// into itself, and saving the strengths alone would have replaced it by
// two new gaps, its helpers, horizon and kind of help lost.
func (tx *Tx) setGapText(text string) error {
	have, err := tx.gapTexts()
	if err != nil {
		return err
	}
	want := crm.SplitGaps(text)
	if text == crm.JoinGaps(have) || crm.JoinGaps(have) == crm.JoinGaps(want) {
		return nil
	}
	if err := tx.rekeyGaps(); err != nil {
		return err
	}
	keys := make([]string, len(want))
	for i, t := range want {
		keys[i] = crm.NameKey(t)
	}
	if _, err := tx.exec("DELETE FROM gaps WHERE text_key NOT IN (SELECT value FROM json_each(?))", jsonList(keys)); err != nil {
		return fmt.Errorf("save gaps: %w", err)
	}
	for i, t := range want {
		if _, err := tx.exec(`INSERT INTO gaps (text, text_key, position, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (text_key) DO UPDATE SET text = excluded.text, position = excluded.position`,
			t, keys[i], i+1, tx.stamp()); err != nil {
			return fmt.Errorf("save gap %q: %w", t, err)
		}
	}
	return nil
}

// rekeyGaps writes crm.NameKey's key on gaps whose key was made otherwise:
// the migration that made the list from the old text could only lower
// ASCII letters. The list is a handful of rows.
func (tx *Tx) rekeyGaps() error {
	rows, err := tx.query("SELECT id, text, text_key FROM gaps")
	type gapKey struct {
		id        int64
		text, key string
	}
	list, err := collect(rows, err, func(row scanner) (gapKey, error) {
		var g gapKey
		return g, row.Scan(&g.id, &g.text, &g.key)
	})
	if err != nil {
		return fmt.Errorf("load gaps: %w", err)
	}
	for _, g := range list {
		if k := crm.NameKey(g.text); k != g.key {
			if _, err := tx.exec("UPDATE OR IGNORE gaps SET text_key = ? WHERE id = ?", k, g.id); err != nil {
				return fmt.Errorf("save gap %q: %w", g.text, err)
			}
		}
	}
	return nil
}

// jsonList writes strings as a JSON array, for json_each: one bound
// parameter whatever the list's length.
func jsonList(items []string) string {
	b, err := json.Marshal(items)
	if err != nil { // strings always marshal
		panic(err)
	}
	return string(b)
}
