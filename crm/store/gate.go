package store

import (
	"errors"
	"sync"
)

// gate lets transactions in while the store is open and keeps them out
// while a restore swaps the database file under it. A transaction that
// arrives during a restore fails at once instead of waiting: it may be
// nested in one the restore is waiting for, and waiting there would never end.
type gate struct {
	mu      sync.Mutex
	idle    *sync.Cond // signalled when busy drops to 0
	busy    int        // transactions and backups under way
	closing bool       // a restore is waiting for busy to reach 0, or running
	broken  error      // the restore could not reopen the database
}

// errRestoring is what a transaction gets while a restore runs.
var errRestoring = errors.New("the database is being restored: try again in a moment")

// enter admits one transaction, or says why it cannot run.
func (g *gate) enter() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case g.broken != nil:
		return g.broken
	case g.closing:
		return errRestoring
	}
	g.busy++
	return nil
}

// leave ends what enter admitted.
func (g *gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.busy--
	if g.busy == 0 && g.idle != nil {
		g.idle.Broadcast()
	}
}

// shut turns new transactions away and waits for those under way to end.
// It returns false when another restore holds the gate already.
func (g *gate) shut() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closing {
		return false
	}
	g.closing = true
	if g.idle == nil {
		g.idle = sync.NewCond(&g.mu)
	}
	for g.busy > 0 {
		g.idle.Wait()
	}
	return true
}

// open lets transactions in again; broken, when not nil, is the error they
// get from now on instead.
func (g *gate) open(broken error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closing = false
	g.broken = broken
}
