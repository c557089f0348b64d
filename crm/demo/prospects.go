package demo

import (
	"github.com/kithcrm/kith/crm"
)

// The sample's self-knowledge and search: gaps linked to who helps, an
// event, and prospects at every stage of the pipeline, one follow-up late
// and one due this week, so the board, the Find screen, event pages and
// Today's follow-ups all have something to show.

// sampleGaps are the profile's gaps and who helps with each.
var sampleGaps = []struct {
	text    string
	horizon crm.Horizon
	fits    crm.RoleKind
	helpers []string
}{
	{text: "public speaking", helpers: []string{"Hannah Berg", "Marcus Chen"}},
	{text: "negotiation", fits: crm.RoleCoach},
	{text: "managing managers", horizon: crm.LongTerm, fits: crm.RoleMentor, helpers: []string{"Priya Raman"}},
}

// prospectSet adds the sample gaps, the event and the prospects.
func (l *loader) prospectSet() error {
	for _, g := range sampleGaps {
		helpers, err := l.participants(g.helpers)
		if err != nil {
			return err
		}
		if err := l.tx.AddGap(&crm.Gap{Text: g.text, Horizon: g.horizon, Fits: g.fits, Helpers: helpers}); err != nil {
			return err
		}
	}
	ev := &crm.Event{Title: "ProductCon London", Kind: crm.EventConference, Date: l.ago(12), Place: "ExCeL London"}
	if err := l.tx.AddEvent(ev); err != nil {
		return err
	}
	for _, name := range []string{"Diego Alvarez", "Tom Becker"} {
		id, err := l.id(name)
		if err != nil {
			return err
		}
		if err := l.tx.MetAt(ev.ID, id); err != nil {
			return err
		}
	}
	return l.prospects(ev.ID)
}

// prospects adds the sample prospects and moves each to its stage.
func (l *loader) prospects(eventID int64) error {
	referrer, err := l.id("Grace Liu")
	if err != nil {
		return err
	}
	negotiation, err := l.tx.FindGap("negotiation")
	if err != nil {
		return err
	}
	speaking, err := l.tx.FindGap("public speaking")
	if err != nil {
		return err
	}
	samples := []struct {
		p     crm.Prospect
		moves []crm.Move
	}{
		{crm.Prospect{Name: "Dana Whitfield", Found: crm.SourceEvent, EventID: eventID, GoalID: l.goals[goalPromo],
			Role: crm.RoleMentor, Why: "Runs the product org I want to run one day; her talk was the best of the day"},
			[]crm.Move{{To: crm.StageReachedOut, On: l.ago(10), FollowUpOn: l.ago(3), Outreach: &crm.Outreach{Channel: "email",
				Why: "Your ProductCon talk on growing group PMs", Admire: "How you made calibration transparent",
				Offer: "Our write-up of the payments launch", Ask: "A 30-minute call about the jump to Group PM"}}}},
		{crm.Prospect{Name: "Omar Haddad", Found: crm.SourceReferral, ReferredBy: referrer, GapID: negotiation,
			Role: crm.RoleCoach, Why: "Coached Grace through two offers"},
			[]crm.Move{{To: crm.StageReachedOut, On: l.ago(6), FollowUpOn: l.today.AddDays(3),
				Outreach: &crm.Outreach{Channel: "LinkedIn", Ask: "Whether he takes on new clients this quarter"}},
				{To: crm.StageTalking, On: l.ago(2), FollowUpOn: l.today.AddDays(3), Note: "Intro call booked"}}},
		{crm.Prospect{Name: "Toastmasters Canary Wharf", Found: crm.SourceOnline, Detail: "meetup.com", GapID: speaking,
			Role: crm.RoleCircle, Why: "A speaking circle near the office"}, nil},
		{crm.Prospect{Name: "Nadia Petrova", Found: crm.SourceEvent, EventID: eventID, Role: crm.RoleMentor,
			Why: "Fintech founder, great questions at the panel"},
			[]crm.Move{{To: crm.StageNotNow, On: l.ago(11), Reason: "Mentoring is full until spring", ReconsiderOn: l.today.AddDays(90)}}},
	}
	for _, s := range samples {
		p := s.p
		if err := l.tx.AddProspect(&p); err != nil {
			return err
		}
		for _, m := range s.moves {
			if _, err := l.tx.MoveProspect(p.ID, m); err != nil {
				return err
			}
		}
	}
	return nil
}
