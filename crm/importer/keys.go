package importer

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// emailKey is how emails are compared: crm.EmailKey, the form the
// duplicates finder and merge use too.
func emailKey(v string) string { return crm.EmailKey(v) }

// urlKey is how URLs are compared: crm.URLKey, without the scheme, a www.
// or a trailing slash, so https://www.linkedin.com/in/ana/ and
// http://linkedin.com/in/ana are one, as the duplicates finder sees them.
func urlKey(v string) string { return crm.URLKey(v) }

// profileKey returns the key of a URL that names one person's page (a
// profile such as linkedin.com/in/ana: a host and a path), and its host.
// A bare site such as company.com is shared by everyone who works there,
// so it matches nobody: it returns "".
func profileKey(v string) (key, host string) {
	k := urlKey(v)
	host, path, ok := strings.Cut(k, "/")
	if !ok || path == "" || host == "" {
		return "", ""
	}
	return k, host
}

// phoneKey is how phone numbers are compared when deciding whether one is
// new: its digits, and a leading + ("+1 (415) 555-0134" is +14155550134).
func phoneKey(v string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(v) {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// channelKey is the key two channels of one kind are the same by.
func channelKey(ch crm.Channel) string {
	switch ch.Kind {
	case crm.ChannelEmail:
		return emailKey(ch.Value)
	case crm.ChannelURL:
		return urlKey(ch.Value)
	case crm.ChannelPhone:
		if k := phoneKey(ch.Value); k != "" {
			return k
		}
	}
	return strings.ToLower(strings.TrimSpace(ch.Value))
}

// index maps each match key to the person it belongs to: a person in the
// book (a positive id) or one this import adds (a negative id, see
// planner.adds). It is loaded once per import, so matching a record costs
// map lookups, never a query.
type index struct {
	email map[string]int64
	url   map[string]int64
	name  map[string][]int64
	// profiles holds each person's profile URL keys by host, to tell two
	// namesakes apart: two different linkedin.com/in/ pages are two people.
	profiles map[int64]map[string][]string
}

func newIndex() *index {
	return &index{email: map[string]int64{}, url: map[string]int64{}, name: map[string][]int64{},
		profiles: map[int64]map[string][]string{}}
}

// loadIndex reads every key of the book.
func loadIndex(b Book) (*index, error) {
	ix := newIndex()
	err := b.ImportKeys(func(k Key) error {
		switch k.Kind {
		case KeyEmail:
			ix.addEmail(k.Value, k.ContactID)
		case KeyURL:
			ix.addURL(k.Value, k.ContactID)
		case KeyName:
			ix.addName(k.Value, k.ContactID)
		}
		return nil
	})
	return ix, err
}

// addEmail keeps the first person an email was seen with: the store hands
// keys in id order, so the one added first.
func (ix *index) addEmail(v string, id int64) {
	if k := emailKey(v); k != "" {
		if _, ok := ix.email[k]; !ok {
			ix.email[k] = id
		}
	}
}

func (ix *index) addURL(v string, id int64) {
	k, host := profileKey(v)
	if k == "" {
		return
	}
	if _, ok := ix.url[k]; !ok {
		ix.url[k] = id
	}
	if ix.profiles[id] == nil {
		ix.profiles[id] = map[string][]string{}
	}
	ix.profiles[id][host] = append(ix.profiles[id][host], k)
}

// addName records a name key (already made with crm.NameKey).
func (ix *index) addName(key string, id int64) {
	if key != "" {
		ix.name[key] = append(ix.name[key], id)
	}
}

// add records every key of c as belonging to id.
func (ix *index) add(c *crm.Contact, id int64) {
	for _, ch := range c.Channels {
		switch ch.Kind {
		case crm.ChannelEmail:
			ix.addEmail(ch.Value, id)
		case crm.ChannelURL:
			ix.addURL(ch.Value, id)
		}
	}
}

// match finds who c is: the person with one of its emails, else with one
// of its profile URLs, else the one person with its whole name whose
// profiles do not say otherwise. by says which. When nobody matches but
// people have the name, note says why they were not taken.
func (ix *index) match(c *crm.Contact) (id int64, by, note string) {
	for _, ch := range c.Channels {
		if ch.Kind == crm.ChannelEmail {
			if id, ok := ix.email[emailKey(ch.Value)]; ok {
				return id, "email", ""
			}
		}
	}
	for _, ch := range c.Channels {
		if ch.Kind == crm.ChannelURL {
			if k, _ := profileKey(ch.Value); k != "" {
				if id, ok := ix.url[k]; ok {
					return id, "url", ""
				}
			}
		}
	}
	named := ix.name[crm.NameKey(c.Name)]
	var same []int64
	for _, id := range named {
		if !ix.otherProfile(c, id) {
			same = append(same, id)
		}
	}
	switch {
	case len(same) == 1:
		return same[0], "name", ""
	case len(same) > 1:
		return 0, "", fmt.Sprintf("%d people are named %s: added as another person", len(same), c.Name)
	case len(named) == 1:
		return 0, "", fmt.Sprintf("another %s has another profile URL: added as another person", c.Name)
	case len(named) > 1:
		return 0, "", fmt.Sprintf("%d others named %s have other profile URLs: added as another person", len(named), c.Name)
	}
	return 0, "", ""
}

// otherProfile reports whether c and person id both have a profile on one
// site and none in common: two John Smiths with two LinkedIn pages.
func (ix *index) otherProfile(c *crm.Contact, id int64) bool {
	theirs := ix.profiles[id]
	for _, ch := range c.Channels {
		if ch.Kind != crm.ChannelURL {
			continue
		}
		k, host := profileKey(ch.Value)
		if k == "" || len(theirs[host]) == 0 {
			continue
		}
		if !contains(theirs[host], k) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
