package cli

import "testing"

func TestSmoke(t *testing.T) {
	db := tempDB(t)
	t.Log(mustKith(t, db, "--today", "2026-11-25", "contact", "add", "Priya Raman", "--role", "mentor", "--email", "work:priya@example.com", "--company", "Fabrikam", "--met", "2026-01-10", "--url", "https://www.linkedin.com/in/priya"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "contact", "add", "Sam Lee", "--role", "coach"))
	t.Log(mustKith(t, db, "circle", "add", "PM Circle", "--cadence", "4w"))
	t.Log(mustKith(t, db, "circle", "join", "pm circle", "Sam Lee", "priya raman"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "log", "--with", "Priya Raman", "--summary", "career chat", "--gave", "introduction: to Fabrikam team", "--received", "advice on promo", "--promise", "resource: send the book"))
	t.Log(mustKith(t, db, "goal", "add", "Get promoted", "--with", "Priya Raman", "--target", "2027-06-30"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "contact", "list"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "due", "--within", "3m"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "contact", "show", "priya raman"))
	t.Log(mustKith(t, db, "--today", "2026-11-25", "contact", "show", "priya raman", "--json"))
	t.Log(mustKith(t, db, "circle", "list"))
	t.Log(mustKith(t, db, "goal", "list"))
	t.Log(mustKith(t, db, "commitment", "list"))
	t.Log(kith(t, db, "contact", "show", "Nobody"))
	t.Log(kith(t, db, "contact", "add", "X", "--met", "2026-02-30"))
	t.Log(mustKith(t, db, "help"))
}
