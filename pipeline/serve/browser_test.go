package serve_test

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stimmung/stimmung/pipeline/serve"
)

// The browser test drives the page in a real browser: Chromium from the
// system (Debian's package), headless, through playwright-core from npm
// (installed once into the user's cache directory; it downloads no
// browser). The script is testdata/e2e/e2e.js; its package.json pins the
// version.
const (
	e2eDir        = "testdata/e2e"
	e2eCacheName  = "stimmung-e2e"
	npmTimeout    = 3 * time.Minute
	aptTimeout    = 5 * time.Minute
	phaseTimeout  = 90 * time.Second
	minNodeMajor  = 20                            // playwright-core's engines
	envSkip       = "STIMMUNG_E2E"                // "skip" skips the test
	envChromium   = "STIMMUNG_CHROMIUM"           // a browser to use instead of the one on PATH
	envUpdateShot = "STIMMUNG_UPDATE_SCREENSHOTS" // "1" writes the README's screenshots to testdata/
)

// The screenshots the script takes, and those the README shows
// (testdata/NAME with STIMMUNG_UPDATE_SCREENSHOTS=1).
var (
	allShots    = []string{"web-search.png", "web-dashboard.png", "web-comment.png", "web-queue.png"}
	readmeShots = []string{"web-search.png", "web-dashboard.png", "web-comment.png"}
)

// TestBrowser is the end-to-end test of the web page (issue 14, item 4):
// over the sample's index it searches with the keyboard, applies two
// facets, reloads, opens a comment and checks its explanation against the
// API, checks the dashboard's figures and follows a bar and a point to
// their comments, marks a queue item handled with a note; then it starts a
// new server on the same index and finds the mark kept, indexes a comment
// full of markup and sees it shown as text; last, a read-only server shows
// the mark and offers no way to change it. No script error and no CSP
// violation may occur. It skips, saying why, where node, npm or Chromium
// cannot be had.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser test")
	}
	if os.Getenv(envSkip) == "skip" {
		t.Skip(envSkip + "=skip")
	}
	node := nodeTool(t)
	browser := chromiumPath(t)
	modules := playwrightCore(t)
	script, err := filepath.Abs(filepath.Join(e2eDir, "e2e.js"))
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"NODE_PATH=" + modules, envChromium + "=" + browser}

	// Can this browser start here at all (a container without the
	// libraries or the sandbox it needs)? If not, the page is not at fault.
	if out, err := runNode(node, script, "probe", "", env); err != nil {
		t.Skipf("Chromium (%s) does not start here: %v\n%s", browser, err, out)
	}

	start := time.Now()
	dir := sampleIndex(t)
	shots := t.TempDir()
	phase := func(name string, writes bool) {
		t.Helper()
		url, stop := startServer(t, dir, writes)
		defer stop()
		out, err := runNode(node, script, name, url, append(env, "STIMMUNG_SHOTS="+shots))
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			t.Logf("%s: %s", name, line)
		}
		if err != nil {
			t.Fatalf("the browser test's phase %q failed: %v", name, err)
		}
	}
	phase("main", true)
	phase("restart", true) // a new server on the same index
	phase("readonly", false)
	t.Logf("three phases in %.1f s", time.Since(start).Seconds())

	for _, name := range allShots {
		checkScreenshot(t, filepath.Join(shots, name))
	}
	if os.Getenv(envUpdateShot) == "1" {
		for _, name := range readmeShots {
			b, err := os.ReadFile(filepath.Join(shots, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("..", "..", "testdata", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %s to testdata/", strings.Join(readmeShots, ", "))
	}
}

// startServer serves the index in dir on a free loopback port, in this
// process, and returns its address and a function that stops it (the
// requests under way finish, the index and the follow-up store close).
func startServer(t *testing.T, dir string, writes bool) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Options{Addr: ln.Addr().String(), IndexDir: dir, AllowWrites: writes,
		Config: testConfig(t)})
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
		if err := srv.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	}
}

// runNode runs one phase of the script and returns its output.
func runNode(node, script, phase, url string, env []string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), phaseTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "STIMMUNG_PHASE="+phase, "STIMMUNG_URL="+url)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = errors.Join(err, errors.New("timed out after "+phaseTimeout.String()))
	}
	return string(out), err
}

// nodeTool finds node (version 20 or later) and npm, or skips.
func nodeTool(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node on PATH: the browser test needs node 20+ and npm (apt-get install nodejs npm)")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("no npm on PATH: the browser test installs playwright-core with it")
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		t.Skipf("node --version: %v", err)
	}
	m := regexp.MustCompile(`^v(\d+)\.`).FindStringSubmatch(strings.TrimSpace(string(out)))
	if m == nil {
		t.Skipf("node --version said %q", out)
	}
	if major, _ := strconv.Atoi(m[1]); major < minNodeMajor {
		t.Skipf("node %s: playwright-core needs node %d or later", strings.TrimSpace(string(out)), minNodeMajor)
	}
	return node
}

// chromiumPath finds Chromium: $STIMMUNG_CHROMIUM, else chromium or
// chromium-browser on PATH. Where there is none and the test runs as
// root with apt-get, it tries to install Debian's package once, within
// aptTimeout; else it skips.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(envChromium); p != "" {
		return p
	}
	find := func() string {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				return p
			}
		}
		return ""
	}
	if p := find(); p != "" {
		return p
	}
	apt, err := exec.LookPath("apt-get")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("no Chromium on PATH (chromium or chromium-browser; or set " + envChromium + "): install it with apt-get install chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), aptTimeout)
	defer cancel()
	var log bytes.Buffer
	for _, args := range [][]string{{"update", "-q"}, {"install", "-y", "-q", "--no-install-recommends", "chromium"}} {
		cmd := exec.CommandContext(ctx, apt, args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = &log, &log
		if err := cmd.Run(); err != nil {
			t.Skipf("no Chromium on PATH, and apt-get %s failed: %v\n%s", args[0], err, tail(log.String(), 2000))
		}
	}
	if p := find(); p != "" {
		t.Logf("installed Chromium: %s", p)
		return p
	}
	t.Skip("apt-get installed chromium, but it is not on PATH")
	return ""
}

// playwrightCore installs the package.json of testdata/e2e (playwright-core,
// pinned) into the user's cache directory, once, and returns its
// node_modules; it skips when npm cannot install it (offline).
func playwrightCore(t *testing.T) string {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(e2eDir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, e2eCacheName)
	modules := filepath.Join(dir, "node_modules")
	have, _ := os.ReadFile(filepath.Join(dir, "package.json"))
	if bytes.Equal(have, want) {
		if _, err := os.Stat(filepath.Join(modules, "playwright-core", "package.json")); err == nil {
			return modules
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("cache directory for playwright-core: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), want, 0o644); err != nil {
		t.Skipf("cache directory for playwright-core: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), npmTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		os.Remove(filepath.Join(dir, "package.json")) // try again next time
		t.Skipf("npm install playwright-core into %s failed (offline?): %v\n%s", dir, err, tail(string(out), 2000))
	}
	t.Logf("installed playwright-core into %s", dir)
	return modules
}

// checkScreenshot decodes a screenshot and checks it is the laptop's
// width and not blank.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	b := img.Bounds()
	if b.Dx() != 1366 || b.Dy() < 768 {
		t.Errorf("%s: %dx%d, want 1366 wide and at least 768 high", filepath.Base(path), b.Dx(), b.Dy())
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 5 {
		for x := b.Min.X; x < b.Max.X; x += 5 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("%s has %d colours: blank?", filepath.Base(path), len(colours))
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
