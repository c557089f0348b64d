package textfile

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestSourceDropsTheByteOrderMark(t *testing.T) {
	var le, be bytes.Buffer
	for _, u := range utf16.Encode([]rune("\uFEFFZoë\n")) {
		le.Write([]byte{byte(u), byte(u >> 8)})
		be.Write([]byte{byte(u >> 8), byte(u)})
	}
	for name, in := range map[string][]byte{
		"none": []byte("Zoë\n"), "UTF-8": []byte("\xEF\xBB\xBFZoë\n"),
		"UTF-16LE": le.Bytes(), "UTF-16BE": be.Bytes(),
	} {
		src := NewSource(bytes.NewReader(in))
		got, err := io.ReadAll(src)
		if err != nil || string(got) != "Zoë\n" {
			t.Errorf("%s: read %q, %v", name, got, err)
		}
		if src.BytesRead() != int64(len(in)) {
			t.Errorf("%s: BytesRead %d, want %d", name, src.BytesRead(), len(in))
		}
	}
}

func TestReadAll(t *testing.T) {
	errDisk := errors.New("disk on fire")
	for _, tc := range []struct {
		last    error
		wantErr error
	}{{io.EOF, nil}, {errDisk, errDisk}} {
		words := strings.Fields("one two")
		got, err := ReadAll(func() (string, error) {
			if len(words) == 0 {
				return "", tc.last
			}
			w := words[0]
			words = words[1:]
			return w, nil
		})
		if !errors.Is(err, tc.wantErr) || strings.Join(got, " ") != "one two" {
			t.Errorf("ending with %v: got %q, %v", tc.last, got, err)
		}
	}
}
