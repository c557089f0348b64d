package locale

import "testing"

func TestUsable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"de_DE.UTF-8", "de_DE.UTF-8"},
		{"de_DE.UTF-8@euro", "de_DE.UTF-8@euro"}, // go-locale drops the encoding and the modifier with it
		{"fr", "fr"},
		{"pt_BR", "pt_BR"},
		{"en-GB", "en-GB"},
		{"en_US@euro", "en_US"},
		{"sr_RS@latin", "sr_RS"},
		{"C.UTF-8", "en"},
		{"C.utf8", "en"},
		{"C", "en"},
		{"POSIX", "en"},
		{"", "en"},
		{"@euro", "en"},
		{"not a locale", "en"},
	} {
		if got := usable(tc.in); got != tc.want {
			t.Errorf("usable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLanguageFix(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string // "" when nothing should change
	}{
		{"nothing set", nil, ""},
		{"LANG=C", map[string]string{"LANG": "C"}, ""},
		{"LANG=POSIX", map[string]string{"LANG": "POSIX"}, ""},
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"LANG=en_US@euro", map[string]string{"LANG": "en_US@euro"}, "en_US"},
		{"LC_ALL=C.UTF-8 over a good LANG", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{"good LANG", map[string]string{"LANG": "de_DE.UTF-8"}, ""},
		{"good LC_ALL over a bad LANG", map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, ""},
		{"LANGUAGE alone", map[string]string{"LANGUAGE": "en_US@euro"}, "en_US"},
		{"good LANGUAGE alone", map[string]string{"LANGUAGE": "de"}, ""},
		{"good LANGUAGE over a bad LANG", map[string]string{"LANGUAGE": "de_DE:fr", "LANG": "C.UTF-8"}, ""},
		{"LANGUAGE ignored under LANG=C", map[string]string{"LANGUAGE": "C.UTF-8", "LANG": "C"}, ""},
		{"bad entries in LANGUAGE", map[string]string{"LANGUAGE": "sr_RS@latin::C.UTF-8:de", "LANG": "de_DE.UTF-8"}, "sr_RS:en:de"},
		{"LANGUAGE of only colons", map[string]string{"LANGUAGE": "::", "LANG": "de_DE.UTF-8"}, "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := languageFix(func(k string) string { return tc.env[k] })
			if want := tc.want != ""; ok != want || got != tc.want {
				t.Errorf("languageFix = %q, %v; want %q, %v", got, ok, tc.want, want)
			}
		})
	}
}
