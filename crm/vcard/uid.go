package vcard

import (
	"crypto/sha1"
	"fmt"
	"strconv"
)

// uid returns the card's UID: a name-based (version 5) UUID of the
// person's key. The same key always gives the same UID, on any machine,
// without storing anything.
func (p Person) uid() string {
	key := p.Key
	if key == "" {
		key = "contact-" + strconv.FormatInt(p.Contact.ID, 10)
		if p.Contact.ID == 0 {
			key = "name:" + p.Contact.Name
		}
	}
	u := uuidV5(kithNamespace, key)
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// kithNamespace is the UUID namespace of Kith's keys, itself the version 5
// UUID of Kith's URL in RFC 4122's URL namespace.
var kithNamespace = uuidV5(urlNamespace, "https://github.com/kithcrm/kith")

// urlNamespace is RFC 4122's namespace for names that are URLs.
var urlNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

func uuidV5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u
}
