// Package gen fills a Kith database with a large, realistic and
// reproducible book for benchmarks: contacts in every role (some who
// changed role, some archived), circles with members, goals with and
// without helpers, and years of interactions with participants, circle
// meetings and exchanges both ways, money and promises included.
//
//	st, _ := store.Open(path)
//	err := gen.Populate(ctx, st, gen.Options{People: 50000, Interactions: 1000000, Seed: 1})
//
// The same Options always give the same data. Everything is inserted in one
// transaction with prepared multi-row statements, so a million interactions
// take well under a minute (about 40 s on a 2-core machine). It adds to what
// the database already holds.
package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// Options size the generated book. Zero fields take the defaults given.
type Options struct {
	People       int      // contacts; default 1,000
	Interactions int      // interactions; default 10 per person
	Seed         uint64   // the same seed gives the same data; default 1
	Circles      int      // default 2 plus one per 1,000 people
	Goals        int      // default 8; every fourth has no helper
	Until        crm.Date // the last day of history; default 2026-12-31
	Years        int      // how many years of history end on Until; default 5
	// OnlyEmpty refuses, with crm.EConflict and nothing written, a
	// database that already holds people; it is checked in the same
	// transaction as the inserts.
	OnlyEmpty bool
	// Progress, when set, is told how many people and interactions are
	// queued out of how many, now and then, from the goroutine of Populate.
	Progress func(done, total int)
}

// defaults fills the zero fields with the documented defaults.
func (o *Options) defaults() {
	if o.People <= 0 {
		o.People = 1000
	}
	if o.Interactions < 0 {
		o.Interactions = 0
	} else if o.Interactions == 0 {
		o.Interactions = 10 * o.People
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Circles <= 0 {
		o.Circles = 2 + o.People/1000
	}
	if o.Goals <= 0 {
		o.Goals = 8
	}
	if o.Until.IsZero() {
		o.Until = crm.NewDate(2026, 12, 31)
	}
	if o.Years <= 0 {
		o.Years = 5
	}
}

// person is a generated contact, as the generator remembers it.
type person struct {
	id      int64
	day     int // the day added, counted from the first day of history
	roles   []crm.RoleKind
	circle  int // index into circles, or -1
	coach   bool
	archive bool
}

// gen holds the state of one Populate run.
type gen struct {
	o       Options
	rng     *rand.Rand
	first   crm.Date // the first day of history
	days    int
	people  []person
	core    []int   // indexes of people holding a role, ascending (so by day added)
	members [][]int // circle index -> people indexes, ascending
	circles []int64
	goals   []int64
	next    map[string]int64 // the next free id per table
}

// Populate inserts the generated book into st in one transaction.
func Populate(ctx context.Context, st *store.Store, o Options) error {
	o.defaults()
	g := &gen{o: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))}
	g.first = o.Until.AddMonths(-12 * o.Years).AddDays(1)
	g.days = g.first.DaysUntil(o.Until) + 1
	return st.Update(ctx, func(tx *store.Tx) error {
		var cache int
		if err := queryInt(tx, "PRAGMA cache_size", &cache); err != nil {
			return err
		}
		if err := pragma(tx, fmt.Sprintf("PRAGMA cache_size = %d", -cacheKiB)); err != nil {
			return err
		}
		defer pragma(tx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
		if err := g.checkEmpty(tx); err != nil {
			return err
		}
		if err := g.readIDs(tx); err != nil {
			return err
		}
		steps := []func(*store.Tx) error{g.insertCircles, g.insertPeople, g.insertGoals, g.insertInteractions}
		for _, step := range steps {
			if err := step(tx); err != nil {
				return fmt.Errorf("generate data: %w", err)
			}
		}
		return nil
	})
}

// checkEmpty refuses a book that already holds people when OnlyEmpty asks.
func (g *gen) checkEmpty(tx *store.Tx) error {
	if !g.o.OnlyEmpty {
		return nil
	}
	have, err := tx.CountAllContacts()
	if err != nil {
		return err
	}
	if have > 0 {
		return crm.Errorf(crm.EConflict, "the database already holds %d people; a generated book loads only into an empty database", have)
	}
	return nil
}

// progressEvery is how many rows pass between two reports to Options.Progress.
const progressEvery = 10000

// report tells Options.Progress how far the work is, every progressEvery
// rows of the people and interactions together, and at the end.
func (g *gen) report(done int) {
	total := g.o.People + g.o.Interactions
	if g.o.Progress != nil && (done%progressEvery == 0 || done == total) {
		g.o.Progress(done, total)
	}
}

// readIDs finds where the ids of each table continue, so generated rows
// can carry their ids and be inserted many to a statement.
func (g *gen) readIDs(tx *store.Tx) error {
	// Rows wait in batches, so a person's roles may be sent before the
	// person: check references once, at commit. A large page cache keeps
	// the indexes being filled in memory; it is put back when done.
	if err := pragma(tx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	g.next = map[string]int64{}
	for _, t := range []string{"contacts", "circles", "goals", "interactions", "exchanges"} {
		var id int
		if err := queryInt(tx, "SELECT COALESCE(max(id), 0) + 1 FROM "+t, &id); err != nil {
			return err
		}
		g.next[t] = int64(id)
	}
	return nil
}

// cacheKiB is the page cache used while generating: enough to hold the
// indexes of a million interactions.
const cacheKiB = 256 << 10

// pragma runs a PRAGMA through a prepared statement: the store hands out
// only statements, so the generator cannot reach the database otherwise.
func pragma(tx *store.Tx, q string) error {
	st, err := tx.Prepare(q)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Exec(); err != nil {
		return fmt.Errorf("%s: %w", q, err)
	}
	return nil
}

// queryInt reads one number, as pragma runs one statement.
func queryInt(tx *store.Tx, q string, v *int) error {
	st, err := tx.Prepare(q)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.QueryRow().Scan(v); err != nil {
		return fmt.Errorf("%s: %w", q, err)
	}
	return nil
}

// id hands out the next id of table: rows carry their ids so that many
// can share one INSERT.
func (g *gen) id(table string) int64 {
	id := g.next[table]
	g.next[table]++
	return id
}

// date returns the day n days into history.
func (g *gen) date(n int) crm.Date { return g.first.AddDays(n) }

// stamp is a fixed timestamp on a day, so runs are reproducible.
func (g *gen) stamp(n int) string { return g.date(n).String() + "T09:00:00Z" }

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// insertCircles adds the circles, named from a list and numbered when it
// runs out, each meeting every two to seven weeks.
func (g *gen) insertCircles(tx *store.Tx) error {
	b, err := newBatch(tx, "circles", "id, name, name_key, purpose, cadence_days, created_at")
	if err != nil {
		return err
	}
	g.members = make([][]int, g.o.Circles)
	for i := range g.o.Circles {
		name := circleNames[i%len(circleNames)]
		if i >= len(circleNames) {
			name = fmt.Sprintf("%s %d", name, i/len(circleNames)+1)
		}
		id := g.id("circles")
		g.circles = append(g.circles, id)
		if err := b.add(id, name, crm.NameKey(name), "Peers who trade lessons", 14+g.rng.IntN(6)*7, g.stamp(0)); err != nil {
			return err
		}
	}
	return b.close()
}

// The tables a person's rows go to, with the columns generated for each.
var (
	contactsTable = table{"contacts", `id, name, name_key, company, title, source, source_detail, referred_by,
		met_on, added_on, cadence_days, archived, created_at, updated_at`}
	channelsTable = table{"channels", "contact_id, kind, label, value, is_primary"}
	rolesTable    = table{"roles", "contact_id, role, since, until"}
	membersTable  = table{"circle_members", "circle_id, contact_id, joined_on"}
)

// peopleRows are the batches insertPeople fills.
type peopleRows struct{ contacts, channels, roles, members *batch }

// insertPeople adds the contacts, added steadily over the years, with an
// email each, their roles (a tenth of coaches later became mentors) and
// circle memberships.
func (g *gen) insertPeople(tx *store.Tx) error {
	bs, err := newBatches(tx, contactsTable, channelsTable, rolesTable, membersTable)
	if err != nil {
		return err
	}
	rows := peopleRows{contacts: bs[0], channels: bs[1], roles: bs[2], members: bs[3]}
	for i := range g.o.People {
		if err := g.addPerson(rows, i); err != nil {
			return err
		}
		g.report(i + 1)
	}
	return closeBatches(bs)
}

// addPerson generates person i and queues their rows. The random choices
// are made in a fixed order, so a seed always gives the same book.
func (g *gen) addPerson(rows peopleRows, i int) error {
	p := person{id: g.id("contacts"), day: i * g.days / g.o.People, circle: -1, archive: g.rng.IntN(100) < 3}
	name := uniqueName(i)
	since, met := g.metOn(p.day)
	title := g.rolesAndTitle(&p)
	if err := g.joinCircle(rows.members, &p, i); err != nil {
		return err
	}
	if err := g.addContact(rows.contacts, &p, i, name, title, met); err != nil {
		return err
	}
	email := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.com"
	if err := rows.channels.add(p.id, "email", "work", email, true); err != nil {
		return err
	}
	if err := g.addRoles(rows.roles, &p, since); err != nil {
		return err
	}
	if len(p.roles) > 0 {
		g.core = append(g.core, i)
	}
	g.people = append(g.people, p)
	return nil
}

// uniqueName names person i: every name differs until the names run out,
// then a number tells the next round apart.
func uniqueName(i int) string {
	nameSpace := len(firstNames) * len(surnameHeads) * len(surnameTails)
	name := personName(i * 7919 % nameSpace) // 7919 is prime: consecutive people get unrelated names
	if i >= nameSpace {
		name += fmt.Sprintf(" %d", i/nameSpace+1)
	}
	return name
}

// metOn picks when someone added on day was met: seven in ten up to a year
// before, the rest unknown (nil, and their roles start the day added).
func (g *gen) metOn(day int) (since int, met any) {
	if g.rng.IntN(10) < 7 {
		since = max(0, day-g.rng.IntN(365))
		return since, g.date(since)
	}
	return day, nil
}

// rolesAndTitle picks a job title and the role a person holds, if any;
// coaches get a coach's title.
func (g *gen) rolesAndTitle(p *person) string {
	title := pick(g.rng, titles)
	switch r := g.rng.IntN(100); {
	case r < 3:
		p.roles, p.coach, title = []crm.RoleKind{crm.RoleCoach}, true, pick(g.rng, coachTitles)
	case r < 8:
		p.roles = []crm.RoleKind{crm.RoleMentor}
	case r < 11:
		p.roles = []crm.RoleKind{crm.RoleCoachee}
	case r < 16:
		p.roles = []crm.RoleKind{crm.RoleMentee}
	}
	return title
}

// joinCircle makes one person in five (person i of the book) a member of a
// circle from the day they were added.
func (g *gen) joinCircle(members *batch, p *person, i int) error {
	if g.rng.IntN(100) >= 20 {
		return nil
	}
	p.circle = g.rng.IntN(g.o.Circles)
	p.roles = append(p.roles, crm.RoleCircle)
	g.members[p.circle] = append(g.members[p.circle], i)
	return members.add(g.circles[p.circle], p.id, g.date(p.day))
}

// addContact queues the contacts row of person i, with where they came
// from and, for one in twenty, a cadence of their own.
func (g *gen) addContact(contacts *batch, p *person, i int, name, title string, met any) error {
	source, detail, referrer := g.source(i)
	var cadence any
	if g.rng.IntN(100) < 5 {
		cadence = 7 + g.rng.IntN(114)
	}
	company := pick(g.rng, companies)
	return contacts.add(p.id, name, crm.NameKey(name), company, title, source, detail, referrer,
		met, g.date(p.day), cadence, p.archive, g.stamp(p.day), g.stamp(p.day))
}

// personName is the k-th combination of first name, surname head and tail.
func personName(k int) string {
	f := k % len(firstNames)
	k /= len(firstNames)
	h := k % len(surnameHeads)
	t := k / len(surnameHeads) % len(surnameTails)
	return firstNames[f] + " " + surnameHeads[h] + surnameTails[t]
}

// source picks where person i came from; referrals name an earlier person.
func (g *gen) source(i int) (string, string, any) {
	if g.rng.IntN(100) < 15 {
		return "", "", nil
	}
	src := pick(g.rng, crm.Sources)
	if src == crm.SourceReferral && i > 0 {
		return string(src), "", g.people[g.rng.IntN(i)].id
	}
	if src == crm.SourceReferral {
		src = crm.SourceJob
	}
	return string(src), pick(g.rng, sourceDetails), nil
}

// addRoles stores a person's role periods from since; a tenth of coaches
// became mentors halfway through their history.
func (g *gen) addRoles(b *batch, p *person, since int) error {
	for _, r := range p.roles {
		from := since
		if r == crm.RoleCircle {
			from = p.day
		}
		if r == crm.RoleCoach && g.rng.IntN(10) == 0 && g.days-from > 60 {
			switchDay := from + (g.days-from)/2
			if err := b.add(p.id, string(crm.RoleCoach), g.date(from), g.date(switchDay)); err != nil {
				return err
			}
			if err := b.add(p.id, string(crm.RoleMentor), g.date(switchDay), nil); err != nil {
				return err
			}
			continue
		}
		if err := b.add(p.id, string(r), g.date(from), nil); err != nil {
			return err
		}
	}
	return nil
}

// insertGoals adds goals, most active, with up to three helpers from the
// people in a role; every fourth goal has nobody helping.
func (g *gen) insertGoals(tx *store.Tx) error {
	bs, err := newBatches(tx,
		table{"goals", "id, title, title_key, horizon, status, target_on, notes, created_at, updated_at"},
		table{"goal_helpers", "goal_id, contact_id"})
	if err != nil {
		return err
	}
	for i := range g.o.Goals {
		if err := g.addGoal(bs[0], bs[1], i); err != nil {
			return err
		}
	}
	return closeBatches(bs)
}

// addGoal queues goal i and its helpers.
func (g *gen) addGoal(goals, helpers *batch, i int) error {
	title := goalTitles[i%len(goalTitles)]
	if i >= len(goalTitles) {
		title = fmt.Sprintf("%s (%d)", title, i/len(goalTitles)+1)
	}
	id := g.id("goals")
	status := "active"
	if i%5 == 4 {
		status = "achieved"
	}
	horizon := []string{"short", "long"}[i%2]
	if err := goals.add(id, title, crm.NameKey(title), horizon, status, g.o.Until.AddMonths(6+i), "", g.stamp(0), g.stamp(0)); err != nil {
		return err
	}
	if status == "active" {
		g.goals = append(g.goals, id)
	}
	if i%4 == 3 || len(g.core) == 0 {
		return nil
	}
	seen := map[int64]bool{}
	for range 1 + g.rng.IntN(3) {
		c := g.people[pick(g.rng, g.core)].id
		if !seen[c] {
			seen[c] = true
			if err := helpers.add(id, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// interactionRows are the batches insertInteractions fills.
type interactionRows struct{ interactions, participants, exchanges *batch }

// insertInteractions logs the interactions in date order: a tenth are
// circle meetings attended by most members, the rest with one person (now
// and then two or three), mostly someone in a role; two in five carry an
// exchange, coaches are paid, and a few exchanges are promises.
func (g *gen) insertInteractions(tx *store.Tx) error {
	bs, err := newBatches(tx,
		table{"interactions", "id, occurred_on, kind, minutes, summary, notes, circle_id, goal_id, created_at"},
		table{"participants", "interaction_id, contact_id, occurred_on"},
		table{"exchanges", `id, contact_id, interaction_id, occurred_on, direction, kind, description,
		minutes, amount, commitment, done_on, created_at`})
	if err != nil {
		return err
	}
	rows := interactionRows{interactions: bs[0], participants: bs[1], exchanges: bs[2]}
	var with []int // reused: who took part, as indexes into g.people
	for i, day := range g.interactionDays() {
		if with, err = g.addInteraction(rows, day, with[:0]); err != nil {
			return err
		}
		g.report(g.o.People + i + 1)
	}
	return closeBatches(bs)
}

// interactionDays picks the day of each interaction, in date order.
func (g *gen) interactionDays() []int {
	days := make([]int, g.o.Interactions)
	for i := range days {
		days[i] = g.rng.IntN(g.days)
	}
	slices.Sort(days)
	return days
}

// addInteraction generates one interaction on day and queues it with its
// participants and, two times in five, an exchange. with is an empty
// buffer for the participants; it is returned for reuse.
func (g *gen) addInteraction(rows interactionRows, day int, with []int) ([]int, error) {
	id, date := g.id("interactions"), g.date(day)
	var circle, goal any
	kind := pick(g.rng, crm.InteractionKinds)
	if c, attended, ok := g.circleMeeting(day, with); ok {
		circle, kind, with = c, crm.KindMeeting, attended
	}
	if len(with) == 0 {
		with = g.pickPeople(day, with)
	}
	if len(g.goals) > 0 && g.rng.IntN(20) == 0 {
		goal = pick(g.rng, g.goals)
	}
	minutes := g.minutes(kind)
	if err := rows.interactions.add(id, date, string(kind), minutes, pick(g.rng, summaries), "", circle, goal, g.stamp(day)); err != nil {
		return with, err
	}
	for _, p := range with {
		if err := rows.participants.add(id, g.people[p].id, date); err != nil {
			return with, err
		}
	}
	if g.rng.IntN(5) < 2 {
		return with, g.addExchange(rows.exchanges, id, day, &g.people[pick(g.rng, with)])
	}
	return with, nil
}

// circleMeeting makes a tenth of interactions a meeting of a circle that
// has members by day; each of them came seven times in ten, eight at most.
// ok is false for an interaction that is not a meeting.
func (g *gen) circleMeeting(day int, with []int) (circle int64, attended []int, ok bool) {
	c := g.rng.IntN(g.o.Circles)
	if g.rng.IntN(10) != 0 {
		return 0, with, false
	}
	known := g.known(g.members[c], day)
	if known == 0 {
		return 0, with, false
	}
	for _, m := range g.members[c][:known] {
		if g.rng.IntN(10) < 7 && len(with) < 8 {
			with = append(with, m)
		}
	}
	return g.circles[c], with, true
}

// minutes picks how long an interaction of kind took: a quarter hour to
// two hours, a few minutes for a message or an email.
func (g *gen) minutes(kind crm.InteractionKind) int {
	m := 15 * (1 + g.rng.IntN(8))
	if kind == crm.KindMessage || kind == crm.KindEmail {
		m = g.rng.IntN(6)
	}
	return m
}

// known returns how many of the people listed (ascending, so by day added)
// had been added by day.
func (g *gen) known(list []int, day int) int {
	n, _ := slices.BinarySearchFunc(list, day, func(i, d int) int {
		if g.people[i].day <= d {
			return -1
		}
		return 1
	})
	return n
}

// pickPeople chooses who took part in a one-to-one (or small) interaction
// among the people already added: seven times in ten someone in a role.
func (g *gen) pickPeople(day int, with []int) []int {
	all := min(len(g.people), day*len(g.people)/g.days+1)
	core := g.known(g.core, day)
	n := 1
	if g.rng.IntN(10) == 0 {
		n = 2 + g.rng.IntN(2)
	}
	// Early in the history only a few people are known: never ask for more
	// distinct people than there are, or the loop below could not end.
	n = min(n, all)
	for len(with) < n {
		p := g.rng.IntN(all)
		if core > 0 && g.rng.IntN(10) < 7 {
			p = g.core[g.rng.IntN(core)]
		}
		if !slices.Contains(with, p) {
			with = append(with, p)
		}
	}
	return with
}

// addExchange queues something given or received in an interaction with
// p: paid coaching a third of the time with a coach, and one in twenty a
// promise, most of them kept within a month.
func (g *gen) addExchange(b *batch, interaction int64, day int, p *person) error {
	dir := crm.Gave
	if g.rng.IntN(2) == 0 {
		dir = crm.Received
	}
	kind := pick(g.rng, crm.ExchangeKinds[:8]) // advice to time: money only when paid
	amount := 0.0
	if p.coach && g.rng.IntN(3) == 0 {
		dir, kind, amount = crm.Gave, crm.ExMoney, float64(100+g.rng.IntN(5)*50)
	}
	var done any
	commitment := g.rng.IntN(20) == 0
	if commitment && g.rng.IntN(10) < 7 {
		done = g.date(min(g.days-1, day+g.rng.IntN(30)))
	}
	return b.add(g.id("exchanges"), p.id, interaction, g.date(day), string(dir), string(kind), pick(g.rng, exchangeTexts),
		0, amount, commitment, done, g.stamp(day))
}
