package linkedin

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/kithcrm/kith/crm/internal/formattest"
)

// connections builds a Connections.csv of n rows as LinkedIn writes it:
// preamble, header, mostly empty emails, quoted companies with commas.
func connections(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n")
	b.WriteString("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i := range n {
		email := ""
		if i%10 == 0 {
			email = fmt.Sprintf("person%d@example.com", i)
		}
		fmt.Fprintf(&b, "Zoë,Person %d,https://www.linkedin.com/in/person-%d,%s,\"Company %d, Inc.\",\"Engineer, \"\"level\"\" %d\",%02d %s %d\r\n",
			i, i, email, i%500, i%7, i%28+1, months[i%12], 2010+i%16)
	}
	return b.Bytes()
}

// BenchmarkRead50000 reads 50,000 connections, a large network.
func BenchmarkRead50000(b *testing.B) {
	rows := formattest.Bench(b, connections(50000), NewReader, func(r Row) error { return r.Err })
	if rows != 50000 {
		b.Fatalf("%d rows", rows)
	}
}

func TestGeneratedConnections(t *testing.T) {
	rows, err := Read(bytes.NewReader(connections(100)))
	if err != nil || len(rows) != 100 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	checkRow(t, "row 10", rows[10], want{15, "Zoë Person 10", "Company 10, Inc.", `Engineer, "level" 3`, "2020-11-11",
		"https://www.linkedin.com/in/person-10", "person10@example.com", ""})
}
