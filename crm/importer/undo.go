package importer

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// UndoResult says what undoing an import did, and what it kept because the
// user changed it since.
type UndoResult struct {
	Batch    Batch      `json:"batch"`
	Removed  []Person   `json:"removed"`
	Reverted []Reverted `json:"reverted"`
	Kept     []Kept     `json:"kept"`
}

// Person names someone.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Reverted is a field set back to what it was before the import (a
// channel the import added is removed: Value is "").
type Reverted struct {
	Person
	Field string `json:"field"`
	Value string `json:"value"`
}

// Kept is a person or field the undo left as it is, and why: the user
// changed it since the import. Field is "" for a whole person.
type Kept struct {
	Person
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason"`
}

// Undo takes an import back, in one transaction: it removes the people it
// added and sets the fields it filled back to what they were, except what
// the user changed since, which is kept and named in the result. A person
// added is kept when their fields, channels or roles changed, or when
// anything refers to them (an interaction, a promise, a circle, a goal);
// a field is kept when it no longer holds what the import wrote.
func Undo(u Undoer, batch int64) (*UndoResult, error) {
	b, err := u.ImportBatch(batch)
	if err != nil {
		return nil, err
	}
	if b.UndoneAt != nil {
		return nil, crm.Errorf(crm.EConflict, "import #%d (%s) was already undone on %s", b.ID, b.File,
			b.UndoneAt.Local().Format("2006-01-02 15:04"))
	}
	res := &UndoResult{Batch: b, Removed: []Person{}, Reverted: []Reverted{}, Kept: []Kept{}}
	if err := res.removeAdded(u, batch); err != nil {
		return nil, fmt.Errorf("undo import #%d: %w", batch, err)
	}
	if err := res.revertFilled(u, batch); err != nil {
		return nil, fmt.Errorf("undo import #%d: %w", batch, err)
	}
	if err := u.MarkImportUndone(batch); err != nil {
		return nil, fmt.Errorf("undo import #%d: %w", batch, err)
	}
	return res, nil
}

// removeAdded removes the people the batch added that nobody changed.
func (res *UndoResult) removeAdded(u Undoer, batch int64) error {
	added, err := u.ImportAdded(batch)
	if err != nil {
		return err
	}
	for _, a := range added {
		c, err := u.Contact(a.ContactID)
		if crm.ErrorCode(err) == crm.ENotFound {
			continue // removed by hand since: nothing to undo
		}
		if err != nil {
			return err
		}
		who := Person{ID: c.ID, Name: c.Name}
		if Fingerprint(c) != a.Fingerprint {
			res.Kept = append(res.Kept, Kept{Person: who, Reason: "edited since the import"})
			continue
		}
		used, err := u.ContactInUse(c.ID)
		if err != nil {
			return err
		}
		if used {
			res.Kept = append(res.Kept, Kept{Person: who, Reason: "has interactions, promises, circles or goals since the import"})
			continue
		}
		if err := u.DeleteContact(c.ID); err != nil {
			return err
		}
		res.Removed = append(res.Removed, who)
	}
	return nil
}

// revertFilled sets back the fields the batch filled, one person at a time.
func (res *UndoResult) revertFilled(u Undoer, batch int64) error {
	filled, err := u.ImportFilled(batch)
	if err != nil {
		return err
	}
	for start := 0; start < len(filled); {
		end := start + 1
		for end < len(filled) && filled[end].ContactID == filled[start].ContactID {
			end++
		}
		if err := res.revertPerson(u, filled[start:end]); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// revertPerson sets back the fields filled on one person and saves them
// once.
func (res *UndoResult) revertPerson(u Undoer, fills []Filled) error {
	c, err := u.Contact(fills[0].ContactID)
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil
	}
	if err != nil {
		return err
	}
	who := Person{ID: c.ID, Name: c.Name}
	changed := false
	for _, f := range fills {
		now, ok := revertField(c, f)
		if ok {
			changed = true
			res.Reverted = append(res.Reverted, Reverted{Person: who, Field: f.Field, Value: f.Old})
			continue
		}
		reason := fmt.Sprintf("changed since the import (now %q)", now)
		if now == "" {
			reason = "changed since the import (now empty)"
		}
		if isChannel(f.Field) {
			reason = fmt.Sprintf("%s %s is no longer there", f.Field, f.New)
		}
		res.Kept = append(res.Kept, Kept{Person: who, Field: f.Field, Reason: reason})
	}
	if !changed {
		return nil
	}
	return u.UpdateContact(c)
}

func isChannel(field string) bool {
	return field == string(crm.ChannelEmail) || field == string(crm.ChannelPhone) || field == string(crm.ChannelURL)
}

// revertField sets one filled field of c back when it still holds what
// the import wrote, and says so; otherwise it returns what it holds now.
func revertField(c *crm.Contact, f Filled) (now string, ok bool) {
	if isChannel(f.Field) {
		for i, ch := range c.Channels {
			if string(ch.Kind) == f.Field && ch.Value == f.New {
				c.Channels = append(c.Channels[:i], c.Channels[i+1:]...)
				return "", true
			}
		}
		return "", false
	}
	for _, tf := range textFields {
		if tf.name == f.Field {
			return revertValue(tf.get(c), f)
		}
	}
	for _, df := range dateFields {
		if df.name == f.Field {
			return revertDate(df.get(c), f)
		}
	}
	switch f.Field {
	case "source":
		s := string(c.Source)
		now, ok := revertValue(&s, f)
		c.Source = crm.Source(s)
		return now, ok
	case "source_detail":
		return revertValue(&c.SourceDetail, f)
	}
	return "", false
}

func revertValue(p *string, f Filled) (string, bool) {
	if *p != f.New {
		return *p, false
	}
	*p = f.Old
	return "", true
}

func revertDate(p *crm.Date, f Filled) (string, bool) {
	if p.String() != f.New {
		return p.String(), false
	}
	*p = crm.Date{}
	if f.Old != "" {
		d, err := crm.ParseDate(f.Old)
		if err != nil {
			return p.String(), false
		}
		*p = d
	}
	return "", true
}
