package crm

import (
	"fmt"
	"strings"
	"unicode"
)

// Direction says whether the user gave or received something.
type Direction string

// The two directions of an exchange.
const (
	Gave     Direction = "gave"
	Received Direction = "received"
)

// ExchangeKind is what was given or received.
type ExchangeKind string

// The kinds of things relationships trade in.
const (
	ExAdvice       ExchangeKind = "advice"
	ExFeedback     ExchangeKind = "feedback"
	ExIntroduction ExchangeKind = "introduction"
	ExReferral     ExchangeKind = "referral"
	ExOpportunity  ExchangeKind = "opportunity"
	ExResource     ExchangeKind = "resource"
	ExHelp         ExchangeKind = "help"
	ExTime         ExchangeKind = "time"
	ExMoney        ExchangeKind = "money"
	ExOther        ExchangeKind = "other"
)

// ExchangeKinds lists every kind in display order.
var ExchangeKinds = []ExchangeKind{ExAdvice, ExFeedback, ExIntroduction, ExReferral, ExOpportunity, ExResource, ExHelp, ExTime, ExMoney, ExOther}

// ParseExchangeKind checks an exchange kind, case-insensitively.
func ParseExchangeKind(s string) (ExchangeKind, error) { return parseEnum("kind", s, ExchangeKinds) }

// Exchange is one thing given or received in a relationship: advice, an
// introduction, an hour of time, a coaching fee. A commitment is a promise
// not yet kept; DoneOn records when it was.
type Exchange struct {
	ID            int64        `json:"id"`
	ContactID     int64        `json:"contact_id"`
	Contact       string       `json:"contact,omitempty"`
	InteractionID int64        `json:"interaction_id,omitempty"`
	Date          Date         `json:"date"`
	Direction     Direction    `json:"direction"`
	Kind          ExchangeKind `json:"kind"`
	Description   string       `json:"description"`
	Minutes       int          `json:"minutes,omitempty"`
	Amount        float64      `json:"amount,omitempty"` // money, in the user's currency
	Commitment    bool         `json:"commitment"`
	DoneOn        Date         `json:"done_on"`
}

// Open reports whether the exchange is a promise still to keep.
func (e *Exchange) Open() bool { return e.Commitment && e.DoneOn.IsZero() }

// ParseExchange reads the "KIND: description" form used on the command
// line. The text before the first colon is the kind when it names one, in
// any case ("advice:slow down" too). Otherwise a first word of letters
// alone, followed by a colon and a space or the end of the text, was meant
// as a kind: one Kith does not know ("advise: ...") is refused, naming the
// kinds and the nearest of them, rather than stored as kind other. Any
// other colon belongs to the description, of kind other: "Intro to Sam:
// great chat", "10:30 call", "https://example.com". To keep a colon after a
// first word ("Re: the offsite"), write the kind first: "other: Re: the
// offsite". The caller names the field in its error, since the same text
// comes from several.
func ParseExchange(dir Direction, text string) (Exchange, error) {
	text = strings.TrimSpace(text)
	ex := Exchange{Direction: dir, Kind: ExOther, Description: text}
	if k, rest, ok := strings.Cut(text, ":"); ok {
		kind, err := ParseExchangeKind(k)
		switch {
		case err == nil:
			ex.Kind, ex.Description = kind, strings.TrimSpace(rest)
		case meantAsKind(k, rest):
			stop := "."
			if strings.HasSuffix(err.Error(), "?") { // "did you mean advice?"
				stop = ""
			}
			return ex, fmt.Errorf("%w%s To keep the colon in the description, write \"other: %s\"", err, stop, text)
		}
	}
	if ex.Description == "" {
		return ex, fmt.Errorf("%q has no description (want \"KIND: description\")", text)
	}
	return ex, nil
}

// meantAsKind says whether the text before a colon, word, and after it,
// rest, read as "KIND: description": word is one word of letters, and a
// space or nothing follows the colon (so "https://..." is not a kind).
func meantAsKind(word, rest string) bool {
	if word == "" || (rest != "" && !unicode.IsSpace(rune(rest[0]))) {
		return false
	}
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Validate checks an exchange before it is stored.
func (e *Exchange) Validate() error {
	if e.Direction != Gave && e.Direction != Received {
		return Invalid("direction", fmt.Errorf("%q is neither gave nor received", e.Direction))
	}
	if _, err := ParseExchangeKind(string(e.Kind)); err != nil {
		return Invalid(string(e.Direction), err)
	}
	if strings.TrimSpace(e.Description) == "" {
		return Invalid(string(e.Direction), fmt.Errorf("a description is needed"))
	}
	if err := CheckMinutes(e.Minutes); err != nil {
		return Invalid(string(e.Direction)+" minutes", err)
	}
	if err := CheckAmount(e.Amount); err != nil {
		return Invalid(string(e.Direction)+" amount", err)
	}
	return nil
}
