package review

import (
	"fmt"
	"strconv"

	"github.com/kithcrm/kith/crm"
)

// AgreementSource is what a review reads of agreements. A Source that is
// one too (the store's transaction) gets the agreements part of the
// review; it is a separate interface so that sources without agreements
// (older fixtures) still compute the rest.
type AgreementSource interface {
	// ReviewAgreements returns the agreements that ran during [start,
	// asOf], each as it stood on asOf, with its sessions and fees in the
	// quarter.
	ReviewAgreements(start, asOf crm.Date) ([]AgreementQuarter, error)
}

// AgreementQuarter is one agreement's quarter: where it stood at the
// quarter's end (or today), and what happened in the quarter.
type AgreementQuarter struct {
	crm.AgreementProgress
	// SessionsInQuarter and FeesInQuarter count the quarter alone; the
	// progress counts from the agreement's start.
	SessionsInQuarter int     `json:"sessions_in_quarter"`
	FeesInQuarter     float64 `json:"fees_in_quarter"`
}

// AgreementReview is the agreements part of a review: each agreement of
// the quarter, the fees paid under them against the money budget, and the
// relationships that stalled or whose health is falling.
type AgreementReview struct {
	Agreements []AgreementQuarter `json:"list"`
	// Fees is what was paid under agreements in the quarter; FeeShare is
	// its part of the quarter's money budget (0 when there is no budget).
	Fees     float64  `json:"fees"`
	FeeShare float64  `json:"fee_share"`
	Stalled  []string `json:"stalled"`
	Falling  []string `json:"health_falling"`
}

// agreements fills r.Agreements when src can say what they were.
func (r *Review) agreements(src Source, q Quarter) error {
	r.Agreements = AgreementReview{Agreements: []AgreementQuarter{}, Stalled: []string{}, Falling: []string{}}
	as, ok := src.(AgreementSource)
	if !ok {
		return nil
	}
	list, err := as.ReviewAgreements(q.Start(), r.AsOf)
	if err != nil {
		return err
	}
	ar := &r.Agreements
	ar.Agreements = list
	for i := range list {
		a := &list[i]
		ar.Fees += a.FeesInQuarter
		if a.Has(crm.FlagStalled) {
			ar.Stalled = append(ar.Stalled, a.Contact)
		}
		if a.Has(crm.FlagFalling) {
			ar.Falling = append(ar.Falling, a.Contact)
		}
	}
	if r.Budget.MoneyQuarter > 0 {
		ar.FeeShare = ar.Fees / r.Budget.MoneyQuarter
	}
	return nil
}

// agreementSection lays the agreements out; a quarter without any has
// no section.
func (r *Review) agreementSection() (section, bool) {
	ar := r.Agreements
	s := section{Title: "Agreements"}
	if len(ar.Agreements) == 0 {
		return s, false
	}
	fees := fmt.Sprintf("Fees under agreements: %s", money(ar.Fees))
	if r.Budget.MoneyQuarter > 0 {
		fees += fmt.Sprintf(", %.0f%% of the %s money budget", ar.FeeShare*100, money(r.Budget.MoneyQuarter))
	}
	s.add(list{fees})
	t := table{Head: []string{"With", "Role", "Status", "Sessions (quarter)", "Sessions (all)", "Fees (quarter)", "Health"}}
	for _, a := range ar.Agreements {
		all := strconv.Itoa(a.SessionsHeld)
		if a.Sessions > 0 {
			all += " of " + strconv.Itoa(a.Sessions)
		}
		t.Rows = append(t.Rows, []string{a.Contact, string(a.Role), string(a.Status), strconv.Itoa(a.SessionsInQuarter), all,
			money(a.FeesInQuarter), dash(string(a.Trend))})
	}
	s.add(t)
	s.listUnder("Stalled: nothing logged for twice the cadence, nothing planned", ar.Stalled)
	s.listUnder("Health falling two checks in a row", ar.Falling)
	return s, true
}

// AgreementCloser is a Book that can close agreements: the review's "end"
// decision then closes the person's active agreement as ended, with the
// review as its reason, before archiving them (see Save).
type AgreementCloser interface {
	// CloseActiveAgreement closes the person's active agreement, if they
	// have one, and says whether they did.
	CloseActiveAgreement(contactID int64, o crm.Outcome) (bool, error)
}

// endAgreement closes the active agreement of someone a review ends, when
// b can: the relationship ends through its lifecycle, with its reason.
func endAgreement(b Book, d *Decision, today crm.Date) error {
	c, ok := b.(AgreementCloser)
	if !ok {
		return nil
	}
	reason := "ended in the quarterly review"
	if d.Note != "" {
		reason += ": " + d.Note
	}
	_, err := c.CloseActiveAgreement(d.ContactID, crm.Outcome{Status: crm.AgreementEnded,
		Closing: crm.Closing{ClosedOn: today, Reason: reason}})
	return err
}
