// Package formattest holds the test helpers the readers of contact files
// (vCard, LinkedIn's Connections.csv) share: reading their testdata,
// streaming a file to its end, and a source that fails like a disk. Only
// tests import it.
package formattest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Eq reports a difference between got and want, compared deeply.
func Eq[T any](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// CheckErr checks the error a record carries: none when want is false,
// else one of type E, which it returns with ok true for further checks.
func CheckErr[E error](tb testing.TB, what string, err error, want bool) (e E, ok bool) {
	tb.Helper()
	if !want {
		if err != nil {
			tb.Errorf("%s: unexpected %v", what, err)
		}
		return e, false
	}
	if !errors.As(err, &e) {
		tb.Errorf("%s: got %v, want a %T", what, err, e)
		return e, false
	}
	return e, true
}

// testdata returns the bytes of testdata/name.
func testdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// ReadFile reads testdata/name with read, streaming from the open file,
// and stops the test if read fails.
func ReadFile[T any](tb testing.TB, name string, read func(io.Reader) ([]T, error)) []T {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out, err := read(f)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return out
}

// ReadString reads s with read and stops the test if read fails.
func ReadString[T any](tb testing.TB, s string, read func(io.Reader) ([]T, error)) []T {
	tb.Helper()
	out, err := read(strings.NewReader(s))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// Fuzz seeds f with the testdata files matching pattern and with seeds,
// then feeds read arbitrary bytes. Reading from memory must not fail, but
// for the error allowed (nil for none: any error fails the test); what
// read returned goes to check. A panic fails the test, as in any fuzz test.
func Fuzz[T any](f *testing.F, pattern string, read func(io.Reader) ([]T, error), allowed error, check func(*testing.T, []T), seeds ...string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := read(bytes.NewReader(data))
		if err != nil && !errors.Is(err, allowed) {
			t.Fatalf("reading from memory failed: %v", err)
		}
		check(t, recs)
	})
}

// ErrDisk is the failure of the source ReadFailing reads from.
var ErrDisk = errors.New("disk on fire")

// failAtEnd returns a reader of r's bytes that fails with ErrDisk where r
// ends, as a disk or a network share can halfway through a file.
func failAtEnd(r io.Reader) io.Reader { return failing{r} }

type failing struct{ data io.Reader }

func (f failing) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if errors.Is(err, io.EOF) {
		return n, ErrDisk
	}
	return n, err
}

// Stream is a reader of a file's records, one at a time, that tells how
// much of the file it has read.
type Stream[T any] interface {
	Next() (T, error)
	BytesRead() int64
}

// drain reads s to its end and returns how many records it gave, calling
// each (when not nil) on every one. It stops the test on a read error and
// reports a BytesRead that goes back.
func drain[T any](tb testing.TB, s Stream[T], each func(T)) int {
	tb.Helper()
	n, last := 0, int64(0)
	for {
		rec, err := s.Next()
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		if each != nil {
			each(rec)
		}
		n++
		if s.BytesRead() < last {
			tb.Errorf("BytesRead went back from %d to %d", last, s.BytesRead())
		}
		last = s.BytesRead()
	}
}

// Bench reads data with a reader from open in every round of b, failing
// it on a record that refused says is refused, and returns how many
// records the last round gave.
func Bench[T any, S Stream[T]](b *testing.B, data []byte, open func(io.Reader) S, refused func(T) error) int {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range b.N {
		n = drain[T](b, open(bytes.NewReader(data)), func(rec T) {
			if err := refused(rec); err != nil {
				b.Fatal(err)
			}
		})
	}
	return n
}

// CheckStreaming reads testdata/file through a reader from open, which
// must give want records, end with BytesRead at the file's size and keep
// giving io.EOF.
func CheckStreaming[T any, S Stream[T]](t *testing.T, file string, open func(io.Reader) S, want int) {
	t.Helper()
	data := testdata(t, file)
	s := open(bytes.NewReader(data))
	Eq(t, "records", drain[T](t, s, nil), want)
	Eq(t, "bytes", s.BytesRead(), int64(len(data)))
	if _, err := s.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("Next after the end: %v, want io.EOF", err)
	}
}

// ReadFailing reads input with read from a source that fails after it, as
// a disk can: read must return that failure. It returns the records read
// before it.
func ReadFailing[T any](t *testing.T, read func(io.Reader) ([]T, error), input string) []T {
	t.Helper()
	recs, err := read(failAtEnd(strings.NewReader(input)))
	if !errors.Is(err, ErrDisk) {
		t.Errorf("reading %q: err = %v, want the disk error", input, err)
	}
	return recs
}
