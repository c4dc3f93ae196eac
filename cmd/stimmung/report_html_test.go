package main

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportHTMLScreenshot writes the HTML report of the sample and takes
// a screenshot of it in headless Chromium: the page renders offline (no
// script, no network), and the screenshot is neither empty nor blank. It
// skips where no Chromium is installed (apt-get install chromium).
func TestReportHTMLScreenshot(t *testing.T) {
	browser := ""
	for _, b := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(b); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no Chromium to take a screenshot with (install it with: apt-get install chromium)")
	}
	analysed, errs, code := run(t, nil, "analyze", "-q", "../../testdata/sample/feedback.csv")
	if code != 0 {
		t.Fatalf("analyze: %s", errs)
	}
	dir := t.TempDir()
	html := filepath.Join(dir, "report.html")
	if _, errs, code := run(t, []byte(analysed), "report", "--min-n", "2", "--by", "day", "--html", html); code != 0 {
		t.Fatalf("report --html: exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", "NPS over time", "Themes by volume", "Theme impact on NPS", "Follow-up queue", "R005",
		"Comments behind the figures", `<a class="tile" href="#ids-kpi-nps">`, `<tbody id="ids-kpi-nps">`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, banned := range []string{"<script", "<link", `src="http`, "url(http"} {
		if strings.Contains(string(page), banned) {
			t.Errorf("the page has %q: it must open offline", banned)
		}
	}
	shot := filepath.Join(dir, "report.png")
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--window-size=900,2000", "--screenshot="+shot, "file://"+html)
	done := make(chan error, 1)
	go func() { done <- cmd.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Skipf("Chromium could not run here: %v", err)
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Skip("Chromium did not finish within 90 s")
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 900 || b.Dy() != 2000 {
		t.Errorf("screenshot of %v", b)
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("the screenshot has %d colours: blank?", len(colours))
	}
	// The red of the negative bars and the green of the positive ones.
	if !colours[[3]uint32{0xc, 0x3, 0x2}] || !colours[[3]uint32{0x1, 0x8, 0x4}] {
		t.Errorf("the screenshot lacks the charts' red and green")
	}
}
