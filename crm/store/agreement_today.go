package store

import (
	"github.com/kithcrm/kith/crm"
)

// AgreementWatch is what Today shows about agreements: the active ones
// that want attention (ending within crm.EndingSoonDays or past their end,
// at or past their session count, due for a revisit, a health or fit check
// due, stalled, health falling), each with its flags, and the promises
// people made to the user that are late.
type AgreementWatch struct {
	Agreements []crm.AgreementProgress `json:"agreements"`
	TheirLate  []crm.Promise           `json:"their_late_promises"`
}

// Watch returns Today's agreements and the late promises of others, at
// most limit of those (0 for all). The agreements are the active ones
// with a flag, the latest started first; those without one are left out.
func (tx *Tx) Watch(limit int) (AgreementWatch, error) {
	w := AgreementWatch{Agreements: []crm.AgreementProgress{}}
	all, err := tx.ActiveProgress()
	if err != nil {
		return w, err
	}
	for _, p := range all {
		if len(p.Flags) > 0 {
			w.Agreements = append(w.Agreements, p)
		}
	}
	if w.TheirLate, err = tx.LatePromises(crm.Received, limit); err != nil {
		return w, err
	}
	return w, nil
}

// Stalled returns the active agreements flagged stalled: nothing logged
// for twice their cadence and no session planned ahead.
func (tx *Tx) Stalled() ([]crm.AgreementProgress, error) {
	all, err := tx.ActiveProgress()
	if err != nil {
		return nil, err
	}
	out := []crm.AgreementProgress{}
	for _, p := range all {
		if p.Has(crm.FlagStalled) {
			out = append(out, p)
		}
	}
	return out, nil
}
