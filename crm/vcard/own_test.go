package vcard

import (
	"testing"
)

// ownFiles were written for Kith in the formats real programs export (see
// testdata/SOURCES.md, "Files written for Kith"). Every card is checked
// field by field.
var ownFiles = []fileWants{
	// Outlook 2.1 in windows-1252: raw 8-bit CHARSET values, quoted-printable
	// with soft breaks, € and curly quotes (bytes 0x80-0x9F, which ISO-8859-1
	// does not have), an unindented base64 photo ended by a blank line.
	{"outlook21-cp1252-qp.vcf", []want{{
		line: 1, name: "Dr. Jürgen Müller", company: "Grün & Söhne GmbH", title: "Directeur général",
		location: "Berlin, Deutschland", birthday: "1970-01-31",
		notes: "Café meeting on the 3rd floor – budget 500 € for the “Zürich” offsite.\n" +
			"Next: call Jürgen about the Ångström project; bring the résumé.",
		channels: chs(mailP("", "j.mueller@gruen-soehne.example"), mail("", "juergen@home.example"),
			tel("work", "+49 30 1234567"), tel("mobile", "+49 170 7654321"), tel("work fax", "+49 30 1234568"),
			web("work", "http://www.gruen-soehne.example")),
	}, {
		line: 27, name: "René François", channels: chs(mail("", "rene@example.fr")),
	}}},
	// Android 2.1 with bare type parameters; a card in the middle with no name
	// and one with an impossible birthday are refused, and the cards after
	// them are still read.
	{"android21-bare-types.vcf", []want{{
		line: 1, name: "Zoë Åkesson", company: "Fabrikam", title: "Staff Engineer", birthday: "1990-02-14",
		channels: chs(mailP("", "zoe@example.se"), mail("work", "zoe.akesson@fabrikam.example"),
			mail("studio", "zoe@studio.example"), tel("mobile", "+46 70 123 45 67"), tel("home", "+46 8 123 456"),
			telP("work", "+46 8 765 432")),
	}, {
		line: 16, notes: "A card someone saved with nothing but this note", errField: "name",
	}, {
		line: 22, name: "Chidi Okafor", channels: chs(telP("mobile", "+234 803 555 0101")), errField: "birthday",
	}, {
		line: 29, name: "Priya Raman",
		notes:      "Met at ProductCon\nSoft-broken note that goes on past the line length limit, and ends here.",
		channels:   chs(telP("mobile", "+1 415 555 0134"), tel("assistant", "+1 415 555 0199")),
		categories: []string{"Mentors"},
	}}},
	// vCard 4.0 as RFC 6350 writes it: PREF=n, quoted TYPE lists, tel: and
	// mailto: URIs, \; in ORG, birthdays without a year or as text.
	{"v40-rfc6350.vcf", []want{{
		line: 1, name: "Dana Whitfield", company: "Whitfield Coaching; Interviews", title: "Interview coach",
		location: "London, United Kingdom", notes: "Booked 6 sessions, paid in advance.\nAsk about group rates.",
		channels: chs(mail("work", "dana@whitfield.example.org"), mailP("home", "dana.w@example.net"),
			telP("mobile", "+44-20-7946-0018"), tel("work", "+44-20-7946-0999;ext=12"),
			web("work", "https://whitfield.example.org/"), web("", "https://www.linkedin.com/in/danawhitfield")),
		categories: []string{"Coaches", "Interview prep", "Paid"},
		uid:        "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
		skipped:    []string{`BDAY "--0415": Kith keeps a birthday only with day, month and year`},
	}, {
		line: 23, name: "Marcus O'Neil", channels: chs(mail("", "marcus@contoso.example.com")),
		skipped: []string{`BDAY "circa 1975": not a date`},
	}, {
		line: 29, name: "Kenji Nakamura", birthday: "1985-11-03",
	}}},
	// Apple: item groups with X-ABLabel (standard and custom), the iPhone
	// label, http\:// URLs, a 60 KB photo, a birthday without year (1604).
	{"apple-groups-photo.vcf", []want{{
		line: 1, name: "Kenji Nakamura", company: "Tailspin Toys", title: "Head of Design",
		location: "Shibuya-ku, Tokyo, Japan", notes: "Introduced by Priya.\nLikes: tea, typography; old cameras.",
		channels: chs(mailP("other", "kenji@tailspin.example"), mail("side projects", "kenji.n@icloud.example"),
			telP("iphone", "+81 90-1234-5678"), tel("assistantphone", "+81 3-1234-5678"),
			webP("linkedin", "https://www.linkedin.com/in/kenji-nakamura"),
			web("homepage", "http://kenji.example/portfolio")),
		categories: []string{"Mentors"},
		skipped:    []string{`BDAY "1604-11-03": Kith keeps a birthday only with day, month and year`},
	}}},
	// Right-to-left (Arabic, Hebrew), CJK and emoji names in a UTF-8 file with a
	// byte order mark, LF line ends, and folds that cut through multi-byte
	// characters (4-byte emoji included).
	{"i18n-bom-folded-utf8.vcf", []want{{
		line: 1, name: "ليلى حداد", company: "شركة النخيل", title: "مديرة المنتج", notes: "التقينا في دبي 🌴",
		channels: chs(mail("work", "layla@nakheel.example")),
	}, {
		line: 11, name: "נועה כהן", channels: chs(tel("mobile", "+972 50-123-4567")),
		categories: []string{"מנטורים", "Circle"},
	}, {
		line: 18, name: "李明", company: "腾讯科技（深圳）有限公司", title: "产品经理", location: "深圳, 广东, 中国",
	}, {
		line: 27, name: "山田 太郎", channels: chs(mail("", "taro@example.jp")),
	}, {
		line: 33, name: "김민준", channels: chs(mail("", "minjun@example.kr")),
	}, {
		line: 38, name: "🦊 Sam Rivera 🚀",
		notes:    "Prefers emoji 👍🏽 and 👨‍👩‍👧 family emoji kept whole; this long line is folded by bytes right through the four-byte characters 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
		channels: chs(web("", "https://sam.example/✨")),
	}}},
}

func TestOwnFiles(t *testing.T) { checkFiles(t, ownFiles) }
