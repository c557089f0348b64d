package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm/importer"
	"github.com/kithcrm/kith/crm/store"
)

// connections writes a Connections.csv of n people, LinkedIn's preamble
// first; one in three allows their email to be seen, as in real exports.
func connections(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n")
	b.WriteString("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i := 0; i < n; i++ {
		email := ""
		if i%3 == 0 {
			email = fmt.Sprintf("person%d@example.com", i)
		}
		fmt.Fprintf(&b, "Person%d,Surname%d,https://www.linkedin.com/in/person-%d,%s,\"Company %d, Inc.\",Engineer %d,%02d %s %d\n",
			i, i%977, i, email, i%1500, i%40, 1+i%28, months[i%12], 2010+i%16)
	}
	return b.Bytes()
}

// importTimed reads, plans and writes a whole import in one transaction,
// as 'kith import linkedin' does.
func importTimed(b *testing.B, st *store.Store, data []byte) *importer.Plan {
	src, err := importer.Read(importer.LinkedIn, "Connections.csv", bytes.NewReader(data), nil)
	if err != nil {
		b.Fatal(err)
	}
	var p *importer.Plan
	if err := st.Update(context.Background(), func(tx *store.Tx) error {
		var err error
		if p, err = importer.MakePlan(tx, src, importer.Options{}); err != nil {
			return err
		}
		return importer.Apply(tx, p, importer.Options{}, nil)
	}); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkImportLinkedIn50k imports 50,000 LinkedIn connections into an
// empty book: reading, matching, writing people and the import's record.
func BenchmarkImportLinkedIn50k(b *testing.B) {
	data := connections(50000)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		if p := importTimed(b, st, data); len(p.Added) != 50000 {
			b.Fatalf("added %d", len(p.Added))
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkReimportLinkedIn50k imports the same 50,000 connections again:
// everyone is matched in a book of 50,000 and nothing is written.
func BenchmarkReimportLinkedIn50k(b *testing.B) {
	data := connections(50000)
	st := openStore(b)
	importTimed(b, st, data)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if p := importTimed(b, st, data); len(p.Unchanged) != 50000 {
			b.Fatalf("unchanged %d", len(p.Unchanged))
		}
	}
}
