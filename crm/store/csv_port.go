package store

import (
	"fmt"
	"strings"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/csvexport"
)

// The store is what a CSV export reads (see csvexport.Source). Both
// methods stream: one query, each row handed on as it is read, so memory
// does not grow with the book.
var _ csvexport.Source = (*Tx)(nil)

// unitSep separates the items group_concat gathers into one column; the
// ASCII unit separator never occurs in a name or an address, so splitting
// on it gives back the items even when they hold "; " or commas.
const unitSep = "\x1f"

// listOf gathers a contact's channels of one kind, the primary first.
func listOf(kind crm.ChannelKind) string {
	return `COALESCE((SELECT group_concat(ch.value, char(31) ORDER BY ch.is_primary DESC, ch.id) FROM channels ch
        WHERE ch.contact_id = c.id AND ch.kind = '` + string(kind) + `'), '')`
}

// exportPeople reads everyone with their next check-in as on the people
// list (the rows of checkInRows, the first %s), in name order.
var exportPeople = `WITH %s
SELECT c.name, COALESCE((SELECT group_concat(x.role) FROM roles x WHERE x.contact_id = c.id AND x.until IS NULL), ''),
    ` + listOf(crm.ChannelEmail) + `, ` + listOf(crm.ChannelPhone) + `, ` + listOf(crm.ChannelURL) + `,
    c.company, c.title, c.location, c.birthday, c.source, c.source_detail, c.met_on, c.added_on, r.next_due, c.archived
FROM rows r JOIN contacts c ON c.id = r.id
ORDER BY r.name_key, r.id`

// ExportPeople visits everyone, archived people included, in name order.
func (tx *Tx) ExportPeople(fn func(csvexport.Person) error) error {
	cte, args, err := tx.checkInRows("1")
	if err != nil {
		return fmt.Errorf("export people: %w", err)
	}
	q := fmt.Sprintf(exportPeople, cte)
	rows, err := tx.query(q, usedArgs(q, args)...)
	err = each(rows, err, func(row scanner) error {
		var p csvexport.Person
		var roles, emails, phones, urls string
		if err := row.Scan(&p.Name, &roles, &emails, &phones, &urls, &p.Company, &p.Title, &p.Location, &p.Birthday,
			&p.Source, &p.SourceDetail, &p.MetOn, &p.AddedOn, &p.NextCheckIn, &p.Archived); err != nil {
			return err
		}
		p.Roles, p.Emails, p.Phones, p.URLs = splitRoles(roles), splitList(emails), splitList(phones), splitList(urls)
		return fn(p)
	})
	if err != nil {
		return fmt.Errorf("export people: %w", err)
	}
	return nil
}

// exportInteractions reads every interaction in date order, which the
// interactions_date index gives without sorting, with its participants in
// name order.
const exportInteractions = `
SELECT i.occurred_on, i.kind, i.minutes, i.summary,
    COALESCE((SELECT group_concat(c.name, char(31) ORDER BY c.name_key, c.id) FROM participants p
        JOIN contacts c ON c.id = p.contact_id WHERE p.interaction_id = i.id), ''),
    COALESCE(ci.name, ''), COALESCE(g.title, '')
FROM interactions i
LEFT JOIN circles ci ON ci.id = i.circle_id
LEFT JOIN goals g ON g.id = i.goal_id
ORDER BY i.occurred_on, i.id`

// ExportInteractions visits every interaction, oldest first.
func (tx *Tx) ExportInteractions(fn func(csvexport.Interaction) error) error {
	rows, err := tx.query(exportInteractions)
	err = each(rows, err, func(row scanner) error {
		var in csvexport.Interaction
		var people string
		if err := row.Scan(&in.Date, &in.Kind, &in.Minutes, &in.Summary, &people, &in.Circle, &in.Goal); err != nil {
			return err
		}
		in.Participants = splitList(people)
		return fn(in)
	})
	if err != nil {
		return fmt.Errorf("export interactions: %w", err)
	}
	return nil
}

// splitList reads a group_concat made with unitSep.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, unitSep)
}
