package synth

// writeText fills g.text with a feedback text for touchpoint tp.
func (g *Generator) writeText(tp, recPol int) {
	r := g.r
	l := g.l
	g.text = g.text[:0]
	g.tl = &l.tps[tp]
	g.lastQ = ""
	g.told = 0
	g.prod = r.IntN(len(l.products))
	g.order = r.IntN(len(g.d.orderNumbers))
	g.city = r.IntN(len(g.d.cities))
	g.city2 = (g.city + 1 + r.IntN(len(g.d.cities)-1)) % len(g.d.cities)
	themes := touchpoints[tp].themes
	primary := themes[r.IntN(len(themes))]

	words := 0
	if r.IntN(100) < 3 {
		// A long, several-sentence text that tells a story.
		target := 80 + r.IntN(56)
		if r.IntN(100) < 60 {
			words += g.narrative()
		}
		for words < target {
			if r.IntN(100) < 25 {
				words += g.narrative()
			} else {
				words += g.sentence(themes, primary, recPol)
			}
		}
	} else {
		n := 1
		switch u := r.IntN(100); {
		case u >= 78:
			n = 3
		case u >= 30:
			n = 2
		}
		for i := 0; i < n; i++ {
			words += g.sentence(themes, primary, recPol)
		}
		if words < 6 && r.IntN(5) != 0 {
			g.sentence(themes, primary, recPol)
		}
	}
	capitalize(g.text, l.german)

	if r.IntN(100) == 0 {
		e := emojis[recPol]
		g.text = append(g.text, ' ')
		g.text = append(g.text, e[r.IntN(len(e))]...)
	}
	if r.IntN(100) < 4 {
		// Some people type everything in lower case and skip the full stop.
		for i, c := range g.text {
			if 'A' <= c && c <= 'Z' {
				g.text[i] = c + 'a' - 'A'
			}
		}
		if n := len(g.text); n > 0 && g.text[n-1] == '.' {
			g.text = g.text[:n-1]
		}
	}
}

// sentence appends one sentence (with a leading space unless it is the first)
// and returns the number of words it added.
func (g *Generator) sentence(themes []int, primary, recPol int) int {
	r := g.r
	start := g.beginSentence()
	pol := recPol
	if pol == mixed {
		pol = r.IntN(2)
	}
	contrast := r.IntN(100) < 18
	if recPol == mixed {
		contrast = r.IntN(2) == 0
	}
	if contrast {
		f := &g.l.contrast[r.IntN(len(g.l.contrast))]
		g.clauseTheme(themes, primary)
		g.pol = 1 - pol
		g.expand(f.a)
		first := g.th
		// Praise and blame for the same thing reads as nonsense: contrast
		// two themes where the touchpoint allows it.
		for i := 0; i < 4 && g.th == first; i++ {
			g.clauseTheme(themes, primary)
		}
		g.pol = pol
		g.expand(f.b)
	} else {
		g.clauseTheme(themes, primary)
		g.pol = pol
		t := g.tl.tmpl[pol]
		g.expand(t[r.IntN(len(t))])
	}
	return countWords(g.text[start:])
}

// narrative appends a polarity-free sentence of a story and returns its word
// count. A sentence already told in this record is redrawn (twice at most).
func (g *Generator) narrative() int {
	start := g.beginSentence()
	n := g.tl.narrative
	i := g.r.IntN(len(n))
	for try := 0; try < 2 && g.told&(1<<(i&63)) != 0; try++ {
		i = g.r.IntN(len(n))
	}
	g.told |= 1 << (i & 63)
	g.expand(n[i])
	g.text = append(g.text, '.')
	return countWords(g.text[start:])
}

func (g *Generator) beginSentence() int {
	if len(g.text) > 0 {
		g.text = append(g.text, ' ')
	}
	return len(g.text)
}

// clauseTheme picks the theme and grammatical subject of the next clause:
// mostly the record's primary theme, otherwise another theme of the touchpoint.
func (g *Generator) clauseTheme(themes []int, primary int) {
	t := primary
	if g.r.IntN(100) >= 55 {
		t = themes[g.r.IntN(len(themes))]
	}
	g.th = &g.tl.themes[t]
	g.subj = &g.th.subj[g.r.IntN(len(g.th.subj))]
}

func countWords(b []byte) int {
	n := 1
	for _, c := range b {
		if c == ' ' {
			n++
		}
	}
	return n
}

// capitalize upper-cases the first letter of the text and of every sentence
// (after ". ", "! ", "? ", and in German also ": ", since the German templates
// put whole sentences after a colon), including German umlauts.
func capitalize(b []byte, afterColon bool) {
	up := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case (c == '.' || c == '!' || c == '?' || c == ':' && afterColon) && i+1 < len(b) && b[i+1] == ' ':
			up = true
		case !up:
		case 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
			up = false
		case c == 0xC3 && i+1 < len(b):
			switch b[i+1] {
			case 0xA4, 0xB6, 0xBC: // ä ö ü → Ä Ö Ü
				b[i+1] -= 0x20
			}
			up = false
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			up = false
		}
	}
}
