package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// ErrRefused is the cause of the error Apply returns when the file has
// records that cannot be imported and the user did not choose to skip
// them: errors.Is finds it, so the command line can say which flag skips.
var ErrRefused = errors.New("refused records")

// Apply writes a plan, in the transaction it was made in, as one batch:
// it adds the people to add and fills the fields of the people to update,
// recording each so Undo can take it back. progress, when not nil, is
// called as people are written, with how many of how many. When the file
// had refused records and opts.SkipBad is false it writes nothing and
// returns an error wrapping ErrRefused. A plan with nothing to write
// records no batch: importing a file again changes nothing.
func Apply(w Writer, p *Plan, opts Options, progress func(done, total int)) error {
	if len(p.Refused) > 0 && !opts.SkipBad {
		return refusedError(p)
	}
	if p.Empty() {
		return nil
	}
	batch, err := w.StartImport(Batch{Format: p.Format, File: p.File, Role: opts.Role, CadenceDays: opts.CadenceDays,
		Added: len(p.adds), Updated: len(p.updates), Unchanged: len(p.Unchanged), Refused: len(p.Refused)})
	if err != nil {
		return fmt.Errorf("import %s: record the import: %w", p.File, err)
	}
	total, done := len(p.adds)+len(p.updates), 0
	step := func() {
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	for i, t := range p.adds {
		c := t.after
		if err := w.AddContact(&c); err != nil {
			return fmt.Errorf("import %s %s: add %s: %w", p.File, t.records[0], c.Name, err)
		}
		if err := w.RecordAdded(batch, AddedPerson{ContactID: c.ID, Fingerprint: Fingerprint(&c)}); err != nil {
			return fmt.Errorf("import %s: record %s as added: %w", p.File, c.Name, err)
		}
		p.Added[i].ID = c.ID
		step()
	}
	for _, t := range p.updates {
		if err := applyUpdate(w, batch, t); err != nil {
			return fmt.Errorf("import %s %s: %w", p.File, t.records[0], err)
		}
		step()
	}
	p.Batch = batch
	return nil
}

func applyUpdate(w Writer, batch int64, t *target) error {
	c := t.after
	if err := w.UpdateContact(&c); err != nil {
		return fmt.Errorf("update %s: %w", c.Name, err)
	}
	for _, ch := range t.changes {
		if err := w.RecordFilled(batch, Filled{ContactID: t.id, Field: ch.Field, Old: ch.Old, New: ch.New}); err != nil {
			return fmt.Errorf("record what was filled on %s: %w", c.Name, err)
		}
	}
	return nil
}

// refusedError says how many records were refused, and the first of them.
func refusedError(p *Plan) error {
	first := p.Refused[0]
	msg := fmt.Sprintf("%s: %d of %d records cannot be imported (the first: %s: %s: %s); nothing was imported",
		p.File, len(p.Refused), p.Records(), first.Ref, first.Field, first.Reason)
	return &crm.Error{Code: crm.EInvalid, Message: msg, Err: ErrRefused}
}

// Fingerprint sums up what a person is: every field a user can edit, their
// channels and their roles, but not when they were created or saved. Undo
// compares a person's fingerprint with the one their import recorded to
// tell whether the user changed them since.
func Fingerprint(c *crm.Contact) string {
	var b strings.Builder
	for _, s := range []string{c.Name, c.Company, c.Title, c.Location, c.Birthday.String(), string(c.Source),
		c.SourceDetail, fmt.Sprint(c.ReferredBy), c.MetOn.String(), c.Notes, fmt.Sprint(c.CadenceDays),
		c.SnoozedUntil.String(), fmt.Sprint(c.Archived)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	var lines []string
	for _, ch := range c.Channels {
		lines = append(lines, fmt.Sprintf("ch\x00%s\x00%s\x00%s\x00%t", ch.Kind, ch.Label, strings.TrimSpace(ch.Value), ch.Primary))
	}
	for _, r := range c.Roles {
		lines = append(lines, fmt.Sprintf("role\x00%s\x00%s\x00%s", r.Kind, r.Since, r.Until))
	}
	sort.Strings(lines)
	b.WriteString(strings.Join(lines, "\x01"))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
