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
// Below a cent, money shows two significant digits: a local model's $0.0000012 is not $0.00000.
const usd = (v) => {
  if (v == null) return '–';
  const a = Math.abs(v);
  if (a === 0) return '$0';
  return '$' + v.toFixed(a >= 0.01 ? 3 : Math.min(12, 1 - Math.floor(Math.log10(a))));
};
const num = (v, d = 3) => v == null ? '–' : Number(v).toFixed(d);
// Milliseconds: local models answer in fractions of one, hosted ones in hundreds.
const ms = (v) => v == null ? '–' : Number(v).toFixed(v < 1 ? 2 : v < 10 ? 1 : 0);
const clamp01 = (v) => Math.min(1, Math.max(0, v));
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
  outcome(d.outcome);
}

// What came of the award: each attempt with the model it called and its tokens, the repairs, output and feedback.
function outcome(o) {
  const box = $('d-outcome');
  while (box.firstChild) box.removeChild(box.firstChild);
  if (!o) return;
  const tokens = (i, out) => i < 0 ? '' : `, ${i} tokens in / ${out} out`;
  box.appendChild(el('h2', {}, 'Outcome'));
  box.appendChild(el('p', { id: 'd-served' }, (o.succeeded ? `Served by ${o.servedBy}` : 'Every attempt failed')
    + ` in ${o.attempts.length} attempt(s): ${usd(o.costUsd)}, ${ms(o.latencyMs)} ms${tokens(o.inputTokens, o.outputTokens)}`));
  const ul = el('ul');
  o.attempts.forEach((a) => {
    const model = a.usage && a.usage.model && a.usage.model !== a.arm ? ` (${a.usage.model})` : '';
    const used = a.usage ? tokens(a.usage.inputTokens, a.usage.outputTokens) : '';
    ul.appendChild(el('li', {}, `${a.number}. ${a.arm}${model}: ${a.status}, ${usd(a.costUsd)}, ${ms(a.latencyMs)} ms`
      + `${used}${a.detail ? ' — ' + a.detail : ''}`));
  });
  box.appendChild(ul);
  if (o.repairs.length) box.appendChild(el('p', {}, 'Repairs: ' + o.repairs.join('; ')));
  if (o.output !== null && o.output !== undefined) {
    const text = JSON.stringify(o.output);
    box.appendChild(el('p', { class: 'mono' }, 'Output: ' + (text.length > 200 ? text.slice(0, 200) + '…' : text)));
  }
  if (o.feedback) {
    box.appendChild(el('p', {}, `Feedback: quality ${num(o.feedback.quality)}`
      + (o.feedback.note ? ` (${o.feedback.note})` : '')));
  }
}

// ---- figures ------------------------------------------------------------------------------------------------------

// A square plot with its key beside it: labels next to the points overlap where bidders are alike.
function calibration(rows) {
  const { root, w, h } = canvas('c-calibration');
  const left = 40; const top = 8; const bottom = 26;
  const size = Math.max(60, Math.min(h - top - bottom, w * 0.5));
  const x = (q) => left + clamp01(q) * size; const y = (q) => top + size - clamp01(q) * size;
  root.appendChild(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: '#2a3542', 'stroke-dasharray': '4 4' }));
  root.appendChild(svg('rect', { x: x(0), y: y(1), width: size, height: size, fill: 'none', stroke: '#2a3542' }));
  [0, 0.5, 1].forEach((t) => {
    root.appendChild(svg('text', { x: x(t), y: y(0) + 13, 'text-anchor': 'middle' }, String(t)));
    root.appendChild(svg('text', { x: x(0) - 5, y: y(t) + 4, 'text-anchor': 'end' }, String(t)));
  });
  root.appendChild(svg('text', { x: x(0.5), y: y(0) + 24, 'text-anchor': 'middle' }, 'claimed'));
  root.appendChild(svg('text', { x: 10, y: y(0.5), 'text-anchor': 'middle',
    transform: `rotate(-90 10 ${y(0.5)})` }, 'observed'));
  const rated = rows.filter((r) => r.feedback > 0).sort((a, b) => b.feedback - a.feedback);
  if (rated.length === 0) {
    root.appendChild(svg('text', { x: x(1) + 20, y: y(0.5) }, 'no feedback yet'));
    return;
  }
  rated.forEach((r) => {
    const c = svg('circle', { cx: x(r.meanClaimedQuality), cy: y(r.meanObservedQuality),
      r: 4 + Math.min(6, Math.sqrt(r.feedback) / 2), fill: colour(r.bidder), 'fill-opacity': 0.75 });
    c.appendChild(svg('title', {}, `${r.bidder}: claimed ${num(r.meanClaimedQuality, 2)}, observed `
      + `${num(r.meanObservedQuality, 2)} over ${r.feedback} feedback`));
    root.appendChild(c);
  });
  const keyX = x(1) + 20; const rowH = 18; const fits = Math.max(1, Math.floor((h - top) / rowH));
  rated.slice(0, fits).forEach((r, i) => {
    const ky = top + 10 + i * rowH;
    root.appendChild(svg('circle', { cx: keyX, cy: ky - 4, r: 5, fill: colour(r.bidder) }));
    const name = svg('text', { x: keyX + 10, y: ky, class: 'label-strong' }, r.bidder);
    root.appendChild(name);
    root.appendChild(svg('text', { x: keyX + 18 + name.getComputedTextLength(), y: ky },
      `${num(r.meanClaimedQuality, 2)} → ${num(r.meanObservedQuality, 2)} (${r.feedback})`));
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
      `${ms(r.latencyP50Ms)} / ${ms(r.latencyP90Ms)} / ${ms(r.latencyP99Ms)}`));
  });
}

// Stacked bars per minute, placed by time (minutes without spend stay empty); the key on top, wrapped to the width by
// each name's measured length.
function spend(points) {
  const { root, w, h } = canvas('c-spend');
  if (points.length === 0) { root.appendChild(svg('text', { x: 8, y: 20 }, 'no spend yet')); return; }
  const names = [...new Set(points.flatMap((p) => Object.keys(p.usdByBidder)))].sort();
  let kx = w - 4; let ky = 12;
  names.slice().reverse().forEach((n) => {
    const t = svg('text', { 'text-anchor': 'end' }, n);
    t.style.fill = colour(n);
    root.appendChild(t);
    const width = t.getComputedTextLength() + 12;
    if (kx - width < 0) { kx = w - 4; ky += 14; }
    t.setAttribute('x', kx); t.setAttribute('y', ky);
    kx -= width;
  });
  const totals = points.map((p) => names.reduce((s, n) => s + (p.usdByBidder[n] || 0), 0));
  const max = Math.max(...totals, 1e-12); const bottom = 20; const top = ky + 14;
  const maxLabel = svg('text', { y: top + 4, 'text-anchor': 'end' }, usd(max));
  root.appendChild(maxLabel);
  const left = Math.max(30, maxLabel.getComputedTextLength() + 10);
  maxLabel.setAttribute('x', left - 6);
  root.appendChild(svg('text', { x: left - 6, y: h - bottom, 'text-anchor': 'end' }, '$0'));
  const minuteOf = (p) => Math.floor(new Date(p.minute).getTime() / 60000);
  const first = minuteOf(points[0]); const span = minuteOf(points[points.length - 1]) - first + 1;
  const slot = (w - left - 10) / Math.max(span, 12); const bw = Math.max(2, slot - 2);
  points.forEach((p) => {
    let y = h - bottom; const x = left + (minuteOf(p) - first) * slot;
    names.forEach((n) => {
      const v = p.usdByBidder[n] || 0; const bh = (h - bottom - top) * v / max;
      if (bh > 0) root.appendChild(svg('rect', { x, y: y - bh, width: bw, height: bh, fill: colour(n) }));
      y -= bh;
    });
  });
  const label = (p) => new Date(p.minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  root.appendChild(svg('text', { x: left, y: h - 5 }, label(points[0])));
  if (span > 1) {
    root.appendChild(svg('text', { x: left + (span - 1) * slot + bw, y: h - 5, 'text-anchor': 'end' },
      label(points[points.length - 1])));
  }
}

function bidderTable(rows) {
  const body = $('bidders').tBodies[0];
  while (body.firstChild) body.removeChild(body.firstChild);
  rows.forEach((r) => {
    const tr = el('tr');
    [r.bidder, r.wins, pct(r.winShare), r.served, usd(r.spendUsd), pct(r.successRate), r.feedback,
      ms(r.latencyP50Ms), ms(r.latencyP99Ms)].forEach((v) => tr.appendChild(el('td', {}, v)));
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
