package vcard

import (
	"fmt"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/kithcrm/kith/crm"
)

// channelProperty is the vCard property of each kind of channel.
var channelProperty = map[crm.ChannelKind]string{
	crm.ChannelEmail: govcard.FieldEmail,
	crm.ChannelPhone: govcard.FieldTelephone,
	crm.ChannelURL:   govcard.FieldURL,
}

// channelKinds is the order channels are read in: go-vcard groups fields by
// property, so the order across kinds is not the file's.
var channelKinds = []crm.ChannelKind{crm.ChannelEmail, crm.ChannelPhone, crm.ChannelURL}

// channels reads every email, phone and URL with its label. Per kind, the
// most preferred one (see prefRank) is primary; none is when the card
// prefers none. A value repeated with the same label is kept once.
func (c *Card) channels(vc govcard.Card) []crm.Channel {
	labels := groupLabels(vc)
	var out []crm.Channel
	for _, kind := range channelKinds {
		best, bestRank := -1, noPref
		for _, f := range vc[channelProperty[kind]] {
			value, ok := channelValue(kind, f.Value)
			if !ok {
				c.Skipped = append(c.Skipped, fmt.Sprintf("%s %q is not an email address", govcard.FieldEmail, value))
				continue
			}
			if value == "" {
				continue
			}
			ch := crm.Channel{Kind: kind, Label: labelOf(kind, f, labels), Value: value}
			at := indexOf(out, ch)
			if at < 0 {
				at = len(out)
				out = append(out, ch)
			}
			if r := prefRank(f); r < bestRank {
				best, bestRank = at, r
			}
		}
		if best >= 0 {
			out[best].Primary = true
		}
	}
	return out
}

func indexOf(chs []crm.Channel, ch crm.Channel) int {
	for i, o := range chs {
		if o.Kind == ch.Kind && o.Value == ch.Value && o.Label == ch.Label {
			return i
		}
	}
	return -1
}

// channelValue cleans a value and says whether it can be kept. A value is
// one line: a line break or a run of spaces inside it is one space. vCard 4.0
// may write an email as a mailto: URI and a phone as a tel: URI; Kith stores
// the address and the number. An email without an @ is not kept: a phone
// lets people type anything in that field, and Kith would refuse it.
func channelValue(kind crm.ChannelKind, v string) (string, bool) {
	v = oneLine(unmark(v))
	switch kind {
	case crm.ChannelEmail:
		v = oneLine(trimPrefixFold(v, "mailto:"))
		return v, v == "" || strings.Contains(v, "@")
	case crm.ChannelPhone:
		v = oneLine(trimPrefixFold(v, "tel:"))
	}
	return v, true
}

func trimPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// groupLabels maps each property group to its Apple label: Apple (and
// Google) label a value by writing it in a group with an X-ABLabel,
//
//	item2.URL:https://example.com
//	item2.X-ABLabel:_$!<HomePage>!$_
func groupLabels(vc govcard.Card) map[string]string {
	labels := map[string]string{}
	for _, f := range vc["X-ABLABEL"] {
		if f.Group != "" {
			labels[strings.ToLower(f.Group)] = cleanLabel(f.Value)
		}
	}
	return labels
}

// cleanLabel turns Apple's "_$!<HomePage>!$_" into "homepage". Labels are
// lower case, as Kith writes its own ("work", "linkedin"), so that the
// same label from two programs is one label.
func cleanLabel(s string) string {
	s = strings.TrimSpace(unmark(s))
	if strings.HasPrefix(s, "_$!<") && strings.HasSuffix(s, ">!$_") {
		s = s[len("_$!<") : len(s)-len(">!$_")]
	}
	return strings.ToLower(oneLine(s))
}

// typeNoise are TYPE values that say nothing a person would call a label:
// every email is "internet", every phone is "voice" unless it is a fax.
var typeNoise = map[string]bool{"pref": true, "internet": true, "x400": true, "voice": true}

// labelOf returns a channel's label: its Apple label if its group has one,
// else its TYPE words ("work", "home fax"), with "cell" called "mobile" as
// Kith calls it and an "x-" prefix dropped. Apple writes its "iPhone" label
// as TYPE=IPHONE,CELL: that is one label, "iphone".
func labelOf(kind crm.ChannelKind, f *govcard.Field, groups map[string]string) string {
	if f.Group != "" {
		if l := groups[strings.ToLower(f.Group)]; l != "" {
			return l
		}
	}
	var words []string
	for _, t := range f.Params[govcard.ParamType] {
		w := strings.TrimPrefix(strings.ToLower(oneLine(t)), "x-")
		if w == "cell" && kind == crm.ChannelPhone {
			w = "mobile"
		}
		if w != "" && !typeNoise[w] && !contains(words, w) {
			words = append(words, w)
		}
	}
	if contains(words, "iphone") {
		return "iphone"
	}
	return strings.Join(words, " ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
