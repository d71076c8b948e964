// Atomic dashboard: a live feed over server-sent events, a decision inspector, and small SVG charts of our own.
// Everything it shows comes from the public API; text from the server is always set as text, never as HTML.
'use strict';

const PALETTE = ['#4fb3ff', '#3ecf8e', '#ffb547', '#ff6b6b', '#b48cff', '#5ee1e6', '#f78fb3', '#c3e88d'];
const colours = new Map();
const colour = (name) => {
  if (!colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]);
  return colours.get(name);
};
const $ = (id) => document.getElementById(id);
const usd = (v) => v == null ? '–' : (Math.abs(v) < 0.01 ? '$' + v.toFixed(5) : '$' + v.toFixed(3));
const num = (v, d = 3) => v == null ? '–' : Number(v).toFixed(d);
const pct = (v) => v == null ? '–' : (100 * v).toFixed(1) + '%';
const SVG = 'http://www.w3.org/2000/svg';

// The dashboard acts as one tenant and sees only its decisions. Its API key comes from the address once
// (/dashboard/#key=...), which is then cleared so the key stays out of history, or from a prompt when the API answers
// 401; it is kept in this tab's session storage only. A service with no key issued yet needs none. The event stream
// takes the key as ?access_token=, since EventSource cannot send headers.
const KEY = (() => {
  const m = location.hash.match(/key=([^&]+)/);
  if (m) {
    sessionStorage.setItem('atomic.key', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem('atomic.key') || '';
})();
let askedForKey = false;
async function api(path) {
  const response = await fetch(path, KEY ? { headers: { Authorization: 'Bearer ' + KEY } } : {});
  if (response.status === 401 && !askedForKey) {
    askedForKey = true;
    const key = window.prompt('API key of the tenant to watch (issued by: atomic tenants add <tenant>)');
    if (key) {
      sessionStorage.setItem('atomic.key', key);
      location.reload();
    }
  }
  return response;
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function canvas(id) {
  const root = $(id);
  while (root.firstChild) root.removeChild(root.firstChild);
  const w = root.clientWidth || 500;
  const h = root.clientHeight || 200;
  root.setAttribute('viewBox', `0 0 ${w} ${h}`);
  return { root, w, h };
}

// Horizontal bars: rows of {label, value, colour, text}.
function bars(id, rows, { max, format = (v) => v } = {}) {
  const { root, w, h } = canvas(id);
  if (rows.length === 0) { root.appendChild(svg('text', { x: 8, y: 20 }, 'no data yet')); return; }
  const top = max ?? Math.max(...rows.map((r) => r.value), 1e-12);
  const rowH = Math.min(28, (h - 10) / rows.length);
  const left = 130;
  rows.forEach((r, i) => {
    const y = 5 + i * rowH;
    const bw = Math.max(1, (w - left - 80) * Math.max(0, r.value) / top);
    root.appendChild(svg('text', { x: left - 8, y: y + rowH * 0.62, 'text-anchor': 'end', class: 'label-strong' }, r.label));
    root.appendChild(svg('rect', { x: left, y: y + 3, width: bw, height: rowH - 8, rx: 3, fill: r.colour || colour(r.label) }));
    root.appendChild(svg('text', { x: left + bw + 6, y: y + rowH * 0.62 }, r.text ?? format(r.value)));
  });
}

// ---- live feed ----------------------------------------------------------------------------------------------------

let selected = null;

function addToFeed(event, fresh) {
  $('feed-empty').hidden = true;
  const li = el('li', { 'data-id': event.id, class: fresh ? 'fresh' : '' });
  li.appendChild(el('span', { class: 'time' }, new Date(event.decidedAt).toLocaleTimeString()));
  const what = el('span');
  what.appendChild(el('span', {}, event.kind + ' → '));
  what.appendChild(el('span', { class: event.winner ? 'winner' : 'none' }, event.winner || 'no award'));
  li.appendChild(what);
  li.appendChild(el('span', { class: 'bids' }, event.bids == null ? '' : event.bids + ' bids'));
  li.addEventListener('click', () => showDecision(event.id, li));
  const feed = $('feed');
  feed.insertBefore(li, feed.firstChild);
  while (feed.children.length > 200) feed.removeChild(feed.lastChild);
}

function connect() {
  const source = new EventSource('/v1/decisions/stream' + (KEY ? '?access_token=' + encodeURIComponent(KEY) : ''));
  source.onopen = () => { $('connection').textContent = 'live'; $('connection').className = 'badge on'; };
  source.onerror = () => { $('connection').textContent = 'reconnecting…'; $('connection').className = 'badge off'; };
  source.addEventListener('decision', (m) => { addToFeed(JSON.parse(m.data), true); refreshSoon(); });
}

async function loadRecent() {
  try {
    const page = await (await api('/v1/decisions?limit=30')).json();
    page.items.slice().reverse().forEach((d) => addToFeed({
      id: d.id, kind: d.kind, winner: d.winner, decidedAt: d.decidedAt, bids: null }, false));
  } catch (e) { /* the live feed still works */ }
}

// ---- one decision -----------------------------------------------------------------------------------------------

async function showDecision(id, li) {
  if (selected) selected.classList.remove('selected');
  selected = li; li.classList.add('selected');
  const response = await api('/v1/decisions/' + encodeURIComponent(id));
  const d = await response.json();
  if (!response.ok) { $('detail-empty').textContent = d.error ? d.error.message : 'not found'; return; }
  $('detail-empty').hidden = true;
  $('detail').hidden = false;
  $('d-id').textContent = d.id;
  const margin = d.margin == null ? '' : `, margin ${num(d.margin, 4)}`;
  $('d-summary').textContent = `${d.kind} for tenant ${d.tenant}: ` + (d.winner ? `awarded to ${d.winner}${margin}` : 'no award')
    + (d.explored ? ' (exploration changed the winner)' : '')
    + `. utility = quality − ${num(d.costWeight, 2)}·USD − ${num(d.latencyWeight, 3)}·s`;
  $('d-chart').style.height = (16 + 28 * Math.max(1, d.bids.length)) + 'px';
  bars('d-chart', d.bids.map((b) => ({ label: b.arm, value: b.utility, colour: b.won ? '#3ecf8e' : '#4f6275',
    text: `utility ${num(b.utility, 4)}` })), { max: Math.max(...d.bids.map((b) => Math.abs(b.utility)), 1e-9) });
  const body = $('d-bids').tBodies[0];
  while (body.firstChild) body.removeChild(body.firstChild);
  for (const b of d.bids) {
    const tr = el('tr', { class: b.won ? 'won' : '' });
    [b.rank, b.arm, num(b.claimedQuality), num(b.believedQuality), num(b.drawnQuality), num(b.expectedCostUsd, 6),
      num(b.expectedLatencyMs, 1), num(b.observations, 0), num(b.utility, 4)].forEach((v) => tr.appendChild(el('td', {}, v)));
    tr.appendChild(el('td', { class: 'why' }, b.loss ? b.loss.reason : (b.won ? 'winner' : '')));
    body.appendChild(tr);
  }
  const ex = $('d-exclusions');
  while (ex.firstChild) ex.removeChild(ex.firstChild);
  if (d.exclusions.length) {
    ex.appendChild(el('h2', {}, 'Excluded'));
    const ul = el('ul');
    d.exclusions.forEach((x) => ul.appendChild(el('li', {}, `${x.arm}: ${x.reason} — ${x.detail}`)));
    ex.appendChild(ul);
  }
}

// ---- figures ------------------------------------------------------------------------------------------------------

function calibration(rows) {
  const { root, w, h } = canvas('c-calibration');
  const pad = 30; const size = Math.min(w, h) - pad - 10;
  const x = (q) => pad + q * size; const y = (q) => h - pad - q * size;
  root.appendChild(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: '#2a3542', 'stroke-dasharray': '4 4' }));
  root.appendChild(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(0), stroke: '#2a3542' }));
  root.appendChild(svg('line', { x1: x(0), y1: y(0), x2: x(0), y2: y(1), stroke: '#2a3542' }));
  root.appendChild(svg('text', { x: x(1), y: h - 8, 'text-anchor': 'end' }, 'claimed →'));
  root.appendChild(svg('text', { x: 4, y: y(1) + 4 }, 'observed'));
  const rated = rows.filter((r) => r.feedback > 0);
  if (rated.length === 0) root.appendChild(svg('text', { x: x(0.1), y: y(0.5) }, 'no feedback yet'));
  rated.forEach((r) => {
    root.appendChild(svg('circle', { cx: x(r.meanClaimedQuality), cy: y(r.meanObservedQuality),
      r: 5 + Math.min(10, Math.sqrt(r.feedback)), fill: colour(r.bidder), 'fill-opacity': 0.8 }));
    root.appendChild(svg('text', { x: x(r.meanClaimedQuality) + 10, y: y(r.meanObservedQuality) + 4, class: 'label-strong' },
      r.bidder));
  });
}

function latency(rows) {
  const { root, w, h } = canvas('c-latency');
  const served = rows.filter((r) => r.latencyP50Ms != null);
  if (served.length === 0) { root.appendChild(svg('text', { x: 8, y: 20 }, 'no data yet')); return; }
  const max = Math.max(...served.map((r) => r.latencyP99Ms), 1);
  const rowH = Math.min(34, (h - 10) / served.length); const left = 130; const span = w - left - 120;
  served.forEach((r, i) => {
    const y = 5 + i * rowH; const sx = (v) => left + span * v / max;
    root.appendChild(svg('text', { x: left - 8, y: y + rowH * 0.6, 'text-anchor': 'end', class: 'label-strong' }, r.bidder));
    root.appendChild(svg('rect', { x: left, y: y + 4, width: sx(r.latencyP99Ms) - left, height: rowH - 10, rx: 3, fill: colour(r.bidder), 'fill-opacity': 0.25 }));
    root.appendChild(svg('rect', { x: left, y: y + 4, width: sx(r.latencyP90Ms) - left, height: rowH - 10, rx: 3, fill: colour(r.bidder), 'fill-opacity': 0.5 }));
    root.appendChild(svg('rect', { x: left, y: y + 4, width: Math.max(1, sx(r.latencyP50Ms) - left), height: rowH - 10, rx: 3, fill: colour(r.bidder) }));
    root.appendChild(svg('text', { x: sx(r.latencyP99Ms) + 6, y: y + rowH * 0.6 },
      `${num(r.latencyP50Ms, 0)} / ${num(r.latencyP90Ms, 0)} / ${num(r.latencyP99Ms, 0)}`));
  });
}

function spend(points) {
  const { root, w, h } = canvas('c-spend');
  if (points.length === 0) { root.appendChild(svg('text', { x: 8, y: 20 }, 'no spend yet')); return; }
  const names = [...new Set(points.flatMap((p) => Object.keys(p.usdByBidder)))].sort();
  const totals = points.map((p) => names.reduce((s, n) => s + (p.usdByBidder[n] || 0), 0));
  const max = Math.max(...totals, 1e-9); const left = 60; const bottom = 22;
  const bw = Math.max(2, (w - left - 10) / Math.max(points.length, 12) - 2);
  root.appendChild(svg('text', { x: 4, y: 12 }, usd(max)));
  points.forEach((p, i) => {
    let y = h - bottom; const x = left + i * (bw + 2);
    names.forEach((n) => {
      const v = p.usdByBidder[n] || 0; const bh = (h - bottom - 16) * v / max;
      if (bh > 0) root.appendChild(svg('rect', { x, y: y - bh, width: bw, height: bh, fill: colour(n) }));
      y -= bh;
    });
  });
  root.appendChild(svg('text', { x: left, y: h - 6 }, new Date(points[0].minute).toLocaleTimeString()));
  let lx = w - 10;
  names.slice().reverse().forEach((n) => {
    const t = svg('text', { x: lx, y: h - 6, 'text-anchor': 'end', fill: colour(n) }, n);
    t.style.fill = colour(n); root.appendChild(t); lx -= 12 + 7 * n.length;
  });
}

function bidderTable(rows) {
  const body = $('bidders').tBodies[0];
  while (body.firstChild) body.removeChild(body.firstChild);
  rows.forEach((r) => {
    const tr = el('tr');
    [r.bidder, r.wins, pct(r.winShare), r.served, num(r.spendUsd, 5), pct(r.successRate), r.feedback,
      num(r.latencyP50Ms, 1), num(r.latencyP99Ms, 1)].forEach((v) => tr.appendChild(el('td', {}, v)));
    body.appendChild(tr);
  });
}

async function refresh() {
  try {
    const s = await (await api('/v1/stats')).json();
    $('t-decisions').textContent = `${s.decisions} (${s.awarded} awarded)`;
    $('t-spend').textContent = usd(s.spendUsd);
    $('t-baseline').textContent = usd(s.premiumBaselineUsd);
    $('t-saved').textContent = usd(s.savedUsd);
    $('t-saved-share').textContent = s.premiumBaselineUsd > 0
      ? `${pct(s.savedUsd / s.premiumBaselineUsd)} of the baseline` + (s.premiumBidder ? ` (${s.premiumBidder})` : ' (most expensive bid)')
      : '';
    bars('c-wins', s.bidders.filter((b) => b.wins > 0).map((b) => ({ label: b.bidder, value: b.winShare, text: `${pct(b.winShare)} (${b.wins})` })), { max: 1 });
    calibration(s.bidders);
    latency(s.bidders);
    spend(s.spend);
    bidderTable(s.bidders);
  } catch (e) { /* next refresh will try again */ }
}

// A burst of decisions refreshes the figures once, half a second after the first of them.
let pending = null;
function refreshSoon() {
  if (pending == null) pending = setTimeout(() => { pending = null; refresh(); }, 500);
}

loadRecent().then(connect);
refresh();
setInterval(refresh, 3000);
