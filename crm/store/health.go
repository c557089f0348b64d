package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/kithcrm/kith/crm"
)

// The settings that hold the health check schedule (see crm.HealthSchedule).
const (
	healthFirstKey = "health.first_days"
	healthEveryKey = "health.every_days"
)

// healthColumns is the SELECT list of a health check h of agreement a with
// contact c, as scanHealth reads it.
const healthColumns = `h.id, h.agreement_id, a.contact_id, c.name, h.checked_on, h.learning, h.rhythm, h.follow_through, h.fit, h.note`

func scanHealth(row scanner) (crm.HealthCheck, error) {
	var h crm.HealthCheck
	err := row.Scan(&h.ID, &h.AgreementID, &h.ContactID, &h.Contact, &h.On, &h.Learning, &h.Rhythm, &h.FollowThrough, &h.Fit, &h.Note)
	return h, err
}

// AddHealthCheck records a health check of the person's active agreement
// (h.ContactID) or of h.AgreementID when set, dated today unless h.On says
// otherwise, and sets h.ID.
func (tx *Tx) AddHealthCheck(h *crm.HealthCheck) error {
	if err := h.Validate(); err != nil {
		return err
	}
	if h.AgreementID == 0 {
		a, err := tx.ActiveAgreement(h.ContactID)
		if err != nil {
			return err
		}
		h.AgreementID = a.ID
	}
	if h.On.IsZero() {
		h.On = tx.today
	}
	id, err := tx.insertID(`INSERT INTO health_checks (agreement_id, checked_on, learning, rhythm, follow_through, fit, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, h.AgreementID, h.On, h.Learning, h.Rhythm, h.FollowThrough, h.Fit, h.Note, tx.stamp())
	if err != nil {
		return fmt.Errorf("record a health check of agreement #%d: %w", h.AgreementID, err)
	}
	h.ID = id
	return nil
}

// HealthChecks loads the health checks of an agreement, oldest first.
func (tx *Tx) HealthChecks(agreementID int64) ([]crm.HealthCheck, error) {
	rows, err := tx.query(`SELECT `+healthColumns+` FROM health_checks h JOIN agreements a ON a.id = h.agreement_id
		JOIN contacts c ON c.id = a.contact_id WHERE h.agreement_id = ? ORDER BY h.checked_on, h.id`, agreementID)
	out, err := collect(rows, err, scanHealth)
	if err != nil {
		return nil, fmt.Errorf("load the health checks of agreement #%d: %w", agreementID, err)
	}
	return out, nil
}

// HealthSchedule reads when health checks fall due, the defaults unless
// changed with SetHealthSchedule.
func (tx *Tx) HealthSchedule() (crm.HealthSchedule, error) {
	s := crm.DefaultHealthSchedule
	for _, f := range []struct {
		key string
		dst *int
	}{{healthFirstKey, &s.First}, {healthEveryKey, &s.Every}} {
		v, ok, err := tx.Setting(f.key)
		if err != nil {
			return s, err
		}
		if n, err := strconv.Atoi(v); ok && err == nil && n > 0 {
			*f.dst = n
		}
	}
	return s, nil
}

// SetHealthSchedule changes when health checks fall due.
func (tx *Tx) SetHealthSchedule(s crm.HealthSchedule) error {
	if s.First <= 0 || s.Every <= 0 {
		return crm.Invalid("health schedule", fmt.Errorf("both intervals must be at least a day"))
	}
	if err := tx.SetSetting(healthFirstKey, strconv.Itoa(s.First)); err != nil {
		return err
	}
	return tx.SetSetting(healthEveryKey, strconv.Itoa(s.Every))
}

// HealthList returns the active agreements with their health: every one,
// or only those whose check is due (dueOnly), soonest due first.
func (tx *Tx) HealthList(dueOnly bool) ([]crm.AgreementProgress, error) {
	all, err := tx.ActiveProgress()
	if err != nil {
		return nil, err
	}
	out := []crm.AgreementProgress{}
	for _, p := range all {
		if !dueOnly || p.Has(crm.FlagHealthDue) || p.Has(crm.FlagFitCheckDue) {
			out = append(out, p)
		}
	}
	sortByHealthDue(out)
	return out, nil
}

// sortByHealthDue orders agreements by when their check falls due, then
// by the person's name.
func sortByHealthDue(list []crm.AgreementProgress) {
	slices.SortStableFunc(list, func(a, b crm.AgreementProgress) int {
		if c := a.HealthDue.Compare(b.HealthDue); c != 0 {
			return c
		}
		return cmp.Compare(crm.NameKey(a.Contact), crm.NameKey(b.Contact))
	})
}
