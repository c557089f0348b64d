package gen

// The word lists names, companies and summaries are drawn from. Names are
// a first name and a surname built from two parts, which gives 80 × 40 × 25
// = 80,000 distinct names before any repeats.

var firstNames = []string{
	"Aisha", "Alex", "Amara", "Ana", "Andrei", "Ben", "Bianca", "Carlos", "Chen", "Chloe",
	"Daniel", "Dana", "Diego", "Elena", "Emeka", "Emma", "Farah", "Felix", "Gabriel", "Grace",
	"Hannah", "Hiro", "Ines", "Isaac", "Jana", "Jordan", "Julia", "Kai", "Kamala", "Karim",
	"Lara", "Lena", "Leo", "Lucia", "Maya", "Marcus", "Mateo", "Mei", "Mila", "Nadia",
	"Nikhil", "Noah", "Nora", "Olga", "Omar", "Priya", "Rafael", "Ravi", "Rosa", "Sam",
	"Sara", "Sofia", "Tariq", "Theo", "Tomás", "Uma", "Valentina", "Victor", "Wei", "Yara",
	"Yuki", "Zane", "Zoe", "Ada", "Bruno", "Cleo", "Dmitri", "Esther", "Femi", "Greta",
	"Hugo", "Ivy", "Jonas", "Kofi", "Liam", "Malik", "Naomi", "Oscar", "Paula", "Quinn",
}

var surnameHeads = []string{
	"Ash", "Bel", "Black", "Brook", "Cal", "Carr", "Dal", "Dun", "El", "Fair",
	"Fern", "Gold", "Green", "Hal", "Hart", "Holm", "Kings", "Lang", "Lind", "Mar",
	"Mill", "Nor", "Oak", "Pem", "Ray", "Red", "Ros", "Sand", "Shel", "Stan",
	"Stock", "Thorn", "Wake", "Wal", "West", "Whit", "Wil", "Win", "Wood", "Yar",
}

var surnameTails = []string{
	"bury", "by", "croft", "dale", "den", "ford", "gate", "ham", "hurst", "ley",
	"low", "mont", "more", "ridge", "stead", "stone", "ton", "well", "wick", "win",
	"worth", "field", "land", "brook", "shaw",
}

var companies = []string{
	"Fabrikam", "Contoso", "Northwind", "Woodgrove Bank", "Tailspin", "Litware", "Adventure Works",
	"Proseware", "Wingtip", "Fourth Coffee", "Lucerne Publishing", "Margie's Travel", "Alpine Ski House",
}

var titles = []string{
	"Product manager", "Senior product manager", "Group product manager", "Director of product",
	"Engineering manager", "Staff engineer", "Designer", "Data scientist", "VP product", "Founder",
}

// coachTitles mention skills, so a profile gap such as "public speaking"
// finds the coach who covers it.
var coachTitles = []string{
	"Executive coach, public speaking", "Leadership coach", "Negotiation coach", "Career coach",
	"Coach for product strategy", "Writing coach", "Coach for stakeholder management",
}

var circleNames = []string{
	"PM Craft Circle", "Fintech Leaders", "Staff Engineers", "Women in Product", "Founders' Breakfast",
	"Design Leadership", "AI Product Guild", "Growth Circle",
}

var goalTitles = []string{
	"Get promoted to group PM", "Become a confident public speaker", "Build a fintech practice",
	"Mentor two people into PM roles", "Write a book on product craft", "Move to a staff role",
	"Learn to negotiate well", "Start an advisory practice",
}

var summaries = []string{
	"Catch-up over coffee", "Career chat", "Reviewed my promotion packet", "Mock interview practice",
	"Talked through a hard stakeholder", "Roadmap review", "Lunch", "Feedback on my talk",
	"Planning the next quarter", "Intro call", "Debrief after the launch", "Walked through a case study",
}

var exchangeTexts = []string{
	"Notes on the draft", "An introduction to a hiring manager", "A reading list", "Advice on pricing",
	"Feedback on the deck", "A referral for a role", "Help with a data pipeline", "An hour of pairing",
	"Template for a PRD", "Invitation to speak",
}

var sourceDetails = []string{
	"Met at ProductCon", "Worked together at Fabrikam", "Found through LinkedIn", "Introduced over email", "",
}
