// Package textfile holds what the readers of exported contact files share:
// a buffered source that drops a byte order mark and counts the bytes taken
// from the file for a progress bar, and the loop that reads a file's
// records to the end.
package textfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// BufSize is the read buffer: large enough that a typical line never
// spills, small enough that a 20 MB file streams. A reader's byte count
// runs ahead of the records it has returned by at most this much.
const BufSize = 64 << 10

// Source is a file being read as UTF-8 through a buffer, with a count of
// the bytes taken from it so far.
type Source struct {
	*bufio.Reader
	count *counter
}

// NewSource returns r buffered by BufSize, counting what is read from r.
// It peeks at the start of r: a UTF-8 byte order mark is dropped, and
// UTF-16 with a byte order mark (what Windows programs write when asked
// for "Unicode") is turned into UTF-8.
func NewSource(r io.Reader) *Source {
	c := &counter{r: r}
	br := bufio.NewReaderSize(c, BufSize)
	head, _ := br.Peek(3) // an error comes back on the first read
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), BufSize)
	}
	return &Source{Reader: br, count: c}
}

// BytesRead returns how many bytes have been taken from the file.
func (s *Source) BytesRead() int64 { return s.count.n }

// counter counts the bytes taken from the file.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// ReadAll calls next until it returns io.EOF and returns what it gave. On
// any other error it returns the records read before it and the error.
func ReadAll[T any](next func() (T, error)) ([]T, error) {
	var out []T
	for {
		v, err := next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
}
