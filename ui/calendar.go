package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/kithcrm/kith/crm"
	"github.com/kithcrm/kith/crm/calendar"
	"github.com/kithcrm/kith/crm/store"
)

// calendarSection is the Calendar part of Settings: what goes into the
// calendar, the live calendar file and CalDAV publishing. Its fields are
// saved together with one Save, and only when every one is right; the live
// file, "Write now" and "Publish now" act at once.
type calendarSection struct {
	m       *Main
	content fyne.CanvasObject
	saved   calendar.Settings // as last read from or written to the database
	loaded  bool

	horizon, alarm, rule *field
	nextReviews          *widget.Label
	notes                *widget.Check
	notesWarn            *widget.Label

	livePath   *widget.Label
	liveWrite  *widget.Button
	liveStop   *widget.Button
	liveStatus *widget.Label

	url, user     *field
	password      *widget.Entry
	forget        *widget.Button
	passwordState *widget.Label
	after         *widget.Check
	publish       *widget.Button
	publishing    *widget.ProgressBarInfinite
	published     *widget.Label

	save   *widget.Button
	reason *canvas.Text
}

// notesWarning is why private notes are left out unless the user asks.
const notesWarning = "Calendars are often synced to a cloud: with this on, the notes you keep on people and conversations leave this computer."

func newCalendarSection(m *Main) *calendarSection {
	c := &calendarSection{m: m, reason: newReason()}
	c.save = widget.NewButtonWithIcon("Save calendar settings", theme.DocumentSaveIcon(), c.onSave)
	c.content = container.NewVBox(
		muted("Check-ins become all-day events, with the quarterly review and each circle's meetings. File › Export calendar… writes a copy once."),
		c.contentForm(), widget.NewSeparator(),
		c.liveForm(), widget.NewSeparator(),
		c.caldavForm(), widget.NewSeparator(),
		container.NewHBox(c.save, container.NewCenter(c.reason)))
	return c
}

// say puts a status or result in l, in the colour of imp; an empty one
// takes no room.
func say(l *widget.Label, imp widget.Importance, text string) {
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// small is a wrapping caption label, for explanations and results.
func small(s string) *widget.Label {
	l := wrapped(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func (c *calendarSection) contentForm() fyne.CanvasObject {
	c.horizon = c.m.entry("90d")
	c.horizon.Validator = func(s string) error {
		if span, err := crm.ParseSpan(strings.TrimSpace(s)); err != nil || span.N <= 0 {
			return fmt.Errorf("want Nd, Nw, Nm or Ny, e.g. 90d or 3m")
		}
		return nil
	}
	c.alarm = c.m.entry("09:00, or off")
	c.alarm.Validator = fieldCheck("alarm time", func(s *calendar.Settings, v string) { s.AlarmTime = v })
	c.rule = c.m.entry(calendar.DefaultReviewRule)
	c.rule.Validator = fieldCheck("review rule", func(s *calendar.Settings, v string) { s.ReviewRule = v })
	reset := widget.NewButtonWithIcon("Default", theme.ContentUndoIcon(), func() { c.rule.SetText(calendar.DefaultReviewRule) })
	reset.Importance = widget.LowImportance
	c.rule.ActionItem = reset
	c.nextReviews = small("")
	c.notes = widget.NewCheck("Include private notes", func(on bool) {
		c.showNotesWarning(on)
		c.revalidate()
	})
	c.notesWarn = small(notesWarning)
	for _, f := range []*field{c.horizon, c.alarm, c.rule} {
		f.OnChanged = func(string) { c.revalidate() }
	}
	horizon := widget.NewFormItem("Horizon", c.horizon)
	horizon.HintText = "How far ahead check-ins are exported: Nd, Nw, Nm or Ny"
	alarm := widget.NewFormItem("Reminder at", c.alarm)
	alarm.HintText = "A reminder on the day, or off; some apps drop reminders from subscribed files"
	rule := widget.NewFormItem("Review repeats", c.rule)
	rule.HintText = "An iCalendar RRULE; the default is the first Monday of each quarter"
	return widget.NewForm(horizon, alarm, rule,
		widget.NewFormItem("Next reviews", c.nextReviews),
		widget.NewFormItem("Private notes", container.New(layout.NewCustomPaddedVBoxLayout(0), c.notes, c.notesWarn)))
}

// fieldCheck validates one field's text as Settings.Validate does, so the
// window refuses exactly what the command line refuses, and says so
// without the field's name, which the form shows beside it.
func fieldCheck(name string, set func(*calendar.Settings, string)) func(string) error {
	return func(v string) error {
		s := calendar.DefaultSettings()
		set(&s, v)
		if err := s.Validate(); err != nil {
			return errors.New(strings.TrimPrefix(err.Error(), name+": "))
		}
		return nil
	}
}

func (c *calendarSection) showNotesWarning(on bool) {
	c.notesWarn.Importance = widget.MediumImportance
	if on {
		c.notesWarn.Importance = widget.WarningImportance
	}
	c.notesWarn.Refresh()
}

func (c *calendarSection) liveForm() fyne.CanvasObject {
	c.livePath = widget.NewLabel("")
	c.livePath.TextStyle.Monospace = true
	c.livePath.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButtonWithIcon("Choose file…", theme.FolderOpenIcon(), c.chooseLiveFile)
	c.liveWrite = widget.NewButtonWithIcon("Write now", theme.ViewRefreshIcon(), c.writeLiveNow)
	c.liveStop = widget.NewButtonWithIcon("Stop", theme.MediaStopIcon(), c.stopLiveFile)
	c.liveStatus = small("")
	c.liveStatus.Hide()
	return container.NewVBox(bold("Live calendar file"),
		small("Kith rewrites this file after every change, all at once, so a calendar app subscribed to it, "+
			"or a sync folder holding it, never reads half of it."),
		c.livePath, container.NewHBox(choose, c.liveWrite, c.liveStop), c.liveStatus)
}

func (c *calendarSection) caldavForm() fyne.CanvasObject {
	c.url = c.m.entry("https://cloud.example.com/remote.php/dav/calendars/me/kith/")
	c.url.Validator = fieldCheck("CalDAV URL", func(s *calendar.Settings, v string) { s.CalDAVURL = v })
	c.user = c.m.entry("User name")
	c.password = widget.NewPasswordEntry()
	c.password.PlaceHolder = "App password (kept in the OS keychain)"
	for _, f := range []*field{c.url, c.user} {
		f.OnChanged = func(string) { c.revalidate() }
	}
	c.password.OnChanged = func(string) { c.revalidate() }
	c.forget = widget.NewButton("Forget", c.forgetPassword)
	c.forget.Importance = widget.LowImportance
	c.passwordState = small("")
	c.passwordState.Hide()
	c.after = widget.NewCheck("Publish after every change", func(bool) { c.revalidate() })
	c.publish = widget.NewButtonWithIcon("Publish now", theme.UploadIcon(), c.onPublish)
	c.publishing = widget.NewProgressBarInfinite()
	c.publishing.Hide()
	c.published = small("")
	c.published.Hide()
	url := widget.NewFormItem("Calendar URL", c.url)
	url.HintText = "The calendar's own address on a CalDAV server (Nextcloud, iCloud, Fastmail…)"
	form := widget.NewForm(url,
		widget.NewFormItem("User", c.user),
		widget.NewFormItem("Password", container.NewVBox(container.NewBorder(nil, nil, nil, c.forget, c.password), c.passwordState)),
		widget.NewFormItem("", c.after))
	return container.NewVBox(bold("CalDAV publishing"), form,
		container.NewBorder(nil, nil, c.publish, nil, container.NewStack(c.publishing)), c.published)
}

// reload shows the saved settings, unless the user has changed the fields
// and not saved them yet: a write elsewhere must not wipe their typing.
func (c *calendarSection) reload() {
	if c.loaded && c.dirty() {
		return
	}
	var s calendar.Settings
	c.m.load(func(tx *store.Tx) error {
		var err error
		s, err = calendar.LoadSettings(tx)
		return err
	}, func() { c.fill(s) })
}

func (c *calendarSection) fill(s calendar.Settings) {
	c.saved, c.loaded = s, true
	c.horizon.SetText(s.Horizon.String())
	c.alarm.SetText(s.AlarmTime)
	if s.AlarmTime == "" {
		c.alarm.SetText("off")
	}
	c.rule.SetText(s.ReviewRule)
	c.notes.SetChecked(s.WithNotes)
	c.showNotesWarning(s.WithNotes)
	c.url.SetText(s.CalDAVURL)
	c.user.SetText(s.CalDAVUser)
	c.password.SetText("")
	c.after.SetChecked(s.PublishAfterChange)
	c.showLiveFile()
	c.checkPassword()
	c.revalidate()
}

func (c *calendarSection) showLiveFile() {
	chosen := c.saved.LiveFile != ""
	enableIf(c.liveWrite, chosen)
	enableIf(c.liveStop, chosen)
	if !chosen {
		c.livePath.SetText("None chosen")
		return
	}
	c.livePath.SetText(c.saved.LiveFile)
}

// form reads the fields into settings, keeping what they don't show (the
// live file); it returns why they can't be saved when they can't.
func (c *calendarSection) form() (calendar.Settings, string) {
	s := c.saved
	for _, f := range []struct {
		name string
		e    *field
	}{{"Horizon", c.horizon}, {"Reminder at", c.alarm}, {"Review repeats", c.rule}, {"Calendar URL", c.url}} {
		if err := f.e.Validate(); err != nil {
			return s, f.name + ": " + err.Error()
		}
	}
	s.Horizon, _ = crm.ParseSpan(strings.TrimSpace(c.horizon.Text))
	s.AlarmTime, s.ReviewRule, s.WithNotes = c.alarm.Text, c.rule.Text, c.notes.Checked
	s.CalDAVURL, s.CalDAVUser, s.PublishAfterChange = c.url.Text, c.user.Text, c.after.Checked
	if err := s.Validate(); err != nil {
		return s, capitalize(err.Error())
	}
	if c.password.Text != "" && s.CalDAVURL == "" {
		return s, "Password: give the calendar's URL too"
	}
	return s, ""
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dirty says whether the fields differ from what is saved.
func (c *calendarSection) dirty() bool {
	s, why := c.form()
	return why != "" || s != c.saved || c.password.Text != ""
}

// revalidate explains the first problem beside Save, which stays off until
// the fields are right, and says when the review would fall.
func (c *calendarSection) revalidate() {
	_, why := c.form()
	explain(c.reason, c.save, why)
	days, err := calendar.ReviewDates(c.rule.Text, c.m.st.Today(), 3)
	if err != nil {
		c.nextReviews.SetText("—")
		return
	}
	var words []string
	for _, d := range days {
		words = append(words, longDate(d))
	}
	c.nextReviews.SetText(strings.Join(words, "  ·  "))
}

// onSave saves the fields in one transaction, after putting a newly typed
// password in the keychain; when the keychain refuses, nothing is saved.
func (c *calendarSection) onSave() { c.store(nil) }

// store saves the fields, then runs then (when given) on the UI goroutine.
func (c *calendarSection) store(then func()) {
	s, why := c.form()
	if why != "" {
		c.revalidate()
		return
	}
	pw := c.password.Text
	write := func() {
		c.m.save(func(tx *store.Tx) error { return calendar.SaveSettings(tx, s) }, func() {
			c.saved = s
			c.password.SetText("")
			c.m.bar.show("Saved the calendar settings.", nil)
			if then != nil {
				then()
			}
		})
	}
	if pw == "" {
		write()
		return
	}
	c.m.background(func() error {
		if err := calendar.SavePassword(s.CalDAVURL, s.CalDAVUser, pw); err != nil {
			return keychainError(err)
		}
		return nil
	}, write)
}

// keychainError explains a keychain that can't be used, and the way round it.
func keychainError(err error) error {
	return crm.Errorf(crm.EInvalid, "Nothing was saved: Kith could not use the OS keychain for the CalDAV password (%v).\n\n"+
		"On Linux the keychain is a Secret Service over D-Bus, such as GNOME Keyring or KeePassXC. "+
		"Without one, start Kith with %s set to the app password, and save the other settings without a password.",
		err, calendar.PasswordEnv)
}

// checkPassword says, off the UI goroutine, where the CalDAV password will
// come from; asking the keychain can take a moment.
func (c *calendarSection) checkPassword() {
	url, user := c.saved.CalDAVURL, c.saved.CalDAVUser
	enableIf(c.forget, url != "")
	if url == "" {
		say(c.passwordState, widget.MediumImportance, "")
		return
	}
	c.m.run(func() {
		msg := passwordSource(url, user)
		fyne.Do(func() { say(c.passwordState, widget.MediumImportance, msg) })
	})
}

func passwordSource(url, user string) string {
	if os.Getenv(calendar.PasswordEnv) != "" {
		return "Using the password in $" + calendar.PasswordEnv + "."
	}
	_, err := calendar.Password(func(string) string { return "" }, url, user)
	var ce *crm.Error
	switch {
	case err == nil:
		return "Saved in the OS keychain."
	case errors.As(err, &ce):
		return "No password saved for this calendar and user yet."
	}
	if inner := errors.Unwrap(err); inner != nil {
		err = inner // the keychain's own reason, without Kith's advice around it
	}
	return "No OS keychain is available here (" + err.Error() + "). Start Kith with $" +
		calendar.PasswordEnv + " set to the app password instead."
}

func (c *calendarSection) forgetPassword() {
	url, user := c.saved.CalDAVURL, c.saved.CalDAVUser
	c.m.background(func() error { return calendar.ForgetPassword(url, user) }, func() {
		c.m.bar.show("Removed the CalDAV password from the keychain.", nil)
		c.checkPassword()
	})
}

// changeLive saves a new live file path alone, leaving any unsaved fields as
// they are; the after-change hook then writes the file.
func (c *calendarSection) changeLive(path string, done func()) {
	var s calendar.Settings
	c.m.save(func(tx *store.Tx) error {
		var err error
		if s, err = calendar.LoadSettings(tx); err != nil {
			return err
		}
		s.LiveFile = path
		return calendar.SaveSettings(tx, s)
	}, func() {
		c.saved.LiveFile = s.LiveFile
		c.showLiveFile()
		done()
	})
}

func (c *calendarSection) chooseLiveFile() {
	d := dialog.NewFileSave(chosen(c.m, c.onLiveChosen), c.m.win)
	d.SetFileName("Kith.ics")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Resize(fileDialogSize)
	d.SetConfirmText("Use this file")
	c.m.showDialog(d)
}

// onLiveChosen takes the file picked in the save dialog as the live file.
// The dialog opens it for writing; it is closed here and rewritten whole.
func (c *calendarSection) onLiveChosen(w fyne.URIWriteCloser) {
	u := w.URI()
	if err := w.Close(); err != nil {
		c.m.showError(err)
		return
	}
	if u.Scheme() != "file" {
		c.m.showError(crm.Errorf(crm.EInvalid, "The live calendar file must be a file on this computer, not %s.", u))
		return
	}
	say(c.liveStatus, widget.MediumImportance, "Writing…")
	c.changeLive(u.Path(), func() { c.m.bar.show("Kith will keep "+u.Path()+" current.", nil) })
}

func (c *calendarSection) stopLiveFile() {
	old := c.saved.LiveFile
	c.changeLive("", func() {
		say(c.liveStatus, widget.MediumImportance, "Kith no longer updates "+old+"; the file is left where it is.")
	})
}

func (c *calendarSection) writeLiveNow() {
	c.liveWrite.Disable()
	say(c.liveStatus, widget.MediumImportance, "Writing…")
	var path string
	c.m.run(func() {
		var err error
		path, err = calendar.WriteLive(context.Background(), c.m.st, calendar.Options{})
		fyne.Do(func() {
			c.showLiveFile()
			if err != nil {
				say(c.liveStatus, widget.MediumImportance, "")
				c.m.showError(err)
				return
			}
			say(c.liveStatus, widget.MediumImportance, "Written "+clock(time.Now())+": "+path)
		})
	})
}

// onPublish publishes now, saving changed fields first so what is
// published is what the screen shows.
func (c *calendarSection) onPublish() {
	if _, why := c.form(); why != "" {
		say(c.published, widget.DangerImportance, "Not published: "+why)
		return
	}
	if c.dirty() {
		c.store(c.publishNow)
		return
	}
	c.publishNow()
}

func (c *calendarSection) publishNow() {
	s := c.saved
	if s.CalDAVURL == "" {
		say(c.published, widget.DangerImportance, "Give the calendar's URL first.")
		return
	}
	c.publish.Disable()
	c.publishing.Show()
	say(c.published, widget.MediumImportance, "Publishing to "+s.CalDAVURL+"…")
	c.m.run(func() {
		res, err := c.publishTo(s)
		fyne.Do(func() {
			c.publishing.Hide()
			c.publish.Enable()
			c.showPublished(res, err)
		})
	})
}

// publish puts the calendar on the CalDAV server of s, with the password
// from $KITH_CALDAV_PASSWORD or the keychain.
func (c *calendarSection) publishTo(s calendar.Settings) (calendar.Published, error) {
	pw, err := calendar.Password(os.Getenv, s.CalDAVURL, s.CalDAVUser)
	if err != nil {
		return calendar.Published{}, err
	}
	t := calendar.Target{URL: s.CalDAVURL, User: s.CalDAVUser, Password: pw}
	return calendar.Publish(context.Background(), c.m.st, t, calendar.Options{})
}

// showPublished says what a publish did, or why it failed; a server's
// refusal (calendar.ServerError) names its HTTP status and a hint.
func (c *calendarSection) showPublished(res calendar.Published, err error) {
	if err != nil {
		say(c.published, widget.DangerImportance, "Not published: "+err.Error())
		return
	}
	say(c.published, widget.SuccessImportance, fmt.Sprintf("Published %s: %d new or changed, %d removed, %d unchanged.",
		clock(time.Now()), res.Put, res.Removed, res.Unchanged))
}

// clock says when something happened today, as "at 14:05".
func clock(t time.Time) string { return "at " + t.Format("15:04") }
