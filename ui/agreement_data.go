package ui

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// The agreement screens read and write through these functions, which
// translate between the store and the view models of agreement_model.go.
// Each runs inside the transaction it is given, so a screen's load stays
// one read and a form's save one write.

// agreementOf is the view of an agreement with its progress.
func agreementOf(p *crm.AgreementProgress) *agreementView {
	a := &agreementView{ID: p.ID, Role: p.Role, Start: p.Start, End: p.End, Revisit: p.Revisit,
		CadenceDays: p.CadenceDays, Sessions: p.Sessions, Hours: p.Hours, Held: p.SessionsHeld, HoursHeld: p.HoursHeld,
		Fee: p.Fee, PerSession: p.PerSession, FeeSpent: p.FeePaid + p.FeeReceived, FeeAgreed: p.AgreedFee(),
		DaysLeft: p.DaysLeft, LastSession: p.LastSession, Confidential: p.Confidential, Format: p.Format,
		Status: string(p.Status), ClosedOn: p.ClosedOn, Reason: p.Reason, Learned: p.Learned, NewRole: p.NewRole,
		Fit: string(p.Fit)}
	for _, g := range p.Goals {
		a.Goals = append(a.Goals, g.Title)
		a.GoalIDs = append(a.GoalIDs, g.ID)
	}
	for _, f := range p.Flags {
		a.Flags = append(a.Flags, string(f))
	}
	return a
}

// loadRelationship reads a person's agreements and the health of the
// active one.
func loadRelationship(tx *store.Tx, contactID int64) (*relationshipView, error) {
	list, err := tx.AgreementsProgress(contactID)
	if err != nil {
		return nil, err
	}
	r := &relationshipView{}
	for i := range list {
		p := &list[i]
		if !p.Active() {
			r.Past = append(r.Past, agreementOf(p))
			continue
		}
		r.Active, r.Trend, r.HealthDue, r.FitDue = agreementOf(p), string(p.Trend), p.HealthDue, p.FitCheckDue
		checks, err := tx.HealthChecks(p.ID)
		if err != nil {
			return nil, err
		}
		for _, h := range checks {
			r.Health = append(r.Health, healthView{On: h.On, Learning: h.Learning, Rhythm: h.Rhythm,
				FollowThrough: h.FollowThrough, Fit: h.Fit, Note: h.Note})
		}
	}
	return r, nil
}

// agendaOf is the view of an agenda.
func agendaOf(a *crm.Agenda) *agendaView {
	v := &agendaView{ContactID: a.ContactID, Name: a.Name}
	if a.Agreement != nil {
		v.Agreement = agreementOf(a.Agreement)
	}
	for _, it := range a.Items {
		v.Items = append(v.Items, agendaItemView{ID: it.ID, Kind: string(it.Kind), Text: it.Text, Carried: it.Carried})
	}
	return v
}

// prepareAgenda builds the agenda for the next session with a person from
// what is open with them: it writes the new items.
func prepareAgenda(tx *store.Tx, contactID int64) (*agendaView, error) {
	a, err := tx.PrepareAgenda(contactID)
	if err != nil {
		return nil, err
	}
	return agendaOf(a), nil
}

// openAgenda reads what is open to raise with a person, as last prepared.
func openAgenda(tx *store.Tx, contactID int64) (*agendaView, error) {
	a, err := tx.Agenda(contactID)
	if err != nil {
		return nil, err
	}
	return agendaOf(a), nil
}

// addQuestion notes a question for the next session with a person.
func addQuestion(tx *store.Tx, contactID int64, text string) error {
	_, err := tx.Ask(contactID, text)
	return err
}

// saveAgreement sets a new agreement, changes the active one (editID), or
// renews it as a new one.
func saveAgreement(tx *store.Tx, contactID, editID int64, renew bool, in agreementInput) error {
	a := &crm.Agreement{ContactID: contactID, Role: in.Role, CadenceDays: in.CadenceDays, Start: in.Start, End: in.End,
		Sessions: in.Sessions, Hours: in.Hours, Fee: in.Fee, PerSession: in.PerSession, Confidential: in.Confidential,
		Format: in.Format, Revisit: in.Revisit, Goals: []crm.AgreementGoal{}}
	for _, id := range in.GoalIDs {
		a.Goals = append(a.Goals, crm.AgreementGoal{ID: id})
	}
	if renew {
		return tx.RenewAgreement(a)
	}
	if editID != 0 {
		old, err := tx.Agreement(editID)
		if err != nil {
			return err
		}
		a.ID, a.Fit = editID, old.Fit
	}
	return tx.SetAgreement(a)
}

// closeAgreement closes an agreement as the closing form says.
func closeAgreement(tx *store.Tx, id int64, in closingInput) error {
	return tx.CloseAgreement(id, crm.Outcome{Status: crm.AgreementStatus(in.Outcome),
		Closing: crm.Closing{Reason: in.Reason, Learned: in.Learned, NewRole: in.NewRole}})
}

// addHealthCheck stores a health check of an agreement, dated today.
func addHealthCheck(tx *store.Tx, agreementID int64, h healthView) error {
	return tx.AddHealthCheck(&crm.HealthCheck{AgreementID: agreementID, Learning: h.Learning, Rhythm: h.Rhythm,
		FollowThrough: h.FollowThrough, Fit: h.Fit, Note: h.Note})
}

// setFit records the fit check's verdict.
func setFit(tx *store.Tx, agreementID int64, verdict string) error {
	return tx.SetFit(agreementID, crm.FitVerdict(verdict))
}

// applyAgenda records what became of an agenda in the session logged as
// interactionID, and whether it counts as a session.
func applyAgenda(tx *store.Tx, interactionID int64, t agendaTicks, counts bool) error {
	if err := tx.MarkSession(interactionID, counts); err != nil {
		return err
	}
	ticks := crm.AgendaTicks{Done: t.Done, Carried: t.Carried, Dropped: t.Dropped}
	if ticks.Empty() {
		return nil
	}
	return tx.TickAgenda(interactionID, ticks)
}

// setPromiseDue sets when a promise falls due.
func setPromiseDue(tx *store.Tx, exchangeID int64, due crm.Date) error {
	return tx.SetPromiseDue(exchangeID, due)
}

// relationLimit bounds each of Today's agreement cards.
const relationLimit = 8

// loadTodayRelations reads what Today shows about agreements.
func loadTodayRelations(tx *store.Tx, r *todayRelations) error {
	w, err := tx.Watch(relationLimit)
	if err != nil {
		return err
	}
	today := tx.Today()
	for i := range w.Agreements {
		sortAttention(r, &w.Agreements[i], today)
	}
	for _, x := range w.TheirLate {
		r.theirs = append(r.theirs, theirPromise{ExchangeID: x.ID, ContactID: x.ContactID, Name: x.Contact,
			Kind: string(x.Kind), Description: x.Description, Due: x.Due})
	}
	return nil
}

// sortAttention files an agreement under each of Today's cards a flag of
// it belongs to, up to relationLimit a card.
func sortAttention(r *todayRelations, p *crm.AgreementProgress, today crm.Date) {
	add := func(list *[]attention, f crm.AgreementFlag) {
		if p.Has(f) && len(*list) < relationLimit {
			*list = append(*list, attention{ContactID: p.ContactID, Name: p.Contact, AgreementID: p.ID, Flag: string(f),
				Why: attentionWhy(p, f, today)})
		}
	}
	for _, f := range []crm.AgreementFlag{crm.FlagEndingSoon, crm.FlagPastSessions, crm.FlagRevisitDue} {
		add(&r.agreements, f)
	}
	add(&r.health, crm.FlagFitCheckDue)
	if !p.Has(crm.FlagFitCheckDue) {
		add(&r.health, crm.FlagHealthDue)
	}
	add(&r.health, crm.FlagFalling)
	add(&r.stalled, crm.FlagStalled)
}

// attentionWhy says in a few words why a flag was raised.
func attentionWhy(p *crm.AgreementProgress, f crm.AgreementFlag, today crm.Date) string {
	a := agreementOf(p)
	switch f {
	case crm.FlagEndingSoon:
		return a.termText(today)
	case crm.FlagPastSessions:
		return "sessions " + a.sessionsText()
	case crm.FlagRevisitDue:
		return "revisit " + relDay(p.Revisit, today)
	case crm.FlagHealthDue:
		return fmt.Sprintf("%s · check due %s", p.Role, relDay(p.HealthDue, today))
	case crm.FlagFitCheckDue:
		return fmt.Sprintf("%s · two sessions in: a good fit?", p.Role)
	case crm.FlagFalling:
		return "health fell two checks in a row"
	case crm.FlagStalled:
		last := "nothing logged since the start"
		if !p.LastSession.IsZero() {
			last = "last session " + relDay(p.LastSession, today)
		}
		return last + ", nothing planned"
	}
	return ""
}
