package crm

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Source says how a relationship began: on the job, at an event, online, or
// through an introduction.
type Source string

// The ways people meet. SourceNone means it was not recorded.
const (
	SourceNone     Source = ""
	SourceJob      Source = "job"
	SourceEvent    Source = "event"
	SourceOnline   Source = "online"
	SourceReferral Source = "referral"
	SourceOther    Source = "other"
)

// Sources lists the recordable sources in the order they are offered.
var Sources = []Source{SourceJob, SourceEvent, SourceOnline, SourceReferral, SourceOther}

// ParseSource checks a source name, case-insensitively.
func ParseSource(s string) (Source, error) { return parseEnum("source", s, Sources) }

// ChannelKind is the kind of a way to reach someone.
type ChannelKind string

// The ways to reach a contact. A LinkedIn profile is a URL.
const (
	ChannelEmail ChannelKind = "email"
	ChannelPhone ChannelKind = "phone"
	ChannelURL   ChannelKind = "url"
)

// Channel is one email address, phone number or URL of a contact, with a
// label such as "work" or "linkedin". One per kind is primary.
type Channel struct {
	Kind    ChannelKind `json:"kind"`
	Label   string      `json:"label"`
	Value   string      `json:"value"`
	Primary bool        `json:"primary"`
}

// Contact is a person in the user's professional life.
type Contact struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Channels     []Channel `json:"channels"`
	Company      string    `json:"company"`
	Title        string    `json:"title"`
	Location     string    `json:"location"`
	Birthday     Date      `json:"birthday"`
	Source       Source    `json:"source"`
	SourceDetail string    `json:"source_detail"`
	ReferredBy   int64     `json:"referred_by,omitempty"` // contact id; 0 when none
	MetOn        Date      `json:"met_on"`
	AddedOn      Date      `json:"added_on"`
	Notes        string    `json:"notes"`
	CadenceDays  int       `json:"cadence_override_days,omitempty"` // 0: follow the roles
	SnoozedUntil Date      `json:"snoozed_until"`
	Archived     bool      `json:"archived"`
	Roles        []Role    `json:"roles"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// PrimaryChannel returns the primary value of the given kind, or the first
// one, or "".
func (c *Contact) PrimaryChannel(kind ChannelKind) string {
	first := ""
	for _, ch := range c.Channels {
		if ch.Kind != kind {
			continue
		}
		if ch.Primary {
			return ch.Value
		}
		if first == "" {
			first = ch.Value
		}
	}
	return first
}

// CurrentRoles returns the role kinds the contact holds now, in Roles order.
func (c *Contact) CurrentRoles() []RoleKind {
	var out []RoleKind
	for _, r := range c.Roles {
		if r.Until.IsZero() {
			out = append(out, r.Kind)
		}
	}
	return out
}

// Validate checks what a contact must have before it is stored.
func (c *Contact) Validate() error {
	if err := checkName(&c.Name, "name", "a contact", " (that is how ids are written)"); err != nil {
		return err
	}
	if err := checkCadence(c.CadenceDays); err != nil {
		return err
	}
	if err := CheckDate(c.MetOn); err != nil {
		return Invalid("met on", err)
	}
	if err := CheckDate(c.SnoozedUntil); err != nil {
		return Invalid("snoozed until", err)
	}
	for _, ch := range c.Channels {
		if strings.TrimSpace(ch.Value) == "" {
			return Invalid(string(ch.Kind), fmt.Errorf("empty value"))
		}
		if ch.Kind == ChannelEmail && !strings.Contains(ch.Value, "@") {
			return Invalid("email", fmt.Errorf("%q is not an email address", ch.Value))
		}
	}
	return nil
}

// checkName trims what names a contact, a circle or a goal and refuses it
// empty, or starting with # (how ids are written on the command line, so
// such a name could not be told from one). field names it in the error,
// owner says what needs it ("a circle") and note ends the # message.
func checkName(name *string, field, owner, note string) error {
	*name = strings.TrimSpace(*name)
	if *name == "" {
		return Invalid(field, fmt.Errorf("%s needs a %s", owner, field))
	}
	if strings.HasPrefix(*name, "#") {
		return Invalid(field, fmt.Errorf("%q: a %s cannot start with #%s", *name, field, note))
	}
	return nil
}

// checkCadence refuses a negative cadence; 0 means none of its own.
func checkCadence(days int) error {
	if days < 0 {
		return Invalid("cadence", fmt.Errorf("must be positive"))
	}
	return nil
}

// NameKey is the form names are matched and sorted by: case-folded, accents
// dropped, runs of spaces collapsed. "priya  RAMAN" finds Priya Raman, typing
// "Emile" finds Émile, and Émile sorts among the Es rather than after Z (which
// SQLite's ASCII-only NOCASE would do). Folding a key again gives the same
// key: the accents go before the spaces are collapsed, so a lone accent
// ("Zed \u0301") leaves no space behind. The stored keys are folded again
// when NameFoldVersion changes.
func NameKey(name string) string {
	folded, _, err := transform.String(stripMarks, strings.ToLower(name))
	if err != nil {
		folded = strings.ToLower(name)
	}
	return strings.Join(strings.Fields(folded), " ")
}

// NameFoldVersion names the way NameKey folds. The store keeps the keys of
// every name it holds under the version they were folded with, and folds
// them again at open when this changes: change it with NameKey.
const NameFoldVersion = 2

// stripMarks decomposes letters and drops their combining accents.
var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// NamesakeNote tells the user that the person just added shares a name
// with others already in the book, naming each with their id so they can
// be told apart ("Ana Lopez (#4) is already in the book; added another Ana
// Lopez (#9)"); "" when there are none. Adding still goes ahead: two
// people may share a name.
func NamesakeNote(added Participant, others []Participant) string {
	if len(others) == 0 {
		return ""
	}
	names := make([]string, len(others))
	for i, o := range others {
		names[i] = fmt.Sprintf("%s (#%d)", o.Name, o.ContactID)
	}
	who, verb := names[0], "is"
	if n := len(names); n > 1 {
		who, verb = strings.Join(names[:n-1], ", ")+" and "+names[n-1], "are"
	}
	return fmt.Sprintf("%s %s already in the book; added another %s (#%d)", who, verb, added.Name, added.ContactID)
}
