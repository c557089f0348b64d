package crm

import (
	"slices"
	"testing"
)

func TestMergePeriodsJoinsOverlapsAndKeepsGaps(t *testing.T) {
	d := mustDate
	open := Date{}
	for _, c := range []struct {
		name     string
		in, want []Period
	}{
		{"two current become one from the earlier",
			[]Period{{d("2025-03-01"), open}, {d("2025-01-10"), open}},
			[]Period{{d("2025-01-10"), open}}},
		{"an ended period inside a current one disappears",
			[]Period{{d("2025-01-01"), open}, {d("2025-02-01"), d("2025-03-01")}},
			[]Period{{d("2025-01-01"), open}}},
		{"touching periods join",
			[]Period{{d("2024-01-01"), d("2024-06-30")}, {d("2024-06-30"), d("2024-12-31")}},
			[]Period{{d("2024-01-01"), d("2024-12-31")}}},
		{"a gap keeps two periods",
			[]Period{{d("2025-01-01"), open}, {d("2024-01-01"), d("2024-06-30")}},
			[]Period{{d("2024-01-01"), d("2024-06-30")}, {d("2025-01-01"), open}}},
		{"an ended period overlapping a later current one extends it back",
			[]Period{{d("2024-01-01"), d("2025-02-01")}, {d("2025-01-01"), open}},
			[]Period{{d("2024-01-01"), open}}},
	} {
		if got := MergePeriods(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestChannelKeyMatchesOneAddressWrittenTwoWays(t *testing.T) {
	same := [][2]Channel{
		{{Kind: ChannelEmail, Value: "Ana@Contoso.example"}, {Kind: ChannelEmail, Value: " ana@contoso.EXAMPLE "}},
		{{Kind: ChannelURL, Value: "https://www.linkedin.com/in/ana/"}, {Kind: ChannelURL, Value: "http://linkedin.com/in/ANA"}},
		{{Kind: ChannelPhone, Value: "+1 (555) 010-0100"}, {Kind: ChannelPhone, Value: "+15550100100"}},
	}
	for _, p := range same {
		if a, b := ChannelKey(p[0].Kind, p[0].Value), ChannelKey(p[1].Kind, p[1].Value); a != b {
			t.Errorf("%q and %q: keys %q and %q differ", p[0].Value, p[1].Value, a, b)
		}
	}
	if ChannelKey(ChannelEmail, "a@x.example") == ChannelKey(ChannelURL, "a@x.example") {
		t.Error("an email and a URL with the same text are the same channel")
	}
	if ChannelKey(ChannelPhone, "ext.") == ChannelKey(ChannelPhone, "office") {
		t.Error("two phone values without digits are the same")
	}
}

func TestMergeChannelsAddsWhatKeepLacks(t *testing.T) {
	keep := []Channel{{Kind: ChannelEmail, Value: "ana@contoso.example", Primary: true}}
	other := []Channel{
		{Kind: ChannelEmail, Label: "work", Value: "ANA@contoso.example", Primary: true},
		{Kind: ChannelEmail, Value: "ana@home.example", Primary: true},
		{Kind: ChannelPhone, Value: "555 0100", Primary: true},
	}
	got, added, dup := MergeChannels(keep, other)
	want := []Channel{
		{Kind: ChannelEmail, Label: "work", Value: "ana@contoso.example", Primary: true},
		{Kind: ChannelEmail, Value: "ana@home.example"},
		{Kind: ChannelPhone, Value: "555 0100", Primary: true},
	}
	if !slices.Equal(got, want) || added != 2 || dup != 1 {
		t.Errorf("got %+v (added %d, dup %d), want %+v (2, 1)", got, added, dup, want)
	}
	if keep[0].Label != "" {
		t.Error("MergeChannels changed keep's slice")
	}
}

func TestMergeFieldsFillsOnlyWhatIsEmpty(t *testing.T) {
	d := mustDate
	keep := Contact{ID: 1, Name: "Ana", Company: "Contoso", AddedOn: d("2026-01-01"), Notes: "keep's"}
	other := Contact{ID: 2, Name: "Ana S", Company: "Fabrikam", Title: "VP", AddedOn: d("2025-01-01"),
		Source: SourceEvent, SnoozedUntil: d("2026-12-01"), ReferredBy: 1, Notes: "other's"}
	filled, notes := MergeFields(&keep, other)
	if keep.Company != "Contoso" || keep.Title != "VP" || keep.Source != SourceEvent || keep.SnoozedUntil != d("2026-12-01") {
		t.Errorf("merged %+v", keep)
	}
	if keep.ReferredBy != 0 {
		t.Errorf("keep is introduced by #%d: other was introduced by keep itself", keep.ReferredBy)
	}
	if keep.AddedOn != d("2025-01-01") || keep.Name != "Ana" {
		t.Errorf("added %s, name %q: want the earlier day and keep's name", keep.AddedOn, keep.Name)
	}
	if !slices.Equal(filled, []string{"title", "source", "snoozed until"}) || !notes || keep.Notes != "keep's\n\nother's" {
		t.Errorf("filled %v, notes %v %q", filled, notes, keep.Notes)
	}
	again := keep
	if _, notes := MergeFields(&again, Contact{Notes: "other's"}); notes || again.Notes != keep.Notes {
		t.Errorf("notes already there were added again: %q", again.Notes)
	}
}

func TestPairsListEachPairOnceWithEveryReason(t *testing.T) {
	a, b, c := DuplicatePerson{ID: 1, Name: "Ana"}, DuplicatePerson{ID: 2, Name: "ana"}, DuplicatePerson{ID: 3, Name: "Ana"}
	groups := []DuplicateGroup{
		{Reason: SameEmail, Value: "ana@x.example", People: []DuplicatePerson{a, b}},
		{Reason: SameName, Value: "ana", People: []DuplicatePerson{a, b, c}},
	}
	pairs := Pairs(groups)
	if len(pairs) != 2 {
		t.Fatalf("%d pairs, want 2: %+v", len(pairs), pairs)
	}
	if pairs[0].A != a || pairs[0].B != b || pairs[0].Why() != "same email ana@x.example and same name" {
		t.Errorf("first pair %+v: %s", pairs[0], pairs[0].Why())
	}
	if pairs[1].A != a || pairs[1].B != c || pairs[1].Why() != "same name" {
		t.Errorf("second pair %+v: %s", pairs[1], pairs[1].Why())
	}
}

func TestMergeSummaryLinesSayWhatMoves(t *testing.T) {
	s := MergeSummary{Keep: PersonRef{1, "Ana"}, Other: PersonRef{2, "ana"}, Interactions: 3, SharedInteractions: 1,
		Channels: 1, DuplicateChannels: 1, Goals: 1, Filled: []string{"company"}, NotesAdded: true}
	want := []string{"3 interactions (1 with both, kept once)", "2 emails, phones and URLs (1 already there)",
		"1 goal they help with", "fills in company", "their notes are added after Ana's"}
	if got := s.Lines(); !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
}
