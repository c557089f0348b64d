// Package crm is Kith's domain: the people who help a career grow, the roles
// they play, the circles they meet in, what was given and received, goals,
// and the check-ins that keep relationships alive. It knows nothing of the
// window or of SQL; package store keeps it in SQLite.
package crm

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes say what kind of thing went wrong, so the command line can
// pick an exit status and the window a message, without parsing text.
const (
	ENotFound  = "not_found"  // a name or id matched nothing
	EAmbiguous = "ambiguous"  // a name matched several records
	EInvalid   = "invalid"    // the input is wrong; the message names the field
	EConflict  = "conflict"   // the input clashes with what is stored (a duplicate name)
	ENewer     = "newer_file" // the database was written by a newer Kith
)

// Error is a problem the user can fix: a missing person, a bad date, a
// duplicate circle. Its Message is written for them.
type Error struct {
	Code    string
	Message string
	// Candidates lists the matches when Code is EAmbiguous, as "Name (#id)".
	Candidates []string
	// Err is the cause, when there is one: the message is written for a
	// person, but a caller may still need errors.Is or errors.As to see
	// what lies beneath it (a parse error, another *Error).
	Err error
}

// Error is the message for the user, with the candidates of an ambiguous name.
func (e *Error) Error() string {
	if len(e.Candidates) == 0 {
		return e.Message
	}
	return e.Message + ": " + strings.Join(e.Candidates, ", ")
}

// Unwrap returns the cause, so errors.Is and errors.As look through an *Error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or "" when
// err is not one (a disk or database failure rather than bad input).
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// Invalid returns an EInvalid error naming the field at fault. It keeps err
// as its cause: the message reads "field: cause", and errors.Is and errors.As
// still reach err.
func Invalid(field string, err error) *Error {
	return &Error{Code: EInvalid, Message: fmt.Sprintf("%s: %v", field, err), Err: err}
}
