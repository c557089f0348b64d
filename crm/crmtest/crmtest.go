// Package crmtest holds helpers for Kith's tests and test fixtures. It is
// never linked into the kith binary: only _test.go files and other test
// packages (such as reviewtest) import it.
package crmtest

import "github.com/kithcrm/kith/crm"

// Date is crm.ParseDate for literals in tests and fixtures; it panics on a
// bad date, which in a test is a typo in the test itself.
func Date(s string) crm.Date {
	d, err := crm.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
