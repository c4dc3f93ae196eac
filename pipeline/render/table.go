package render

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/stimmung/stimmung/pipeline/index"
)

// Table prints the hits as aligned columns under a line with the count,
// then the facets. On a terminal (tty) the matches are bold and the text
// is clipped to width; elsewhere they are marked *like this* and the text
// is whole. req gives the paging (From) for the count line. Every cell is
// input and is escaped with TermText.
func Table(w io.Writer, res *index.Result, req index.Request, tty bool, width int) error {
	shown := len(res.Hits)
	from := req.From
	switch {
	case res.Total == 0:
		fmt.Fprintln(w, "no matching comments")
	case res.Total == 1 && shown == 1:
		fmt.Fprintln(w, "1 matching comment")
	case shown == 0:
		fmt.Fprintf(w, "%s matching comments\n", Thousands(int64(res.Total)))
	default:
		fmt.Fprintf(w, "%d–%d of %s matching comments\n", from+1, from+shown, Thousands(int64(res.Total)))
	}
	if shown > 0 {
		rows := [][]string{{"ID", "DATE", "LABEL", "SCORE", "THEMES", "TEXT"}}
		for _, h := range res.Hits {
			v := ViewOf(h)
			text := v.Text
			if len(h.Highlights) > 0 {
				text = html.UnescapeString(h.Highlights[0])
			}
			// Every cell is input: control characters are shown escaped,
			// never sent to the terminal. The text's line breaks and tabs
			// were folded into spaces first (one line a hit).
			rows = append(rows, []string{TermText(v.ID), TermText(rawText(v.Date)), TermText(v.Label()), v.Score(), TermText(v.ThemeList()), TermText(oneLine(text))})
		}
		widths := make([]int, 5)
		for _, r := range rows {
			for i := range widths {
				widths[i] = min(max(widths[i], utf8.RuneCountInString(r[i])), 40)
			}
		}
		used := 0
		for _, wd := range widths {
			used += wd + 2
		}
		textWidth := max(width-used, 30)
		for i, r := range rows {
			var b strings.Builder
			for c := range widths {
				cell := clip(r[c], widths[c])
				b.WriteString(cell)
				b.WriteString(strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell)+2))
			}
			text := oneLine(r[5])
			if i > 0 {
				if tty { // a file or pipe gets the whole text
					text = clipMarked(text, textWidth)
				}
				text = marks(text, tty)
			}
			b.WriteString(text)
			fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		}
	}
	for _, f := range res.Facets {
		parts := make([]string, 0, len(f.Terms))
		for _, t := range f.Terms {
			parts = append(parts, fmt.Sprintf("%s %s", TermText(t.Term), Thousands(int64(t.Count))))
		}
		line := strings.Join(parts, " · ")
		if f.Other > 0 {
			line += fmt.Sprintf(" · other %s", Thousands(int64(f.Other)))
		}
		if f.Missing > 0 {
			line += fmt.Sprintf(" · (none) %s", Thousands(int64(f.Missing)))
		}
		fmt.Fprintf(w, "%s: %s\n", f.Name, line)
	}
	return nil
}

// Thousands writes n with thousands separators: 12,345. Every count a
// person reads (tables, summaries, messages) is written with it.
func Thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// clipMarked clips text with <mark> tags to n visible runes, keeping the
// tags balanced.
func clipMarked(s string, n int) string {
	var b strings.Builder
	visible := 0
	open := false
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "<mark>") {
			b.WriteString("<mark>")
			open = true
			i += len("<mark>")
			continue
		}
		if strings.HasPrefix(s[i:], "</mark>") {
			b.WriteString("</mark>")
			open = false
			i += len("</mark>")
			continue
		}
		if visible == n-1 && utf8.RuneCountInString(stripMarks(s[i:])) > 1 {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		visible++
		i += size
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}

func stripMarks(s string) string {
	return strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
}

func marks(s string, tty bool) string {
	if tty {
		return strings.NewReplacer("<mark>", "\033[1;33m", "</mark>", "\033[0m").Replace(s)
	}
	return strings.NewReplacer("<mark>", "*", "</mark>", "*").Replace(s)
}
