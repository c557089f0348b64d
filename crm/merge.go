package crm

import (
	"fmt"
	"sort"
	"strings"
)

// PersonRef names one person in a report: their id and name.
type PersonRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// MergeSummary says what merging one person's record into another's moves:
// the same human entered twice becomes one. Keep is the record that stays,
// Other the one folded into it and then removed. The counts are of Other's
// records; a preview and the merge itself report the same numbers.
type MergeSummary struct {
	Keep  PersonRef `json:"keep"`
	Other PersonRef `json:"other"`
	// Interactions Other took part in, which now count for Keep;
	// SharedInteractions of them already had Keep too, and keep one
	// participant row.
	Interactions       int `json:"interactions"`
	SharedInteractions int `json:"shared_interactions"`
	// Exchanges (given and received) that move; DuplicateExchanges of
	// Other's repeated one of Keep's in a shared interaction (something
	// given to everyone present) and are dropped rather than counted twice.
	Exchanges          int `json:"exchanges"`
	DuplicateExchanges int `json:"duplicate_exchanges"`
	// Channels Other had that Keep lacked, and DuplicateChannels that Keep
	// already had (the same address in another case).
	Channels          int `json:"channels"`
	DuplicateChannels int `json:"duplicate_channels"`
	// Roles are Other's role periods, joined with Keep's history: periods
	// of the same role that overlap become one.
	Roles int `json:"roles"`
	// Circles are Other's circle memberships, Goals the goals Other helps
	// with, Referrals the people Other introduced, who are now introduced
	// by Keep, and ReviewDecisions Other's quarterly review decisions for
	// quarters Keep has none in.
	Circles         int `json:"circles"`
	Goals           int `json:"goals"`
	Referrals       int `json:"referrals"`
	ReviewDecisions int `json:"review_decisions"`
	// Filled names the fields of Keep that were empty and take Other's
	// value ("company", "birthday"...); NotesAdded says Other's notes were
	// added after Keep's, since private notes are never dropped.
	Filled     []string `json:"filled"`
	NotesAdded bool     `json:"notes_added"`
}

// Lines describes what moves, one line each, for a confirmation or the
// command's report; kinds with nothing to move are left out.
func (s MergeSummary) Lines() []string {
	var out []string
	add := func(n int, one, many string, extra string) {
		if n == 0 {
			return
		}
		line := fmt.Sprintf("%d %s", n, many)
		if n == 1 {
			line = "1 " + one
		}
		out = append(out, line+extra)
	}
	shared := ""
	if s.SharedInteractions > 0 {
		shared = fmt.Sprintf(" (%d with both, kept once)", s.SharedInteractions)
	}
	add(s.Interactions, "interaction", "interactions", shared)
	dupEx := ""
	if s.DuplicateExchanges > 0 {
		dupEx = fmt.Sprintf(" (%d already on %s's record, kept once)", s.DuplicateExchanges, s.Keep.Name)
	}
	add(s.Exchanges, "thing given or received", "things given and received", dupEx)
	dupCh := ""
	if s.DuplicateChannels > 0 {
		dupCh = fmt.Sprintf(" (%d already there)", s.DuplicateChannels)
	}
	add(s.Channels+s.DuplicateChannels, "email, phone or URL", "emails, phones and URLs", dupCh)
	add(s.Roles, "role period", "role periods", "")
	add(s.Circles, "circle membership", "circle memberships", "")
	add(s.Goals, "goal they help with", "goals they help with", "")
	add(s.Referrals, "person they introduced", "people they introduced", "")
	add(s.ReviewDecisions, "review decision", "review decisions", "")
	if len(s.Filled) > 0 {
		out = append(out, "fills in "+strings.Join(s.Filled, ", "))
	}
	if s.NotesAdded {
		out = append(out, "their notes are added after "+s.Keep.Name+"'s")
	}
	return out
}

// MergeFields fills the empty fields of keep from other and returns the
// names of those it filled. Private notes are never lost: when both have
// notes, other's are added after keep's. keep's name, archived state and
// channels stay (channels merge with MergeChannels). keep was added to the
// book on the earlier of the two days. Who introduced keep is taken from
// other only when it is not keep itself, and a keep introduced by other
// (the same person) is then introduced by whoever introduced other.
func MergeFields(keep *Contact, other Contact) (filled []string, notesAdded bool) {
	text := func(name string, dst *string, v string) {
		if strings.TrimSpace(*dst) == "" && strings.TrimSpace(v) != "" {
			*dst = v
			filled = append(filled, name)
		}
	}
	date := func(name string, dst *Date, v Date) {
		if dst.IsZero() && !v.IsZero() {
			*dst = v
			filled = append(filled, name)
		}
	}
	text("company", &keep.Company, other.Company)
	text("title", &keep.Title, other.Title)
	text("location", &keep.Location, other.Location)
	date("birthday", &keep.Birthday, other.Birthday)
	if keep.Source == SourceNone && other.Source != SourceNone {
		keep.Source = other.Source
		filled = append(filled, "source")
	}
	text("source detail", &keep.SourceDetail, other.SourceDetail)
	mergeReferrer(keep, other, &filled)
	date("met on", &keep.MetOn, other.MetOn)
	if keep.CadenceDays == 0 && other.CadenceDays != 0 {
		keep.CadenceDays = other.CadenceDays
		filled = append(filled, "cadence")
	}
	date("snoozed until", &keep.SnoozedUntil, other.SnoozedUntil)
	if !other.AddedOn.IsZero() && (keep.AddedOn.IsZero() || other.AddedOn.Before(keep.AddedOn)) {
		keep.AddedOn = other.AddedOn
	}
	notesAdded = mergeNotes(keep, other.Notes, &filled)
	return filled, notesAdded
}

// mergeNotes keeps both records' notes, keep's first, and reports whether
// other's were added after keep's; notes keep already holds are not repeated.
func mergeNotes(keep *Contact, notes string, filled *[]string) bool {
	mine, theirs := strings.TrimSpace(keep.Notes), strings.TrimSpace(notes)
	switch {
	case theirs == "" || strings.Contains(mine, theirs):
		return false
	case mine == "":
		keep.Notes = notes
		*filled = append(*filled, "notes")
		return false
	}
	keep.Notes = mine + "\n\n" + theirs
	return true
}

// mergeReferrer settles who introduced keep once other is folded into it.
func mergeReferrer(keep *Contact, other Contact, filled *[]string) {
	if keep.ReferredBy == other.ID {
		keep.ReferredBy = 0 // other is keep: nobody introduces themselves
	}
	if keep.ReferredBy == 0 && other.ReferredBy != 0 && other.ReferredBy != keep.ID {
		keep.ReferredBy = other.ReferredBy
		*filled = append(*filled, "introduced by")
	}
}

// MergeChannels adds to keep's channels those of other that keep lacks, and
// returns the list with how many were added and how many were already
// there. Two channels are the same when ChannelKey says so; a label keep
// left empty takes other's. keep's primary channel of each kind stays
// primary; other's primary one stays primary only for a kind keep has none of.
func MergeChannels(keep, other []Channel) (out []Channel, added, dup int) {
	out = append([]Channel{}, keep...)
	at := map[string]int{}
	hasKind := map[ChannelKind]bool{}
	for i, ch := range out {
		at[ChannelKey(ch.Kind, ch.Value)] = i
		hasKind[ch.Kind] = true
	}
	for _, ch := range other {
		key := ChannelKey(ch.Kind, ch.Value)
		if i, ok := at[key]; ok {
			if out[i].Label == "" {
				out[i].Label = ch.Label
			}
			dup++
			continue
		}
		if hasKind[ch.Kind] {
			ch.Primary = false
		}
		at[key] = len(out)
		out = append(out, ch)
		added++
	}
	return out, added, dup
}

// ChannelKey is the form in which two channels are the same: an email in
// any case, a phone number's digits (and a leading +) whatever the spacing,
// a URL as URLKey makes it.
func ChannelKey(kind ChannelKind, value string) string {
	value = strings.TrimSpace(value)
	switch kind {
	case ChannelEmail:
		return string(kind) + ":" + EmailKey(value)
	case ChannelURL:
		return string(kind) + ":" + URLKey(value)
	case ChannelPhone:
		var b strings.Builder
		for i, r := range value {
			if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			return string(kind) + ":" + b.String()
		}
	}
	return string(kind) + ":" + value
}

// EmailKey is the form in which two emails are the same address: ASCII
// letters in lower case, as SQLite's lower() makes it, so the duplicates
// query and a merge agree.
func EmailKey(email string) string { return asciiLower(strings.TrimSpace(email)) }

// URLKey is the form in which two URLs are the same page: lower case
// (ASCII, as SQLite's lower()), without http:// or https://, a "www." after
// the scheme, or trailing slashes. The duplicates query computes the same
// key in SQL, on an index; a test holds the two together.
func URLKey(url string) string {
	k := strings.ReplaceAll(asciiLower(strings.TrimSpace(url)), "://www.", "://")
	k = strings.ReplaceAll(strings.ReplaceAll(k, "https://", ""), "http://", "")
	return strings.TrimRight(k, "/")
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// Period is a span of days something lasted, such as a role or a circle
// membership; Until is zero while it goes on.
type Period struct {
	Since Date
	Until Date
}

// MergePeriods joins periods of one thing (one role, one circle) from two
// records of the same person: periods that overlap or touch become one, so
// the history shows each stretch once and at most one period is current.
// The result is in order of Since.
func MergePeriods(ps []Period) []Period {
	sorted := append([]Period{}, ps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Since.Before(sorted[j].Since) })
	var out []Period
	for _, p := range sorted {
		if n := len(out); n > 0 && (out[n-1].Until.IsZero() || !p.Since.After(out[n-1].Until)) {
			last := &out[n-1]
			if last.Until.IsZero() || p.Until.IsZero() {
				last.Until = Date{}
			} else if p.Until.After(last.Until) {
				last.Until = p.Until
			}
			continue
		}
		out = append(out, p)
	}
	return out
}
