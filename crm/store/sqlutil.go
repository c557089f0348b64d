package store

import (
	"sort"
	"strings"
	"time"

	"github.com/kithcrm/kith/crm"
)

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullInt stores 0 as NULL for optional numbers such as a cadence override.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// splitRoles reads a group_concat of role names into display order.
func splitRoles(s string) []crm.RoleKind {
	out := []crm.RoleKind{}
	if s == "" {
		return out
	}
	for _, r := range strings.Split(s, ",") {
		out = append(out, crm.RoleKind(r))
	}
	order := map[crm.RoleKind]int{}
	for i, r := range crm.Roles {
		order[r] = i
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}

// likePattern makes a LIKE pattern that matches text anywhere, with the
// user's own % and _ taken literally (the queries say ESCAPE '\').
func likePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.TrimSpace(text)) + "%"
}
