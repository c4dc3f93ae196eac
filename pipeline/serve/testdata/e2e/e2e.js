// The browser test of stimmung serve's page, run by TestBrowser
// (pipeline/serve/browser_test.go) with playwright-core and the system's
// Chromium. One phase a run, the server started by the Go test:
//
//   main      search with the keyboard, two facets, reload, a comment and
//             its explanation, the dashboard and a bar to its comments, a
//             queue item marked handled; screenshots
//   restart   (a new server on the same index) the mark is still there;
//             a comment with markup in its text stays text
//   readonly  (a server without --allow-writes) the mark is shown, nothing
//             can be changed
//   probe     (no server) whether the browser starts at all
//
// Environment: STIMMUNG_URL (the server), STIMMUNG_PHASE, STIMMUNG_CHROMIUM
// (the browser), STIMMUNG_SHOTS (a directory for the screenshots).
// Each step prints "ok STEP"; a failure exits 1 with what differed.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { chromium } = require('playwright-core');

const base = (process.env.STIMMUNG_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const phase = process.env.STIMMUNG_PHASE || 'main';
const shots = process.env.STIMMUNG_SHOTS || '';
const NOTE = 'Zurückgerufen, Gutschrift über 20 € veranlasst ✅';
const QUERY = 'Lieferung App Service';

const step = (what) => console.log(`ok ${what}`);

// api asks the server directly, to compare the page with the API.
async function api(p, init) {
  const res = await fetch(base + p, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${p}: ${res.status} ${body.error}`);
  return body;
}

// settled waits until the page shows the view of its address, and checks
// that no value went missing on the way into it.
async function settled(page) {
  await page.waitForFunction(() => {
    const m = document.getElementById('main');
    return m && m.dataset.rendered === location.hash && !m.hasAttribute('aria-busy');
  }, null, { timeout: 10000 });
  const junk = await page.evaluate(() => document.body.innerText.match(/.{0,40}\b(undefined|NaN|null|\[object Object\])\b.{0,40}/));
  assert.equal(junk, null, `the page shows ${junk && junk[0]}`);
}

async function shot(page, name, full) {
  if (!shots) return;
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.screenshot({ path: path.join(shots, name), fullPage: !!full });
}

const hitIDs = (page) => page.locator('.hit a.id').allTextContents();
const title = (page) => page.locator('#results-title').textContent();
const hashParams = (page) => new URLSearchParams(new URL(page.url()).hash.replace(/^#\/[a-z]+\??/, ''));

async function mainPhase(page) {
  const all = await api('/v1/search?size=0');
  await page.goto(`${base}/`);
  await settled(page);
  assert.equal(await title(page), `${all.total} comments`);
  step(`the page lists all ${all.total} comments`);

  // Search with the keyboard: "/" jumps to the box, Enter searches.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type(QUERY);
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(hashParams(page).get('q'), QUERY);
  const s1 = await api(`/v1/search?size=50&q=${encodeURIComponent(QUERY)}`);
  assert.equal(await title(page), `${s1.total} comments`);
  assert.deepEqual(await hitIDs(page), s1.hits.map((x) => x.id));
  const marked = await page.locator('.hit-text mark').allTextContents();
  assert.ok(marked.includes('Lieferung'), `highlighted: ${marked}`);
  step(`search "${QUERY}": ${s1.total} comments, matches highlighted (${marked.join(', ')})`);

  // Two facets: sentiment by a click, touchpoint by the keyboard.
  await page.locator('fieldset[data-facet="label"] label', { hasText: 'Negative' }).click();
  await settled(page);
  const box = page.locator('fieldset[data-facet="touchpoint"] label', { hasText: 'delivery' }).locator('input');
  await box.focus();
  await page.keyboard.press('Space');
  await settled(page);
  const hp = hashParams(page);
  assert.equal(hp.get('label'), 'negative');
  assert.equal(hp.get('touchpoint'), 'delivery');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'facet:touchpoint:delivery', 'focus stays on the checkbox');
  const s2 = await api(`/v1/search?size=50&q=${encodeURIComponent(QUERY)}&label=negative&touchpoint=delivery`);
  assert.ok(s2.total > 0 && s2.total < s1.total, `${s2.total} of ${s1.total}`);
  assert.equal(await title(page), `${s2.total} comments`);
  assert.deepEqual(await hitIDs(page), s2.hits.map((x) => x.id));
  for (const badge of await page.locator('.hit .badge').allTextContents()) assert.match(badge, /^negative/);
  step(`facets label=negative and touchpoint=delivery: ${s2.total} comments (${s2.hits.map((x) => x.id).join(', ')})`);

  // The address is the state: a reload shows the same.
  await page.reload();
  await settled(page);
  assert.equal(await title(page), `${s2.total} comments`);
  assert.ok(await page.locator('fieldset[data-facet="label"] input[data-key="facet:label:negative"]').isChecked());
  assert.ok(await page.locator('fieldset[data-facet="touchpoint"] input[data-key="facet:touchpoint:delivery"]').isChecked());
  assert.equal(await page.inputValue('#q'), QUERY);
  step('a reload restores query, facets and results');
  await shot(page, 'web-search.png');

  // A chosen value stays in its facet when no comment has it any more.
  await page.goto(`${base}/#/search?theme=billing&touchpoint=delivery`);
  await settled(page);
  assert.equal(await title(page), '0 comments');
  const billing = page.locator('fieldset[data-facet="theme"] li', { has: page.locator('input[data-key="facet:theme:billing"]') });
  assert.ok(await billing.locator('input').isChecked());
  assert.equal(await billing.locator('.fcount').textContent(), '0');
  step('a chosen facet value stays visible at 0');
  await page.goBack();
  await settled(page);

  // A comment and its explanation.
  const id = s2.hits.find((x) => x.id === 'R001') ? 'R001' : s2.hits[0].id;
  await page.locator('.hit a.id', { hasText: id }).click();
  await settled(page);
  assert.equal(await page.locator('h1').textContent(), `Comment ${id}`);
  const c = await api(`/v1/comments/${id}`);
  const explain = c.explained.explain;
  assert.ok(explain.length > 0, 'the comment has an explanation');
  const rows = page.locator('table.explain tbody tr');
  assert.equal(await rows.count(), explain.length);
  for (let i = 0; i < explain.length; i++) {
    const row = rows.nth(i);
    const text = await row.textContent();
    assert.ok(text.includes(explain[i].text), `row ${i + 1} lacks ${explain[i].text}: ${text}`);
    if (explain[i].source) assert.ok(text.includes(explain[i].source), `row ${i + 1} lacks ${explain[i].source}: ${text}`);
    for (const rule of explain[i].rules) assert.ok(text.includes(rule), `row ${i + 1} lacks the rule ${rule}`);
  }
  const lexical = explain.find((e) => /^lexicons\//.test(e.source));
  assert.ok(lexical, 'a word from a lexicon');
  const words = await page.locator('.comment-text a.w').allTextContents();
  assert.ok(words.some((w) => w.startsWith(lexical.text)), `the text marks ${lexical.text}: ${words}`);
  step(`comment ${id}: ${explain.length} words explained (${explain.map((e) => `${e.text} ← ${e.source || e.match}${e.rules.length ? ` [${e.rules.join('; ')}]` : ''}`).join(', ')})`);
  await shot(page, 'web-comment.png');

  await page.getByRole('link', { name: /Back to the results/ }).click();
  await settled(page);
  assert.equal(await title(page), `${s2.total} comments`);
  step('back to the same results');

  // The dashboard takes the search's filters along.
  await page.locator('nav.views a', { hasText: 'Dashboard' }).click();
  await settled(page);
  assert.equal(await page.locator('.filterbar input[type="search"]').inputValue(), QUERY);
  assert.ok((await page.locator('.chips').textContent()).includes('Touchpoint: delivery'));
  assert.ok((await page.locator('.chips').textContent()).includes('Sentiment: negative'));
  assert.match(await page.locator('.view-head .sub').textContent(), new RegExp(`^${s2.total} comments? `));
  step(`the dashboard takes the query and the search's filters, sentiment too: the ${s2.total} comments of the search`);

  // Below the minimum n a figure is "–", above it the report's value.
  await page.goto(`${base}/#/dashboard?min_n=30`);
  await settled(page);
  const npsTile = page.locator('.tile', { hasText: 'NPS' }).first();
  assert.equal(await npsTile.locator('.v').textContent(), '–');
  assert.match(await npsTile.locator('.i').first().textContent(), /n 25, below 30/);
  await page.goto(`${base}/#/dashboard?min_n=2`);
  await settled(page);
  const rep = await api('/v1/report?by=theme,day&min_n=2');
  const nps = (await npsTile.locator('.v').textContent()).replace('−', '-');
  assert.equal(Number(nps), Math.round(rep.nps.value * 10) / 10);
  step(`dashboard: NPS ${nps} (n ${rep.nps.n}); "–" below min n`);
  await shot(page, 'web-dashboard.png', true);

  // The CSAT tile opens the satisfied comments.
  const satisfied = await api('/v1/search?csat=satisfied&size=0');
  await page.locator('a.tile', { hasText: 'CSAT satisfied' }).click();
  await settled(page);
  assert.equal(hashParams(page).get('csat'), 'satisfied');
  assert.equal(await title(page), `${satisfied.total} comments`);
  step(`the tile "CSAT satisfied" opens its ${satisfied.total} comments`);
  await page.goBack();
  await settled(page);

  // A theme's bar opens its comments.
  const seg = rep.breakdowns.find((b) => b.by === 'theme').segments.find((x) => x.key === 'billing');
  const themes = page.locator('section.chart', { has: page.getByRole('heading', { name: /Themes by volume/ }) });
  await themes.locator('a.bar-row', { hasText: /^billing/ }).click();
  await settled(page);
  assert.equal(hashParams(page).get('theme'), 'billing');
  assert.equal(await title(page), `${seg.n} comments`);
  assert.deepEqual((await hitIDs(page)).sort(), seg.ids.comments.ids.slice().sort());
  step(`the bar "billing" (${seg.n}) opens its ${seg.n} comments: ${seg.ids.comments.ids.join(', ')}`);

  // A day's bar opens that day's comments.
  await page.goBack();
  await settled(page);
  const day = rep.breakdowns.find((b) => b.by === 'day').segments.find((x) => x.key === '2026-10-02');
  await page.locator('section.chart svg a[aria-label^="2 Oct: "]').first().click();
  await settled(page);
  const dp = hashParams(page);
  assert.equal(dp.get('since'), '2026-10-02');
  assert.equal(dp.get('until'), '2026-10-02');
  assert.equal(await title(page), `${day.n} comments`);
  for (const meta of await page.locator('.hit-head').allTextContents()) assert.ok(meta.includes('2026-10-02'), meta);
  step(`the point of 2 Oct opens its ${day.n} comments`);

  // The follow-up queue: mark the first item handled, with a note.
  await page.locator('nav.views a', { hasText: 'Follow-up queue' }).click();
  await settled(page);
  const q = await api('/v1/queue?status=open&queue_size=50');
  const first = q.queue[0];
  const item = page.locator(`li.qitem[data-id="${first.id}"]`);
  await item.locator('textarea').fill(NOTE);
  await item.getByRole('button', { name: 'Mark handled' }).click();
  await item.locator('.pill', { hasText: 'Handled' }).waitFor({ timeout: 5000 });
  const m = (await api(`/v1/comments/${first.id}`)).mark;
  assert.equal(m.status, 'handled');
  assert.equal(m.note, NOTE);
  step(`queue: ${first.id} (priority ${first.priority}) marked handled with a note`);
  await shot(page, 'web-queue.png');
  return first.id;
}

async function restartPhase(page) {
  // The mark is kept in the index directory: a new server still has it.
  await page.goto(`${base}/#/queue?status=handled`);
  await settled(page);
  const item = page.locator('li.qitem').first();
  const id = await item.getAttribute('data-id');
  assert.ok(await item.locator('.pill', { hasText: 'Handled' }).isVisible());
  assert.equal(await item.locator('textarea').inputValue(), NOTE);
  await item.locator('a.id').click();
  await settled(page);
  assert.equal(await page.locator('h1').textContent(), `Comment ${id}`);
  assert.equal(await page.locator('.mark-form textarea').inputValue(), NOTE);
  step(`after a restart ${id} is still handled, with its note`);

  // A comment with markup stays text: in its highlight and its own view.
  const hostile = { id: 'X<1>', date: '2026-10-09', touchpoint: 'web',
    text: 'Schadcode <img src=x onerror="window.__xss=1"> & <b>fett</b> &amp; <mark>nicht</mark> – Grüße 👋' };
  const res = await fetch(`${base}/v1/analyze?index=true`, { method: 'POST', body: JSON.stringify(hostile) });
  const analysed = JSON.parse(await res.text());
  assert.equal(res.status, 200, JSON.stringify(analysed));
  const want = analysed.text_normalized || analysed.text; // entities decoded: "&amp;" is "&"
  await page.goto(`${base}/#/search?q=Schadcode`);
  await settled(page);
  const text = await page.locator('.hit-text').first().textContent();
  assert.equal(text, want);
  assert.ok(text.includes('<img src=x onerror="window.__xss=1"> & <b>fett</b> & <mark>nicht</mark> – Grüße 👋'), text);
  assert.equal(await page.locator('.hit-text img, .hit-text b').count(), 0);
  assert.deepEqual(await page.locator('.hit-text mark').allTextContents(), ['Schadcode']);
  await page.locator('.hit a.id').first().click();
  await settled(page);
  assert.equal(await page.locator('h1').textContent(), 'Comment X<1>');
  assert.ok((await page.locator('.comment-text').textContent()).startsWith(want), 'the comment view shows the text as text');
  assert.equal(await page.locator('.comment-text img, .comment-text b, .comment-text mark').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  step('markup in a comment is shown as text (highlight, comment view), umlauts and emoji intact');
}

async function readonlyPhase(page) {
  await page.goto(`${base}/#/queue?status=handled`);
  await settled(page);
  assert.ok((await page.locator('#health').textContent()).includes('read-only'));
  const item = page.locator('li.qitem').first();
  assert.equal(await item.locator('.mark-note').textContent(), NOTE);
  assert.equal(await item.locator('textarea, button').count(), 0);
  assert.ok((await page.locator('main').textContent()).includes('read-only'));
  step('a read-only server shows the marks and offers no way to change them');
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.STIMMUNG_CHROMIUM || undefined,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    if (phase === 'probe') await page.goto('about:blank'); // does the browser start here?
    else if (phase === 'main') await mainPhase(page);
    else if (phase === 'restart') await restartPhase(page);
    else if (phase === 'readonly') await readonlyPhase(page);
    else throw new Error(`unknown phase ${phase}`);
    assert.deepEqual(problems, [], 'the page logged errors (a CSP violation is one)');
    step('no script errors, no CSP violations');
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(`FAIL (${phase}): ${e.stack || e}`);
  process.exit(1);
});
