package crm

// Circle is a group of peers with shared interests that meets and trades
// lessons: an aspiring-PM circle, an industry circle.
type Circle struct {
	ID          int64    `json:"id"`
	Name        string   `json:"name"`
	Purpose     string   `json:"purpose"`
	CadenceDays int      `json:"cadence_days,omitempty"` // how often it meets; 0 when irregular
	Members     []Member `json:"members"`
	LastMet     Date     `json:"last_met"`
}

// Member is a contact's time in a circle. Left is zero while they belong.
type Member struct {
	ContactID int64  `json:"id"`
	Name      string `json:"name"`
	Joined    Date   `json:"joined"`
	Left      Date   `json:"left"`
}

// NextMeeting is when the circle is next expected to meet: a cadence after
// its last meeting. It is zero when the circle has no cadence or never met.
func (c *Circle) NextMeeting() Date {
	if c.CadenceDays == 0 || c.LastMet.IsZero() {
		return Date{}
	}
	return c.LastMet.AddDays(c.CadenceDays)
}

// CurrentMembers returns the members who have not left.
func (c *Circle) CurrentMembers() []Member {
	var out []Member
	for _, m := range c.Members {
		if m.Left.IsZero() {
			out = append(out, m)
		}
	}
	return out
}

// Validate checks a circle before it is stored.
func (c *Circle) Validate() error {
	if err := checkName(&c.Name, "name", "a circle", ""); err != nil {
		return err
	}
	return checkCadence(c.CadenceDays)
}
