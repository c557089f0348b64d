package crm

import (
	"strings"
	"testing"
)

// A first word of letters followed by a colon and a space (or the end) is
// meant as a kind: one Kith does not know is refused, naming the kinds and
// the nearest one, instead of being stored as kind other. Any other colon
// belongs to the description.
func TestParseExchangeRefusesAnUnknownKind(t *testing.T) {
	for _, c := range []struct{ in, kind, desc, err string }{
		{"ADVICE: slow down", "advice", "slow down", ""},
		{"advice:slow down", "advice", "slow down", ""},
		{"Intro to Sam: great chat", "other", "Intro to Sam: great chat", ""},
		{"10:30 call about the deck", "other", "10:30 call about the deck", ""},
		{"https://example.com/deck", "other", "https://example.com/deck", ""},
		{"other: Re: the offsite plan", "other", "Re: the offsite plan", ""},
		{"advise: price the work", "", "", `did you mean advice?`},
		{"feedbak: on the deck", "", "", `did you mean feedback?`},
		{"Re: the offsite plan", "", "", `unknown kind "Re"`},
		{"note:", "", "", `unknown kind "note"`},
	} {
		ex, err := ParseExchange(Gave, c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "advice, feedback, introduction") ||
				!strings.Contains(err.Error(), `"other: `) {
				t.Errorf("%q: %+v %v, want an error saying %q, the kinds and how to keep the colon", c.in, ex, err, c.err)
			}
			continue
		}
		if err != nil || string(ex.Kind) != c.kind || ex.Description != c.desc {
			t.Errorf("%q: %+v %v, want kind %s description %q", c.in, ex, err, c.kind, c.desc)
		}
	}
}
