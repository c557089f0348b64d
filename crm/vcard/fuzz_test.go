package vcard

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kithcrm/kith/crm/internal/formattest"
)

// FuzzRead feeds Read arbitrary bytes: it must never panic or hang, every
// card it returns must be well formed, and an accepted card must survive
// a Write and a Read unchanged. Errors are fine.
func FuzzRead(f *testing.F) {
	formattest.Fuzz(f, "*.vcf", Read, nil, checkFuzzedCards,
		"BEGIN:VCARD\nFN;QUOTED-PRINTABLE:a=\n=\nEND:VCARD\n",
		"BEGIN:VCARD\nitem1.EMAIL;TYPE=\"a,b\":x@y\nitem1.X-ABLabel:_$!<>!$_\nBDAY:--\nEND:VCARD")
}

// checkFuzzedCards checks every card, and writes and reads back each one
// accepted.
func checkFuzzedCards(t *testing.T, cards []Card) {
	for i, c := range cards {
		checkWellFormed(t, i, c)
		if c.Err == nil {
			checkRewrite(t, c)
		}
	}
}

func checkWellFormed(t *testing.T, i int, c Card) {
	t.Helper()
	if c.Number != i+1 || c.Line < 1 {
		t.Fatalf("card %d has number %d, line %d", i+1, c.Number, c.Line)
	}
	var ce *CardError
	if c.Err != nil && !errors.As(c.Err, &ce) {
		t.Fatalf("card %d: error %v is not a *CardError", i+1, c.Err)
	}
	if check := c.Contact; c.Err == nil && check.Validate() != nil {
		t.Fatalf("card %d accepted but not a valid contact: %v", i+1, check.Validate())
	}
	texts := []string{c.Contact.Name, c.Contact.Company, c.Contact.Title, c.Contact.Location, c.Contact.Notes, c.UID}
	texts = append(texts, c.Categories...)
	for _, ch := range c.Contact.Channels {
		if ch.Value == "" {
			t.Fatalf("card %d: empty %s channel", i+1, ch.Kind)
		}
		texts = append(texts, ch.Value, ch.Label)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\uFDD0\uFDD1") {
			t.Fatalf("card %d: bad text %q", i+1, s)
		}
	}
}

// checkRewrite writes an accepted card and reads it back.
func checkRewrite(t *testing.T, c Card) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, []Person{{Contact: c.Contact, Key: "k", Categories: c.Categories}}, true); err != nil {
		t.Fatal(err)
	}
	written := b.String()
	again, err := Read(&b)
	if err != nil || len(again) != 1 {
		t.Fatalf("re-reading gave %d cards, %v\n%s", len(again), err, written)
	}
	got := again[0]
	got.Number, got.Line, got.Contact.ID = c.Number, c.Line, c.Contact.ID
	want := Card{Number: c.Number, Line: c.Line, Contact: c.Contact, Categories: c.Categories, UID: got.UID}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changed by Write and Read:\n got %#v\nwant %#v\n%s", got, want, written)
	}
}
