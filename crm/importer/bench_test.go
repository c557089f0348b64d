package importer_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"math/rand"
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

// addressBook writes a vCard file of about size bytes as a phone exports
// it: vCard 3.0, Apple groups, a photo of 10 to 50 KB on every card.
func addressBook(size int) []byte {
	rng := rand.New(rand.NewSource(1))
	photo := make([]byte, 50<<10)
	rng.Read(photo)
	encoded := base64.StdEncoding.EncodeToString(photo)
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person%d;Zoë;;;\r\nFN:Zoë Person%d\r\nORG:Company %d\r\n", i, i, i%100)
		fmt.Fprintf(&b, "item1.EMAIL;type=INTERNET;type=pref:person%d@example.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n", i)
		fmt.Fprintf(&b, "TEL;type=CELL;type=VOICE;type=pref:+1 415 555 %04d\r\nCATEGORIES:Group %d\r\n", i%10000, i%5)
		b.WriteString("PHOTO;ENCODING=b;TYPE=JPEG:")
		n := (10 + rng.Intn(41)) << 10 * 4 / 3
		for at := 0; at < n; at += 74 {
			b.WriteString(encoded[at:min(at+74, n)])
			b.WriteString("\r\n ")
		}
		b.WriteString("\r\nEND:VCARD\r\n")
	}
	return b.Bytes()
}

// BenchmarkImportVCard20MB imports a 20 MB address book full of photos
// into an empty book.
func BenchmarkImportVCard20MB(b *testing.B) {
	data := addressBook(20 << 20)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		src, err := importer.Read(importer.VCard, "contacts.vcf", bytes.NewReader(data), nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Update(context.Background(), func(tx *store.Tx) error {
			p, err := importer.MakePlan(tx, src, importer.Options{})
			if err != nil {
				return err
			}
			b.ReportMetric(float64(len(p.Added)), "people")
			return importer.Apply(tx, p, importer.Options{}, nil)
		}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
