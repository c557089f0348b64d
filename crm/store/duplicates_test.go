package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm"
)

func TestDuplicatesByEmailURLAndName(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	email := func(v string) []crm.Channel { return []crm.Channel{{Kind: crm.ChannelEmail, Value: v}} }
	url := func(v string) []crm.Channel { return []crm.Channel{{Kind: crm.ChannelURL, Value: v}} }
	ana := addContact(t, st, crm.Contact{Name: "Ana Silva", Channels: email("Ana@Contoso.example")})
	ana2 := addContact(t, st, crm.Contact{Name: "A. Silva", Channels: email("ana@contoso.EXAMPLE")})
	addContact(t, st, crm.Contact{Name: "Bea Ruiz", Channels: email("bea@contoso.example")})
	emile := addContact(t, st, crm.Contact{Name: "Émile Zola", Channels: url("https://www.linkedin.com/in/ezola/")})
	emile2 := addContact(t, st, crm.Contact{Name: "emile  ZOLA", Channels: url("http://linkedin.com/in/EZola"), Archived: true})
	// One person with the same address twice is no duplicate.
	addContact(t, st, crm.Contact{Name: "Cy Twice", Channels: append(email("cy@x.example"), email("CY@x.example")...)})
	var groups []crm.DuplicateGroup
	view(t, st, func(tx *Tx) (err error) {
		groups, err = tx.Duplicates()
		return err
	})
	want := []crm.DuplicateGroup{
		{Reason: crm.SameEmail, Value: "ana@contoso.example", People: []crm.DuplicatePerson{{ID: ana, Name: "Ana Silva"}, {ID: ana2, Name: "A. Silva"}}},
		{Reason: crm.SameURL, Value: "linkedin.com/in/ezola", People: []crm.DuplicatePerson{{ID: emile, Name: "Émile Zola"}, {ID: emile2, Name: "emile  ZOLA", Archived: true}}},
		{Reason: crm.SameName, Value: "emile zola", People: []crm.DuplicatePerson{{ID: emile, Name: "Émile Zola"}, {ID: emile2, Name: "emile  ZOLA", Archived: true}}},
	}
	if fmt.Sprint(groups) != fmt.Sprint(want) {
		t.Errorf("duplicates\n got %+v\nwant %+v", groups, want)
	}
}

func TestNoDuplicatesIsAnEmptyList(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	addContact(t, st, crm.Contact{Name: "Ana Silva"})
	view(t, st, func(tx *Tx) error {
		groups, err := tx.Duplicates()
		if err != nil || groups == nil || len(groups) != 0 {
			t.Errorf("%v, %v: want an empty, non-nil list", groups, err)
		}
		return nil
	})
}

// The SQL keys and crm's Go keys agree, so what the duplicates list pairs
// up a merge counts as one channel.
func TestDuplicateKeysMatchCRMKeys(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	for _, c := range []struct {
		sql string
		key func(string) string
		in  []string
	}{
		{emailKeySQL, crm.EmailKey, []string{"Ana@Contoso.Example", "ÉMILE@x.example", "plain@x.example"}},
		{urlKeySQL, crm.URLKey, []string{"https://www.LinkedIn.com/in/Ana/", "http://x.example//", "x.example/A", "HTTPS://WWW.X.EXAMPLE"}},
	} {
		for _, in := range c.in {
			var got string
			view(t, st, func(tx *Tx) error {
				return tx.queryRow("SELECT "+strings.ReplaceAll(c.sql, "ch.value", "?"), in).Scan(&got)
			})
			if want := c.key(in); got != want {
				t.Errorf("%q: SQL key %q, Go key %q", in, got, want)
			}
		}
	}
}

// The duplicates queries read their groups off indexes: no full scan of
// contacts, and channels only through the key indexes of migration 0005.
func TestDuplicatesQueriesUseIndexes(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	wantIndex := map[crm.DuplicateReason]string{crm.SameEmail: "channels_email_key", crm.SameURL: "channels_url_key", crm.SameName: "contacts_name_key"}
	for _, reason := range crm.DuplicateReasons {
		plan := queryPlan(t, st, duplicateQueries[reason])
		text := strings.Join(plan, "\n")
		if !strings.Contains(text, wantIndex[reason]) {
			t.Errorf("%s: the plan does not use %s:\n%s", reason, wantIndex[reason], text)
		}
		for _, line := range plan {
			scan := strings.HasPrefix(line, "SCAN ")
			if scan && line != "SCAN dup" && !strings.Contains(line, "USING") {
				t.Errorf("%s: a full scan: %q\n%s", reason, line, text)
			}
		}
	}
}
