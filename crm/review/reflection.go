package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Prompt is one reflection question, drawn from the self-knowledge the
// profile holds: goals, strengths and gaps, personality fit, investment.
type Prompt struct {
	Key      string `json:"key"`
	Question string `json:"question"`
	// Context is what the profile and the figures say, shown beside the
	// question so the answer need not be written from memory.
	Context string `json:"context"`
}

// The prompt keys, stable across versions: answers are stored under them.
const (
	PromptGoals       = "goals"
	PromptStrengths   = "strengths_gaps"
	PromptPersonality = "personality"
	PromptInvestment  = "investment"
)

// Questions are the reflection prompts without their context, in the order
// they are asked.
var Questions = []Prompt{
	{Key: PromptGoals, Question: "Which goals moved forward this quarter, and who helped? Which goal needs someone?"},
	{Key: PromptStrengths, Question: "Which strengths did you lean on, and which gaps still have no coach or mentor?"},
	{Key: PromptPersonality, Question: "Which relationships fit the way you work, and which cost you energy?"},
	{Key: PromptInvestment, Question: "Was the time and money you put in worth it? Will you change your budget next quarter?"},
}

// question returns the prompt with a key.
func question(key string) (Prompt, error) {
	for _, p := range Questions {
		if p.Key == key {
			return p, nil
		}
	}
	keys := make([]string, len(Questions))
	for i, p := range Questions {
		keys[i] = p.Key
	}
	return Prompt{}, crm.Invalid("prompt", fmt.Errorf("unknown prompt %q (want one of %s)", key, strings.Join(keys, ", ")))
}

// prompts returns the questions with the context of this review.
func prompts(p crm.Profile, r *Review) []Prompt {
	withoutHelp := "every active goal has someone helping"
	if len(r.GoalsWithoutHelp) > 0 {
		withoutHelp = "nobody helps with: " + strings.Join(r.GoalsWithoutHelp, ", ")
	}
	context := map[string]string{
		PromptGoals: fmt.Sprintf("%d active goals; %s.", len(r.Goals), withoutHelp),
		PromptStrengths: fmt.Sprintf("Strengths: %s. Gaps: %s. No coach or mentor for: %s.",
			orNone(p.Strengths), orNone(p.Gaps), orNone(strings.Join(r.UncoveredGaps, ", "))),
		PromptPersonality: "Personality: " + orNone(p.Personality) + ".",
		PromptInvestment: fmt.Sprintf("%s of %s budgeted; %s spent of %s.", hours(r.Minutes), hours(r.Budget.MinutesQuarter),
			money(r.MoneySpent), money(r.Budget.MoneyQuarter)),
	}
	out := make([]Prompt, len(Questions))
	for i, q := range Questions {
		out[i] = q
		out[i].Context = context[q.Key]
	}
	return out
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none recorded"
	}
	return s
}

// DecisionKind is what the user chooses to do with a relationship.
type DecisionKind string

// The four decisions.
const (
	Deepen DecisionKind = "deepen"
	Keep   DecisionKind = "keep"
	Pause  DecisionKind = "pause" // snoozes the check-ins for PauseMonths
	End    DecisionKind = "end"   // archives the contact, once confirmed
)

// DecisionKinds lists the decisions in the order they are offered.
var DecisionKinds = []DecisionKind{Deepen, Keep, Pause, End}

// PauseMonths is how long a pause snoozes someone's check-ins: two
// quarters, so the next review shows them again before the snooze ends.
const PauseMonths = 6

// ParseDecision checks a decision name, case-insensitively.
func ParseDecision(s string) (DecisionKind, error) {
	for _, d := range DecisionKinds {
		if strings.EqualFold(strings.TrimSpace(s), string(d)) {
			return d, nil
		}
	}
	return "", crm.Invalid("decision", fmt.Errorf("unknown decision %q (want deepen, keep, pause or end)", s))
}

// Decision is what the user decided about one relationship in a review.
type Decision struct {
	ContactID int64        `json:"id"`
	Name      string       `json:"name"`
	Decision  DecisionKind `json:"decision"` // "" removes a stored decision when saved
	Note      string       `json:"note"`
	DecidedOn crm.Date     `json:"decided_on"`
	// AppliedOn is when the decision's effect was carried out: the snooze
	// of a pause, the archiving of an end. Zero while an end awaits
	// confirmation, and always for deepen and keep, which change nothing.
	AppliedOn crm.Date `json:"applied_on"`
}

// Answer is the user's answer to one prompt, with the prompt's wording at
// the time it was answered.
type Answer struct {
	Key    string `json:"key"`
	Prompt string `json:"prompt"`
	Text   string `json:"text"`
}

// Reflection is what a review stores: the answers and the decisions.
type Reflection struct {
	Quarter   Quarter    `json:"quarter"`
	SavedAt   string     `json:"saved_at"` // RFC 3339; "" when never saved
	Answers   []Answer   `json:"answers"`
	Decisions []Decision `json:"decisions"`
}

// Answer returns the answer to a prompt, or "".
func (r *Reflection) Answer(key string) string {
	for _, a := range r.Answers {
		if a.Key == key {
			return a.Text
		}
	}
	return ""
}

// SetAnswer sets the answer to a prompt; empty text removes it when saved.
func (r *Reflection) SetAnswer(p Prompt, text string) {
	for i := range r.Answers {
		if r.Answers[i].Key == p.Key {
			r.Answers[i].Text, r.Answers[i].Prompt = text, p.Question
			return
		}
	}
	r.Answers = append(r.Answers, Answer{Key: p.Key, Prompt: p.Question, Text: text})
}

// DecisionFor returns the decision about a contact, if any.
func (r *Reflection) DecisionFor(contactID int64) (Decision, bool) {
	for _, d := range r.Decisions {
		if d.ContactID == contactID {
			return d, true
		}
	}
	return Decision{}, false
}

// Decide sets the decision about a contact, replacing any earlier one; a
// changed decision has not been applied yet.
func (r *Reflection) Decide(d Decision) {
	for i := range r.Decisions {
		if r.Decisions[i].ContactID == d.ContactID {
			if r.Decisions[i].Decision != d.Decision {
				d.AppliedOn = crm.Date{}
			} else if d.AppliedOn.IsZero() {
				d.AppliedOn = r.Decisions[i].AppliedOn
			}
			r.Decisions[i] = d
			return
		}
	}
	r.Decisions = append(r.Decisions, d)
}

// PendingEnds returns the "end" decisions not yet carried out: the people
// Save archives only when the user confirmed them by id. The window asks
// about exactly these before saving.
func (r *Reflection) PendingEnds() []Decision {
	var out []Decision
	for _, d := range r.Decisions {
		if d.Decision == End && d.AppliedOn.IsZero() {
			out = append(out, d)
		}
	}
	return out
}

// Book is where a reflection is kept and its decisions take effect. The
// store's transaction (*store.Tx) is one; every call of one Save runs in it,
// so a failed save changes nothing.
type Book interface {
	Today() crm.Date
	// Reflection loads a quarter's saved reflection (empty when never saved).
	Reflection(q Quarter) (Reflection, error)
	// SaveReflection stores the answers and decisions given, as given
	// (applied days included), replacing stored ones with the same key or
	// contact; empty answers and decisions without a kind are removed.
	SaveReflection(r *Reflection) error
	Snooze(contactID int64, until crm.Date) error
	SetArchived(contactID int64, archived bool) error
}

// Outcome says what saving a reflection did.
type Outcome struct {
	Paused   []Decision `json:"paused"`   // snoozed by this save
	Archived []Decision `json:"archived"` // archived by this save
	Pending  []Decision `json:"pending"`  // ends still awaiting confirmation
}

// Save stores a reflection and carries out its decisions that were not yet
// applied: a pause snoozes the person's check-ins for PauseMonths from
// today; an end archives them, but only when their contact id is in
// confirmed (the user said yes to ending that person); any other end is
// stored and stays pending until a later save confirms it. Deepen and keep change
// nothing. Changing a decision does not undo an effect already carried out:
// 'kith snooze' and 'kith contact unarchive' do that. r is updated (decided
// and applied days) only when the save succeeds; if the surrounding
// transaction then fails to commit, reload it.
func Save(b Book, r *Reflection, confirmed []int64) (Outcome, error) {
	var out Outcome
	today := b.Today()
	if err := checkQuarter(r.Quarter, today); err != nil {
		return out, err
	}
	saved := *r
	var err error
	if saved.Answers, err = withPrompts(r.Answers); err != nil {
		return out, err
	}
	// A copy, so r keeps its old days if anything below fails.
	saved.Decisions = append([]Decision(nil), r.Decisions...)
	for i := range saved.Decisions {
		if err := carryOut(b, &saved.Decisions[i], today, confirmed, &out); err != nil {
			return out, err
		}
	}
	if err := b.SaveReflection(&saved); err != nil {
		return out, err
	}
	*r = saved
	return out, nil
}

// checkQuarter refuses a reflection on no quarter or on one not begun:
// there is nothing yet to look back on.
func checkQuarter(q Quarter, today crm.Date) error {
	if q.IsZero() {
		return crm.Invalid("quarter", fmt.Errorf("a reflection needs its quarter"))
	}
	if today.Before(q.Start()) {
		return crm.Invalid("quarter", fmt.Errorf("%s has not begun yet (today is %s)", q, today))
	}
	return nil
}

// withPrompts returns a copy of answers with each prompt's wording filled in
// where missing, so a stored answer still reads right if the question is
// reworded later; an answer to an unknown prompt is refused.
func withPrompts(answers []Answer) ([]Answer, error) {
	out := append([]Answer(nil), answers...)
	for i := range out {
		p, err := question(out[i].Key)
		if err != nil {
			return nil, err
		}
		if out[i].Prompt == "" {
			out[i].Prompt = p.Question
		}
	}
	return out, nil
}

// carryOut checks one decision, dates it, and carries out its effect unless
// that was done by an earlier save, noting what it did in out.
func carryOut(b Book, d *Decision, today crm.Date, confirmed []int64, out *Outcome) error {
	if d.Decision != "" {
		if _, err := ParseDecision(string(d.Decision)); err != nil {
			return err
		}
	}
	if d.DecidedOn.IsZero() {
		d.DecidedOn = today
	}
	if !d.AppliedOn.IsZero() {
		return nil
	}
	switch {
	case d.Decision == Pause:
		if err := b.Snooze(d.ContactID, today.AddMonths(PauseMonths)); err != nil {
			return fmt.Errorf("pause %s: %w", d.Name, err)
		}
		d.AppliedOn = today
		out.Paused = append(out.Paused, *d)
	case d.Decision == End && slices.Contains(confirmed, d.ContactID):
		if err := endAgreement(b, d, today); err != nil {
			return fmt.Errorf("end %s: %w", d.Name, err)
		}
		if err := b.SetArchived(d.ContactID, true); err != nil {
			return fmt.Errorf("end %s: %w", d.Name, err)
		}
		d.AppliedOn = today
		out.Archived = append(out.Archived, *d)
	case d.Decision == End:
		out.Pending = append(out.Pending, *d)
	}
	return nil
}
