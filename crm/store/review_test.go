package store

import (
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/review"
)

// TestReflectionReportsReadErrors: an error while reading a saved
// reflection's rows fails the load instead of giving a reflection with
// answers silently missing. The answers table is swapped for a view whose
// second row fails as SQLite steps onto it (malformed JSON).
func TestReflectionReportsReadErrors(t *testing.T) {
	st := openTemp(t, "2026-10-05")
	q := review.Quarter{Year: 2026, N: 3}
	update(t, st, func(tx *Tx) error {
		r := review.Reflection{Quarter: q}
		r.SetAnswer(review.Questions[0], "Promotion moved.")     // goals
		r.SetAnswer(review.Questions[3], "not json, on purpose") // investment
		_, err := review.Save(tx, &r, nil)
		return err
	})
	update(t, st, func(tx *Tx) error {
		for _, s := range []string{
			"ALTER TABLE review_answers RENAME TO review_answers_kept",
			`CREATE VIEW review_answers AS SELECT quarter, prompt_key, prompt,
			 CASE WHEN prompt_key = 'investment' THEN json(answer) ELSE answer END AS answer FROM review_answers_kept`,
		} {
			if _, err := tx.exec(s); err != nil {
				t.Fatal(err)
			}
		}
		r, err := tx.Reflection(q)
		if err == nil || !strings.Contains(err.Error(), "2026Q3") {
			t.Errorf("loading answers whose second row fails: %d answers, error %v; want an error naming the quarter",
				len(r.Answers), err)
		}
		return nil
	})
}
