package crm

import (
	"fmt"
	"strings"
)

// parseEnum is the one parser behind ParseRole, ParseSource and the other
// enum parsers: names are matched case-insensitively with surrounding space
// ignored, and an unknown name is refused with the list of valid ones and
// the nearest of them when one is close (see Nearest), so every field reads
// the same way on the command line and in forms.
func parseEnum[T ~string](field, s string, valid []T) (T, error) {
	for _, v := range valid {
		if strings.EqualFold(strings.TrimSpace(s), string(v)) {
			return v, nil
		}
	}
	var zero T
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	if near, ok := Nearest(strings.TrimSpace(s), names); ok {
		return zero, fmt.Errorf("unknown %s %q (want %s); did you mean %s?", field, s, oneOf(valid), near)
	}
	return zero, fmt.Errorf("unknown %s %q (want %s)", field, s, oneOf(valid))
}

// oneOf lists the valid names as a person would say them: "short or long"
// for a pair, "one of a, b, c" for more.
func oneOf[T ~string](valid []T) string {
	if len(valid) == 2 {
		return string(valid[0]) + " or " + string(valid[1])
	}
	return "one of " + joinNames(valid, ", ")
}

// joinNames joins enum values; the callers pick the separator, since a
// table cell wants "a,b" and prose "a, b".
func joinNames[T ~string](vs []T, sep string) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, sep)
}

// ParseEnum is parseEnum for packages beside crm that name their own
// choices (the tables of a CSV export), so those read like every other.
func ParseEnum[T ~string](field, s string, valid []T) (T, error) { return parseEnum(field, s, valid) }
