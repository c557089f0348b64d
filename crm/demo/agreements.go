package demo

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// agreements gives the sample a coaching package with Marcus (ten
// sessions, most held, a health check that dipped, a revisit coming up), a
// mentoring agreement with Lena, a question for Marcus's next session, and
// a promise of Grace's that is late: enough for every agreement view to
// show something.
func (l *loader) agreements() error {
	marcus, err := l.id("Marcus Chen")
	if err != nil {
		return err
	}
	coaching := &crm.Agreement{ContactID: marcus, Role: crm.RoleCoach, CadenceDays: 28, Start: l.ago(172),
		End: l.ago(172).AddDays(210), Sessions: 10, Fee: 250, PerSession: true, Revisit: l.ago(-9),
		Format: "video, every four weeks", Confidential: "what we discuss about my manager and calibration",
		Fit: crm.FitGood, Goals: l.agreementGoals(goalPromo, goalSpeaking)}
	if err := l.tx.SetAgreement(coaching); err != nil {
		return fmt.Errorf("agreement with Marcus Chen: %w", err)
	}
	for i, score := range []int{4, 5, 4} {
		h := &crm.HealthCheck{AgreementID: coaching.ID, On: l.ago(142 - 60*i), Learning: score, Rhythm: score,
			FollowThrough: 4, Fit: 5, Note: []string{"Good start", "The 360 made it concrete", "Sessions slipping a little"}[i]}
		if err := l.tx.AddHealthCheck(h); err != nil {
			return err
		}
	}
	if _, err := l.tx.Ask(marcus, "How do I ask my director to sponsor me?"); err != nil {
		return err
	}
	lena, err := l.id("Lena Fischer")
	if err != nil {
		return err
	}
	mentoring := &crm.Agreement{ContactID: lena, Role: crm.RoleMentee, Start: l.ago(76), Revisit: l.ago(76).AddDays(90),
		Format: "video, fortnightly", Goals: l.agreementGoals(goalMentor)}
	if err := l.tx.SetAgreement(mentoring); err != nil {
		return fmt.Errorf("agreement with Lena Fischer: %w", err)
	}
	grace, err := l.id("Grace Liu")
	if err != nil {
		return err
	}
	intro := &crm.Exchange{ContactID: grace, Direction: crm.Received, Kind: crm.ExIntroduction,
		Description: "Introduce me to the head of product at Woodgrove Bank", Date: l.ago(41)}
	return l.tx.AddPromise(intro, l.ago(10))
}

// agreementGoals names sample goals for an agreement; an unknown title is
// left out, as the goals step decides which exist.
func (l *loader) agreementGoals(titles ...string) []crm.AgreementGoal {
	var out []crm.AgreementGoal
	for _, t := range titles {
		if id, ok := l.goals[t]; ok {
			out = append(out, crm.AgreementGoal{ID: id, Title: t})
		}
	}
	return out
}
