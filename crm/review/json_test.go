package review_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/kithcrm/kith/crm/review"
)

// encodingJSON is the review as encoding/json writes it whole, indented:
// what WriteJSON must write byte for byte.
func encodingJSON(t *testing.T, r *review.Review) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// WriteJSON encodes the relationships one by one into their place in the
// rest of the review: the bytes are those of encoding/json's whole value,
// with one relationship, many, none, and names that JSON escapes.
func TestWriteJSONIsEncodingJSONsBytes(t *testing.T) {
	got := render(t, review.FormatJSON)
	var r review.Review
	if err := json.Unmarshal(got, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Contacts) < 2 {
		t.Fatalf("the fixture's review has %d relationships", len(r.Contacts))
	}
	r.Contacts[0].Name = `Ana "<b>" & Co` + "\u2028"
	for _, n := range []int{len(r.Contacts), 1, 0} {
		r.Contacts = r.Contacts[:n]
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		if want := encodingJSON(t, &r); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%d relationships: WriteJSON differs from encoding/json:\n%s\nwant\n%s", n, buf.Bytes(), want)
		}
	}
	r.Contacts = nil
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil || !bytes.Equal(buf.Bytes(), encodingJSON(t, &r)) {
		t.Errorf("no relationships (%v): %s", err, buf.Bytes())
	}
}
