package crm

import (
	"errors"
	"strings"
	"testing"
)

// Invalid names the field for the user and keeps the cause for the code:
// a caller can still ask what went wrong beneath the message.
func TestInvalidKeepsItsCause(t *testing.T) {
	cause := errors.New("too long")
	err := error(Invalid("--title", cause))
	if err.Error() != "--title: too long" {
		t.Errorf("message %q", err.Error())
	}
	if !errors.Is(err, cause) {
		t.Error("errors.Is does not reach the cause")
	}
	if ErrorCode(err) != EInvalid {
		t.Errorf("code %q", ErrorCode(err))
	}
	notFound := Errorf(ENotFound, "no contact named %q", "Ghost")
	var inner *Error
	if !errors.As(Invalid("--with", notFound), &inner) || inner.Code != EInvalid {
		t.Errorf("errors.As finds %+v first, want the outer EInvalid", inner)
	}
	if !errors.Is(Invalid("--with", notFound), notFound) {
		t.Error("an *Error cause is lost")
	}
}

// Every enum parser accepts any case and surrounding space and, for an
// unknown name, says which names are valid.
func TestParseEnums(t *testing.T) {
	for _, c := range []struct {
		parse func(string) (string, error)
		in    string
		want  string
		err   string
	}{
		{str(ParseRole), " Mentor ", "mentor", ""},
		{str(ParseRole), "guru", "", `unknown role "guru" (want one of coach, mentor, circle, coachee, mentee)`},
		{str(ParseSource), "EVENT", "event", ""},
		{str(ParseSource), "tv", "", `unknown source "tv" (want one of job, event, online, referral, other)`},
		{str(ParseInteractionKind), "Video", "video", ""},
		{str(ParseInteractionKind), "dinner", "", `unknown kind "dinner" (want one of meeting, call, video, message, email, event, other)`},
		{str(ParseExchangeKind), "advice", "advice", ""},
		{str(ParseExchangeKind), "advise", "", `unknown kind "advise" (want one of advice, feedback, introduction, referral, opportunity, resource, help, time, money, other); did you mean advice?`},
		{str(ParseRole), "Mentr", "", `unknown role "Mentr" (want one of coach, mentor, circle, coachee, mentee); did you mean mentor?`},
		{str(ParseExchangeKind), "gift", "", `unknown kind "gift" (want one of advice, feedback, introduction, referral, opportunity, resource, help, time, money, other)`},
		{str(ParseGoalStatus), "Achieved", "achieved", ""},
		{str(ParseGoalStatus), "paused", "", `unknown status "paused" (want one of active, achieved, dropped)`},
		{str(ParseHorizon), "LONG", "long", ""},
		{str(ParseHorizon), "short-term", "short", ""},
		{str(ParseHorizon), "medium-term", "", `unknown horizon "medium-term" (want short or long)`},
	} {
		got, err := c.parse(c.in)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q: error %v, want %s", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// str lets the table hold every parser whatever its enum type.
func str[T ~string](parse func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := parse(s)
		return string(v), err
	}
}

func TestJoinRoles(t *testing.T) {
	rs := []RoleKind{RoleCoach, RoleMentor}
	if got := JoinRoles(rs, ","); got != "coach,mentor" {
		t.Errorf("table form %q", got)
	}
	if got := JoinRoles(rs, ", "); got != "coach, mentor" {
		t.Errorf("prose form %q", got)
	}
	if got := JoinRoles(nil, ","); got != "" {
		t.Errorf("no roles: %q", got)
	}
	if !strings.Contains(JoinRoles(Roles, " "), "mentee") {
		t.Error("JoinRoles(Roles) lacks mentee")
	}
}
