package review

import "testing"

// FuzzParseQuarter: a quarter that --quarter accepts writes back as typed
// (in upper case) and runs over days Kith can store, with the quarters
// before and after it too.
func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2026Q3", "2026q1", "0001Q1", "1899Q4", "1900Q1", "9999Q4", "2026Q0", "2026Q5", "+999Q1", "2026Q", "Q3", "20261Q1", " 2026Q2 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuarter(s)
		if err != nil {
			return
		}
		if again, err := ParseQuarter(q.String()); err != nil || again != q {
			t.Fatalf("ParseQuarter(%q) = %v, which reads back as %v, %v", s, q, again, err)
		}
		if q.Start().InRange() != nil || q.End().InRange() != nil || !q.Start().Before(q.End()) {
			t.Fatalf("ParseQuarter(%q) runs from %s to %s", s, q.Start(), q.End())
		}
		if QuarterOf(q.Start()) != q || QuarterOf(q.End()) != q {
			t.Fatalf("%v holds days of other quarters", q)
		}
	})
}
