package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

func savedChannels(t *testing.T, st *store.Store, id int64) []crm.Channel {
	t.Helper()
	var c *crm.Contact
	if err := st.View(context.Background(), func(tx *store.Tx) (err error) {
		c, err = tx.Contact(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return c.Channels
}

// Editing a person in the window keeps the labels set elsewhere (such as
// "personal" from the command line) and labels only what is new.
func TestPersonFormKeepsChannelLabels(t *testing.T) {
	m, st := newTestMain(t)
	c := &crm.Contact{Name: "Priya Raman", Channels: []crm.Channel{
		{Kind: crm.ChannelEmail, Label: "personal", Value: "priya@home.example", Primary: true},
		{Kind: crm.ChannelEmail, Label: "work", Value: "priya@fabrikam.example"},
		{Kind: crm.ChannelURL, Label: "website", Value: "https://priya.example"},
	}}
	mustUpdate(t, st, func(tx *store.Tx) error { return tx.AddContact(c) })
	before := savedChannels(t, st, c.ID)

	edit := func(change func(f *personForm)) []crm.Channel {
		t.Helper()
		orig := &crm.Contact{}
		_ = st.View(context.Background(), func(tx *store.Tx) (err error) {
			orig, err = tx.Contact(c.ID)
			return err
		})
		f := newPersonForm(m, orig)
		f.show()
		change(f)
		test.Tap(f.save)
		return savedChannels(t, st, c.ID)
	}

	if got := edit(func(f *personForm) { test.Type(f.company, "Fabrikam") }); !slices.Equal(got, before) {
		t.Errorf("an edit that leaves the channels alone changed them:\n got %+v\nwant %+v", got, before)
	}
	got := edit(func(f *personForm) {
		f.email.SetText("priya@new-home.example")
		test.Type(f.phone, "+44 20 7946 0000")
	})
	want := map[string]string{"priya@new-home.example": "personal", "priya@fabrikam.example": "work",
		"https://priya.example": "website", "+44 20 7946 0000": "mobile"}
	if len(got) != len(want) {
		t.Fatalf("channels after edit: %+v", got)
	}
	for _, ch := range got {
		if want[ch.Value] != ch.Label {
			t.Errorf("%s %q labelled %q, want %q", ch.Kind, ch.Value, ch.Label, want[ch.Value])
		}
		if ch.Value == "priya@new-home.example" && !ch.Primary {
			t.Errorf("the edited email is no longer primary: %+v", got)
		}
	}
	got = edit(func(f *personForm) { f.url.SetText("") })
	for _, ch := range got {
		if ch.Kind == crm.ChannelURL {
			t.Errorf("an emptied URL stays: %+v", ch)
		}
	}
}
