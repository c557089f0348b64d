package vcard

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/kithcrm/kith/crm/internal/formattest"
)

// bigExport builds a vCard file of about size bytes the way a phone exports
// its address book: vCard 3.0, Apple groups, and every card with a photo of
// 10 to 50 KB, base64 folded at 76 columns.
func bigExport(size int) []byte {
	rng := rand.New(rand.NewSource(1))
	photo := make([]byte, 50<<10)
	rng.Read(photo)
	encoded := base64.StdEncoding.EncodeToString(photo)
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person%d;Zoë;;;\r\nFN:Zoë Person%d\r\n", i, i)
		fmt.Fprintf(&b, "ORG:Company %d;Dept\r\nTITLE:Engineer\\, level %d\r\n", i%100, i%7)
		fmt.Fprintf(&b, "item1.EMAIL;type=INTERNET;type=pref:person%d@example.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n", i)
		fmt.Fprintf(&b, "TEL;type=CELL;type=VOICE;type=pref:+1 415 555 %04d\r\nTEL;type=WORK:+1 415 555 9%03d\r\n", i%10000, i%1000)
		fmt.Fprintf(&b, "item2.URL:https\\://www.linkedin.com/in/person-%d\r\nitem2.X-ABLabel:LinkedIn\r\n", i)
		fmt.Fprintf(&b, "ADR;type=HOME:;;%d Main St;Springfield;IL;62701;USA\r\nBDAY:1980-03-%02d\r\n", i, i%28+1)
		b.WriteString("NOTE:Met at a conference\\, talked about platform work.\\nFollow up in spring.\r\n")
		n := (10 + rng.Intn(41)) << 10 * 4 / 3
		b.WriteString("PHOTO;ENCODING=b;TYPE=JPEG:")
		for at := 0; at < n; at += 74 {
			b.WriteString(encoded[at:min(at+74, n)])
			b.WriteString("\r\n ")
		}
		b.WriteString("\r\nEND:VCARD\r\n")
	}
	return b.Bytes()
}

// BenchmarkRead20MB reads a 20 MB export with photos, card by card.
func BenchmarkRead20MB(b *testing.B) {
	cards := formattest.Bench(b, bigExport(20<<20), NewReader, func(c Card) error { return c.Err })
	b.ReportMetric(float64(cards), "cards")
}

func TestBigExportReads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2 MB file")
	}
	cards, err := Read(bytes.NewReader(bigExport(2 << 20)))
	if err != nil || len(cards) < 50 {
		t.Fatalf("%d cards, %v", len(cards), err)
	}
	c := cards[7]
	checkCard(t, "generated", 8, c, want{
		line: c.Line, name: "Zoë Person7", company: "Company 7", title: "Engineer, level 0",
		location: "Springfield, IL, USA", birthday: "1980-03-08",
		notes: "Met at a conference, talked about platform work.\nFollow up in spring.",
		channels: chs(mailP("other", "person7@example.com"), telP("mobile", "+1 415 555 0007"),
			tel("work", "+1 415 555 9007"), web("linkedin", "https://www.linkedin.com/in/person-7")),
	})
	if strings.Contains(c.Contact.Notes, "JPEG") {
		t.Error("the photo leaked into the notes")
	}
}
