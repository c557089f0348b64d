package calendar

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// AgreementDateKind says which day of an agreement an event marks.
type AgreementDateKind string

// The days of an agreement the calendar carries.
const (
	AgreementRevisit AgreementDateKind = "revisit" // the day to look at the agreement again
	AgreementEnd     AgreementDateKind = "end"     // its planned end
)

// AgreementDate is one day an active agreement marks on the calendar.
type AgreementDate struct {
	AgreementID int64
	Name        string       // the person it is with
	Role        crm.RoleKind // what the relationship is
	Kind        AgreementDateKind
	Day         crm.Date
}

// AgreementReader is the event source of agreements: a Reader that is one
// too (the store's transaction) puts their revisit and end dates on the
// calendar. It is separate from Reader so that readers without agreements
// still export the rest.
type AgreementReader interface {
	// AgreementDates returns the revisit and planned end dates of active
	// agreements with people not archived, falling by until (past ones
	// included: an agreement past its end is still to close), by day.
	AgreementDates(until crm.Date) ([]AgreementDate, error)
}

// agreementEvents is the event source of agreements: it emits an event
// for each of their dates up to until, as it reads them. A day already
// past is placed on today, as an overdue check-in is: it is still to do.
// In a list of event sources it is
// {name: "agreements", events: func(b *builder, emit ...) error { return b.agreementEvents(b.until, emit) }}.
func (b *builder) agreementEvents(until crm.Date, emit func(*event) error) error {
	src, ok := b.tx.(AgreementReader)
	if !ok {
		return nil
	}
	dates, err := src.AgreementDates(until)
	if err != nil {
		return err
	}
	for _, d := range dates {
		day := d.Day
		if day.Before(b.today) {
			day = b.today
		}
		summary, description := agreementText(d)
		ev := b.allDay(uid(b.salt, "agreement-"+string(d.Kind), d.AgreementID), day, summary, description)
		ev.categories = []string{string(d.Role)}
		if err := emit(ev); err != nil {
			return err
		}
	}
	return nil
}

// agreementText is what an agreement's event says.
func agreementText(d AgreementDate) (summary, description string) {
	if d.Kind == AgreementEnd {
		return fmt.Sprintf("Agreement with %s ends (%s)", d.Name, d.Day),
			fmt.Sprintf("The agreement with %s (%s) was planned to end on %s. Close it in Kith as completed, "+
				"ended or redefined, or renew it ('kith agreement close', 'kith agreement set --renew').", d.Name, d.Role, d.Day)
	}
	return fmt.Sprintf("Revisit the agreement with %s (%s)", d.Name, d.Day),
		fmt.Sprintf("A day set to look at the agreement with %s (%s) again: its goals, rhythm and whether it "+
			"still helps ('kith agreement show').", d.Name, d.Role)
}
