package crm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The limits of the numbers a user types. Each is far beyond any real
// relationship, and low enough that no sum a review makes of them can
// overflow or reach infinity: an amount that reached the database as +Inf
// once made every JSON output of the book fail, and minutes near the
// largest integer overflowed the quarter's total.
const (
	// MaxAmount is the first amount of money refused: a fee is below a
	// billion in any currency.
	MaxAmount = 1_000_000_000
	// MaxMinutes is the longest interaction, or time given, in minutes: a day.
	MaxMinutes = 24 * 60
	// MaxBudgetHours is the largest monthly time budget: every hour of a month.
	MaxBudgetHours = 31 * 24
)

// ParseAmount reads an amount of money as a person writes it: a whole
// number or one with at most two decimal places (150, 150.5, 150.50), not
// negative and below MaxAmount. Exponents, signs, thousands separators,
// Inf and NaN are refused. The caller names the field.
func ParseAmount(s string) (float64, error) {
	s = strings.TrimSpace(s)
	whole, cents, hasPoint := strings.Cut(s, ".")
	if !allDigits(whole) || (hasPoint && !allDigits(cents)) || (whole == "" && cents == "") {
		return 0, fmt.Errorf("%q is not an amount (want a number such as 150 or 150.50)", s)
	}
	if len(cents) > 2 {
		return 0, fmt.Errorf("%q has more than two decimal places", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount (want a number such as 150 or 150.50)", s)
	}
	return v, CheckAmount(v)
}

// allDigits reports whether s is only ASCII digits ("" is: "5." and ".5" are amounts).
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// CheckAmount refuses an amount of money that is not a finite number from 0
// up to, not including, MaxAmount: what the store checks however the amount
// arrived.
func CheckAmount(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%v is not an amount", v)
	case v < 0:
		return fmt.Errorf("%v is negative", v)
	case v >= MaxAmount:
		return fmt.Errorf("%s is too large (an amount is below %d)", strconv.FormatFloat(v, 'f', -1, 64), MaxAmount)
	}
	return nil
}

// ParseMinutes reads a whole number of minutes, from 0 to MaxMinutes; ""
// is 0. The caller names the field.
func ParseMinutes(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if !allDigits(s) {
		return 0, fmt.Errorf("%q is not a whole number of minutes", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxMinutes {
		return 0, fmt.Errorf("%s is more than a day (the most is %d minutes)", s, MaxMinutes)
	}
	return n, nil
}

// CheckMinutes refuses minutes below 0 or over MaxMinutes.
func CheckMinutes(n int) error {
	if n < 0 {
		return fmt.Errorf("%d is negative", n)
	}
	if n > MaxMinutes {
		return fmt.Errorf("%d is more than a day (the most is %d minutes)", n, MaxMinutes)
	}
	return nil
}

// ParseBudgetHours reads a monthly time budget: hours, with at most two
// decimal places, from 0 to MaxBudgetHours.
func ParseBudgetHours(s string) (float64, error) {
	v, err := ParseAmount(s)
	if err != nil {
		return 0, err
	}
	return v, CheckBudgetHours(v)
}

// CheckBudgetHours refuses a monthly time budget that is not a finite
// number of hours from 0 to MaxBudgetHours.
func CheckBudgetHours(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%v is not a number of hours", v)
	case v < 0:
		return fmt.Errorf("%v is negative", v)
	case v > MaxBudgetHours:
		return fmt.Errorf("%v is more hours than a month has (the most is %d)", v, MaxBudgetHours)
	}
	return nil
}

// Validate checks a profile before it is stored: budgets that are not
// finite and non-negative would break every review.
func (p *Profile) Validate() error {
	if err := CheckBudgetHours(p.BudgetHours); err != nil {
		return Invalid("budget hours", err)
	}
	if err := CheckAmount(p.BudgetMoney); err != nil {
		return Invalid("budget money", err)
	}
	return nil
}
