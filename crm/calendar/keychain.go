package calendar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"

	"github.com/kithcrm/kith/crm"
)

// keychainService names Kith's CalDAV passwords in the OS keychain (the
// macOS Keychain, the Windows Credential Manager, the Secret Service on Linux).
const keychainService = "Kith CalDAV"

// PasswordEnv is the environment variable that gives the CalDAV password
// to headless runs; it wins over the keychain.
const PasswordEnv = "KITH_CALDAV_PASSWORD"

// keychainAccount is the keychain entry of one user on one calendar, so two
// calendars, or two users of one server, keep their own passwords.
func keychainAccount(url, user string) string { return user + " " + strings.TrimSpace(url) }

// SavePassword keeps the (app) password for user at url in the OS
// keychain. Kith never writes it to the database or a plain file.
func SavePassword(url, user, password string) error {
	if password == "" {
		return crm.Invalid("password", fmt.Errorf("is empty"))
	}
	if err := keyring.Set(keychainService, keychainAccount(url, user), password); err != nil {
		return fmt.Errorf("save the CalDAV password in the OS keychain: %w", err)
	}
	return nil
}

// ForgetPassword removes a saved password; a missing one is not an error.
func ForgetPassword(url, user string) error {
	err := keyring.Delete(keychainService, keychainAccount(url, user))
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("remove the CalDAV password from the OS keychain: %w", err)
	}
	return nil
}

// Password returns the CalDAV password: $KITH_CALDAV_PASSWORD when set,
// else the one saved in the keychain for user at url.
func Password(getenv func(string) string, url, user string) (string, error) {
	if pw := getenv(PasswordEnv); pw != "" {
		return pw, nil
	}
	pw, err := keyring.Get(keychainService, keychainAccount(url, user))
	if errors.Is(err, keyring.ErrNotFound) {
		return "", crm.Errorf(crm.EInvalid, "no CalDAV password for %s at %s: set %s or save one in Settings", user, url, PasswordEnv)
	}
	if err != nil {
		return "", fmt.Errorf("read the CalDAV password from the OS keychain (set %s instead): %w", PasswordEnv, err)
	}
	return pw, nil
}
