package crm

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Stage is where a prospect stands in the pipeline from a name to a
// relationship.
type Stage string

// The pipeline: to contact, reached out, talking, then active (the
// prospect became a contact) or not now (set aside, perhaps to reconsider).
const (
	StageToContact  Stage = "to-contact"
	StageReachedOut Stage = "reached-out"
	StageTalking    Stage = "talking"
	StageActive     Stage = "active"
	StageNotNow     Stage = "not-now"
)

// Stages lists the stages in pipeline order, the columns of the Find screen.
var Stages = []Stage{StageToContact, StageReachedOut, StageTalking, StageActive, StageNotNow}

// ParseStage checks a stage name, case-insensitively; "to contact" and
// "reached out" with a space are accepted too.
func ParseStage(s string) (Stage, error) {
	return parseEnum("stage", strings.ReplaceAll(strings.TrimSpace(s), " ", "-"), Stages)
}

// moves says where a prospect can go from each stage. Forward one step,
// back to any earlier open stage (recorded), aside to not now, and from
// not now back into the pipeline. Active is only reached from someone the
// user has reached; once active the prospect is a contact, and stays one.
var moves = map[Stage][]Stage{
	StageToContact:  {StageReachedOut, StageNotNow},
	StageReachedOut: {StageToContact, StageTalking, StageActive, StageNotNow},
	StageTalking:    {StageToContact, StageReachedOut, StageActive, StageNotNow},
	StageNotNow:     {StageToContact, StageReachedOut, StageTalking},
	StageActive:     {},
}

// AllowedMoves lists the stages a prospect at from can move to, in
// pipeline order.
func AllowedMoves(from Stage) []Stage { return slices.Clone(moves[from]) }

// CheckMove refuses a move the pipeline does not allow (activating someone
// never reached, moving a contact back into the pipeline), naming the
// stages that are allowed.
func CheckMove(from, to Stage) error {
	if slices.Contains(moves[from], to) {
		return nil
	}
	allowed := moves[from]
	if len(allowed) == 0 {
		return Invalid("stage", fmt.Errorf("cannot move from %s: the prospect is already a contact", from))
	}
	return Invalid("stage", fmt.Errorf("cannot move from %s to %s (allowed: %s)", from, to, joinNames(allowed, ", ")))
}

// IsOpen says whether a prospect at s is still being pursued: follow-ups
// are only due for those.
func (s Stage) IsOpen() bool {
	return s == StageToContact || s == StageReachedOut || s == StageTalking
}

// Prospect is someone the user wants a relationship with and has not got
// yet: where they were found, what they could help with, the role sought
// and why them, and where the pursuit stands.
type Prospect struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Found is where they were found: job, event, online or referral
	// (SourceNone when not said); Detail says which conference, forum or
	// team, or who could introduce.
	Found  Source `json:"found"`
	Detail string `json:"detail"`
	// EventID is the event they were met at (0 for none); Event its title.
	EventID int64  `json:"event_id,omitempty"`
	Event   string `json:"event"`
	// ReferredBy is the contact who could introduce them (0 for none).
	ReferredBy     int64  `json:"referred_by,omitempty"`
	ReferredByName string `json:"referred_by_name"`
	// GoalID or GapID is the need they could help with (0 for none), Goal
	// and Gap its title.
	GoalID int64    `json:"goal_id,omitempty"`
	Goal   string   `json:"goal"`
	GapID  int64    `json:"gap_id,omitempty"`
	Gap    string   `json:"gap"`
	Role   RoleKind `json:"role"` // the role sought; "" when not said
	Why    string   `json:"why"`
	Stage  Stage    `json:"stage"`
	// NotNowReason and ReconsiderOn are set while the stage is not now.
	NotNowReason string `json:"not_now_reason"`
	ReconsiderOn Date   `json:"reconsider_on"`
	// FollowUpOn is the next follow-up, zero for none; only an open stage
	// has one.
	FollowUpOn Date `json:"follow_up_on"`
	// ContactID is the contact the prospect became once active.
	ContactID int64     `json:"contact_id,omitempty"`
	AddedOn   Date      `json:"added_on"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks a prospect before it is stored.
func (p *Prospect) Validate() error {
	if err := checkName(&p.Name, "name", "a prospect", " (that is how ids are written)"); err != nil {
		return err
	}
	if p.Found != SourceNone && p.Found != SourceOther {
		if _, err := ParseFound(string(p.Found)); err != nil {
			return Invalid("found", err)
		}
	}
	if p.Role != "" {
		if _, err := ParseRole(string(p.Role)); err != nil {
			return Invalid("role", err)
		}
	}
	if p.Stage == "" {
		p.Stage = StageToContact
	}
	if _, err := ParseStage(string(p.Stage)); err != nil {
		return Invalid("stage", err)
	}
	if p.GoalID != 0 && p.GapID != 0 {
		return Invalid("goal", fmt.Errorf("a prospect serves a goal or a gap, not both"))
	}
	return nil
}

// Founds are the places a prospect can be found, in the order offered.
var Founds = []Source{SourceJob, SourceEvent, SourceOnline, SourceReferral}

// ParseFound checks where a prospect was found: job, event, online or referral.
func ParseFound(s string) (Source, error) { return parseEnum("found", s, Founds) }

// Outreach is one message reaching out to a prospect, its purpose in the
// user's own words (the genuine, explicit ask): why they reach out, what
// they admire, what they can offer and what they ask for, with the
// channel, the day and when to follow up.
type Outreach struct {
	ID         int64  `json:"id"`
	ProspectID int64  `json:"prospect_id"`
	On         Date   `json:"on"`
	Channel    string `json:"channel"` // email, LinkedIn, in person...: the user's word
	Why        string `json:"why"`
	Admire     string `json:"admire"`
	Offer      string `json:"offer"`
	Ask        string `json:"ask"`
	FollowUpOn Date   `json:"follow_up_on"`
}

// IsEmpty says the outreach records nothing worth keeping.
func (o *Outreach) IsEmpty() bool {
	return o.Channel == "" && o.Why == "" && o.Admire == "" && o.Offer == "" && o.Ask == "" && o.FollowUpOn.IsZero()
}

// Notes writes an outreach as the lines kept on the contact a prospect
// becomes: "2026-11-02 by email: why … admire … offer … ask …".
func (o *Outreach) Notes() string {
	head := "Reached out " + o.On.String()
	if o.Channel != "" {
		head += " by " + o.Channel
	}
	parts := []string{head}
	for _, f := range []struct{ label, text string }{{"why", o.Why}, {"admire", o.Admire}, {"offer", o.Offer}, {"ask", o.Ask}} {
		if strings.TrimSpace(f.text) != "" {
			parts = append(parts, f.label+": "+strings.TrimSpace(f.text))
		}
	}
	return strings.Join(parts, "; ")
}

// StageChange is one move in a prospect's pipeline, kept so that moving
// back a stage leaves a trace.
type StageChange struct {
	From Stage  `json:"from"` // "" for the first stage, when added
	To   Stage  `json:"to"`
	On   Date   `json:"on"`
	Note string `json:"note"`
}

// Move is a request to move a prospect to another stage.
type Move struct {
	To   Stage
	On   Date   // the day of the move; zero for today
	Note string // why, in the user's words
	// FollowUpOn is the next follow-up; a move without one clears it, so
	// a follow-up disappears when the prospect moves on.
	FollowUpOn Date
	// Reason and ReconsiderOn go with a move to not now.
	Reason       string
	ReconsiderOn Date
	// Outreach, when not nil, is recorded with the move (reaching out
	// records what the message said); its day and follow-up default to
	// the move's.
	Outreach *Outreach
}

// ProspectDetail is a prospect with its pipeline history and outreach,
// oldest first: what a prospect's page shows.
type ProspectDetail struct {
	Prospect
	History  []StageChange `json:"history"`
	Outreach []Outreach    `json:"outreach"`
}

// ProspectFilter selects prospects for a list. The zero value lists every
// prospect by name.
type ProspectFilter struct {
	Stage   Stage // "" for every stage
	EventID int64 // only those met at this event; 0 for all
	Limit   int   // 0 for no limit
	Offset  int
}

// DueKind says what a row of the due list is.
type DueKind string

// The kinds of due row: a check-in with a contact, a follow-up with a
// prospect.
const (
	DueCheckIn  DueKind = "check-in"
	DueFollowUp DueKind = "follow-up"
)

// FollowUp is a prospect's follow-up falling due: shown on Today, in
// 'kith due' (as kind follow-up) and in the calendar as its own event.
type FollowUp struct {
	ProspectID  int64    `json:"prospect_id"`
	Name        string   `json:"name"`
	Stage       Stage    `json:"stage"`
	Role        RoleKind `json:"role"`
	Due         Date     `json:"due"`
	DaysOverdue int      `json:"days_overdue"` // positive when late
	// Serves is the title of the goal or gap the prospect could help with.
	Serves string `json:"serves"`
	// LastOutreach is the day of the last outreach and Channel its channel.
	LastOutreach Date   `json:"last_outreach"`
	Channel      string `json:"channel"`
	Ask          string `json:"ask"` // what the last outreach asked for
}

// AsCheckIn writes a follow-up as a row of the due list (kind follow-up,
// id 0, prospect_id set), so 'kith due' lists check-ins and follow-ups
// together with the keys it always had: the role sought as its roles, the
// last outreach as its last contact, what it asked for (or the goal it
// serves) as its summary.
func (f FollowUp) AsCheckIn() CheckIn {
	roles := []RoleKind{}
	if f.Role != "" {
		roles = append(roles, f.Role)
	}
	summary := f.Ask
	if summary == "" && f.Serves != "" {
		summary = "for " + f.Serves
	}
	return CheckIn{Kind: DueFollowUp, ProspectID: f.ProspectID, Name: f.Name, Roles: roles, Due: f.Due,
		DaysOverdue: f.DaysOverdue, LastContact: f.LastOutreach, LastSummary: summary}
}
