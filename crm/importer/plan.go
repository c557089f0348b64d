package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kithcrm/kith/crm"
)

// Options are the user's choices for one import.
type Options struct {
	// Role is given to everyone the import adds; "" for none. People
	// already in the book keep their roles.
	Role crm.RoleKind
	// CadenceDays is the own check-in cadence of everyone the import adds;
	// 0 for none. Without a role or a cadence, people an import adds have
	// no check-in, so an address book does not become a flood of reminders.
	CadenceDays int
	// CategoryRoles gives a role to the people added with a category, by
	// category name in any case: {"Mentors": mentor}.
	CategoryRoles map[string]crm.RoleKind
	// SkipBad imports the rest when some records are refused; without it a
	// refused record stops the import and nothing is written.
	SkipBad bool
}

// categoryRole returns the role the user mapped a category to, if any.
func (o Options) categoryRole(category string) crm.RoleKind {
	for name, r := range o.CategoryRoles {
		if strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(category)) {
			return r
		}
	}
	return ""
}

// Plan is what importing a file would do, and after Apply what it did:
// the preview the user sees before anything is written. Its lists are in
// file order and never nil, so they encode as [] in JSON.
type Plan struct {
	Format     Format      `json:"format"`
	File       string      `json:"file"`
	Added      []Added     `json:"added"`
	Updated    []Updated   `json:"updated"`
	Unchanged  []Unchanged `json:"unchanged"`
	Refused    []Refused   `json:"refused"`
	Categories []Category  `json:"categories"`
	// Batch is the id of the import once Apply wrote it; 0 before, and
	// when there was nothing to write.
	Batch int64 `json:"batch,omitempty"`

	adds, updates []*target
}

// Added is a person the import adds.
type Added struct {
	ID          int64          `json:"id,omitempty"` // set by Apply
	Name        string         `json:"name"`
	Records     []Ref          `json:"records"` // several when the file holds the person more than once
	Roles       []crm.RoleKind `json:"roles"`
	CadenceDays int            `json:"cadence_days"`
	Categories  []string       `json:"categories"`
	Skipped     []string       `json:"skipped,omitempty"`
	// Note says why a namesake in the book was not matched.
	Note string `json:"note,omitempty"`
}

// Updated is a person in the book whose empty fields the import fills.
type Updated struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Records   []Ref      `json:"records"`
	MatchedBy string     `json:"matched_by"` // email, url or name
	Changes   []Change   `json:"changes"`
	Conflicts []Conflict `json:"conflicts"`
	Skipped   []string   `json:"skipped,omitempty"`
}

// Unchanged is a person in the book the file adds nothing to.
type Unchanged struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Records   []Ref      `json:"records"`
	MatchedBy string     `json:"matched_by"`
	Conflicts []Conflict `json:"conflicts"`
}

// Change is one field an import fills: Old is empty, or for a channel
// (email, phone, url) New is the value added.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Conflict is a field the book and the file disagree on: the book's value
// is kept, and the preview shows both.
type Conflict struct {
	Field string `json:"field"`
	Book  string `json:"book"`
	File  string `json:"file"`
}

// Refused is a record that cannot be imported, and why.
type Refused struct {
	Ref
	Name   string `json:"name"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// Category is one CATEGORIES value of the file: how many records have it,
// and the role the user mapped it to.
type Category struct {
	Name  string       `json:"name"`
	Count int          `json:"count"`
	Role  crm.RoleKind `json:"role"`
}

// Records counts the records the plan was made from.
func (p *Plan) Records() int {
	n := len(p.Refused)
	for _, a := range p.Added {
		n += len(a.Records)
	}
	for _, u := range p.Updated {
		n += len(u.Records)
	}
	for _, u := range p.Unchanged {
		n += len(u.Records)
	}
	return n
}

// Empty reports whether applying the plan would write nothing.
func (p *Plan) Empty() bool { return len(p.adds) == 0 && len(p.updates) == 0 }

// target is one person the records of a file come to: someone in the book
// (id > 0) or someone to add.
type target struct {
	id         int64
	after      crm.Contact // what the person becomes
	records    []Ref
	matchedBy  string
	changes    []Change
	conflicts  []Conflict
	categories []string
	skipped    []string
	note       string
}

// planner matches the records of one file.
type planner struct {
	book     Book
	ix       *index
	matches  []match
	existing map[int64]*target
	adds     map[int64]*target // people to add, by their id in the index: -1, -2…
	newIDs   int64             // how many people to add have an id
	order    []*target
}

// match is who one record was found to be.
type match struct {
	rec  *Record
	id   int64 // a person in the book (> 0) or one to add (< 0)
	by   string
	note string
}

// loadPage is how many people are loaded from the book at once: few
// statements for a whole file, each of a fixed text.
const loadPage = 500

// MakePlan matches each record of src against the book and says what
// importing it with opts would do. It writes nothing. A plan is only good
// for the transaction it was made in: Apply it there.
//
// It goes in two passes. The first finds who each record is with the keys
// loaded once into maps, the keys of earlier records included, so the same
// person twice in the file is one person. The second loads the people of
// the book who were matched, a page at a time, and brings each record's
// fields to its person.
func MakePlan(b Book, src *Source, opts Options) (*Plan, error) {
	ix, err := loadIndex(b)
	if err != nil {
		return nil, fmt.Errorf("import %s: read the book's emails, URLs and names: %w", src.File, err)
	}
	pl := &planner{book: b, ix: ix, existing: map[int64]*target{}, adds: map[int64]*target{}}
	p := &Plan{Format: src.Format, File: src.File, Added: []Added{}, Updated: []Updated{}, Unchanged: []Unchanged{},
		Refused: []Refused{}, Categories: []Category{}}
	for i := range src.Records {
		r := &src.Records[i]
		if r.Err != nil {
			field, reason := refusal(r.Err)
			p.Refused = append(p.Refused, Refused{Ref: r.Ref, Name: r.Contact.Name, Field: field, Reason: reason})
			continue
		}
		pl.find(r)
	}
	if err := pl.loadMatched(); err != nil {
		return nil, fmt.Errorf("import %s: %w", src.File, err)
	}
	for _, m := range pl.matches {
		pl.take(m)
	}
	pl.finish(p, opts)
	return p, nil
}

// find says who a record is, a new person when nobody, and makes its keys
// findable for the records after it.
func (pl *planner) find(r *Record) {
	id, by, note := pl.ix.match(&r.Contact)
	if id == 0 {
		pl.newIDs++
		id = -pl.newIDs
		pl.ix.addName(crm.NameKey(r.Contact.Name), id)
	}
	pl.ix.add(&r.Contact, id)
	pl.matches = append(pl.matches, match{rec: r, id: id, by: by, note: note})
}

// loadMatched loads the people of the book that records matched, a page
// at a time.
func (pl *planner) loadMatched() error {
	var ids []int64
	seen := map[int64]bool{}
	for _, m := range pl.matches {
		if m.id > 0 && !seen[m.id] {
			seen[m.id] = true
			ids = append(ids, m.id)
		}
	}
	for start := 0; start < len(ids); start += loadPage {
		page, err := pl.book.ContactsByID(ids[start:min(start+loadPage, len(ids))])
		if err != nil {
			return fmt.Errorf("load the people matched: %w", err)
		}
		for _, c := range page {
			pl.existing[c.ID] = &target{id: c.ID, after: c}
		}
	}
	for _, id := range ids {
		if pl.existing[id] == nil {
			return crm.Errorf(crm.ENotFound, "no contact #%d", id)
		}
	}
	return nil
}

// take brings one record to its person.
func (pl *planner) take(m match) {
	r := m.rec
	t := pl.existing[m.id]
	switch {
	case t != nil:
		if len(t.records) == 0 {
			t.matchedBy = m.by
			pl.order = append(pl.order, t)
		}
		t.absorb(&r.Contact, true)
	case pl.adds[m.id] != nil:
		t = pl.adds[m.id]
		t.absorb(&r.Contact, false)
	default:
		t = &target{after: r.Contact, note: m.note}
		t.after.Channels = append([]crm.Channel(nil), r.Contact.Channels...)
		pl.adds[m.id] = t
		pl.order = append(pl.order, t)
	}
	t.records = append(t.records, r.Ref)
	t.categories = appendNew(t.categories, r.Categories...)
	t.skipped = append(t.skipped, r.Skipped...)
}

// finish gives the people added their roles and cadence and lays the plan
// out in file order.
func (pl *planner) finish(p *Plan, opts Options) {
	counts := map[string]int{}
	var names []string
	for _, t := range pl.order {
		for _, c := range t.categories {
			if counts[c] == 0 {
				names = append(names, c)
			}
			counts[c]++
		}
		if t.id == 0 {
			t.prepareAdd(opts)
			p.adds = append(p.adds, t)
			p.Added = append(p.Added, Added{Name: t.after.Name, Records: t.records, Roles: orEmpty(t.after.CurrentRoles()),
				CadenceDays: t.after.CadenceDays, Categories: orEmpty(t.categories), Skipped: t.skipped, Note: t.note})
			continue
		}
		if len(t.changes) > 0 {
			p.updates = append(p.updates, t)
			p.Updated = append(p.Updated, Updated{ID: t.id, Name: t.after.Name, Records: t.records, MatchedBy: t.matchedBy,
				Changes: t.changes, Conflicts: orEmpty(t.conflicts), Skipped: t.skipped})
			continue
		}
		p.Unchanged = append(p.Unchanged, Unchanged{ID: t.id, Name: t.after.Name, Records: t.records, MatchedBy: t.matchedBy,
			Conflicts: orEmpty(t.conflicts)})
	}
	sort.SliceStable(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	for _, n := range names {
		p.Categories = append(p.Categories, Category{Name: n, Count: counts[n], Role: opts.categoryRole(n)})
	}
}

// prepareAdd gives a person to add the roles and cadence chosen for the
// import, and the channels the store will hold: values trimmed, exactly
// one primary of each kind. Their fingerprint is then what the store keeps.
func (t *target) prepareAdd(opts Options) {
	var roles []crm.RoleKind
	if opts.Role != "" {
		roles = append(roles, opts.Role)
	}
	for _, c := range t.categories {
		if r := opts.categoryRole(c); r != "" {
			roles = append(roles, r)
		}
	}
	t.after.Roles = nil
	for _, r := range crm.Roles {
		for _, want := range roles {
			if r == want {
				t.after.Roles = append(t.after.Roles, crm.Role{Kind: r})
				break
			}
		}
	}
	t.after.CadenceDays = opts.CadenceDays
	t.after.Channels = storedChannels(t.after.Channels)
}

// storedChannels trims values and marks one primary per kind: the one the
// file preferred, else the first.
func storedChannels(chs []crm.Channel) []crm.Channel {
	out := make([]crm.Channel, len(chs))
	has := map[crm.ChannelKind]bool{}
	for i, ch := range chs {
		ch.Value = strings.TrimSpace(ch.Value)
		ch.Primary = ch.Primary && !has[ch.Kind]
		has[ch.Kind] = has[ch.Kind] || ch.Primary
		out[i] = ch
	}
	for i := range out {
		if !has[out[i].Kind] {
			out[i].Primary, has[out[i].Kind] = true, true
		}
	}
	return out
}

// appendNew appends the values of vs not in list yet.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if !contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// orEmpty makes a nil list empty, so it encodes as [] in JSON.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
