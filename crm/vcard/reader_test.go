package vcard

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/kithcrm/kith/crm/internal/formattest"
)

func readString(t *testing.T, s string) []Card { return formattest.ReadString(t, s, Read) }

func TestEmptyAndJunkFiles(t *testing.T) {
	for _, s := range []string{"", "\n\n", "hello\nworld", "END:VCARD\n", "\xef\xbb\xbf"} {
		if cards := readString(t, s); len(cards) != 0 {
			t.Errorf("%q: %d cards, want none", s, len(cards))
		}
	}
}

// Outlook's "Unicode" export is UTF-16 with a byte order mark.
func TestUTF16(t *testing.T) {
	src := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Åkesson 🦊\r\nEMAIL:zoe@example.se\r\nEND:VCARD\r\n"
	units := utf16.Encode([]rune("\uFEFF" + src))
	var b bytes.Buffer
	for _, u := range units {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	cards, err := Read(&b)
	if err != nil || len(cards) != 1 {
		t.Fatalf("got %d cards, %v", len(cards), err)
	}
	eq(t, "name", cards[0].Contact.Name, "Zoë Åkesson 🦊")
	eq(t, "channels", cards[0].Contact.Channels, chs(mail("", "zoe@example.se")))
}

// A card cut short, by the end of the file or by the next BEGIN, is
// refused with what it had; the next card is read whole.
func TestMissingEnd(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nFN:First\nBEGIN:VCARD\nFN:Second\nEND:VCARD\nBEGIN:VCARD\nFN:Third\n")
	if len(cards) != 3 {
		t.Fatalf("%d cards, want 3", len(cards))
	}
	checkCard(t, "cut", 1, cards[0], want{line: 1, name: "First", errField: "card"})
	checkCard(t, "cut", 2, cards[1], want{line: 3, name: "Second"})
	checkCard(t, "cut", 3, cards[2], want{line: 6, name: "Third", errField: "card"})
}

// vCard 2.1 may nest the card of a person's agent; it is not a second person.
func TestAgentCardIsNotAPerson(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Assistant\nTEL:123\nEND:VCARD\nTEL;WORK:456\nEND:VCARD\n")
	if len(cards) != 1 {
		t.Fatalf("%d cards, want 1", len(cards))
	}
	checkCard(t, "agent", 1, cards[0], want{line: 1, name: "Boss", channels: chs(tel("work", "456"))})
}

// A soft break on the last line of a card must not swallow END:VCARD.
func TestSoftBreakBeforeEnd(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nFN:A\nNOTE;QUOTED-PRINTABLE:abc=\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n")
	if len(cards) != 2 || cards[0].Err != nil || cards[0].Contact.Notes != "abc" {
		t.Fatalf("got %+v", cards)
	}
}

func TestEscapes(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nFN:A\\;B\\, C\\\\D\nORG:Left\\\\;Right\nNOTE:one\\Ntwo\\tthree\\\nTITLE:a\\:b\nURL:http\\://x.example/a\\,b\nEND:VCARD\n")
	ct := cards[0].Contact
	eq(t, "name", ct.Name, `A;B, C\D`)
	eq(t, "company", ct.Company, `Left\`) // "\\;" is a backslash, then the component separator
	eq(t, "notes", ct.Notes, "one\ntwo\\tthree\\")
	eq(t, "title", ct.Title, "a:b")
	eq(t, "url", ct.Channels, chs(web("", "http://x.example/a,b")))
}

// Nothing in a file can forge the markers escaped separators travel as.
func TestMarkersInInputAreDropped(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nFN:A\uFDD0B\uFDD1C\nCATEGORIES:x\uFDD1y,z\nEND:VCARD\n")
	eq(t, "name", cards[0].Contact.Name, "ABC")
	eq(t, "categories", cards[0].Categories, []string{"xy", "z"})
}

func TestNameFromN(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nN:Doe;John;Richter,James;Mr.;Sr.\nEND:VCARD\nBEGIN:VCARD\nN:;;;;\nORG:;Dept\nEMAIL:not-an-address\nEND:VCARD\n")
	eq(t, "name", cards[0].Contact.Name, "Mr. John Richter James Doe Sr.")
	checkCard(t, "n", 2, cards[1], want{line: 4, errField: "name",
		skipped: []string{`EMAIL "not-an-address" is not an email address`}})
}

func TestBirthdays(t *testing.T) {
	for v, want := range map[string]string{
		"1980-03-22": "1980-03-22", "19800322": "1980-03-22", "1955-07-19T00:00:00Z": "1955-07-19",
		"19800322T101010": "1980-03-22", "--0415": "", "--04-15": "", "---15": "", "1980": "", "1980-04": "",
		"0000-04-15": "",
	} {
		cards := readString(t, "BEGIN:VCARD\nFN:A\nBDAY:"+v+"\nEND:VCARD\n")
		eq(t, v, cards[0].Contact.Birthday.String(), want)
		if cards[0].Err != nil {
			t.Errorf("%s: %v", v, cards[0].Err)
		}
	}
	for _, v := range []string{"1980-02-30", "22/03/1980", "yesterday", "1850-01-01", "0001-01-01"} {
		cards := readString(t, "BEGIN:VCARD\nFN:A\nBDAY:"+v+"\nEND:VCARD\n")
		checkErr(t, v, cards[0], "birthday")
	}
}

// Next streams: BytesRead grows as cards are read and ends at the size.
func TestStreamingProgress(t *testing.T) {
	formattest.CheckStreaming(t, "android21-qp-cardme.vcf", NewReader, 6)
}

// A failure to read the file is an error of Read, not of a card.
func TestReadFailure(t *testing.T) {
	cards := formattest.ReadFailing(t, Read, "BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n")
	if len(cards) != 1 || cards[0].Contact.Name != "A" {
		t.Errorf("cards before the failure: %+v", cards)
	}
}

// A card Kith would refuse to store is refused here already.
func TestNameLikeAnID(t *testing.T) {
	cards := readString(t, "BEGIN:VCARD\nFN:#42\nEND:VCARD\n")
	checkCard(t, "hash", 1, cards[0], want{line: 1, name: "#42", errField: "contact"})
}

// Photos of megabytes, on one line, folded, or as vCard 2.1's unindented
// block, are skipped and what follows them is read.
func TestMegabytePhotos(t *testing.T) {
	blob := strings.Repeat("QUJDRA", 512<<10) // 3 MB of base64
	var folded strings.Builder
	for i := 0; i < len(blob); i += 74 {
		folded.WriteString("\r\n " + blob[i:min(i+74, len(blob))])
	}
	var block strings.Builder
	for i := 0; i < len(blob); i += 76 {
		block.WriteString("\r\n" + blob[i:min(i+76, len(blob))])
	}
	src := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:One Line\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + blob + "\r\nEMAIL:a@example.com\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + folded.String() + "\r\nEMAIL:b@example.com\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Block\r\nPHOTO;ENCODING=BASE64;JPEG:" + block.String() + "\r\n\r\nEMAIL:c@example.com\r\nEND:VCARD\r\n"
	cards := readString(t, src)
	if len(cards) != 3 {
		t.Fatalf("%d cards, want 3", len(cards))
	}
	for i, who := range []string{"a", "b", "c"} {
		c := cards[i]
		if c.Err != nil || len(c.Contact.Channels) != 1 || c.Contact.Channels[0].Value != who+"@example.com" {
			t.Errorf("card %d: %+v, %v", i+1, c.Contact.Channels, c.Err)
		}
	}
	eq(t, "line of the card after the folded photo", cards[2].Line, 13+strings.Count(folded.String(), "\n"))
}
