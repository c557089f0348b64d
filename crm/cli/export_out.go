package cli

import (
	"io"

	"github.com/kithcrm/kith/crm/atomicfile"
	"github.com/kithcrm/kith/crm/store"
)

// writeOut sends an export to --out (out), written whole and readable by
// the user alone, and then says how many of what it wrote; without --out
// it goes to standard output, which then holds the export alone.
func (e *env) writeOut(out, what string, export func(io.Writer) (int, error)) error {
	n := 0
	write := func(w io.Writer) (err error) {
		n, err = export(w)
		return err
	}
	if out == "" {
		return write(e.out)
	}
	if err := atomicfile.Write(out, write); err != nil {
		return err
	}
	return e.printf("wrote %d %s to %s\n", n, what, out)
}

// viewing makes an export out of one that reads st, all in one read
// transaction so the file is one consistent picture.
func (e *env) viewing(st *store.Store, export func(io.Writer, *store.Tx) (int, error)) func(io.Writer) (int, error) {
	return func(w io.Writer) (n int, err error) {
		err = st.View(e.ctx(), func(tx *store.Tx) (err error) {
			n, err = export(w, tx)
			return err
		})
		return n, err
	}
}
