package crm

import (
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]float64{"150": 150, "150.5": 150.5, "150.50": 150.5, " 7 ": 7, ".5": 0.5, "5.": 5, "0": 0, "999999999.99": 999999999.99} {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"Inf": "not an amount", "+Inf": "not an amount", "NaN": "not an amount", "1e400": "not an amount", "-5": "not an amount",
		"1.234": "more than two decimal places", "1000000000": "too large (an amount is below 1000000000)", "1,000": "not an amount",
		"": "not an amount", ".": "not an amount", "0x10": "not an amount",
	} {
		if _, err := ParseAmount(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseAmount(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestParseMinutesAndBudgetHours(t *testing.T) {
	for in, want := range map[string]int{"": 0, "0": 0, " 45 ": 45, "1440": 1440} {
		if got, err := ParseMinutes(in); err != nil || got != want {
			t.Errorf("ParseMinutes(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1441", "-1", "+5", "1e3", "9223372036854775807", "99999999999999999999"} {
		if _, err := ParseMinutes(in); err == nil {
			t.Errorf("ParseMinutes(%q) accepted", in)
		}
	}
	if _, err := ParseBudgetHours("744"); err != nil {
		t.Errorf("a month of hours: %v", err)
	}
	if _, err := ParseBudgetHours("744.01"); err == nil || !strings.Contains(err.Error(), "more hours than a month") {
		t.Errorf("744.01 hours: %v", err)
	}
}
