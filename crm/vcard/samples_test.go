package vcard

import (
	"strings"
	"testing"
)

const bsdDisclaimer = `THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.`

// kdeURL is the website of every card in the KDE bug's file.
const kdeURL = "http://some-webseite.com"

// samples are the files in testdata whose names end in -cardme, -ezvcard,
// -kcontacts or -nodevcf, real exports published by other projects (see
// testdata/SOURCES.md), and apple-contacts and google-contacts, Kith's own
// samples. Every card is checked field by field.
var samples = []fileWants{
	{"apple-contacts.vcf", []want{{
		line: 1, name: "Priya Raman", company: "Northwind Health", title: "Group Product Manager",
		birthday: "1988-04-12",
		notes:    "Met at ProductCon 2026 (SF), talked about platform PM roles.\nOffered to review my promotion doc.",
		channels: chs(mailP("other", "priya.raman@example.com"), mail("work", "p.raman@northwind.example"),
			telP("mobile", "+1 (415) 555-0134"), webP("linkedin", "https://www.linkedin.com/in/priya-raman-pm")),
		categories: []string{"Mentors", "Work"},
	}, {
		line: 19, name: "Zoë Åkesson", company: "Fabrikam", location: "Stockholm, Sweden",
		channels: chs(mailP("home", "zoe@example.se")),
	}}},
	{"google-contacts.vcf", []want{{
		line: 1, name: "Dana Whitfield", company: "Self-employed", title: "Interview coach",
		notes: "Booked 6 sessions for PM interview prep; fee agreed.",
		channels: chs(mail("work", "dana@whitfield.example.org"), tel("mobile", "+44 20 7946 0018"),
			web("", "https://www.linkedin.com/in/danawhitfield")),
		categories: []string{"myContacts", "Coaches"},
	}, {
		line: 13, name: "Marcus O'Neil", company: "Contoso, Ltd.",
		channels:   chs(mail("", "marcus.oneil@contoso.example.com")),
		categories: []string{"myContacts"},
	}}},
	// Android 2.1: quoted-printable with soft breaks, bare TEL;CELL;PREF, cards
	// named only by an email, an "email" of 14 Ñ, a stray =80 byte.
	{"android21-qp-cardme.vcf", []want{{
		line: 1, name: "john.doe@company.com", channels: chs(mailP("", "john.doe@company.com")),
		categories: []string{"My Contacts"},
	}, {
		line: 6, name: "jane.doe@company.com", channels: chs(mailP("", "jane.doe@company.com")),
		categories: []string{"My Contacts"},
	}, {
		line: 11, name: "Ñ Ñ Ñ Ñ Ñ", channels: chs(telP("mobile", "123456789")),
		categories: []string{"My Contacts"},
	}, {
		line: 18, name: strings.TrimSpace(strings.Repeat("Ñ ", 11)),
		notes: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ\n\nÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ",
		channels: chs(telP("mobile", "123456"), tel("home", "234567"), tel("mobile", "3456789"),
			tel("home", "45678901")),
		categories: []string{"My Contacts"},
	}, {
		line: 36, name: "Ñ Ñ Ñ Ñ", company: strings.Repeat("Ñ", 12),
		channels: chs(mailP("work", "bob@company.com"), telP("mobile", "123456"), tel("work", "123456"),
			tel("work fax", "123456"), web("", "www.company.com"), web("", "http://www.company.com")),
		skipped: []string{`EMAIL "` + strings.Repeat("Ñ", 14) + `" is not an email address`},
	}, {
		line: 71, name: "ÑÑÑÑ", company: strings.Repeat("Ñ", 44),
		channels:   chs(mailP("", "henry@company.com"), telP("mobile", "55556666")),
		categories: []string{"My Contacts"},
	}}},
	{"outlook2007-21-qp-ezvcard.vcf", []want{{
		line: 1, name: "Mr. Michael Angstadt Jr.", company: "TheCompany", title: "TheJobTitle",
		location: "New York, NY, USA", birthday: "1922-03-10",
		notes: "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n" +
			"But I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
		channels: chs(mailP("", "mike.angstadt@gmail.com"), tel("work", "(111) 555-1111"),
			tel("home", "(111) 555-2222"), tel("mobile", "(111) 555-4444"), tel("work fax", "(111) 555-3333"),
			web("home", "http://mikeangstadt.name"), web("work", "http://mikeangstadt.name")),
	}}},
	// The KDE bug: a URL right after a soft-broken ADR must survive, and every
	// character of TITLE and NOTE is hex-encoded.
	{"kde-bug-21-qp-softbreak-kcontacts.vcf", []want{{
		line: 1, name: "Bike Shop", company: "Bike Shop", uid: "bfa5fdc5-fbfc-4ce2-8196-29ca0deb3bd3",
		notes: "This one has a funny character at the end in the contact list",
	}, {
		line: 9, name: "Field after Address broken", location: "Urt", channels: chs(web("", kdeURL)),
		uid:   "f8361311-b25c-4237-a94e-3015d8fe19de",
		notes: "This one's URL field is truncated (see contact's edit form). Remove the linebreak in the VCF's address field and the URL will will be correct.",
	}, {
		line: 19, name: "Field after Address not broken", location: "Urt", channels: chs(web("", kdeURL)),
		uid:   "462269fd-607c-4284-998b-6771143b63a7",
		notes: `this is identical to "Website broken", but with Note and URL swapped. The Note field does not get truncated as the URL field does.`,
	}, {
		line: 29, name: "Dr. med. Surname Name", title: "Facharzt für Allgemeinmedizin",
		uid:   "b4fc4930-043f-446a-9a76-cf0b548368d8",
		notes: "Sprechzeiten:\nMo   8–12, 15–18\nDi     8–12\nMi    8–12, 14–15\nDo 14–19\nFr     8–12",
	}, {
		line: 42, name: "Second Doctor", title: "Dentist", uid: "941b057d-e959-4644-b41f-e122b26c3807",
		notes: "Sprechzeiten:\nMo   8–13\nDi   10–12, 13–18\nMi  10–12, 13–18\nDo  13–18\nFr      8–12",
	}}},
	// iOS 5: CR CR LF line ends, item groups with Apple labels, http\://, a
	// 45 KB photo.
	{"ios5-apple-crcrlf-cardme.vcf", []want{{
		line: 1, name: "Mr. John Richter James Doe Sr.", company: "IBM", title: "Money Counter",
		location: "New York, New York, United States of America", birthday: "2012-06-06",
		channels: chs(mailP("", "john.doe@ibm.com"), telP("mobile", "905-555-1234"), tel("home", "905-666-1234"),
			tel("work", "905-777-1234"), tel("home fax", "905-888-1234"), tel("work fax", "905-999-1234"),
			tel("pager", "905-111-1234"), tel("assistantphone", "905-222-1234"),
			webP("homepage", "http://www.ibm.com")),
	}}},
	{"macos-addressbook-photo-cardme.vcf", []want{{
		line: 1, name: "Mr. John Richter,James Doe Sr.", company: "IBM", title: "Money Counter",
		location: "New York, New York, United States of America", birthday: "2012-06-06",
		notes: bsdDisclaimer + "\nFavotire Color: Blue",
		channels: chs(mailP("work", "john.doe@ibm.com"), telP("work", "905-777-1234"), tel("home", "905-666-1234"),
			tel("mobile", "905-555-1234"), tel("home fax", "905-888-1234"), tel("work fax", "905-999-1234"),
			tel("pager", "905-111-1234"), tel("assistantphone", "905-222-1234"),
			webP("homepage", "http://www.ibm.com")),
	}}},
	{"gmail-google-ezvcard.vcf", []want{{
		line: 1, name: "VCard Test", company: "TheCompany", title: "TheJobTitle", location: "NY, New York",
		birthday: "1912-06-23", notes: "note line 1\nnote line 2\nCustomField: field value",
		channels: chs(mail("", "email@example.com"), mail("home", "homeemail@example.com"),
			mail("work", "workemail@example.com"), mail("", "otheremail@example.com"),
			mail("customemailcategory", "customcategory@example.com"),
			tel("", "5555551111"), tel("home", "5555551112"), tel("work", "5555551113"), tel("", "5555551114"),
			tel("mobile", "5555551115"), tel("main", "5555551116"), tel("home fax", "5555551117"),
			tel("work fax", "5555551118"), tel("grand_central", "5555551119"), tel("pager", "5555551120"),
			tel("customephonecategory", "5555551121"),
			web("", "http://www.example1.com"), web("profile", "http://www.example2.com"),
			web("blog", "http://www.example3.com"), web("homepage", "http://www.example4.com"),
			web("work", "http://www.example5.com"), web("customwebsitecategory", "http://www.example6.com")),
	}}},
	// vCard 4.0: TYPE lists, two ORG and TITLE (the first wins), BDAY ALTID
	// pairs (the first date wins), photo URLs.
	{"fullcontact-v40-ezvcard.vcf", []want{{
		line: 1, name: "Prefix FirstName MiddleName LastName Suffix", company: "Organization1", title: "Title1",
		location: "HomeCity, HomeState, HomeCountry", birthday: "2016-08-01", notes: "Notes line 1\nNotes line 2",
		channels: chs(mail("home", "home@example.com"), mail("work", "work@example.com"),
			mail("school", "school@example.com"), mail("other", "other@example.com"),
			mail("customtype", "custom@example.com"),
			tel("home", "555-555-1111"), tel("work", "555-555-1112"), tel("mobile", "555-555-1113"),
			tel("mobile", "555-555-1114"), tel("", "555-555-1115"), tel("home fax", "555-555-1116"),
			tel("work fax", "555-555-1117"), tel("", "555-555-1118"), tel("", "555-555-1119"),
			web("", "http://www.homepage.com"), web("", "http://www.blog.com"), web("", "http://www.other.com"),
			web("", "http://www.custom.com")),
		categories: []string{"Tag"},
	}}},
	// Evolution: folds inside the email and the URL, quoted parameters, \, in N and FN.
	{"evolution30-cardme.vcf", []want{{
		line: 1, name: "Mr. John Richter, James Doe Sr.", company: "IBM", title: "Money Counter",
		location: "Albaney, New York, United States of America", birthday: "1980-03-22", notes: bsdDisclaimer,
		channels: chs(mail("work", "john.doe@ibm.com"), tel("mobile", "905-666-1234"), tel("work", "905-555-1234"),
			web("", "http://www.ibm.com")),
		categories: []string{"VIP"}, uid: "477343c8e6bf375a9bac1f96a5000837",
	}}},
	// Thunderbird: CHARSET=UTF-8 on 3.0 properties. Its CATEGORIES escapes the
	// commas ("category1\, category2"), which by RFC 6350 makes one category.
	{"thunderbird-ext30-ezvcard.vcf", []want{{
		line: 1, name: "John Doe", company: "TheOrganization", title: "TheTitle", location: "New York, NY, USA",
		birthday: "1970-09-21",
		notes:    "This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the \"note\" field; even curse words.",
		channels: chs(mailP("", "doe.john@hotmail.com"), mail("", "additional-email@company.com"),
			mail("", "additional-email1@company.com"), mail("", "additional-email2@company.com"),
			mail("", "additional-email3@company.com"), tel("work", "555-555-1111"), tel("home", "555-555-2222"),
			tel("mobile", "555-555-5555"), tel("fax", "555-555-3333"), tel("pager", "555-555-4444"),
			web("home", "http://www.private-webpage.com"), web("work", "http://www.work-webpage.com")),
		categories: []string{"category1, category2, category3"},
	}}},
	// ownCloud folds in the middle of a UTF-8 character: "бо\xd0" / " \xbbее".
	{"owncloud-utf8-split-fold-kcontacts.vcf", []want{{
		line: 1, name: strings.Repeat("βγδεαβγδ1", 11), uid: "20140316T155019.877e370c11@martin",
		notes: "Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.",
	}}},
	{"netscape-lowercase-kcontacts.vcf", []want{{
		line: 1, name: "ian geiser", company: "Source eXtreme", title: "VP of Engineering",
		channels: chs(mail("", "geiseri@yahoo.com")), uid: "ebvq9Wo9rO",
	}}},
	// KAddressBook: an unescaped comma in FN is part of the name; base64 LOGO,
	// PHOTO and SOUND; a BDAY with a time.
	{"kaddressbook30-base64-kcontacts.vcf", []want{{
		line: 1, name: "Mustermann, Heiko", company: "KDE", location: "Dresden, Sachsen, Germany",
		birthday: "1955-07-19", notes: "I'm a friendly note text,\nplease copy me to your address book...",
		channels: chs(mailP("", "heiko.mustermann@freenet.org"), mail("", "heiko8@tst.inf.tu-dresden.de"),
			tel("home", "0351 223344"), tel("work", "0351 443322"), tel("mobile", "0173 223344"),
			web("", "http://www.mustermann.de/~heiko/")),
		categories: []string{"Friend"}, uid: "P9HXg34Oav",
	}}},
	{"xing21-nodevcf.vcf", []want{{
		line: 1, name: "Hans-Peter Mustermann", company: "Example GmbH", title: "CTO",
		location: "City Name, Country",
		notes:    "17.02.2016, 19:18 - XING - http://www.xing.com/profile/Hans-Peter-Mustermann",
		channels: chs(web("work", "http://www.example.com")), categories: []string{"Consulting"},
		uid: "XING-UID-XXXXXXXX",
	}}},
}

func TestSamples(t *testing.T) { checkFiles(t, samples) }
