package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/kithcrm/kith/crm/store"
)

// output ends a command that shows something: v as JSON when the script
// asked for it with --json, else text for a person. Keeping the choice in one
// place keeps every command's JSON the value itself, indented alike.
func (e *env) output(v any, text func(w io.Writer) error) error {
	if e.asJSON {
		enc := json.NewEncoder(e.out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	return text(escaped{e.out})
}

// table is text in aligned columns: rows writes tab-separated cells and
// table lines them up, so no command sets up a tabwriter of its own.
func table(rows func(w io.Writer)) func(io.Writer) error {
	return func(out io.Writer) error {
		w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		rows(escaped{w}) // escaped before the columns are measured
		return w.Flush()
	}
}

// text adapts a printer that cannot fail (it writes with fmt.Fprint*) to
// output, for text that is not a table.
func text(print func(w io.Writer)) func(io.Writer) error {
	return func(w io.Writer) error {
		print(w)
		return nil
	}
}

// printf reports what a command did, in one line for a person: names in
// it are escaped as in a table.
func (e *env) printf(format string, args ...any) error {
	_, err := fmt.Fprintf(escaped{e.out}, format, args...)
	return err
}

// viewOf reads one value in a read-only transaction: the read that most
// commands make between parsing their flags and printing.
func viewOf[T any](e *env, read func(*store.Tx) (T, error)) (T, error) {
	var v T
	err := e.view(func(tx *store.Tx) error {
		var err error
		v, err = read(tx)
		return err
	})
	return v, err
}
