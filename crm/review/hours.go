package review

// Hours writes minutes as a review does: "2h 30m", "45m" or "0m", so the
// window and the reports agree.
func Hours(minutes int) string { return hours(minutes) }
