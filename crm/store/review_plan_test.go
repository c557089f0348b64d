package store

import (
	"database/sql"
	"strings"
	"testing"
)

// The review reads a quarter through indexes and sorts nothing in SQL:
// the participants in date order straight off the date index, the people
// in one pass with a seek or two each (their name order is made in Go).
func TestReviewReadsThroughIndexes(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	args := []any{sql.Named("start", "2026-07-01"), sql.Named("asof", "2026-09-30"), sql.Named("pstart", "2026-04-01")}
	for name, q := range map[string]string{"participants": participantsQuery, "people": reviewPeopleQuery} {
		plan := queryPlan(t, st, q, args...)
		for _, step := range plan {
			if strings.Contains(step, "FOR ORDER BY") || strings.HasPrefix(step, "SCAN") && !strings.HasPrefix(step, "SCAN c") && !strings.HasPrefix(step, "SCAN r") {
				t.Errorf("%s: %q in\n%s", name, step, strings.Join(plan, "\n"))
			}
		}
	}
	if plan := strings.Join(queryPlan(t, st, participantsQuery, args...), "\n"); !strings.Contains(plan, "interactions_date") {
		t.Errorf("the participants are not read through the date index:\n%s", plan)
	}
}

// A goal's helpers are found from the goal, not by walking every active
// contact and asking whether they help.
func TestReviewGoalHelpersStartFromTheGoal(t *testing.T) {
	st := openTemp(t, "2026-11-25")
	plan := queryPlan(t, st, activeHelpersQuery, 1)
	if len(plan) == 0 || !strings.Contains(plan[0], "SEARCH h USING PRIMARY KEY (goal_id=?)") {
		t.Errorf("the helpers are not read from the goal first:\n%s", strings.Join(plan, "\n"))
	}
}
