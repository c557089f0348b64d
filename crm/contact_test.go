package crm

import "testing"

// The note on adding someone whose name is already in the book names each
// namesake with their id, and the one added.
func TestNamesakeNote(t *testing.T) {
	added := Participant{ContactID: 9, Name: "Ana Lopez"}
	for _, c := range []struct {
		others []Participant
		want   string
	}{
		{nil, ""},
		{[]Participant{{4, "Ana Lopez"}}, "Ana Lopez (#4) is already in the book; added another Ana Lopez (#9)"},
		{[]Participant{{4, "Ana Lopez"}, {7, "ana lópez"}}, "Ana Lopez (#4) and ana lópez (#7) are already in the book; added another Ana Lopez (#9)"},
		{[]Participant{{1, "Ana Lopez"}, {4, "Ana Lopez"}, {7, "Ana Lopez"}},
			"Ana Lopez (#1), Ana Lopez (#4) and Ana Lopez (#7) are already in the book; added another Ana Lopez (#9)"},
	} {
		if got := NamesakeNote(added, c.others); got != c.want {
			t.Errorf("%v: %q, want %q", c.others, got, c.want)
		}
	}
}
