package store

import (
	"fmt"

	"github.com/kithcrm/kith/crm"
)

// The keys people are compared by. Each expression is the one an index of
// migration 0005 (or 0001 for names) is built on, written the same way,
// so SQLite reads the groups off the index; crm.EmailKey and crm.URLKey
// compute the same keys in Go.
const (
	emailKeySQL = `lower(ch.value)`
	urlKeySQL   = `rtrim(replace(replace(replace(lower(ch.value), '://www.', '://'), 'https://', ''), 'http://', ''), '/')`
)

// duplicateQueries finds, for each reason, the people who share a key
// with someone else, as (key, id, name, archived) rows in key order and,
// within a key, in the order people were added. The inner GROUP BY walks
// an index in key order and keeps only keys held by two people or more;
// the outer join looks each such key up on the same index. A book of
// 50,000 people is never compared pair by pair.
var duplicateQueries = map[crm.DuplicateReason]string{
	crm.SameEmail: channelDuplicates("email", emailKeySQL),
	crm.SameURL:   channelDuplicates("url", urlKeySQL),
	crm.SameName: `
WITH dup AS (
    SELECT name_key AS k FROM contacts GROUP BY name_key HAVING count(*) > 1
)
SELECT c.name_key, c.id, c.name, c.archived FROM dup JOIN contacts c ON c.name_key = dup.k
ORDER BY c.name_key, c.id`,
}

// channelDuplicates is the duplicates query over channels of one kind.
func channelDuplicates(kind, key string) string {
	return `
WITH dup AS (
    SELECT ` + key + ` AS k FROM channels ch WHERE ch.kind = '` + kind + `'
    GROUP BY ` + key + ` HAVING min(ch.contact_id) <> max(ch.contact_id)
)
SELECT DISTINCT dup.k, c.id, c.name, c.archived
FROM dup JOIN channels ch ON ` + key + ` = dup.k AND ch.kind = '` + kind + `'
JOIN contacts c ON c.id = ch.contact_id
ORDER BY dup.k, c.id`
}

// Duplicates returns the groups of people who may be one person entered
// more than once: the same email address in any case, the same URL, or the
// same name ignoring case and accents. Archived people are included, marked
// so: an old record of someone active is still a duplicate. Groups come by
// reason (email, URL, name), then by the value shared.
func (tx *Tx) Duplicates() ([]crm.DuplicateGroup, error) {
	out := []crm.DuplicateGroup{}
	for _, reason := range crm.DuplicateReasons {
		rows, err := tx.query(duplicateQueries[reason])
		err = each(rows, err, func(row scanner) error {
			var key string
			var p crm.DuplicatePerson
			if err := row.Scan(&key, &p.ID, &p.Name, &p.Archived); err != nil {
				return err
			}
			if n := len(out); n == 0 || out[n-1].Reason != reason || out[n-1].Value != key {
				out = append(out, crm.DuplicateGroup{Reason: reason, Value: key})
			}
			g := &out[len(out)-1]
			g.People = append(g.People, p)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("find people with the same %s: %w", reason, err)
		}
	}
	return out, nil
}
