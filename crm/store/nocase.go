package store

// compareNoCase orders two texts as SQLite's NOCASE collation does: byte
// by byte with the ASCII capitals folded to small letters (and nothing
// else folded), a text before any longer one it begins. A list sorted in
// Go with it is in the order ORDER BY ... COLLATE NOCASE gives, which
// TestCompareNoCaseIsSQLites holds it to.
func compareNoCase(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		x, y := lowerASCII(a[i]), lowerASCII(b[i])
		if x != y {
			return int(x) - int(y)
		}
	}
	return len(a) - len(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
