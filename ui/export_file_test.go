package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// streamWriter is what a save dialog hands over for a place that is not a
// file on disk: the export is streamed to it.
type streamWriter struct {
	bytes.Buffer
	uri    fyne.URI
	closed bool
}

func (w *streamWriter) URI() fyne.URI { return w.uri }
func (w *streamWriter) Close() error  { w.closed = true; return nil }

func TestExportStreamsToAPlaceThatIsNotAFile(t *testing.T) {
	m, _ := newMainOnBook(t, "Ana Lopez")
	uri, err := storage.ParseURI("content://kith/" + peopleCSVName)
	if err != nil {
		t.Fatal(err)
	}
	w := &streamWriter{uri: uri}
	m.writeExport(m.peopleCSVExport(), w)
	if !w.closed {
		t.Error("the writer was left open")
	}
	if !strings.Contains(w.String(), "Ana Lopez") {
		t.Errorf("the stream holds %q", w.String())
	}
	if want := "Exported 1 people to " + uri.String() + "."; m.bar.label.Text != want {
		t.Errorf("bar says %q, want %q", m.bar.label.Text, want)
	}
}
