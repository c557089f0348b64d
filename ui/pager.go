package ui

import (
	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/store"
)

// pager holds the rows of a virtual list a page at a time: only the pages
// the list scrolls to are read, so fifty thousand rows scroll as smoothly
// as fifty. Each reload starts a generation, and a page read for an older
// one is dropped when it lands.
type pager[T any] struct {
	m     *Main
	size  int // rows a page
	keep  int // pages kept either side of the last one read; 0 keeps all
	total int // rows the query selects, as of the last reload
	today crm.Date

	read    func(tx *store.Tx, limit, offset int) ([]T, error)
	landed  func() // runs on the UI goroutine once a page is in
	gen     int
	pages   map[int][]T
	loading map[int]bool
}

func newPager[T any](m *Main, size, keep int, landed func()) *pager[T] {
	return &pager[T]{m: m, size: size, keep: keep, landed: landed, pages: map[int][]T{}, loading: map[int]bool{}}
}

// reload counts the rows of a new query and reads its first page, in one
// background read, then runs done on the UI goroutine, unless another
// reload has started meanwhile. read is kept for the later pages; it must
// capture what it queries (a filter) by value, as it runs off the UI
// goroutine.
func (p *pager[T]) reload(count func(tx *store.Tx) (int, error), read func(tx *store.Tx, limit, offset int) ([]T, error), done func()) {
	p.gen++
	gen := p.gen
	p.read = read
	var total int
	var first []T
	var today crm.Date
	p.m.load(func(tx *store.Tx) (err error) {
		today = tx.Today()
		if total, err = count(tx); err != nil {
			return err
		}
		first, err = read(tx, p.size, 0)
		return err
	}, func() {
		if gen != p.gen {
			return
		}
		p.today, p.total = today, total
		p.pages, p.loading = map[int][]T{0: first}, map[int]bool{}
		done()
	})
}

// row returns row i when its page is in, and starts reading the page when
// it is not.
func (p *pager[T]) row(i int) (T, bool) {
	var none T
	n := i / p.size
	if page, ok := p.pages[n]; ok {
		if j := i % p.size; j < len(page) {
			return page[j], true
		}
		return none, false
	}
	if !p.loading[n] {
		p.loading[n] = true
		p.loadPage(n)
	}
	return none, false
}

func (p *pager[T]) loadPage(n int) {
	gen, read := p.gen, p.read
	var rows []T
	p.m.load(func(tx *store.Tx) (err error) {
		rows, err = read(tx, p.size, n*p.size)
		return err
	}, func() {
		if gen != p.gen {
			return
		}
		if p.keep > 0 {
			for q := range p.pages {
				if q-n > p.keep || n-q > p.keep {
					delete(p.pages, q)
				}
			}
		}
		p.pages[n] = rows
		delete(p.loading, n)
		p.landed()
	})
}
