package crm

import (
	"fmt"
	"strings"
)

// Gap is something the user lacks and wants help with: a skill
// ("negotiation"), a kind of experience ("managing managers"). Like a goal,
// it is linked to the people who help with it, and the board shows whether
// someone in the role that fits covers it.
type Gap struct {
	ID      int64   `json:"id"`
	Text    string  `json:"text"`
	Horizon Horizon `json:"horizon"` // how soon the user wants it closed; short by default
	// Fits is the kind of help the user chose for it; "" follows the rule
	// of FitForNeed (a circle). Only coach, mentor and circle can be chosen.
	Fits    RoleKind      `json:"fits,omitempty"`
	Notes   string        `json:"notes"`
	Helpers []Participant `json:"helpers"`
}

// Validate checks a gap before it is stored.
func (g *Gap) Validate() error {
	if err := checkName(&g.Text, "gap", "a gap", ""); err != nil {
		return err
	}
	if strings.ContainsAny(g.Text, "\n\r") {
		return Invalid("gap", fmt.Errorf("%q: one gap per line", g.Text))
	}
	if g.Horizon == "" {
		g.Horizon = ShortTerm
	}
	if _, err := ParseHorizon(string(g.Horizon)); err != nil {
		return Invalid("horizon", err)
	}
	return checkFit(g.Fits)
}

// Helpers is the kinds of help the board can ask for, in the order offered.
var Helpers = []RoleKind{RoleCoach, RoleMentor, RoleCircle}

// ParseFit checks the name of a kind of help: coach, mentor or circle.
func ParseFit(s string) (RoleKind, error) { return parseEnum("kind of help", s, Helpers) }

// checkFit accepts no choice ("") or one of Helpers.
func checkFit(r RoleKind) error {
	if r == "" {
		return nil
	}
	if _, err := ParseFit(string(r)); err != nil {
		return Invalid("fits", err)
	}
	return nil
}

// FitFor is the kind of help that fits a goal: what the user chose when
// they chose (chosen), else a coach for a near-term, specific need and a
// mentor for a long horizon and broad perspective. A circle, for learning
// alongside peers, is only ever chosen: nothing in a title says "peers".
func FitFor(h Horizon, chosen RoleKind) RoleKind {
	if chosen != "" {
		return chosen
	}
	if h == LongTerm {
		return RoleMentor
	}
	return RoleCoach
}

// FitForNeed is the kind of help that fits a goal or a gap: for a goal,
// FitFor; for a gap, what the user chose, else a circle: a gap is
// something to learn, and peers learning it together (a speaking club, a
// reading group) are the first help to look for. The user can choose a
// coach for a specific skill or a mentor for a broad one.
func FitForNeed(kind NeedKind, h Horizon, chosen RoleKind) RoleKind {
	if kind == NeedGap && chosen == "" {
		return RoleCircle
	}
	return FitFor(h, chosen)
}

// SplitGaps reads gaps typed as text (kith profile --gaps, the old profile
// field) as a list: one per line, or separated by commas or semicolons
// ("public speaking, negotiation"), spaces collapsed, repeats (in any case)
// dropped.
func SplitGaps(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' })
	seen := map[string]bool{}
	out := []string{}
	for _, f := range fields {
		f = strings.Join(strings.Fields(f), " ")
		if f == "" || seen[NameKey(f)] {
			continue
		}
		seen[NameKey(f)] = true
		out = append(out, f)
	}
	return out
}

// JoinGaps writes a list of gaps back as the one line of text the profile's
// gaps field has always been, which SplitGaps reads back into the same
// list: comma-separated, or one per line when a gap itself has a comma.
func JoinGaps(gaps []string) string {
	for _, g := range gaps {
		if strings.ContainsAny(g, ",;") {
			return strings.Join(gaps, "\n")
		}
	}
	return strings.Join(gaps, ", ")
}
