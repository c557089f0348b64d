package ui

// names returns the names on the first page of the people list, loading it
// when it is not loaded yet. Only tests read the list this way.
func (v *peopleView) names() []string {
	var out []string
	for i := 0; i < v.total && i < pageSize; i++ {
		if s, ok := v.row(i); ok {
			out = append(out, s.Name)
		}
	}
	return out
}
