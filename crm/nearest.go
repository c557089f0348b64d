package crm

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the choice a mistyped word most likely meant, to suggest
// it ("did you mean advice?"): the one fewest edits away (an insertion,
// deletion, substitution or swap of two neighbours each count one, case
// ignored), if it is at most a third of the word's length away, at least
// one; else the first choice the word begins, for a word of three letters
// or more ("intro" for introduction). ok is false when nothing is that
// close: a suggestion far from what was typed helps nobody.
func Nearest(word string, choices []string) (best string, ok bool) {
	w := strings.ToLower(word)
	if w == "" {
		return "", false
	}
	limit := max(1, utf8.RuneCountInString(w)/3)
	bestDist := limit + 1
	for _, c := range choices {
		if d := editDistance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist <= limit {
		return best, true
	}
	if utf8.RuneCountInString(w) >= 3 {
		for _, c := range choices {
			if strings.HasPrefix(strings.ToLower(c), w) {
				return c, true
			}
		}
	}
	return "", false
}

// editDistance is the optimal string alignment distance between a and b,
// in runes: Levenshtein's edits plus the swap of two neighbouring letters,
// the commonest typo ("emial").
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// Three rows of the table suffice: a swap looks two rows back.
	prev2, prev, cur := make([]int, len(t)+1), make([]int, len(t)+1), make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
