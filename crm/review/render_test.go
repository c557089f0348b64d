package review_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/kithcrm/kith/crm/review"
	"github.com/kithcrm/kith/crm/review/reviewtest"
)

func render(t *testing.T, f review.Format) []byte {
	t.Helper()
	st, _ := reviewtest.Open(t)
	var buf bytes.Buffer
	if err := compute(t, st, "2026Q3").Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHTMLReport(t *testing.T) {
	doc, err := html.Parse(bytes.NewReader(render(t, review.FormatHTML)))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var svgTitles, cells []string
	var external []string
	var walk func(n *html.Node, inSVG bool)
	walk = func(n *html.Node, inSVG bool) {
		if n.Type == html.ElementNode {
			count[n.Data]++
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					external = append(external, a.Val)
				}
			}
			if n.Data == "svg" {
				inSVG = true
			}
			if inSVG && n.Data == "title" && n.FirstChild != nil && n.Parent.Data == "svg" {
				svgTitles = append(svgTitles, n.FirstChild.Data)
			}
			if n.Data == "td" && n.FirstChild != nil {
				cells = append(cells, n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSVG)
		}
	}
	walk(doc, false)
	if count["svg"] != 3 {
		t.Errorf("%d svg charts, want 3", count["svg"])
	}
	want := []string{"Interactions per month by role", "gave and received per person", "kept and missed per person"}
	if strings.Join(svgTitles, "|") != strings.Join(want, "|") {
		t.Errorf("chart titles %q, want %q", svgTitles, want)
	}
	if count["rect"] < 18 { // 3 months x 6 roles in the first chart alone
		t.Errorf("%d bars drawn, want at least 18", count["rect"])
	}
	if count["style"] != 1 || count["link"] != 0 || count["script"] != 0 || len(external) > 0 {
		t.Errorf("not self-contained: %d style, %d link, %d script elements, references %v", count["style"], count["link"], count["script"], external)
	}
	if count["h1"] != 1 || count["h2"] != 5 || count["table"] < 5 {
		t.Errorf("headings and tables: %d h1, %d h2, %d tables", count["h1"], count["h2"], count["table"])
	}
	if !contains(cells, "Cora Coach") || !contains(cells, "taking more than giving") {
		t.Errorf("the relationships table lacks Cora Coach and her flag")
	}
}

func TestMarkdownReport(t *testing.T) {
	src := render(t, review.FormatMarkdown)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	root := md.Parser().Parse(text.NewReader(src))
	var headings []string
	tables := 0
	var header [][]string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level <= 2 {
				headings = append(headings, strings.Repeat("#", n.Level)+" "+nodeText(n, src))
			}
		case *extast.Table:
			tables++
		case *extast.TableHeader:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, nodeText(c, src))
			}
			header = append(header, cells)
		}
		return ast.WalkContinue, nil
	})
	want := []string{"# Quarterly review 2026Q3", "## Activity", "## Relationships", "## Network", "## Goals", "## Reflection"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", headings, want)
	}
	if tables < 5 {
		t.Errorf("%d tables parsed, want at least 5 (months, roles, relationships, circles, goals)", tables)
	}
	found := false
	for _, h := range header {
		if len(h) == 11 && h[0] == "Name" && h[8] == "Kept" && h[9] == "Missed" {
			found = true
		}
	}
	if !found {
		t.Errorf("no relationships table among headers %q", header)
	}
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestTextReport(t *testing.T) {
	out := string(render(t, review.FormatText))
	for _, want := range []string{"QUARTERLY REVIEW 2026Q3", "Interactions: 13 (previous quarter 3)", "Time: 11h 5m of 30h budgeted",
		"Money spent: 200.00 of 300.00 budgeted", "Neglected: Cal Coachee, Sid Silent", "Rex Role: coach → mentor (2026-08-01)",
		"negotiation: no coach or mentor", "public speaking: Cora Coach"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}
