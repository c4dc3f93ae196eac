// stimmung's page for analysts: search with facets, a comment with its score
// explained word by word, the dashboard of the report, the follow-up queue.
//
// Plain JavaScript, no framework, no build step, nothing from another
// origin. The server's Content-Security-Policy allows no inline script and
// no inline style, so every element is built with the DOM (never innerHTML
// with data): comment text can never become markup. All state is in the
// address (#/search?q=…&theme=…), so a link shows the same view to a
// colleague and a reload restores it.
'use strict';

(function () {
  // ---------------------------------------------------------------- DOM

  const SVGNS = 'http://www.w3.org/2000/svg';
  const PROPS = new Set(['value', 'checked', 'disabled', 'indeterminate', 'selected', 'open']);

  // h builds an HTML element: h('a', {href: '#', class: 'x', onclick: f}, 'text', child…).
  function h(tag, props, ...kids) {
    return build(document.createElement(tag), props, kids);
  }

  // s builds an SVG element.
  function s(tag, props, ...kids) {
    return build(document.createElementNS(SVGNS, tag), props, kids);
  }

  function build(el, props, kids) {
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') el.textContent = v;
        else if (k === 'style') for (const [p, x] of Object.entries(v)) el.style.setProperty(p, x); // CSSOM: allowed by the CSP
        else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else if (PROPS.has(k)) el[k] = v;
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    add(el, kids);
    return el;
  }

  function add(el, kids) {
    for (const k of kids) {
      if (k === null || k === undefined || k === false) continue;
      if (Array.isArray(k)) add(el, k);
      else if (k instanceof Node) el.appendChild(k);
      else el.appendChild(document.createTextNode(String(k)));
    }
  }

  let uidN = 0;
  const uid = (p) => `${p || 'u'}${++uidN}`;

  function announce(msg) {
    const live = document.getElementById('live');
    live.textContent = '';
    setTimeout(() => { live.textContent = msg; }, 30);
  }

  // ---------------------------------------------------------------- text

  // highlighted turns one of the API's highlight fragments into nodes.
  // Bleve escapes the comment's text (<, >, &, ', ") and adds only <mark>
  // and </mark>; so the fragment is split on exactly those two tags, every
  // other piece is unescaped and becomes a text node. Markup in a comment
  // stays text whether or not it was escaped.
  function highlighted(fragment) {
    const out = document.createDocumentFragment();
    let inMark = false;
    for (const part of String(fragment).split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') { inMark = true; continue; }
      if (part === '</mark>') { inMark = false; continue; }
      if (part === '') continue;
      const text = unescapeHTML(part);
      out.appendChild(inMark ? h('mark', null, text) : document.createTextNode(text));
    }
    return out;
  }

  const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#34': '"', '#39': "'" };
  function unescapeHTML(t) {
    return t.replace(/&(lt|gt|amp|quot|apos|#34|#39);/g, (m, e) => ENTITIES[e]);
  }

  // byteIndex maps the API's offsets (bytes of UTF-8) to string indices.
  function byteIndex(text) {
    const at = new Map();
    let b = 0;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      at.set(b, i);
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    at.set(b, text.length);
    return (off) => {
      if (at.has(off)) return at.get(off);
      while (off > 0 && !at.has(off)) off--; // inside a character: its start
      return at.get(off) || 0;
    };
  }

  const nf = (d) => new Intl.NumberFormat('en', { minimumFractionDigits: d, maximumFractionDigits: d });
  const NF = [nf(0), nf(1), nf(2), nf(3)];
  function num(v, d = 1) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    return NF[d].format(v).replace('-', '−');
  }
  function signed(v, d = 1) {
    if (v === null || v === undefined) return '–';
    const t = num(v, d);
    return v > 0 ? `+${t}` : t;
  }
  const plural = (n, one, many) => `${NF[0].format(n)} ${n === 1 ? one : many}`;

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function monthName(m) {
    const [y, mm] = m.split('-');
    return `${MONTHS[Number(mm) - 1] || mm} ${y}`;
  }
  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }

  // ---------------------------------------------------------------- dates

  const pad2 = (n) => String(n).padStart(2, '0');
  const ymd = (d) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  function lastDay(month) { // "2026-02" → "2026-02-28"
    const [y, m] = month.split('-').map(Number);
    return ymd(new Date(Date.UTC(y, m, 0)));
  }
  function addMonths(month, n) {
    const [y, m] = month.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 + n, 1));
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
  }
  // normSince and normUntil accept a month as the API does and give a day.
  const normSince = (v) => (/^\d{4}-\d{2}$/.test(v) ? `${v}-01` : v);
  const normUntil = (v) => (/^\d{4}-\d{2}$/.test(v) ? lastDay(v) : v);

  // periodRange gives the days of a breakdown's period key: a day, an ISO
  // week (2026-W40), a month or a quarter (2026-Q4).
  function periodRange(key) {
    let m;
    if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return [key, key];
    if (/^\d{4}-\d{2}$/.test(key)) return [`${key}-01`, lastDay(key)];
    if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) {
      const first = `${m[1]}-${pad2((Number(m[2]) - 1) * 3 + 1)}`;
      return [`${first}-01`, lastDay(addMonths(first, 2))];
    }
    if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) {
      const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (Number(m[2]) - 1) * 7 * 864e5);
      return [ymd(monday), ymd(new Date(monday.getTime() + 6 * 864e5))];
    }
    return null;
  }
  function periodLabel(key) {
    if (/^\d{4}-\d{2}$/.test(key)) return monthName(key);
    if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return `${Number(key.slice(8))} ${MONTHS[Number(key.slice(5, 7)) - 1]}`;
    return key;
  }

  // ---------------------------------------------------------------- API

  class APIError extends Error {
    constructor(msg, status) { super(msg); this.status = status; }
  }

  async function api(path, params, init) {
    const qs = params && String(params);
    let res;
    try {
      res = await fetch(qs ? `${path}?${qs}` : path, Object.assign({ headers: { Accept: 'application/json' }, credentials: 'same-origin' }, init));
    } catch (e) {
      throw new APIError('The server does not answer. Is stimmung serve still running?', 0);
    }
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
    if (!res.ok) {
      let msg = (body && body.error) || `${res.status} ${res.statusText}`;
      if (res.status === 401) msg += '. Open the address the server printed at start (/?token=…) once in this browser.';
      throw new APIError(msg, res.status);
    }
    return body;
  }

  let health = { writes: false };

  async function loadHealth() {
    const el = document.getElementById('health');
    try {
      health = await api('/healthz');
      el.replaceChildren();
      add(el, [
        h('span', { class: 'num' }, plural(health.documents, 'comment', 'comments'), ' indexed'),
        health.writes ? h('span', { class: 'pill ok', title: 'Analysts can mark queue items handled' }, 'writes allowed')
          : h('span', { class: 'pill', title: 'Started without --allow-writes: nothing can be changed' }, 'read-only'),
        health.version ? h('span', { class: 'muted' }, /^\d/.test(health.version) ? `v${health.version}` : health.version) : null]);
      if (health.incomplete) {
        document.getElementById('banner').replaceChildren(h('div', { class: 'banner' }, h('p', { class: 'note-box', role: 'status' },
          'The last import into this index did not finish: some comments may be missing. Running the same import again completes it.')));
      }
    } catch (e) {
      el.replaceChildren(h('span', { class: 'pill warn' }, 'server unreachable'));
    }
  }

  // ---------------------------------------------------------------- routing

  // The address: #/VIEW[/ARG][?PARAMS].
  function parseHash() {
    let raw = location.hash.replace(/^#\/?/, '');
    const q = raw.indexOf('?');
    const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
    raw = q >= 0 ? raw.slice(0, q) : raw;
    const slash = raw.indexOf('/');
    const view = (slash >= 0 ? raw.slice(0, slash) : raw) || 'search';
    let arg = slash >= 0 ? raw.slice(slash + 1) : '';
    try { arg = decodeURIComponent(arg); } catch (e) { /* keep it raw */ }
    return { view, arg, params };
  }

  function link(view, params, arg) {
    const qs = params ? String(params) : '';
    return `#/${view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ''}${qs ? `?${qs}` : ''}`;
  }

  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // vals reads a multi-valued parameter: repeated or comma-separated.
  function vals(p, key) {
    return p.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }

  // withParams copies p with changes: a key set to a list replaces the
  // key, to null removes it. Paging starts again unless keepPage.
  function withParams(p, changes, keepPage) {
    const n = new URLSearchParams(p);
    for (const [k, v] of Object.entries(changes)) {
      n.delete(k);
      if (v === null || v === undefined || v === '') continue;
      for (const x of Array.isArray(v) ? v : [v]) if (x !== '') n.append(k, x);
    }
    if (!keepPage && !('from' in changes)) n.delete('from');
    return n;
  }

  // The filters the search, the dashboard and the queue share, and the
  // subset the report answers (its nps takes the groups only; the score
  // range and the CSAT group stay with the search).
  const SEARCH_FILTERS = ['q', 'theme', 'label', 'lang', 'touchpoint', 'flag', 'nps', 'csat', 'sentiment', 'since', 'until'];
  const REPORT_FILTERS = ['q', 'theme', 'label', 'lang', 'touchpoint', 'flag', 'nps', 'since', 'until'];
  const NPS_GROUPS = ['promoter', 'passive', 'detractor'];

  function pick(p, keys) {
    const n = new URLSearchParams();
    for (const k of keys) for (const v of p.getAll(k)) if (v.trim() !== '') n.append(k, v);
    return n;
  }

  // pickReport is pick of the report's filters: an NPS range (nps=0-6, which
  // only the search reads) is left out.
  function pickReport(p) {
    const n = pick(p, REPORT_FILTERS);
    const groups = vals(n, 'nps').filter((v) => NPS_GROUPS.includes(v.toLowerCase()));
    n.delete('nps');
    if (groups.length) n.set('nps', groups.join(','));
    return n;
  }

  const views = { search: viewSearch, comment: viewComment, dashboard: viewDashboard, queue: viewQueue };
  let routeSeq = 0;
  let lastView = '';
  let lastParams = { search: '', dashboard: '', queue: '' };

  async function route() {
    if (location.hash && !location.hash.startsWith('#/')) return; // an anchor within the page
    const hash = location.hash;
    const r = parseHash();
    if (!views[r.view]) { go('#/search'); return; }
    const seq = ++routeSeq;
    const stale = () => seq !== routeSeq;
    const main = document.getElementById('main');
    const focusKey = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : undefined;
    const sameView = r.view === lastView;
    main.setAttribute('aria-busy', 'true');
    updateNav(r);
    let content;
    try {
      content = await views[r.view](r, stale);
    } catch (e) {
      if (stale()) return;
      content = errorView(e, r);
    }
    if (stale() || !content) return;
    main.replaceChildren(content);
    main.removeAttribute('aria-busy');
    main.dataset.rendered = hash; // the address shown, for tests and tools
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (sameView) {
      const again = focusKey && !focusKey.startsWith('page-') ? main.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) : null;
      if (again) again.focus();
      else if (focusKey || focusLost) {
        const hd = main.querySelector('[data-focus]') || main.querySelector('h1');
        if (hd) {
          if (!hd.hasAttribute('tabindex')) hd.setAttribute('tabindex', '-1');
          hd.focus({ preventScroll: true });
          if (focusKey && focusKey.startsWith('page-')) hd.scrollIntoView({ block: 'start' });
        }
      }
    } else {
      window.scrollTo(0, 0);
      const hd = main.querySelector('h1');
      if (hd && lastView !== '') { hd.setAttribute('tabindex', '-1'); hd.focus({ preventScroll: true }); }
    }
    lastView = r.view;
    document.title = `${titleOf(r)} · stimmung`;
  }

  function titleOf(r) {
    if (r.view === 'comment') return `Comment ${r.arg}`;
    if (r.view === 'search') return r.params.get('q') ? `“${r.params.get('q')}”` : 'Search';
    return { dashboard: 'Dashboard', queue: 'Follow-up queue' }[r.view];
  }

  // updateNav marks the current view and carries the filters from one view
  // to the others, so "Dashboard" shows the figures of what was searched.
  function updateNav(r) {
    if (r.view !== 'comment') lastParams[r.view] = String(r.params);
    for (const a of document.querySelectorAll('.views a')) {
      const v = a.dataset.view;
      if (v === r.view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
      let p = new URLSearchParams(lastParams[v] || '');
      if (r.view !== 'comment' && v !== r.view) {
        const shared = pickReport(r.params);
        p = withParams(p, Object.fromEntries(REPORT_FILTERS.map((k) => [k, shared.getAll(k)])));
      }
      a.setAttribute('href', link(v, p));
    }
  }

  function errorView(e, r) {
    return h('div', null,
      h('div', { class: 'alert', role: 'alert' }, h('strong', null, 'Could not load this view. '), e.message),
      h('p', null, h('a', { href: '#/search' }, 'Start a new search')));
  }

  // ---------------------------------------------------------------- shared pieces

  const LANGS = { de: 'German', en: 'English' };
  const FLAG_NAMES = { no_content: 'no content', effort: 'effort', urgent: 'urgent', churn: 'churn risk', mismatch: 'rating ≠ text' };
  const cap = (t) => t.charAt(0).toUpperCase() + t.slice(1);

  function themeName(path) {
    const parts = path.split('/');
    if (parts.length === 1) return document.createTextNode(path.replace(/_/g, ' '));
    return h('span', null, h('span', { class: 'parent' }, parts.slice(0, -1).join(' › ').replace(/_/g, ' '), ' › '), parts[parts.length - 1].replace(/_/g, ' '));
  }
  const themeText = (path) => path.split('/').join(' › ').replace(/_/g, ' ');

  function sentimentBadge(sent) {
    if (!sent) return h('span', { class: 'badge' }, 'no text');
    return h('span', { class: `badge ${sent.label}`, title: `Sentiment score ${sent.score} in −1…+1` },
      h('span', { class: `dot ${sent.label}`, 'aria-hidden': 'true' }), sent.label, h('span', { class: 'sc' }, signed(sent.score, 2)));
  }

  function ratings(rec) {
    const out = [];
    if (rec.nps !== undefined && rec.nps !== null) out.push(h('span', { class: `rating ${rec.nps_group || ''}`, title: rec.nps_group ? `NPS ${rec.nps}: ${rec.nps_group}` : 'NPS' }, 'NPS ', h('b', null, rec.nps)));
    if (rec.csat !== undefined && rec.csat !== null) out.push(h('span', { class: `rating ${rec.csat_group || ''}`, title: rec.csat_group ? `CSAT ${rec.csat}: ${rec.csat_group}` : 'CSAT' }, 'CSAT ', h('b', null, rec.csat)));
    if (rec.ces !== undefined && rec.ces !== null) out.push(h('span', { class: 'rating', title: 'Customer effort score' }, 'CES ', h('b', null, rec.ces)));
    return out;
  }

  function prioClass(p) { return p >= 60 ? 'prio high' : p >= 30 ? 'prio mid' : 'prio'; }

  // markForm shows a comment's follow-up state and lets an analyst change
  // it (POST /v1/queue/ID); read-only servers show the state only.
  function markForm(id, mark, onSaved, quiet) {
    const handled = mark && mark.status === 'handled';
    const wrap = h('div', { class: 'mark-form' });
    const noteID = uid('note');
    const state = h('p', { class: 'mark-state' },
      h('span', { class: `pill ${handled ? 'status-handled' : 'status-open'}` }, handled ? 'Handled' : 'Open'),
      mark && mark.updated ? h('span', { class: 'when' }, `${handled ? 'marked' : 'reopened'} ${when(mark.updated)}`) : null);
    wrap.appendChild(state);
    if (!health.writes) {
      if (mark && mark.note) wrap.appendChild(h('p', { class: 'mark-note' }, mark.note));
      if (!quiet) wrap.appendChild(h('p', { class: 'hint' }, 'Read-only server: start it with --allow-writes to mark comments handled.'));
      return wrap;
    }
    const note = h('textarea', { id: noteID, rows: mark && mark.note ? 2 : 1, maxlength: 4096, 'data-key': `note:${id}`, placeholder: 'Note: what was done…' });
    note.value = (mark && mark.note) || '';
    const err = h('p', { class: 'hint', role: 'alert' });
    const save = async (status) => {
      if (new TextEncoder().encode(note.value.trim()).length > 4096) {
        err.textContent = 'The note is too long: at most 4,096 bytes (about 4,000 letters).';
        note.focus();
        return;
      }
      for (const b of wrap.querySelectorAll('button')) b.disabled = true;
      try {
        const m = await api(`/v1/queue/${encodeURIComponent(id)}`, null, {
          method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ status, note: note.value.trim() }),
        });
        announce(`${id} ${status === 'handled' ? 'marked handled' : 'reopened'}`);
        const again = markForm(id, m, onSaved, quiet);
        wrap.replaceWith(again);
        const btn = again.querySelector('button');
        if (btn) btn.focus();
        if (onSaved) onSaved(m);
      } catch (e) {
        err.textContent = e.message;
        for (const b of wrap.querySelectorAll('button')) b.disabled = false;
      }
    };
    const form = h('form', {
      class: 'mark-form',
      onsubmit: (ev) => { ev.preventDefault(); save('handled'); },
    },
    h('label', { for: noteID, class: 'sr-only' }, `Note on ${id}`),
    note,
    h('div', { class: 'mark-actions' },
      h('button', { type: 'submit', class: 'primary', 'data-key': `mark:${id}` }, handled ? 'Save note' : 'Mark handled'),
      handled ? h('button', { type: 'button', 'data-key': `reopen:${id}`, onclick: () => save('open') }, 'Reopen') : null),
    err);
    wrap.appendChild(form);
    return wrap;
  }

  // chips lists the active filters as buttons that remove one each.
  function chips(p, view, keys) {
    const out = [];
    const label = { theme: 'Theme', label: 'Sentiment', lang: 'Language', touchpoint: 'Touchpoint', flag: 'Flag', nps: 'NPS', csat: 'CSAT', sentiment: 'Score', since: 'From', until: 'To' };
    for (const k of keys) {
      if (k === 'q') continue;
      for (const v of vals(p, k)) {
        const rest = vals(p, k).filter((x) => x !== v);
        const shown = k === 'theme' ? themeText(v) : k === 'lang' ? (LANGS[v] || v) : k === 'flag' ? (FLAG_NAMES[v] || v) : v;
        out.push(h('button', {
          type: 'button', class: 'chip', 'data-key': `chip:${k}:${v}`, 'aria-label': `Remove filter ${label[k]} ${shown}`,
          onclick: () => go(link(view, withParams(p, { [k]: rest }))),
        }, h('span', null, `${label[k]}: `, h('b', null, shown)), h('span', { class: 'x', 'aria-hidden': 'true' }, '×')));
      }
    }
    if (out.length > 1) {
      out.push(h('button', { type: 'button', class: 'link chip-clear', 'data-key': 'chip:clear', onclick: () => go(link(view, withParams(p, Object.fromEntries(keys.filter((k) => k !== 'q').map((k) => [k, null]))))) }, 'Clear all filters'));
    }
    return out.length ? h('div', { class: 'chips', role: 'group', 'aria-label': 'Active filters' }, out) : null;
  }

  // ---------------------------------------------------------------- search

  // The facets of the search view: the facet the API counts, the filter
  // parameter that selects its values (month selects a date range).
  const FACETS = [
    { name: 'label', param: 'label', title: 'Sentiment' },
    { name: 'theme', param: 'theme', title: 'Theme' },
    { name: 'nps_group', param: 'nps', title: 'NPS group' },
    { name: 'csat_group', param: 'csat', title: 'CSAT group' },
    { name: 'touchpoint', param: 'touchpoint', title: 'Touchpoint' },
    { name: 'lang', param: 'lang', title: 'Language' },
    { name: 'flags', param: 'flag', title: 'Flags' },
    { name: 'month', param: null, title: 'Month' },
  ];
  const FACET_SHOWN = 8;
  const FACET_SIZE = 100;
  const expanded = new Set();

  const SORTS = [
    ['', 'Relevance'], ['-date', 'Newest first'], ['date', 'Oldest first'], ['-priority', 'Priority'],
    ['score', 'Most negative'], ['-score', 'Most positive'], ['nps', 'Lowest NPS'],
  ];

  // searchState reads the search view's parameters, dates as days.
  function searchState(p) {
    const n = new URLSearchParams(p);
    if (n.get('since')) n.set('since', normSince(n.get('since')));
    if (n.get('until')) n.set('until', normUntil(n.get('until')));
    return n;
  }

  // monthState says whether a month lies within the date range: 'all',
  // 'part' or ''.
  function monthState(p, m) {
    const since = p.get('since') || '', until = p.get('until') || '';
    if (!since && !until) return '';
    const first = `${m}-01`, last = lastDay(m);
    if ((since && since > last) || (until && until < first)) return '';
    return (!since || since <= first) && (!until || until >= last) ? 'all' : 'part';
  }

  // monthToggle is the date range after a click on a month: a month outside
  // the range extends it, a month at its edge is taken off, a month inside
  // ends it before that month.
  function monthToggle(p, m) {
    let since = p.get('since') || '', until = p.get('until') || '';
    const first = `${m}-01`, last = lastDay(m);
    if (monthState(p, m) === 'all') {
      const sm = since.slice(0, 7), um = until.slice(0, 7);
      if (sm === m && um === m) { since = ''; until = ''; }
      else if (sm === m) since = `${addMonths(m, 1)}-01`;
      else until = lastDay(addMonths(m, -1));
    } else if (!since && !until) {
      since = first; until = last;
    } else {
      // Outside the range or partly in it: the range grows to hold it.
      if (since && first < since) since = first;
      if (until && last > until) until = last;
    }
    return withParams(p, { since: since || null, until: until || null });
  }

  function facetValueLabel(f, v) {
    switch (f.name) {
      case 'theme': return themeName(v);
      case 'label': return h('span', null, h('span', { class: `dot ${v}`, 'aria-hidden': 'true' }), cap(v));
      case 'lang': return LANGS[v] ? `${LANGS[v]} (${v})` : v;
      case 'nps_group': return cap(v);
      case 'csat_group': return cap(v);
      case 'flags': return FLAG_NAMES[v] || v;
      case 'month': return monthName(v);
      default: return v;
    }
  }

  // apiParams is the search's filters for the API; without names a facet's
  // own filter, for counts that show what choosing another value adds.
  function apiParams(p, without) {
    const n = pick(p, SEARCH_FILTERS);
    if (without) {
      if (without.param) n.delete(without.param);
      else { n.delete('since'); n.delete('until'); }
    }
    return n;
  }

  function selectedOf(p, f) {
    if (f.param) return vals(p, f.param);
    return null; // month: from the range
  }

  async function viewSearch(r, stale) {
    const p = searchState(r.params);
    const q = p.get('q') || '';
    const size = Math.min(Math.max(Number(p.get('size')) || 20, 1), 200);
    const from = Math.max(Number(p.get('from')) || 0, 0);
    const sort = p.has('sort') ? p.get('sort') : (q ? '' : '-date');

    // Facets with a selection are counted without their own filter (values
    // of one facet are alternatives), the others with all filters at once.
    const active = FACETS.filter((f) => (f.param ? vals(p, f.param).length > 0 : p.get('since') || p.get('until')));
    const plain = FACETS.filter((f) => !active.includes(f));
    const sp = apiParams(p);
    sp.set('size', size);
    if (from) sp.set('from', from);
    if (sort) sp.set('sort', sort);
    if (plain.length) { sp.set('facet', plain.map((f) => f.name).join(',')); sp.set('facet_size', FACET_SIZE); }
    const searching = api('/v1/search', sp);
    const counting = active.map((f) => {
      const fp = apiParams(p, f);
      fp.set('facet', f.name);
      fp.set('facet_size', FACET_SIZE);
      return api('/v1/facets', fp).then((res) => [f.name, res.facets[f.name]]);
    });
    let res, err = null;
    const facets = {};
    try {
      res = await searching;
      Object.assign(facets, res.facets || {});
    } catch (e) {
      if (!(e instanceof APIError) || e.status !== 400) throw e;
      err = e;
    }
    for (const [name, facet] of await Promise.all(counting.map((c) => c.catch(() => [null, null])))) if (name) facets[name] = facet;
    // A selected value the counts do not list: 0 if the facet lists all
    // its values, else counted on its own.
    const extra = [];
    if (!err) {
      for (const f of active) {
        if (!f.param || !facets[f.name]) continue;
        const listed = new Set(facets[f.name].terms.map((t) => t.term));
        for (const v of vals(p, f.param)) {
          if (listed.has(v)) continue;
          if (!facets[f.name].other) { facets[f.name].terms.push({ term: v, count: 0 }); continue; }
          const cp = withParams(apiParams(p, f), { [f.param]: v, size: 0 });
          extra.push(api('/v1/search', cp).then((x) => facets[f.name].terms.push({ term: v, count: x.total })).catch(() => facets[f.name].terms.push({ term: v, count: null })));
        }
      }
      await Promise.all(extra);
    }
    if (stale()) return null;
    if (res) announce(plural(res.total, 'comment', 'comments'));

    const root = h('div', { class: 'search-view' });
    root.appendChild(h('h1', { class: 'sr-only' }, 'Search comments'));
    root.appendChild(searchBox(p, err));
    const layout = h('div', { class: 'layout' });
    layout.appendChild(facetPanel(p, facets));
    layout.appendChild(resultsPanel(p, res, err, { size, from, sort, q }));
    root.appendChild(layout);
    return root;
  }

  function searchBox(p, err) {
    const input = h('input', {
      type: 'search', id: 'q', name: 'q', 'data-key': 'q', value: p.get('q') || '', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'Search the comments: Lieferung, "nicht erreichbar", app crash*, score:<-0.3 …', 'aria-describedby': 'syntax-sum',
    });
    const form = h('form', {
      class: 'searchbar', role: 'search', 'aria-label': 'Search comments',
      onsubmit: (ev) => { ev.preventDefault(); go(link('search', withParams(p, { q: input.value.trim() || null }))); },
    },
    h('label', { for: 'q', class: 'sr-only' }, 'Search query'),
    input,
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
    const wrap = h('div', null, form);
    if (err) wrap.appendChild(h('div', { class: 'alert', role: 'alert', id: 'query-error' }, h('strong', null, 'The query did not work: '), err.message));
    wrap.appendChild(syntaxHelp(!!err));
    return wrap;
  }

  function syntaxHelp(open) {
    const row = (code, what) => h('div', null, h('code', null, code), h('span', null, what));
    return h('details', { class: 'syntax', open },
      h('summary', { id: 'syntax-sum' }, 'How to write a query'),
      h('div', { class: 'syntax-grid' },
        row('Lieferung Service', 'either word, best matches first'),
        row('+Lieferung +Service', 'both words (or: Lieferung AND Service)'),
        row('Lieferung -Paket', 'the first, not the second'),
        row('"gefällt mir nicht"', 'the exact phrase'),
        row('verspät*', 'words that start so'),
        row('Lieferung~1', 'also words one letter off'),
        row('theme:delivery', 'a field: touchpoint, label, lang, flags, id'),
        row('score:<-0.3', 'sentiment below −0.3 (nps:<=6, priority:>=50)'),
        row('date:>="2026-10-01"', 'a date range'),
        h('p', null, 'Words are stemmed in the comment’s language (Lieferung finds Lieferungen, crash finds crashes) and German compounds are split (Verzögerung finds Lieferverzögerung). Parentheses and mixing AND with OR are not supported. Press ',
          h('kbd', null, '/'), ' to jump to the search box.')));
  }

  function facetPanel(p, facets) {
    const aside = h('aside', { class: 'facets', 'aria-label': 'Filters' });
    // The date range.
    const since = dateInput('since', 'since', p.get('since'), (v) => go(link('search', withParams(p, { since: v }))));
    const until = dateInput('until', 'until', p.get('until'), (v) => go(link('search', withParams(p, { until: v }))));
    aside.appendChild(h('fieldset', { class: 'facet' }, h('legend', null, 'Date'),
      h('div', { class: 'dates' },
        h('label', { for: 'since' }, 'From', since),
        h('label', { for: 'until' }, 'To', until))));
    for (const f of FACETS) {
      const facet = facets[f.name];
      aside.appendChild(facetGroup(p, f, facet));
    }
    return aside;
  }

  function facetGroup(p, f, facet) {
    const fs = h('fieldset', { class: 'facet', 'data-facet': f.name }, h('legend', null, f.title));
    const selected = new Set(f.param ? vals(p, f.param) : []);
    let terms = facet ? facet.terms.slice() : [];
    if (f.name === 'month') terms.sort((a, b) => (a.term < b.term ? -1 : 1));
    if (!terms.length) {
      fs.appendChild(h('p', { class: 'hint' }, facet ? 'None in these comments' : 'Not counted'));
      return fs;
    }
    const isSel = (t) => (f.param ? selected.has(t.term) : monthState(p, t.term) !== '');
    const open = expanded.has(f.name);
    let shown = terms;
    if (!open && terms.length > FACET_SHOWN) shown = terms.filter((t, i) => i < FACET_SHOWN || isSel(t));
    const ul = h('ul');
    for (const t of shown) {
      const state = f.param ? (selected.has(t.term) ? 'all' : '') : monthState(p, t.term);
      const id = uid('f');
      const box = h('input', {
        type: 'checkbox', id, 'data-key': `facet:${f.name}:${t.term}`, checked: state === 'all', indeterminate: state === 'part',
        onchange: () => {
          let np;
          if (f.param) {
            const cur = vals(p, f.param);
            np = withParams(p, { [f.param]: cur.includes(t.term) ? cur.filter((x) => x !== t.term) : cur.concat(t.term) });
          } else np = monthToggle(p, t.term);
          go(link('search', np));
        },
      });
      ul.appendChild(h('li', { class: `${state ? 'checked' : ''}${t.count === 0 ? ' zero' : ''}` },
        h('label', { for: id }, box, h('span', { class: 'fname' }, facetValueLabel(f, t.term)),
          h('span', { class: 'fcount' }, t.count === null ? '?' : NF[0].format(t.count)))));
    }
    fs.appendChild(ul);
    if (terms.length > FACET_SHOWN) {
      fs.appendChild(h('button', {
        type: 'button', class: 'link more', 'data-key': `more:${f.name}`, 'aria-expanded': String(open),
        onclick: () => { if (open) expanded.delete(f.name); else expanded.add(f.name); route(); },
      }, open ? 'Show fewer' : `Show all ${terms.length}`));
    }
    return fs;
  }

  function resultsPanel(p, res, err, o) {
    const sec = h('section', { class: 'results', 'aria-label': 'Results' });
    const c = chips(p, 'search', SEARCH_FILTERS);
    if (c) sec.appendChild(c);
    if (err) {
      sec.appendChild(h('div', { class: 'empty' }, 'Fix the query above to see comments.'));
      return sec;
    }
    const total = res.total;
    const sortSel = h('select', {
      id: 'sort', 'data-key': 'sort',
      onchange: (ev) => go(link('search', withParams(p, { sort: ev.target.value || null }))),
    });
    for (const [v, label] of SORTS) {
      if (v === '' && !o.q) continue;
      sortSel.appendChild(h('option', { value: v, selected: v === o.sort }, label));
    }
    const last = Math.min(o.from + res.hits.length, total);
    sec.appendChild(h('div', { class: 'results-head' },
      h('h2', { tabindex: '-1', 'data-focus': '', id: 'results-title' }, plural(total, 'comment', 'comments')),
      total ? h('span', { class: 'range num' }, `${NF[0].format(o.from + 1)}–${NF[0].format(last)}`) : null,
      h('span', { class: 'sort' }, h('label', { for: 'sort' }, 'Sort'), sortSel)));
    if (!res.hits.length) {
      sec.appendChild(h('div', { class: 'empty' }, total ? 'No comments on this page.' : 'No comment matches. Remove a filter or try fewer words.'));
      return sec;
    }
    const ol = h('ol', { class: 'hits', start: o.from + 1 });
    const here = location.hash.replace(/^#\/?/, '');
    for (const hit of res.hits) ol.appendChild(hitCard(p, hit, here));
    sec.appendChild(ol);
    sec.appendChild(pager(p, total, o));
    return sec;
  }

  function hitCard(p, hit, here) {
    const commentLink = link('comment', new URLSearchParams({ from: here }), hit.id);
    const text = h('p', { class: 'hit-text', lang: hit.lang || null });
    if (hit._highlights && hit._highlights.length) {
      hit._highlights.forEach((fr, i) => { if (i) text.appendChild(document.createTextNode(' … ')); text.appendChild(highlighted(fr)); });
    } else {
      const t = hit.text || '';
      text.textContent = t.length > 600 ? `${t.slice(0, 600)}…` : t;
      if (!t) text.appendChild(h('span', { class: 'muted' }, '(no text)'));
    }
    const themes = (hit.themes || []).map((th) => h('a', {
      class: `tag ${th.label || ''}`, href: link('search', withParams(p, { theme: uniq(vals(p, 'theme').concat(th.path)) })),
      title: `${themeText(th.path)}: ${th.label || 'no sentiment'}${th.score !== undefined ? ` (${signed(th.score, 2)})` : ''}; add as a filter`,
    }, themeText(th.path)));
    const flags = (hit.flags || []).map((f) => h('span', { class: 'tag flag' }, FLAG_NAMES[f] || f));
    return h('li', { class: 'hit' },
      h('div', { class: 'hit-head' },
        sentimentBadge(hit.sentiment),
        h('a', { class: 'id', href: commentLink }, hit.id),
        h('span', null, [hit.date, hit.touchpoint, hit.lang && (LANGS[hit.lang] || hit.lang)].filter(Boolean).join(' · ')),
        h('span', { class: 'ratings' }, ratings(hit),
          hit.priority ? h('span', { class: 'rating', title: (hit.priority_reasons || []).join('; ') }, 'Priority ', h('b', null, hit.priority)) : null)),
      text,
      h('div', { class: 'hit-foot' }, themes, flags,
        h('a', { class: 'explain', href: commentLink, 'aria-label': `Open ${hit.id}: the score explained` }, 'Why this score? →')));
  }

  const uniq = (a) => [...new Set(a)];
  const MAX_FROM = 100000 - 200; // the API's deepest page: narrow with filters beyond

  // dateInput is a date field that applies its value when a whole date is
  // there: typing a year digit by digit (0002, 0020, 0202, 2026) does not
  // search each, Enter applies at once, clearing applies.
  function dateInput(id, key, value, apply) {
    let timer = 0;
    const el = h('input', { type: 'date', id, 'data-key': key, value: value || '', min: '1900-01-01', max: '2999-12-31' });
    const fire = () => {
      clearTimeout(timer);
      timer = 0;
      if (!el.isConnected) return; // replaced by the view it asked for
      const v = el.value;
      if (v === (value || '')) return;
      if (v && Number(v.slice(0, 4)) < 1900) return;
      apply(v || null);
    };
    el.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(fire, el.value ? 700 : 0); });
    el.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); fire(); } });
    el.addEventListener('blur', () => { if (timer) fire(); });
    return el;
  }

  function pager(p, total, o) {
    const nav = h('nav', { class: 'pager', 'aria-label': 'Pages' });
    if (total <= o.size) return nav;
    const pages = Math.ceil(total / o.size);
    const page = Math.floor(o.from / o.size) + 1;
    const prev = o.from > 0 ? h('a', { class: 'button', rel: 'prev', 'data-key': 'page-prev', href: link('search', withParams(p, { from: o.from - o.size > 0 ? o.from - o.size : null }, true)) }, '← Previous')
      : h('span', { class: 'disabled', 'aria-disabled': 'true' }, '← Previous');
    const next = o.from + o.size < total && o.from + o.size <= MAX_FROM ? h('a', { class: 'button', rel: 'next', 'data-key': 'page-next', href: link('search', withParams(p, { from: o.from + o.size }, true)) }, 'Next →')
      : h('span', { class: 'disabled', 'aria-disabled': 'true' }, 'Next →');
    nav.append(prev, h('span', { class: 'muted num' }, `Page ${page} of ${NF[0].format(pages)}`), next);
    return nav;
  }

  // ---------------------------------------------------------------- comment

  async function viewComment(r, stale) {
    const id = r.arg;
    const back = r.params.get('from');
    const doc = await api(`/v1/comments/${encodeURIComponent(id)}`);
    if (stale()) return null;
    const rec = doc.explained && doc.explained.sentiment ? doc.explained : doc.record;
    const root = h('div', { class: 'comment-view' });
    root.appendChild(h('a', { class: 'back', href: back ? `#/${back}` : '#/search' }, back && back.startsWith('queue') ? '← Back to the queue' : back && back.startsWith('dashboard') ? '← Back to the dashboard' : '← Back to the results'));
    root.appendChild(h('div', { class: 'view-head' },
      h('h1', null, `Comment ${id}`),
      sentimentBadge(rec.sentiment),
      h('span', { class: 'sub' }, [rec.date, rec.touchpoint, rec.lang && (LANGS[rec.lang] || rec.lang)].filter(Boolean).join(' · '))));
    const grid = h('div', { class: 'comment-grid' });
    const left = h('div');
    const right = h('div');
    grid.append(left, right);
    root.appendChild(grid);

    const explain = (doc.explained && doc.explained.explain) || [];
    const text = rec.text_normalized || rec.text || '';
    left.appendChild(h('section', { class: 'card', 'aria-labelledby': 'text-h' },
      h('h2', { id: 'text-h' }, 'The comment'),
      explainedText(text, explain, rec.lang),
      explain.length > 0 && h('p', { class: 'legend' }, h('span', { class: 'neg' }, 'pulls the score down'), h('span', { class: 'pos' }, 'lifts it'), h('span', null, 'no weight left'), ' Numbers refer to the table below.')));
    left.appendChild(explainTable(explain, rec));
    if (rec.sentences && rec.sentences.length > 1) left.appendChild(sentencesCard(rec));
    right.appendChild(scoreCard(rec, doc.record && doc.record.lang_source));
    right.appendChild(h('section', { class: 'card', 'aria-labelledby': 'fu-h' }, h('h2', { id: 'fu-h' }, 'Follow-up'), markForm(id, doc.mark)));
    if (rec.themes && rec.themes.length) right.appendChild(themesCard(rec));
    right.appendChild(signalsCard(rec));
    return root;
  }

  // explainedText shows the comment with each word that moved the score
  // marked and numbered as its row in the table.
  function explainedText(text, explain, lang) {
    const p = h('p', { class: 'comment-text', lang: lang || null });
    if (!text) { p.appendChild(h('span', { class: 'muted' }, '(no text)')); return p; }
    const at = byteIndex(text);
    // Words before the spans around them ("Sehr ärgerlich!" for the
    // emphasis by "!"): the shortest win, the table lists the others.
    const chosen = [];
    for (const it of explain.map((e, i) => ({ e, i, a: at(e.start), b: at(e.end) })).sort((x, y) => (x.b - x.a) - (y.b - y.a) || x.a - y.a)) {
      if (it.b > it.a && !chosen.some((c) => it.a < c.b && c.a < it.b)) chosen.push(it);
    }
    chosen.sort((x, y) => x.a - y.a);
    let pos = 0;
    for (const it of chosen) {
      p.appendChild(document.createTextNode(text.slice(pos, it.a)));
      const cls = it.e.final < 0 ? 'neg' : it.e.final > 0 ? 'pos' : 'zero';
      p.appendChild(h('a', {
        class: `w ${cls}`, href: `#x-${it.i + 1}`, title: `${it.e.source || matchName(it.e.match)}: ${signed(it.e.base, 2)} → ${signed(it.e.final, 2)}`,
        onclick: (ev) => { ev.preventDefault(); const row = document.getElementById(`x-${it.i + 1}`); if (row) { for (const t of document.querySelectorAll('tr.target')) t.classList.remove('target'); row.classList.add('target'); row.querySelector('th, td').focus(); } },
      }, text.slice(it.a, it.b), h('sup', null, it.i + 1)));
      pos = it.b;
    }
    p.appendChild(document.createTextNode(text.slice(pos)));
    return p;
  }

  function explainTable(explain, rec) {
    const sec = h('section', { class: 'card', 'aria-labelledby': 'why-h' }, h('h2', { id: 'why-h' }, 'Why this score: word by word'));
    if (!explain.length) {
      sec.appendChild(h('p', { class: 'muted' }, rec.sentiment ? 'No word of the lexicons moved the score: the comment is neutral.' : 'The comment has no text to score.'));
      return sec;
    }
    const tb = h('tbody');
    explain.forEach((e, i) => {
      const cls = e.final < 0 ? 'neg' : e.final > 0 ? 'pos' : '';
      tb.appendChild(h('tr', { id: `x-${i + 1}` },
        h('td', { class: 'n muted', tabindex: '-1' }, i + 1),
        h('td', null, h('b', null, e.text)),
        h('td', { class: 'muted' }, matchName(e.match)),
        h('td', null, e.source ? h('code', { class: 'src' }, e.source) : h('span', { class: 'muted' }, '—')),
        h('td', { class: 'n' }, signed(e.base, 2)),
        h('td', null, e.rules && e.rules.length ? h('ul', { class: 'rules' }, e.rules.map((x) => h('li', null, x))) : h('span', { class: 'muted' }, '—')),
        h('td', { class: `n ${cls}` }, signed(e.final, 3))));
    });
    sec.appendChild(h('table', { class: 'explain' },
      h('caption', { class: 'sr-only' }, 'Each word, phrase or emoji that moved the score'),
      h('thead', null, h('tr', null, h('th', { class: 'n' }, '#'), h('th', null, 'Words'), h('th', null, 'Found as'),
        h('th', null, 'Source (lexicon entry)'), h('th', { class: 'n' }, 'Weight'), h('th', null, 'Rules applied'), h('th', { class: 'n' }, 'Counts as'))),
      tb));
    sec.appendChild(h('p', { class: 'hint' }, 'Weight: the entry’s value in its lexicon (−3…+3). Rules (negation, intensifiers, “but”, irony …) change it into what counts; a sentence’s score sums its words, squashed into −1…+1.'));
    return sec;
  }

  function matchName(m) {
    return { exact: 'word', stem: 'word stem', compound: 'compound part', phrase: 'phrase', emoji: 'emoji', emoticon: 'emoticon', implicit: 'complaint pattern', rule: 'rule', punctuation: 'punctuation', 'separable verb': 'separable verb' }[m] || m || '';
  }

  function sentencesCard(rec) {
    return h('section', { class: 'card', 'aria-labelledby': 'sent-h' }, h('h2', { id: 'sent-h' }, 'Sentences'),
      h('ul', { class: 'sent-list' }, rec.sentences.map((st) => h('li', null, sentimentBadge(st), h('span', { lang: rec.lang || null }, st.text)))));
  }

  function scoreCard(rec, langSource) {
    const sent = rec.sentiment;
    const items = [];
    if (sent) {
      items.push(h('dt', null, 'Score'), h('dd', null, h('span', { class: 'score-big' }, signed(sent.score, 2)), ' ', h('span', { class: 'muted' }, 'of −1…+1')));
      items.push(h('dt', null, 'Evidence'), h('dd', null, `${num(sent.negative * 100, 0)} % negative · ${num(sent.positive * 100, 0)} % positive · ${num(sent.neutral * 100, 0)} % neutral`));
      items.push(h('dt', null, 'Lexicon'), h('dd', null, h('code', null, sent.lexicon || ''), ' engine ', sent.engine || ''));
    }
    const r = ratings(rec);
    if (r.length) items.push(h('dt', null, 'Ratings'), h('dd', null, r.map((x, i) => [i ? ' ' : null, x])));
    if (rec.lang) items.push(h('dt', null, 'Language'), h('dd', null, `${LANGS[rec.lang] || rec.lang}${langSource ? ` (${langSource})` : ''}`));
    return h('section', { class: 'card', 'aria-labelledby': 'score-h' }, h('h2', { id: 'score-h' }, 'Sentiment and ratings'), h('dl', { class: 'facts' }, items));
  }

  function themesCard(rec) {
    const rows = rec.themes.map((th) => h('tr', null,
      h('td', null, h('a', { href: link('search', new URLSearchParams({ theme: th.path })) }, themeText(th.path))),
      h('td', null, (th.matches || []).map((m) => m.text).join(', ')),
      h('td', { class: `n ${th.label === 'negative' ? 'neg' : th.label === 'positive' ? 'pos' : ''}` }, th.negated ? 'missing' : signed(th.score, 2))));
    return h('section', { class: 'card', 'aria-labelledby': 'th-h' }, h('h2', { id: 'th-h' }, 'Themes'),
      h('table', null, h('thead', null, h('tr', null, h('th', null, 'Theme'), h('th', null, 'Found in'), h('th', { class: 'n' }, 'Sentiment'))), h('tbody', null, rows)));
  }

  function signalsCard(rec) {
    const meter = (v) => h('span', null, h('span', { class: 'meter', 'aria-hidden': 'true' }, h('i', { style: { width: `${Math.round((v || 0) * 100)}%` } })), num(v || 0, 1));
    const items = [
      h('dt', null, 'Priority'), h('dd', null, h('b', null, rec.priority ?? 0), ' of 100'),
      h('dt', null, 'Effort'), h('dd', null, meter(rec.effort)),
      h('dt', null, 'Urgency'), h('dd', null, meter(rec.urgency)),
      h('dt', null, 'Churn risk'), h('dd', null, meter(rec.churn)),
    ];
    if (rec.flags && rec.flags.length) items.push(h('dt', null, 'Flags'), h('dd', null, rec.flags.map((f) => h('span', { class: 'tag flag' }, FLAG_NAMES[f] || f))));
    const sec = h('section', { class: 'card', 'aria-labelledby': 'sig-h' }, h('h2', { id: 'sig-h' }, 'Signals'), h('dl', { class: 'facts' }, items));
    if (rec.priority_reasons && rec.priority_reasons.length) sec.appendChild(h('ul', { class: 'reasons' }, rec.priority_reasons.map((x) => h('li', null, x))));
    return sec;
  }

  // ---------------------------------------------------------------- dashboard

  // The filters the dashboard and the queue take, in a bar of their own.
  async function filterOptions() {
    if (!filterOptions.cache) {
      filterOptions.cache = api('/v1/facets', new URLSearchParams({ facet: 'touchpoint,lang,theme', facet_size: '200' }))
        .then((r) => r.facets).catch(() => { filterOptions.cache = null; return {}; });
    }
    return filterOptions.cache;
  }

  function filterBar(view, p, opts, extra) {
    const qID = uid('fq');
    const input = h('input', { type: 'search', id: qID, 'data-key': 'fq', value: p.get('q') || '', placeholder: 'Words or field:value', autocomplete: 'off' });
    const select = (key, label, facet, fmtv) => {
      const id = uid('fs');
      const cur = vals(p, key);
      const sel = h('select', { id, 'data-key': `f:${key}`, onchange: (ev) => go(link(view, withParams(p, { [key]: ev.target.value || null }))) },
        h('option', { value: '' }, `All`));
      if (cur.length > 1) sel.appendChild(h('option', { value: cur[0], selected: true, disabled: true }, `${cur.length} chosen`));
      const terms = facet ? facet.terms.map((t) => t.term) : [];
      for (const c of cur) if (!terms.includes(c)) terms.push(c);
      if (key === 'theme') terms.sort();
      for (const t of terms) sel.appendChild(h('option', { value: t, selected: cur.length === 1 && cur[0] === t }, fmtv ? fmtv(t) : t));
      return h('label', { class: 'field', for: id }, label, sel);
    };
    const sinceID = uid('fd'), untilID = uid('fd');
    const since = dateInput(sinceID, 'f:since', p.get('since'), (v) => go(link(view, withParams(p, { since: v }))));
    const until = dateInput(untilID, 'f:until', p.get('until'), (v) => go(link(view, withParams(p, { until: v }))));
    const form = h('form', {
      class: 'filterbar', 'aria-label': 'Filters',
      onsubmit: (ev) => {
        ev.preventDefault();
        go(link(view, withParams(p, { q: input.value.trim() || null, since: since.value || null, until: until.value || null })));
      },
    },
    h('label', { class: 'field grow', for: qID }, 'Query', input),
    h('label', { class: 'field', for: sinceID }, 'From', since),
    h('label', { class: 'field', for: untilID }, 'To', until),
    select('touchpoint', 'Touchpoint', opts.touchpoint),
    select('lang', 'Language', opts.lang, (v) => LANGS[v] || v),
    select('theme', 'Theme', opts.theme, themeText),
    extra || null,
    h('button', { type: 'submit', class: 'primary' }, 'Apply'));
    return form;
  }

  const PERIODS = [['', 'Auto'], ['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['quarter', 'Quarter']];

  async function viewDashboard(r, stale) {
    const p = new URLSearchParams(r.params);
    for (const k of ['since', 'until']) if (p.get(k)) p.set(k, k === 'since' ? normSince(p.get(k)) : normUntil(p.get(k)));
    const period = p.get('period') || '';
    const minN = p.get('min_n') || '';
    const compare = p.get('compare') || '';
    const rp = pickReport(p);
    rp.set('by', period ? `theme,touchpoint,${period}` : 'theme,touchpoint,day,week,month');
    if (minN) rp.set('min_n', minN);
    if (compare && p.get('since') && p.get('until')) rp.set('compare', compare);
    rp.set('queue_size', '5');
    const [doc, opts] = await Promise.all([api('/v1/report', rp), filterOptions()]);
    if (stale()) return null;

    const seg = (by) => { const b = (doc.breakdowns || []).find((x) => x.by === by); return b ? b.segments : []; };
    // Auto: months when there are three or more, else weeks, else days.
    let per = period;
    if (!per) {
      const count = (by) => seg(by).filter((x) => x.key !== '(none)').length;
      per = count('month') >= 3 ? 'month' : count('week') >= 3 ? 'week' : 'day';
    }
    const below = (f) => !f || f.value === null || f.value === undefined;

    const root = h('div', { class: 'dash-view' });
    const dates = [p.get('since'), p.get('until')];
    root.appendChild(h('div', { class: 'view-head' }, h('h1', null, 'Dashboard'),
      h('span', { class: 'sub' }, `${plural(doc.records, 'comment', 'comments')}${dates[0] || dates[1] ? ` · ${dates[0] || '…'} to ${dates[1] || '…'}` : ''} · figures with n below ${doc.min_n} show –`)));

    const periodID = uid('fp'), minID = uid('fm'), cmpID = uid('fc');
    const extra = [
      h('label', { class: 'field', for: periodID }, 'Over time by',
        h('select', { id: periodID, 'data-key': 'f:period', onchange: (ev) => go(link('dashboard', withParams(p, { period: ev.target.value || null }))) },
          PERIODS.map(([v, l]) => h('option', { value: v, selected: v === period }, v === '' ? `Auto (${per})` : l)))),
      h('label', { class: 'field', for: minID }, 'Min n',
        h('input', { type: 'number', id: minID, 'data-key': 'f:min_n', min: 1, max: 1000000, value: minN || String(doc.min_n), onchange: (ev) => go(link('dashboard', withParams(p, { min_n: ev.target.value || null }))) })),
      h('label', { class: 'field', for: cmpID }, 'Compare with',
        h('select', { id: cmpID, 'data-key': 'f:compare', disabled: !(p.get('since') && p.get('until')), title: p.get('since') && p.get('until') ? null : 'Choose a date range (From and To) first',
          onchange: (ev) => go(link('dashboard', withParams(p, { compare: ev.target.value || null }))) },
        [['', 'Nothing'], ['previous', 'Previous period'], ['year', 'A year before']].map(([v, l]) => h('option', { value: v, selected: v === compare }, l)))),
    ];
    root.appendChild(filterBar('dashboard', p, opts, extra));
    const c = chips(p, 'dashboard', REPORT_FILTERS);
    if (c) root.appendChild(c);
    const dash = h('div', { class: 'dash' });
    root.appendChild(dash);

    if (!doc.records) {
      dash.appendChild(h('div', { class: 'empty' }, 'No comment matches these filters.'));
      return root;
    }
    // drill is the search link behind a figure: the dashboard's filters and
    // the figure's own.
    const drill = (extraFilters) => link('search', drillParams(p, extraFilters));

    const change = {};
    if (doc.change && doc.change.kpis) for (const k of doc.change.kpis) change[k.name] = k;
    const tile = (key, title, f, opt) => {
      const o = opt || {};
      const isBelow = below(f);
      const v = isBelow ? '–' : `${o.signed ? signed(f.value, 1) : num(f.value, o.digits ?? 1)}${o.unit || ''}`;
      const ch = change[key];
      const body = [
        h('div', { class: 'k' }, title),
        h('div', { class: `v${isBelow ? ' below' : ''}` }, v),
        h('div', { class: 'i' }, isBelow ? (f && f.n ? `n ${NF[0].format(f.n)}, below ${doc.min_n}` : 'no data')
          : `95%: ${num(f.interval.low, o.digits ?? 1)} to ${num(f.interval.high, o.digits ?? 1)} · n ${NF[0].format(f.n)}`),
        ch && ch.change !== null && ch.change !== undefined ? h('div', { class: `d ${(o.lowerBetter ? -ch.change : ch.change) >= 0 ? 'up' : 'down'}` }, `${signed(ch.change, 1)} vs. before`) : null,
        o.more || null,
      ];
      return o.href ? h('a', { class: 'tile', href: o.href, 'aria-label': `${title}: ${v}. Open the comments` }, body) : h('div', { class: 'tile' }, body);
    };
    const ids = doc.ids || {};
    const cnt = (k) => (ids[k] ? ids[k].count : doc[k]);
    dash.appendChild(h('div', { class: 'tiles' },
      tile('nps', 'NPS', doc.nps, { signed: true, href: drill({ nps: 'detractor' }), more: h('div', { class: 'i' }, `${NF[0].format(doc.promoters || 0)} promoters · ${NF[0].format(doc.detractors || 0)} detractors`) }),
      tile('csat_satisfied', 'CSAT satisfied', doc.csat_satisfied, { unit: ' %', href: drill({ csat: 'satisfied' }) }),
      tile('csat_mean', 'CSAT mean', doc.csat_mean, { digits: 2 }),
      tile('net_sentiment', 'Net sentiment', doc.net_sentiment, { signed: true, href: drill({ label: 'positive' }) }),
      tile('negative', 'Negative comments', doc.negative, { unit: ' %', lowerBetter: true, href: drill({ label: 'negative' }), more: h('div', { class: 'i' }, `${NF[0].format(cnt('negative') || 0)} comments`) }),
      tile('coverage', 'With a theme', doc.coverage, { unit: ' %' })));

    const charts = h('div', { class: 'charts' });
    dash.appendChild(charts);
    const timeSegs = seg(per).filter((x) => x.key !== '(none)').sort((a, b) => (a.key < b.key ? -1 : 1));
    charts.appendChild(npsChart(timeSegs, per, p, drill));
    charts.appendChild(volumeChart(timeSegs, per, p, drill));
    charts.appendChild(themesChart(seg('theme').filter((x) => x.key !== '(none)'), p, drill));
    charts.appendChild(impactChart(doc.theme_impact || [], p, drill));
    charts.appendChild(touchpointTable(seg('touchpoint'), drill));
    charts.appendChild(queuePreview(doc.queue || [], p));
    if (doc.change) charts.appendChild(changeCard(doc.change, p, drill));
    const json = new URLSearchParams(rp);
    dash.appendChild(h('p', { class: 'hint' }, h('a', { href: `/v1/report?${json}` }, 'These figures as JSON'), ' (the report of stimmung report --index … -f json). Every bar, point and linked tile opens the comments behind it.'));
    return root;
  }

  // drillParams combines the dashboard's filters with a figure's: a date
  // period narrows the date range, a theme within the theme filter replaces
  // it, an unrelated theme is required through the query.
  function drillParams(p, f) {
    const n = pickReport(p);
    if (f.period) {
      const [a, b] = f.period;
      const since = n.get('since'), until = n.get('until');
      n.set('since', since && since > a ? since : a);
      n.set('until', until && until < b ? until : b);
    }
    if (f.theme) {
      const cur = vals(n, 'theme');
      n.delete('theme');
      const inside = cur.filter((t) => f.theme === t || f.theme.startsWith(`${t}/`));
      const narrower = cur.filter((t) => t.startsWith(`${f.theme}/`));
      if (!cur.length || inside.length) n.set('theme', f.theme);
      else if (narrower.length) for (const t of narrower) n.append('theme', t);
      else {
        n.set('theme', f.theme);
        const q = (n.get('q') || '').trim();
        const req = cur.length === 1 ? `+theme:${cur[0]}` : null;
        if (req && (!q || q.split(/\s+/).every((w) => /^[+-]/.test(w)))) n.set('q', q ? `${q} ${req}` : req);
        else for (const t of cur) n.append('theme', t); // an approximation: either theme
      }
    }
    for (const k of ['nps', 'label', 'touchpoint', 'lang', 'csat']) if (f[k]) n.set(k, f[k]);
    return n;
  }

  function chartCard(title, sub, body, opt) {
    const id = uid('ch');
    return h('section', { class: `chart${opt && opt.wide ? ' wide' : ''}`, 'aria-labelledby': id },
      h('h2', { id }, title, sub ? h('span', { class: 'sub' }, sub) : null), body);
  }

  function npsChart(segs, per, p, drill) {
    const W = 560, H = 210, L = 36, R = 10, T = 10, B = 28;
    const svg = s('svg', { class: 'plot', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': `NPS by ${per}` });
    const y = (v) => T + (100 - v) / 200 * (H - T - B);
    for (const g of [-100, -50, 0, 50, 100]) {
      svg.appendChild(s('line', { class: g === 0 ? 'zero' : 'grid', x1: L, x2: W - R, y1: y(g), y2: y(g) }));
      svg.appendChild(s('text', { x: L - 6, y: y(g) + 4, 'text-anchor': 'end' }, g > 0 ? `+${g}` : g === 0 ? '0' : `−${-g}`));
    }
    if (!segs.length) return chartCard('NPS over time', null, h('p', { class: 'muted' }, 'No dates in these comments.'));
    const step = segs.length > 1 ? (W - L - R - 30) / (segs.length - 1) : 0;
    const x = (i) => (segs.length > 1 ? L + 15 + i * step : (L + W - R) / 2);
    // The band and the line, in runs of figures above the minimum n.
    let run = [];
    const flush = () => {
      if (run.length) {
        const up = run.map((i) => `${x(i)},${y(segs[i].nps.interval.high)}`);
        const down = run.slice().reverse().map((i) => `${x(i)},${y(segs[i].nps.interval.low)}`);
        svg.insertBefore(s('polygon', { class: 'band', points: up.concat(down).join(' ') }), svg.firstChild);
        if (run.length > 1) svg.appendChild(s('polyline', { class: 'line', points: run.map((i) => `${x(i)},${y(segs[i].nps.value)}`).join(' ') }));
      }
      run = [];
    };
    segs.forEach((sg, i) => { if (sg.nps && sg.nps.value !== null && sg.nps.interval) run.push(i); else flush(); });
    flush();
    if (!segs.some((sg) => sg.nps && sg.nps.value !== null && sg.nps.value !== undefined)) {
      svg.appendChild(s('text', { class: 'below', x: (L + W - R) / 2, y: y(0) - 26, 'text-anchor': 'middle' },
        `Every ${per} has fewer NPS ratings than the minimum n: choose a longer period or a lower Min n.`));
    }
    const every = Math.ceil(segs.length / 9);
    segs.forEach((sg, i) => {
      const f = sg.nps || {};
      const ok = f.value !== null && f.value !== undefined;
      const range = periodRange(sg.key);
      const label = `${periodLabel(sg.key)}: NPS ${ok ? signed(f.value, 1) : '–'}${ok ? ` (95%: ${num(f.interval.low)} to ${num(f.interval.high)})` : ''}, n ${f.n ?? sg.n}`;
      const a = s('a', { href: range ? drill({ period: range }) : drill({}), 'aria-label': `${label}. Open the comments` },
        s('title', null, label),
        s('rect', { class: 'hit-area', x: x(i) - Math.max(step / 2, 8), y: T, width: Math.max(step, 16), height: H - T - B, rx: 4 }),
        ok ? s('circle', { class: 'pt', cx: x(i), cy: y(f.value), r: 4 }) : s('text', { class: 'below', x: x(i), y: y(0) - 6, 'text-anchor': 'middle' }, '–'));
      svg.appendChild(a);
      if (i % every === 0) svg.appendChild(s('text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, periodLabel(sg.key)));
    });
    return chartCard('NPS over time', `by ${per}, with its 95% interval`, [
      h('div', { class: 'chart-legend' }, h('span', null, h('i', { class: 'line' }), 'NPS'), h('span', null, h('i', { class: 'band' }), '95% interval'), h('span', null, '– : n below the minimum')),
      svg]);
  }

  function volumeChart(segs, per, p, drill) {
    if (!segs.length) return chartCard('Comments over time', null, h('p', { class: 'muted' }, 'No dates in these comments.'));
    const W = 560, H = 210, L = 36, R = 10, T = 10, B = 28;
    const max = Math.max(...segs.map((x) => x.n), 1);
    const svg = s('svg', { class: 'plot', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': `Comments by ${per}` });
    const y = (v) => T + (1 - v / max) * (H - T - B);
    const ticks = niceTicks(max);
    for (const g of ticks) {
      svg.appendChild(s('line', { class: g === 0 ? 'zero' : 'grid', x1: L, x2: W - R, y1: y(g), y2: y(g) }));
      svg.appendChild(s('text', { x: L - 6, y: y(g) + 4, 'text-anchor': 'end' }, g));
    }
    const slot = (W - L - R) / segs.length;
    const bw = Math.min(Math.max(slot * 0.66, 3), 46);
    const every = Math.ceil(segs.length / 9);
    segs.forEach((sg, i) => {
      const cx = L + slot * i + slot / 2;
      const neg = sg.ids && sg.ids.negative ? sg.ids.negative.count : 0;
      const range = periodRange(sg.key);
      const label = `${periodLabel(sg.key)}: ${plural(sg.n, 'comment', 'comments')}, ${neg} negative`;
      svg.appendChild(s('a', { href: range ? drill({ period: range }) : drill({}), 'aria-label': `${label}. Open the comments` },
        s('title', null, label),
        s('rect', { class: 'hit-area', x: cx - slot / 2 + 1, y: T, width: slot - 2, height: H - T - B, rx: 3 }),
        s('rect', { class: 'vol', x: cx - bw / 2, y: y(sg.n), width: bw, height: y(0) - y(sg.n), rx: 2 })));
      if (neg) {
        svg.appendChild(s('a', { href: range ? drill({ period: range, label: 'negative' }) : drill({ label: 'negative' }), 'aria-label': `${periodLabel(sg.key)}: the ${neg} negative comments` },
          s('title', null, `${periodLabel(sg.key)}: ${neg} negative`),
          s('rect', { class: 'vol-neg', x: cx - bw / 2, y: y(neg), width: bw, height: y(0) - y(neg), rx: 2 })));
      }
      if (i % every === 0) svg.appendChild(s('text', { x: cx, y: H - 8, 'text-anchor': 'middle' }, periodLabel(sg.key)));
    });
    return chartCard('Comments over time', `by ${per}`, [
      h('div', { class: 'chart-legend' }, h('span', null, h('i'), 'all comments'), h('span', null, h('i', { class: 'neg' }), 'negative')), svg]);
  }

  function niceTicks(max) {
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1e6]
      .find((st) => max / st <= 5) || Math.ceil(max / 5);
    const out = [];
    for (let v = 0; v <= max; v += step) out.push(v);
    return out;
  }

  function themesChart(segs, p, drill) {
    const ROWS = 14;
    const rows = segs.slice().sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1)).slice(0, ROWS);
    if (!rows.length) return chartCard('Themes by volume', null, h('p', { class: 'muted' }, 'No themes in these comments.'));
    const max = Math.max(...rows.map((x) => x.n), 1);
    const list = h('div', { class: 'bars' });
    for (const sg of rows) {
      const neg = sg.ids && sg.ids.negative ? sg.ids.negative.count : 0;
      const share = sg.negative && sg.negative.value !== null ? sg.negative.value : (sg.n ? 100 * neg / sg.n : 0);
      list.appendChild(h('a', {
        class: 'bar-row', href: drill({ theme: sg.key }),
        'aria-label': `${themeText(sg.key)}: ${plural(sg.n, 'comment', 'comments')}, ${num(share, 0)} % negative. Open the comments`,
      },
      h('span', { class: 'lbl' }, themeName(sg.key)),
      h('span', { class: 'track' }, h('span', { class: 'fill', style: { width: `${100 * sg.n / max}%` } }, h('span', { class: 'negpart', style: { width: `${sg.n ? 100 * neg / sg.n : 0}%` } }))),
      h('span', { class: 'val' }, h('b', null, NF[0].format(sg.n)), ` · ${num(share, 0)} % neg.`)));
    }
    return chartCard('Themes by volume', 'red: the negative comments', [
      list, segs.length > ROWS ? h('p', { class: 'foot' }, `The ${ROWS} largest of ${segs.length} themes; a theme counts its sub-themes’ comments.`) : h('p', { class: 'foot' }, 'A theme counts its sub-themes’ comments.')]);
  }

  function impactChart(rows, p, drill) {
    const ok = rows.filter((x) => x.nps && x.nps.value !== null && x.nps.interval);
    if (!ok.length) return chartCard('Theme impact on NPS', null, h('p', { class: 'muted' }, 'Not enough comments with an NPS for the themes (see Min n).'));
    let shown = ok;
    if (ok.length > 12) shown = ok.slice(0, 6).concat(ok.slice(-6));
    const ext = Math.max(...shown.map((x) => Math.max(Math.abs(x.nps.interval.low), Math.abs(x.nps.interval.high), Math.abs(x.nps.value))), 1);
    const pos = (v) => 50 + 50 * v / ext;
    const list = h('div', { class: 'bars impact' });
    for (const row of shown) {
      const v = row.nps.value;
      const lo = Math.min(pos(0), pos(v)), hi = Math.max(pos(0), pos(v));
      list.appendChild(h('a', {
        class: 'bar-row', href: drill({ theme: row.theme }),
        'aria-label': `${themeText(row.theme)}: ${signed(v, 1)} points of NPS (95%: ${num(row.nps.interval.low)} to ${num(row.nps.interval.high)}), ${plural(row.n, 'comment', 'comments')}. Open the comments`,
      },
      h('span', { class: 'lbl' }, themeName(row.theme)),
      h('span', { class: 'track' },
        h('span', { class: `fill ${v < 0 ? 'neg' : 'pos'}`, style: { left: `${lo}%`, width: `${Math.max(hi - lo, 0.4)}%` } }),
        h('span', { class: 'axis', style: { left: '50%' } }),
        h('span', { class: 'whisker', style: { left: `${pos(row.nps.interval.low)}%`, width: `${pos(row.nps.interval.high) - pos(row.nps.interval.low)}%` } })),
      h('span', { class: 'val' }, h('b', null, signed(v, 1)), ` · n ${NF[0].format(row.n)}`)));
    }
    return chartCard('Theme impact on NPS', 'NPS of all minus NPS without the theme', [
      h('div', { class: 'chart-legend' }, h('span', null, h('i', { class: 'neg' }), 'drags the NPS down'), h('span', null, h('i', { class: 'pos' }), 'lifts it'), h('span', null, 'lines: 95% intervals')),
      list, ok.length > shown.length ? h('p', { class: 'foot' }, `The 6 that drag most and the 6 that lift most of ${ok.length} themes.`) : null]);
  }

  function touchpointTable(segs, drill) {
    if (!segs.length) return chartCard('Touchpoints', null, h('p', { class: 'muted' }, 'No touchpoints in these comments.'));
    const fig = (f, sgn, unit) => (f && f.value !== null && f.value !== undefined ? `${sgn ? signed(f.value, 1) : num(f.value, 1)}${unit || ''}` : '–');
    const rows = segs.map((sg) => h('tr', null,
      h('td', null, sg.key === '(none)' ? h('span', { class: 'muted' }, '(none)') : h('a', { href: drill({ touchpoint: sg.key }) }, sg.key)),
      h('td', { class: 'n' }, NF[0].format(sg.n)),
      h('td', { class: 'n' }, `${num(sg.share, 0)} %`),
      h('td', { class: `n ${sg.nps && sg.nps.value < 0 ? 'neg' : ''}` }, fig(sg.nps, true)),
      h('td', { class: 'n' }, fig(sg.net_sentiment, true)),
      h('td', { class: 'n' }, fig(sg.negative, false, ' %'))));
    return chartCard('Touchpoints', null, h('table', { class: 'seg' },
      h('thead', null, h('tr', null, h('th', null, 'Touchpoint'), h('th', { class: 'n' }, 'Comments'), h('th', { class: 'n' }, 'Share'), h('th', { class: 'n' }, 'NPS'), h('th', { class: 'n' }, 'Net sentiment'), h('th', { class: 'n' }, 'Negative'))),
      h('tbody', null, rows)));
  }

  function queuePreview(queue, p) {
    const here = location.hash.replace(/^#\/?/, '');
    const list = h('ul', { class: 'qmini' }, queue.map((e) => h('li', null,
      h('span', { class: prioClass(e.priority), title: 'Priority' }, e.priority),
      h('a', { href: link('comment', new URLSearchParams({ from: here }), e.id) }, e.id),
      h('span', { class: 'excerpt', title: e.excerpt }, e.status === 'handled' ? h('span', { class: 'pill status-handled' }, 'handled') : null, e.status === 'handled' ? ' ' : null, e.excerpt))));
    return chartCard('Top of the follow-up queue', null, [
      queue.length ? list : h('p', { class: 'muted' }, 'Nothing to follow up.'),
      h('p', { class: 'foot' }, h('a', { href: link('queue', pickReport(p)) }, 'Open the follow-up queue →'))]);
  }

  function changeCard(change, p, drill) {
    const names = { nps: 'NPS', net_sentiment: 'Net sentiment', csat_satisfied: 'CSAT satisfied (%)', negative: 'Negative (%)', coverage: 'With a theme (%)' };
    const kpis = h('table', null,
      h('thead', null, h('tr', null, h('th', null, 'Figure'), h('th', { class: 'n' }, 'Before'), h('th', { class: 'n' }, 'Now'), h('th', { class: 'n' }, 'Change'))),
      h('tbody', null, (change.kpis || []).map((k) => h('tr', null, h('td', null, names[k.name] || k.name), h('td', { class: 'n' }, num(k.then)), h('td', { class: 'n' }, num(k.now)), h('td', { class: 'n' }, signed(k.change))))));
    const themes = (change.themes || []).slice(0, 8);
    const tt = h('table', null,
      h('thead', null, h('tr', null, h('th', null, 'Theme'), h('th', { class: 'n' }, 'Before'), h('th', { class: 'n' }, 'Now'), h('th', { class: 'n' }, 'p'), h('th', null, ''))),
      h('tbody', null, themes.map((t) => h('tr', null,
        h('td', null, h('a', { href: drill({ theme: t.theme }) }, themeText(t.theme))),
        h('td', { class: 'n' }, `${t.then} (${num(t.share_then, 0)} %)`), h('td', { class: 'n' }, `${t.now} (${num(t.share_now, 0)} %)`),
        h('td', { class: 'n' }, num(t.p, 3)), h('td', null, t.significant ? h('span', { class: 'pill warn' }, 'significant') : null)))));
    const spikes = (change.spikes || []).map((sp) => h('li', null, h('a', { href: drill({ theme: sp.theme }) }, themeText(sp.theme)), `: ${sp.count} comments, ${num(sp.expected, 1)} expected (p ${num(sp.p, 4)})`));
    return chartCard('Change against the baseline', null, [
      kpis, h('h3', null, 'Themes whose share changed most'), themes.length ? tt : h('p', { class: 'muted' }, 'None.'),
      h('h3', null, 'Spikes'), spikes.length ? h('ul', null, spikes) : h('p', { class: 'muted' }, 'No theme spiked.')], { wide: true });
  }

  // ---------------------------------------------------------------- queue

  async function viewQueue(r, stale) {
    const p = new URLSearchParams(r.params);
    for (const k of ['since', 'until']) if (p.get(k)) p.set(k, k === 'since' ? normSince(p.get(k)) : normUntil(p.get(k)));
    const status = p.get('status') || 'open';
    const size = Math.min(Math.max(Number(p.get('size')) || 50, 1), 1000);
    const qp = pickReport(p);
    qp.set('queue_size', size);
    if (status !== 'all') qp.set('status', status);
    const [res, opts] = await Promise.all([api('/v1/queue', qp), filterOptions()]);
    if (stale()) return null;
    const root = h('div', { class: 'queue-view' });
    root.appendChild(h('div', { class: 'view-head' }, h('h1', null, 'Follow-up queue'),
      h('span', { class: 'sub' }, `${plural(res.comments, 'comment', 'comments')} match; the queue holds up to ${NF[0].format(size)} with a priority above 0, highest first`)));
    if (!health.writes) {
      root.appendChild(h('p', { class: 'note-box', role: 'note' }, 'This server is read-only (started without --allow-writes): you see what colleagues marked, but cannot mark comments yourself.'));
    }
    root.appendChild(filterBar('queue', p, opts));
    const c = chips(p, 'queue', REPORT_FILTERS);
    if (c) root.appendChild(c);
    root.appendChild(h('nav', { class: 'tabs', 'aria-label': 'Status' }, [['open', 'Open'], ['handled', 'Handled'], ['all', 'All']].map(([v, l]) =>
      h('a', { href: link('queue', withParams(p, { status: v === 'open' ? null : v })), 'aria-current': v === status ? 'page' : null, 'data-key': `tab:${v}` }, l))));
    if (!res.queue.length) {
      root.appendChild(h('div', { class: 'empty' }, status === 'handled' ? 'No comment of the queue is marked handled yet.' : status === 'open' ? 'Everything in the queue is handled.' : 'The queue is empty.'));
      return root;
    }
    const here = location.hash.replace(/^#\/?/, '');
    const list = h('ol', { class: 'qlist', 'aria-label': 'Comments to follow up' });
    for (const e of res.queue) list.appendChild(queueItem(e, here));
    root.appendChild(list);
    return root;
  }

  function queueItem(e, here) {
    const mark = e.status ? { status: e.status, note: e.note, updated: e.updated } : null;
    const li = h('li', { class: `qitem${e.status === 'handled' ? ' handled' : ''}`, 'data-id': e.id });
    li.append(
      h('div', { class: prioClass(e.priority), title: 'Priority, 0 to 100' }, h('small', null, 'prio'), e.priority),
      h('div', null,
        h('div', { class: 'hit-head' },
          h('a', { class: 'id', href: link('comment', new URLSearchParams({ from: here }), e.id) }, e.id),
          h('span', null, [e.date, e.touchpoint].filter(Boolean).join(' · ')),
          h('span', { class: 'ratings' }, ratings(e))),
        h('p', { class: 'qtext' }, e.excerpt || h('span', { class: 'muted' }, '(no text)')),
        h('div', { class: 'reasons-tags' }, (e.reasons || []).map((x) => h('span', { class: 'tag' }, x)))),
      markForm(e.id, mark, (m) => li.classList.toggle('handled', m.status === 'handled'), true));
    return li;
  }

  // ---------------------------------------------------------------- start

  function start() {
    document.getElementById('skip').addEventListener('click', () => {
      const m = document.getElementById('main');
      const target = m.querySelector('input[type="search"], h1') || m;
      target.focus();
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const q = document.getElementById('q');
      if (q) { ev.preventDefault(); q.focus(); q.select(); }
    });
    window.addEventListener('hashchange', route);
    loadHealth().then(route);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
