package gen

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm/store"
)

// batchRows is how many rows one INSERT carries: a fixed size, so the
// statement never grows with the data, and well under SQLite's limit on
// bound values.
const batchRows = 200

// batch inserts rows into one table many at a time with a prepared
// statement, and the last few with a statement of their own size.
type batch struct {
	tx    *store.Tx
	table string
	cols  string
	width int
	full  *sql.Stmt
	args  []any
}

// newBatch prepares the full-size INSERT of table once, for every batch.
func newBatch(tx *store.Tx, table, cols string) (*batch, error) {
	width := strings.Count(cols, ",") + 1
	st, err := tx.Prepare(insertSQL(table, cols, width, batchRows))
	if err != nil {
		return nil, fmt.Errorf("insert into %s: %w", table, err)
	}
	return &batch{tx: tx, table: table, cols: cols, width: width, full: st, args: make([]any, 0, width*batchRows)}, nil
}

// insertSQL writes an INSERT of rows rows of width values each.
func insertSQL(table, cols string, width, rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	return "INSERT INTO " + table + " (" + cols + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
}

// add queues one row, sending a full batch when it fills.
func (b *batch) add(values ...any) error {
	if len(values) != b.width {
		return fmt.Errorf("insert into %s: %d values for %d columns", b.table, len(values), b.width)
	}
	b.args = append(b.args, values...)
	if len(b.args) < b.width*batchRows {
		return nil
	}
	if _, err := b.full.Exec(b.args...); err != nil {
		return fmt.Errorf("insert into %s: %w", b.table, err)
	}
	b.args = b.args[:0]
	return nil
}

// close sends the rows left and releases the statement.
func (b *batch) close() error {
	defer b.full.Close()
	if len(b.args) == 0 {
		return nil
	}
	st, err := b.tx.Prepare(insertSQL(b.table, b.cols, b.width, len(b.args)/b.width))
	if err != nil {
		return fmt.Errorf("insert into %s: %w", b.table, err)
	}
	defer st.Close()
	if _, err := st.Exec(b.args...); err != nil {
		return fmt.Errorf("insert into %s: %w", b.table, err)
	}
	b.args = b.args[:0]
	return nil
}

// table names a table and the columns a batch fills in it.
type table struct{ name, cols string }

// newBatches opens a batch for each table, in order.
func newBatches(tx *store.Tx, tables ...table) ([]*batch, error) {
	out := make([]*batch, 0, len(tables))
	for _, t := range tables {
		b, err := newBatch(tx, t.name, t.cols)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// closeBatches sends the rows each batch still holds, in order: a table is
// complete before the next, though references are only checked at commit.
func closeBatches(bs []*batch) error {
	for _, b := range bs {
		if err := b.close(); err != nil {
			return err
		}
	}
	return nil
}
