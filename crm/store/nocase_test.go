package store

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/kithcrm/kith/crm/review"
)

// Names sorted in Go with compareNoCase come in the order SQLite's
// COLLATE NOCASE gives them: capitals and small letters alike, the
// characters between them ([ \ ] ^ _ `) where the small letters put
// them, UTF-8 by its bytes, prefixes first, ties by id.
func TestCompareNoCaseIsSQLites(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	names := []string{"ana", "Ana", "ANA", "anna", "An", "a_b", "a[b", "A`b", "aZ", "az", "Zoë", "zoe", "Émile", "émile",
		"", " ana", "ana ", "O'Brien", "o'brien", "李", "Łukasz", "lukasz", "x\x7f", "x~"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("aAbBzZ_[]`{~ 0é")
	for range 300 {
		b := make([]byte, r.IntN(6))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		names = append(names, string(b))
	}
	type row struct {
		id   int64
		name string
	}
	var rows []row
	var want []int64
	update(t, st, func(tx *Tx) error {
		if _, err := tx.exec("CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
			return err
		}
		for i, n := range names {
			rows = append(rows, row{int64(i + 1), n})
			if _, err := tx.exec("INSERT INTO names VALUES (?, ?)", i+1, n); err != nil {
				return err
			}
		}
		rs, err := tx.query("SELECT id FROM names ORDER BY name COLLATE NOCASE, id")
		want, err = collect(rs, err, func(s scanner) (id int64, err error) { return id, s.Scan(&id) })
		return err
	})
	slices.SortFunc(rows, func(a, b row) int {
		if c := compareNoCase(a.name, b.name); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for i, r := range rows {
		if r.id != want[i] {
			t.Fatalf("at %d Go has %q (#%d), SQLite #%d %q", i, r.name, r.id, want[i], names[want[i]-1])
		}
	}
}

// inNameOrder moves every fact to its place, whatever the cycles of the
// order: facts shuffled every way end up as a plain sort puts them.
func TestInNameOrderPlacesEveryFact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		facts := make([]review.ContactFacts, n)
		for i := range facts {
			facts[i] = review.ContactFacts{ID: int64(i + 1), Name: []string{"b", "A", "a", "c", "B"}[r.IntN(5)], Minutes: i}
		}
		r.Shuffle(n, func(i, j int) { facts[i], facts[j] = facts[j], facts[i] })
		want := slices.Clone(facts)
		slices.SortFunc(want, func(a, b review.ContactFacts) int {
			return cmp.Or(compareNoCase(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
		})
		if got := inNameOrder(facts); !slices.EqualFunc(got, want, func(a, b review.ContactFacts) bool { return a.ID == b.ID && a.Minutes == b.Minutes }) {
			t.Fatalf("%d facts: %v, want %v", n, got, want)
		}
	}
}
