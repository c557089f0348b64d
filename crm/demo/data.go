package demo

import "github.com/kithcrm/kith/crm"

type person struct {
	name, company, title, location string
	email, phone, linkedin         string
	source                         crm.Source
	how                            string
	referredBy                     string
	metDaysAgo                     int
	roles                          []crm.RoleKind
	notes                          string
}

// samplePeople come in order: anyone who referred someone is listed before
// them. Circle members get their circle role by joining a circle.
var samplePeople = []person{
	{name: "Priya Raman", company: "Fabrikam", title: "Director of Product", location: "London",
		email: "priya.raman@fabrikam.example", linkedin: "priyaraman", source: crm.SourceJob,
		how: "My manager at Fabrikam for two years", metDaysAgo: 700, roles: []crm.RoleKind{crm.RoleMentor},
		notes: "Straight talker. Prefers a short agenda sent the day before. Sponsor for the Group PM case."},
	{name: "Marcus Chen", company: "Chen Leadership Coaching", title: "Executive coach", location: "Remote",
		email: "marcus@chencoaching.example", phone: "+44 20 7946 0101", source: crm.SourceReferral,
		how: "Priya recommended him", referredBy: "Priya Raman", metDaysAgo: 180, roles: []crm.RoleKind{crm.RoleCoach},
		notes: "Fortnightly video sessions, paid monthly. Working on executive presence and speaking."},
	{name: "Elena Rossi", company: "Contoso", title: "VP Engineering", location: "Milan",
		email: "elena.rossi@contoso.example", linkedin: "elenarossi", source: crm.SourceEvent,
		how: "Shared a ProductCon Europe panel", metDaysAgo: 400, roles: []crm.RoleKind{crm.RoleCoach},
		notes: "Coached me on managing up; now a mentor on org design."},
	{name: "Grace Liu", company: "Woodgrove Bank", title: "Chief Product Officer", location: "Singapore",
		email: "grace.liu@woodgrove.example", source: crm.SourceOnline, how: "Replied to my essay on fintech onboarding",
		metDaysAgo: 300, roles: []crm.RoleKind{crm.RoleMentor}, notes: "Knows the fintech speaking circuit."},
	{name: "Sam Okafor", company: "Northwind Traders", title: "Senior Product Manager", location: "London",
		email: "sam@northwind.example", source: crm.SourceEvent, how: "London PM meetup", metDaysAgo: 400},
	{name: "Hannah Berg", company: "Tailspin Toys", title: "Product Manager", location: "Berlin",
		email: "hannah.berg@tailspin.example", source: crm.SourceOnline, how: "Mind the Product Slack", metDaysAgo: 260,
		notes: "Preparing her first conference talk."},
	{name: "Diego Alvarez", company: "Adventure Works", title: "Associate Product Manager", location: "Madrid",
		email: "diego@adventureworks.example", source: crm.SourceEvent, how: "ProductCon Europe", metDaysAgo: 230,
		roles: []crm.RoleKind{crm.RoleMentee}},
	{name: "Yuki Tanaka", company: "Litware", title: "Principal Product Manager", location: "Tokyo",
		email: "yuki.tanaka@litware.example", source: crm.SourceJob, how: "Worked together on the payments API",
		metDaysAgo: 500},
	{name: "Aisha Khan", company: "Woodgrove Bank", title: "Head of Payments Product", location: "Dubai",
		email: "aisha.khan@woodgrove.example", source: crm.SourceReferral, how: "Grace introduced us",
		referredBy: "Grace Liu", metDaysAgo: 280},
	{name: "Tom Becker", company: "Contoso", title: "Risk Product Lead", location: "Frankfurt",
		email: "tom.becker@contoso.example", source: crm.SourceEvent, how: "Money20/20", metDaysAgo: 320},
	{name: "Lena Fischer", company: "Fabrikam", title: "Associate Product Manager", location: "London",
		email: "lena.fischer@fabrikam.example", source: crm.SourceJob, how: "Joined my team as an APM",
		metDaysAgo: 90, roles: []crm.RoleKind{crm.RoleCoachee}},
	{name: "Jordan Ellis", title: "PM bootcamp graduate", location: "Manchester", email: "jordan.ellis@example.com",
		source: crm.SourceEvent, how: "I judged his bootcamp demo day", metDaysAgo: 150,
		roles: []crm.RoleKind{crm.RoleMentee}, notes: "Looking for a first PM role; strong in research."},
	{name: "Ravi Patel", company: "Fabrikam", title: "Software Engineer", location: "London",
		email: "ravi.patel@fabrikam.example", source: crm.SourceReferral, how: "Priya thought I could help him move into product",
		referredBy: "Priya Raman", metDaysAgo: 75, roles: []crm.RoleKind{crm.RoleMentee}},
	{name: "Ben Carter", company: "Carter Career Coaching", title: "Career coach", location: "Remote",
		email: "ben@cartercoaching.example", source: crm.SourceOnline, metDaysAgo: 400,
		roles: []crm.RoleKind{crm.RoleCoach}, notes: "Coached me through the move into product. Engagement ended."},
}

type circle struct {
	name, purpose string
	cadence       int
	members       []string
}

var sampleCircles = []circle{
	{name: "PM Craft Circle", purpose: "Product managers trading lessons on the craft", cadence: 28,
		members: []string{"Sam Okafor", "Hannah Berg", "Diego Alvarez", "Yuki Tanaka"}},
	{name: "Fintech Leaders", purpose: "Product leaders in payments and banking", cadence: 42,
		members: []string{"Aisha Khan", "Yuki Tanaka", "Tom Becker"}},
}

type goal struct {
	title    string
	horizon  crm.Horizon
	status   crm.GoalStatus
	targetIn int // days from today; 0 for none
	helpers  []string
	notes    string
}

const (
	goalPromo    = "Get promoted to Group PM"
	goalSpeaking = "Become a confident public speaker"
	goalFintech  = "Build a fintech product practice"
	goalMentor   = "Mentor two people into PM roles"
)

var sampleGoals = []goal{
	{title: goalPromo, horizon: crm.ShortTerm, status: crm.GoalActive, targetIn: 150,
		helpers: []string{"Priya Raman", "Marcus Chen", "Elena Rossi"}, notes: "Calibration in spring: a sponsor and three shipped outcomes."},
	{title: goalSpeaking, horizon: crm.ShortTerm, status: crm.GoalActive, targetIn: 90,
		helpers: []string{"Marcus Chen", "Grace Liu"}, notes: "Two external talks this year."},
	{title: goalFintech, horizon: crm.LongTerm, status: crm.GoalActive, targetIn: 700,
		helpers: []string{"Aisha Khan", "Grace Liu", "Yuki Tanaka"}},
	{title: goalMentor, horizon: crm.LongTerm, status: crm.GoalActive, targetIn: 365,
		helpers: []string{"Jordan Ellis", "Ravi Patel"}},
	{title: "Ship the payments API launch", horizon: crm.ShortTerm, status: crm.GoalAchieved, targetIn: -30,
		helpers: []string{"Yuki Tanaka", "Tom Becker"}},
}

type exchange struct {
	with      string // "" for every participant
	dir       crm.Direction
	kind      crm.ExchangeKind
	desc      string
	promise   bool
	keptAfter int // days after the interaction a promise was kept; 0 while open
}

type interaction struct {
	daysAgo   int
	kind      crm.InteractionKind
	minutes   int
	summary   string
	notes     string
	with      []string
	circle    string
	goal      string
	exchanges []exchange
}

func gave(with string, k crm.ExchangeKind, desc string) exchange {
	return exchange{with: with, dir: crm.Gave, kind: k, desc: desc}
}

func got(with string, k crm.ExchangeKind, desc string) exchange {
	return exchange{with: with, dir: crm.Received, kind: k, desc: desc}
}

func promise(with string, k crm.ExchangeKind, desc string, keptAfter int) exchange {
	return exchange{with: with, dir: crm.Gave, kind: k, desc: desc, promise: true, keptAfter: keptAfter}
}

var (
	pmCircle      = []string{"Sam Okafor", "Hannah Berg", "Diego Alvarez", "Yuki Tanaka"}
	pmCircleNoYuk = []string{"Sam Okafor", "Hannah Berg", "Diego Alvarez"}
	fintech       = []string{"Aisha Khan", "Yuki Tanaka", "Tom Becker"}
	fintechNoTom  = []string{"Aisha Khan", "Yuki Tanaka"}
)

func one(name string) []string { return []string{name} }

var sampleInteractions = []interaction{
	// The PM Craft Circle, every four weeks.
	{176, crm.KindMeeting, 90, "Kick-off: what we each want from the circle", "", pmCircle, "PM Craft Circle", "", nil},
	{148, crm.KindMeeting, 90, "Roadmapping without a crystal ball", "", pmCircle, "PM Craft Circle", "", []exchange{
		gave("", crm.ExResource, "My now/next/later roadmap template"), got("Sam Okafor", crm.ExFeedback, "Critique of my roadmap narrative")}},
	{120, crm.KindMeeting, 90, "Pricing experiments", "", pmCircle, "PM Craft Circle", "", []exchange{
		got("Hannah Berg", crm.ExResource, "Her pricing research deck")}},
	{92, crm.KindMeeting, 90, "Stakeholder mapping", "", pmCircle, "PM Craft Circle", "", []exchange{
		gave("Diego Alvarez", crm.ExFeedback, "Notes on his stakeholder map")}},
	{64, crm.KindMeeting, 90, "Hiring PMs: interview loops", "", pmCircleNoYuk, "PM Craft Circle", "", []exchange{
		got("Sam Okafor", crm.ExAdvice, "How his team runs case interviews")}},
	{36, crm.KindMeeting, 90, "Writing better PRDs", "", pmCircle, "PM Craft Circle", "", []exchange{
		gave("", crm.ExResource, "PRD template with three worked examples")}},
	{8, crm.KindMeeting, 90, "Conference talk dry-runs", "Hannah's talk is strong; the middle section runs long.", pmCircle, "PM Craft Circle", goalSpeaking, []exchange{
		promise("Hannah Berg", crm.ExFeedback, "Review Hannah's conference talk draft", 0),
		got("Yuki Tanaka", crm.ExFeedback, "Notes on my talk opening")}},

	// Fintech Leaders, every six weeks; Tom has missed the last two.
	{183, crm.KindMeeting, 75, "Open banking: where the value is", "", fintech, "Fintech Leaders", goalFintech, nil},
	{141, crm.KindMeeting, 75, "Compliance as a product feature", "", fintech, "Fintech Leaders", goalFintech, []exchange{
		got("Aisha Khan", crm.ExAdvice, "Bring compliance into discovery, not review")}},
	{99, crm.KindMeeting, 75, "Fraud tooling teardown", "", fintech, "Fintech Leaders", "", []exchange{
		gave("Tom Becker", crm.ExIntroduction, "Introduced Tom to our risk team lead")}},
	{57, crm.KindMeeting, 75, "Embedded finance partnerships", "", fintechNoTom, "Fintech Leaders", goalSpeaking, []exchange{
		got("Aisha Khan", crm.ExOpportunity, "Invitation to speak at FinTech Week")}},
	{15, crm.KindMeeting, 75, "Year-end planning swap", "", fintechNoTom, "Fintech Leaders", goalFintech, []exchange{
		gave("", crm.ExAdvice, "How I structure a yearly planning doc")}},

	// Priya, mentor.
	{178, crm.KindVideo, 45, "Career check-in: the Group PM path", "", one("Priya Raman"), "", goalPromo, []exchange{
		got("", crm.ExAdvice, "Build the promotion case on three shipped outcomes"),
		gave("", crm.ExHelp, "Shared notes from my customer interviews")}},
	{134, crm.KindMeeting, 60, "Lunch at Fabrikam HQ", "", one("Priya Raman"), "", "", []exchange{
		got("", crm.ExIntroduction, "Introduced me to Fabrikam's head of design"),
		gave("", crm.ExFeedback, "Feedback on her team's onboarding doc")}},
	{92, crm.KindVideo, 45, "Reviewed my promotion packet draft", "", one("Priya Raman"), "", goalPromo, []exchange{
		got("", crm.ExFeedback, "Line-by-line notes on the packet")}},
	{50, crm.KindCall, 30, "Calibration season debrief", "Ask for a sponsor early.", one("Priya Raman"), "", goalPromo, []exchange{
		got("", crm.ExAdvice, "Name a sponsor before calibration starts"),
		gave("", crm.ExResource, "Sent her Hannah's pricing research summary")}},

	// Marcus, hired coach, fortnightly.
	{171, crm.KindVideo, 60, "Intake: goals and a 360 plan", "", one("Marcus Chen"), "", "", []exchange{
		gave("", crm.ExMoney, "First month of coaching"), got("", crm.ExResource, "360 feedback survey")}},
	{143, crm.KindVideo, 60, "Reading the 360 results", "", one("Marcus Chen"), "", goalPromo, []exchange{
		got("", crm.ExFeedback, "Themes from the 360: clarity under pressure")}},
	{115, crm.KindVideo, 60, "Executive presence drills", "", one("Marcus Chen"), "", goalSpeaking, []exchange{
		got("", crm.ExAdvice, "Open with the answer, then the why")}},
	{87, crm.KindVideo, 60, "Rehearsed the quarterly review talk", "", one("Marcus Chen"), "", goalSpeaking, []exchange{
		got("", crm.ExFeedback, "Slow down on the numbers slide")}},
	{59, crm.KindVideo, 60, "Handling pushback from senior leaders", "", one("Marcus Chen"), "", "", []exchange{
		got("", crm.ExAdvice, "Acknowledge, reframe, propose")}},
	{31, crm.KindVideo, 60, "Mock calibration conversation", "", one("Marcus Chen"), "", goalPromo, []exchange{
		got("", crm.ExHelp, "Role-played my calibration pitch")}},
	{17, crm.KindVideo, 60, "Debrief of the all-hands talk", "", one("Marcus Chen"), "", goalSpeaking, []exchange{
		got("", crm.ExFeedback, "Pacing was good; land the close"), gave("", crm.ExHelp, "Wrote him a testimonial")}},

	// Elena: coaching, then mentoring.
	{165, crm.KindVideo, 50, "Coaching: managing up", "", one("Elena Rossi"), "", "", []exchange{
		got("", crm.ExAdvice, "Send a weekly one-paragraph update to my director")}},
	{140, crm.KindVideo, 50, "Coaching: a delegation plan", "", one("Elena Rossi"), "", "", []exchange{
		got("", crm.ExResource, "Her delegation matrix")}},
	{110, crm.KindMeeting, 60, "Coffee: from coaching to mentoring", "", one("Elena Rossi"), "", "", []exchange{
		gave("", crm.ExHelp, "Helped scope Contoso's PM career ladder")}},
	{75, crm.KindVideo, 45, "Org design for a growing product team", "", one("Elena Rossi"), "", goalPromo, []exchange{
		got("", crm.ExAdvice, "Pods of one PM, one designer, four engineers"),
		gave("", crm.ExIntroduction, "Introduced her to Priya Raman")}},
	{37, crm.KindMeeting, 60, "Dinner after ProductCon", "", one("Elena Rossi"), "", "", []exchange{
		got("", crm.ExOpportunity, "Asked me to advise Contoso's PM guild"), gave("", crm.ExResource, "Our PRD template")}},

	// Grace, mentor.
	{160, crm.KindMeeting, 60, "First mentoring session", "", one("Grace Liu"), "", goalFintech, nil},
	{118, crm.KindCall, 30, "How fintech product orgs are built", "", one("Grace Liu"), "", goalFintech, []exchange{
		got("", crm.ExAdvice, "Put risk and product in the same planning room")}},
	{83, crm.KindVideo, 45, "The speaking circuit: where to start", "", one("Grace Liu"), "", goalSpeaking, []exchange{
		got("", crm.ExIntroduction, "Introduced me to the ProductCon programme chair")}},
	{41, crm.KindMeeting, 45, "Coffee near Woodgrove", "", one("Grace Liu"), "", goalSpeaking, []exchange{
		got("", crm.ExFeedback, "Notes on my talk abstract"), gave("", crm.ExResource, "Our fintech market map")}},

	// Lena, coachee, fortnightly.
	{76, crm.KindVideo, 45, "First session: her goals", "", one("Lena Fischer"), "", goalMentor, []exchange{
		gave("", crm.ExAdvice, "A plan for her first 90 days")}},
	{62, crm.KindVideo, 45, "Writing her first PRD", "", one("Lena Fischer"), "", "", []exchange{
		gave("", crm.ExFeedback, "Notes on her PRD draft")}},
	{48, crm.KindVideo, 45, "Running user interviews", "", one("Lena Fischer"), "", "", []exchange{
		gave("", crm.ExResource, "My user interview guide")}},
	{34, crm.KindVideo, 45, "Prioritisation under pressure", "", one("Lena Fischer"), "", "", []exchange{
		gave("", crm.ExAdvice, "A RICE walk-through on her backlog"), got("", crm.ExFeedback, "Said the coaching format works for her")}},
	{20, crm.KindVideo, 45, "Setting team OKRs", "", one("Lena Fischer"), "", "", []exchange{
		promise("", crm.ExResource, "Send Lena the OKR template", 0)}},

	// Jordan, mentee.
	{150, crm.KindMeeting, 45, "Bootcamp demo day", "", one("Jordan Ellis"), "", "", []exchange{
		gave("", crm.ExAdvice, "How to break into product")}},
	{115, crm.KindVideo, 30, "Portfolio review", "", one("Jordan Ellis"), "", goalMentor, []exchange{
		gave("", crm.ExFeedback, "Tighten the case studies to one page each")}},
	{83, crm.KindVideo, 30, "Case interview practice", "", one("Jordan Ellis"), "", goalMentor, []exchange{
		gave("", crm.ExHelp, "Ran a mock PM case interview")}},
	{54, crm.KindCall, 30, "An offer from a startup?", "", one("Jordan Ellis"), "", goalMentor, []exchange{
		gave("", crm.ExAdvice, "Questions to ask before joining a seed-stage startup"),
		got("", crm.ExResource, "His notes on AI tools for PMs")}},
	{26, crm.KindVideo, 30, "Job search plan", "", one("Jordan Ellis"), "", goalMentor, []exchange{
		promise("", crm.ExIntroduction, "Introduce Jordan to the Fabrikam design team", 0)}},

	// Ravi, mentee.
	{70, crm.KindMeeting, 45, "Intro coffee, thanks to Priya", "", one("Ravi Patel"), "", "", nil},
	{40, crm.KindVideo, 30, "Moving from engineering into product", "", one("Ravi Patel"), "", goalMentor, []exchange{
		gave("", crm.ExAdvice, "Start with an internal transfer"), got("", crm.ExHelp, "Debugged our analytics pipeline")}},
	{10, crm.KindVideo, 30, "First PM interview debrief", "", one("Ravi Patel"), "", goalMentor, []exchange{
		gave("", crm.ExFeedback, "How to tell the metrics story"), promise("", crm.ExResource, "Send Ravi a reading list", 3)}},

	// Others.
	{45, crm.KindCall, 30, "His first product launch", "", one("Diego Alvarez"), "", goalMentor, []exchange{
		gave("", crm.ExAdvice, "A launch checklist and a rollback plan")}},
	{100, crm.KindMeeting, 30, "Coffee with Sam", "", one("Sam Okafor"), "", "", []exchange{
		got("", crm.ExReferral, "Referred me to a Northwind hiring manager")}},
	{180, crm.KindVideo, 60, "Last coaching session with Ben", "", one("Ben Carter"), "", "", []exchange{
		got("", crm.ExAdvice, "Keep a brag document, updated weekly"), gave("", crm.ExMoney, "Final coaching invoice")}},
}
