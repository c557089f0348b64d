// Package locale makes the locale environment readable by Fyne before
// Fyne reads it. Importing it (for its side effect, from main) is all it takes.
//
// Fyne's lang package works out the user's language in its init, through
// github.com/jeandeaual/go-locale, from LANGUAGE, LC_ALL, LC_MESSAGES and
// LANG. That library turns "C.UTF-8" (the default of many servers and
// containers) into the tag "C" and "en_US@euro" into "en-US@euro", neither
// of which golang.org/x/text/language parses, so every run of kith, headless
// commands included, logged "Fyne error: Error parsing user locale" on
// stderr. Fyne 2.8.1 fixed "C.UTF-8" upstream but still logs the error for
// a modifier such as "@euro" (checked with LANG=en_US@euro), so the fix
// stays until Fyne parses those too.
//
// Go initialises a package after everything it imports and, among packages
// that are ready, in import path order; this package needs only what Fyne's
// lang package needs too and sorts before github.com/nicksnyder/go-i18n,
// which lang imports, so its init runs before lang's (GODEBUG=inittrace=1
// on the built binary shows the order).
package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// fallback is the language used when a locale names none: it is the one
// Fyne falls back to anyway.
const fallback = "en"

// usable returns a locale value Fyne can parse that means what v means: v
// itself when it already parses, v without its "@modifier" when that is
// what spoils it ("en_US@euro" gives "en_US"), and English for the C and
// POSIX locales ("C", "POSIX", "C.UTF-8"), an empty value, or anything else
// that names no language.
func usable(v string) string {
	if parses(v) {
		return v
	}
	if bare, _, ok := strings.Cut(v, "@"); ok && parses(bare) {
		return bare
	}
	return fallback
}

// parses reports whether Fyne will read v without an error: it turns v into
// a tag the way go-locale does (encoding dropped, "ll_RR" becomes "ll-RR")
// and parses it as Fyne does. "C" and "POSIX" are never a language, whatever
// their encoding.
func parses(v string) bool {
	name, _, _ := strings.Cut(v, ".")
	if name == "" || name == "C" || name == "POSIX" {
		return false
	}
	lang, region, _ := strings.Cut(strings.ReplaceAll(name, "-", "_"), "_")
	tag := lang
	if region != "" {
		tag += "-" + region
	}
	_, err := language.Parse(tag)
	return err == nil
}

// languageFix returns the value to give LANGUAGE so that go-locale hands
// Fyne only locales it can parse, and false when the environment is fine as
// it is: each unusable entry of what go-locale reads is replaced by its
// usable form, and empty entries are dropped.
//
// Only LANGUAGE is ever changed, never LC_ALL or LANG: those also drive the
// C library's setlocale in cgo code (GLFW sets LC_CTYPE from them when the
// locale is "C", so turning C.UTF-8 into a name the C library does not know
// would break UTF-8 text input in the window), while LANGUAGE only chooses
// message languages. A locale that already parses (de_DE.UTF-8) is left
// alone, so the window keeps the user's language.
func languageFix(getenv func(string) string) (string, bool) {
	list := goLocaleReads(getenv)
	if list == "" {
		return "", false
	}
	var fixed []string
	changed := false
	for _, v := range strings.Split(list, ":") {
		if v == "" { // "de::fr": go-locale would hand Fyne an empty tag
			changed = true
			continue
		}
		u := usable(v)
		changed = changed || u != v
		fixed = append(fixed, u)
	}
	if !changed {
		return "", false
	}
	if len(fixed) == 0 {
		fixed = []string{fallback}
	}
	return strings.Join(fixed, ":"), true
}

// goLocaleReads returns the colon-separated locales go-locale will hand Fyne
// on Unix, or "" for none. The first of LC_ALL, LC_MESSAGES and LANG that is
// set is the locale; exactly "C" or "POSIX" means no locale (Fyne then uses
// English and logs nothing, and LANGUAGE is not read); otherwise LANGUAGE
// wins when set, even with none of the others.
func goLocaleReads(getenv func(string) string) string {
	loc := ""
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(name); loc != "" {
			break
		}
	}
	if loc == "C" || loc == "POSIX" {
		return ""
	}
	if list := getenv("LANGUAGE"); list != "" {
		return list
	}
	return loc
}
