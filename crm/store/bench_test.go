package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/crmtest"
	"github.com/kithcrm/kith/crm/gen"
	"github.com/kithcrm/kith/crm/store"
)

// The benchmarks run every query on two books built once per run: the power
// user Kith must stay instant for (50,000 people, 1,000,000 interactions) and
// a baseline of 1,000 people and 20,000 interactions. Comparing the two in the
// same run shows how each query scales: a paged list or a single person
// should cost about the same on both; a whole-book pass (the due list) grows
// with the number of people, never with the number of interactions.
var books struct {
	sync.Mutex
	dir   string
	byKey map[string]*store.Store
}

func book(b *testing.B, people, interactions int) *store.Store {
	b.Helper()
	books.Lock()
	defer books.Unlock()
	key := fmt.Sprintf("%d-%d", people, interactions)
	if st := books.byKey[key]; st != nil {
		return st
	}
	if books.dir == "" {
		dir, err := os.MkdirTemp("", "kith-bench-")
		if err != nil {
			b.Fatal(err)
		}
		books.dir, books.byKey = dir, map[string]*store.Store{}
	}
	st, err := store.Open(filepath.Join(books.dir, key+".db"))
	if err != nil {
		b.Fatal(err)
	}
	st.SetToday(crmtest.Date("2026-11-25"))
	if err := gen.Populate(context.Background(), st, gen.Options{People: people, Interactions: interactions, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	books.byKey[key] = st
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, st := range books.byKey {
		st.Close()
	}
	if books.dir != "" {
		os.RemoveAll(books.dir)
	}
	os.Exit(code)
}

var sizes = []struct {
	name                 string
	people, interactions int
}{
	{"baseline-1k", 1000, 20000},
	{"power-50k", 50000, 1000000},
}

func benchView(b *testing.B, fn func(tx *store.Tx) error) {
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			st := book(b, size.people, size.interactions)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := st.View(context.Background(), fn); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A page of the people list, as the window's virtual list asks for it.
func BenchmarkListPageByName(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.ListContacts(crm.ContactFilter{Sort: crm.SortByName, Limit: 50, Offset: 200})
		return err
	})
}

func BenchmarkListPageByNextDue(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.ListContacts(crm.ContactFilter{Sort: crm.SortByNextDue, Limit: 50})
		return err
	})
}

func BenchmarkListSearch(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.ListContacts(crm.ContactFilter{Search: "ana", Limit: 50})
		return err
	})
}

func BenchmarkCountByRole(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.CountContacts(crm.ContactFilter{Role: crm.RoleMentor})
		return err
	})
}

// The due list over the next two weeks: a pass over every active person.
func BenchmarkDue14d(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.Due(tx.Today().AddDays(14))
		return err
	})
}

// One person's page with their latest 50 interactions.
func BenchmarkContactDetail(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.ContactDetail(7, 50)
		return err
	})
}

func BenchmarkFindContact(b *testing.B) {
	benchView(b, func(tx *store.Tx) error {
		_, err := tx.FindContact("#42")
		return err
	})
}
