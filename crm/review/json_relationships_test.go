package review

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/kithcrm/kith/crm"
)

// indented is a relationship as encoding/json's MarshalIndent writes it in
// the review's list: what jsonIndenter must write byte for byte.
func indented(t *testing.T, r *Relationship) []byte {
	t.Helper()
	want, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return want
}

func written(r *Relationship) []byte {
	w := jsonIndenter{prefix: "    "}
	w.relationship(r)
	return w.b
}

// sampleRelationship has every field set, and every kind of text JSON escapes.
func sampleRelationship() Relationship {
	return Relationship{ID: 42, Name: "Ana \"<b>\" & Co\u2028\u2029 \\ \t\n\r\b\f\x01\x1f \xff\xfe é 😀", Roles: []crm.RoleKind{crm.RoleMentor, crm.RoleCoach},
		Archived: true, CadenceDays: 30, Interactions: 7, Minutes: 425, LastContact: crm.NewDate(2026, 9, 3),
		Gave: 2, Received: 1, Balance: 1, Gave2Q: 5, Received2Q: -3, CheckinsKept: 2, CheckinsMissed: 1,
		GaveItems: []crm.Exchange{
			{ID: 1, ContactID: 42, Contact: "Ana", InteractionID: 9, Date: crm.NewDate(2026, 7, 1), Direction: crm.Gave,
				Kind: crm.ExMoney, Description: "lunch <&>", Minutes: 60, Amount: 12.5, Commitment: true, DoneOn: crm.NewDate(2026, 7, 2)},
			{ID: 2, ContactID: 42, Date: crm.NewDate(2026, 7, 3), Direction: crm.Gave, Kind: crm.ExAdvice, Description: "x"},
		},
		ReceivedItems:   []crm.Exchange{{ID: 3, Amount: 1e21}, {ID: 4, Amount: 1e-7}, {ID: 5, Amount: 123456789.01}, {ID: 6, Amount: -0.000001}},
		OpenCommitments: []crm.Exchange{},
		Flags:           []Flag{FlagNeglected, FlagNew}}
}

// The relationships are written as encoding/json writes them: every field,
// omitted empty ones, nil and empty lists, escapes, numbers.
func TestRelationshipJSONIsEncodingJSONs(t *testing.T) {
	full := sampleRelationship()
	cases := map[string]Relationship{
		"every field":       full,
		"zero":              {},
		"empty lists":       {Roles: []crm.RoleKind{}, GaveItems: []crm.Exchange{}, ReceivedItems: []crm.Exchange{}, OpenCommitments: []crm.Exchange{}, Flags: []Flag{}},
		"one of each":       {Roles: []crm.RoleKind{crm.RoleCircle}, OpenCommitments: []crm.Exchange{{}}, Flags: []Flag{FlagTakingMore}},
		"largest id":        {ID: math.MaxInt64, Minutes: math.MinInt32},
		"fraction of money": {GaveItems: []crm.Exchange{{Amount: 0.1 + 0.2}, {Amount: 5e-324}, {Amount: math.MaxFloat64}}},
	}
	for name, r := range cases {
		if got, want := written(&r), indented(t, &r); !bytes.Equal(got, want) {
			t.Errorf("%s:\n%s\nwant (encoding/json)\n%s", name, got, want)
		}
	}
}

// An amount JSON cannot hold fails before anything is written, as
// encoding/json fails on it.
func TestWriteJSONRefusesAnAmountJSONCannotHold(t *testing.T) {
	for _, amount := range []float64{math.NaN(), math.Inf(1)} {
		r := &Review{Contacts: []Relationship{sampleRelationship()}}
		r.Contacts[0].OpenCommitments = []crm.Exchange{{Amount: amount}}
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err == nil || buf.Len() > 0 {
			t.Errorf("amount %v: err %v, wrote %d bytes", amount, err, buf.Len())
		}
		if _, err := json.Marshal(r); err == nil {
			t.Errorf("amount %v: encoding/json takes it too", amount)
		}
	}
}

// FuzzRelationshipJSON holds jsonIndenter to encoding/json for any text
// and numbers a relationship can carry.
func FuzzRelationshipJSON(f *testing.F) {
	s := sampleRelationship()
	f.Add(s.Name, "advice", 12.5, int64(7), 30, true)
	f.Add("", "", 0.0, int64(0), 0, false)
	f.Add("\xed\xa0\x80 \u00e9\u0301", "<script>", 1e21, int64(-1), -5, true)
	f.Fuzz(func(t *testing.T, name, text string, amount float64, id int64, n int, flag bool) {
		if math.IsNaN(amount) || math.IsInf(amount, 0) {
			return
		}
		r := sampleRelationship()
		r.ID, r.Name, r.Archived, r.Minutes = id, name, flag, n
		r.Roles = append(r.Roles, crm.RoleKind(text))
		r.Flags = []Flag{Flag(name)}
		r.GaveItems[0].Description, r.GaveItems[0].Amount, r.GaveItems[0].Contact = text, amount, name
		r.GaveItems[1].Minutes, r.GaveItems[1].InteractionID = n, id
		if flag {
			r.ReceivedItems = nil
		}
		if got, want := written(&r), indented(t, &r); !bytes.Equal(got, want) {
			t.Errorf("differs from encoding/json:\n%s\nwant\n%s", got, want)
		}
	})
}
