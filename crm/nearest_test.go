package crm

import "testing"

// Nearest suggests what a typo most likely meant, and nothing when no
// choice is close.
func TestNearest(t *testing.T) {
	choices := []string{"role", "email", "end-role", "with-notes", "introduction", "help", "time"}
	for _, c := range []struct{ in, want string }{
		{"rol", "role"}, {"Role", "role"}, {"emial", "email"}, {"end-rol", "end-role"}, {"with-note", "with-notes"},
		{"intro", "introduction"}, {"introductoin", "introduction"}, {"re", ""}, {"gift", ""}, {"", ""},
	} {
		got, ok := Nearest(c.in, choices)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Nearest(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}
