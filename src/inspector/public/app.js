// The inspector page: a client of the public API (/machines/order, /orders, /orders/:id,
// /orders/:id/history, /orders/:id/events, /orders/:id/stream, /openapi.json) and nothing else.
import { payloadForm, showProblem } from './forms.js';
import { follow } from './live.js';
import { drawStatechart, highlight } from './statechart.js';

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

const storage = window.localStorage;
const view = { graph: null, svg: null, order: null, payloadSchemas: {}, readPayload: null, eventType: null, stream: null, cursor: null, zoom: 0.8, seenSeq: 0 };

/** Every call carries the token the developer gave, so the page gets exactly what the API allows. */
const authHeaders = () => (storage.getItem('aftersales.token') ? { authorization: `Bearer ${storage.getItem('aftersales.token')}` } : {});

async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { ...authHeaders(), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) } });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { title: 'Not JSON', detail: text.slice(0, 300) };
  }
  return { ok: res.ok, status: res.status, body };
}

function fail(problem, where = $('list-error')) {
  where.hidden = false;
  where.textContent = `${problem?.status ?? ''} ${problem?.title ?? 'Error'}: ${problem?.detail ?? ''}`;
}

const digitsOf = (currency) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
};
const time = (iso) => (iso ? iso.replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, 'Z') : '—');
const money = (minor, currency) => `${(minor / 10 ** digitsOf(currency)).toFixed(digitsOf(currency))} ${currency}`;

// --- the diagram ----------------------------------------------------------------------------

function applyZoom() {
  if (!view.svg) return;
  const width = Number(view.svg.getAttribute('width'));
  const container = $('diagram');
  const scale = view.zoom === 'fit' ? (container.clientWidth - 20) / width : view.zoom;
  view.svg.style.width = `${Math.round(width * scale)}px`;
  view.svg.style.height = 'auto';
}

async function drawDiagram() {
  const res = await api('/machines/order');
  if (!res.ok) return fail(res.body, $('diagram'));
  view.graph = res.body;
  $('machine-name').textContent = `machine ${view.graph.id} v${view.graph.version}`;
  const markup = await drawStatechart(view.graph, new window.ELK());
  const box = $('diagram');
  box.innerHTML = markup;
  view.svg = box.querySelector('svg');
  applyZoom();
  for (const g of view.svg.querySelectorAll('.state')) {
    g.addEventListener('click', () => {
      $('state-filter').value = g.getAttribute('data-path');
      void loadList();
    });
  }
  const filter = $('state-filter');
  const walk = (state, depth) => {
    if (state.path && state.type !== 'history') filter.append(el('option', { value: state.path, text: `${'  '.repeat(depth - 1)}${state.path}` }));
    for (const child of state.states) walk(child, depth + 1);
  };
  walk(view.graph.root, 0);
}

function showOnDiagram(order) {
  if (!view.svg) return;
  highlight(view.svg, order?.state ?? '', order?.acceptedEvents ?? []);
  const current = view.svg.querySelector('.state.current');
  current?.scrollIntoView({ block: 'center', inline: 'center' });
}

// --- the order list -------------------------------------------------------------------------

async function loadList(append = false) {
  const params = new window.URLSearchParams({ limit: '50' });
  const state = $('state-filter').value;
  if (state) params.set('state', state);
  if (append && view.cursor) params.set('cursor', view.cursor);
  const res = await api(`/orders?${params}`);
  if (!res.ok) return fail(res.body);
  $('list-error').hidden = true;
  const list = $('order-list');
  if (!append) list.textContent = '';
  for (const o of res.body.orders) {
    const button = el('button', { type: 'button', 'data-id': o.id }, o.id, el('small', { text: o.state }));
    if (view.order?.id === o.id) button.classList.add('selected');
    button.addEventListener('click', () => void select(o.id));
    list.append(el('li', {}, button));
  }
  view.cursor = res.body.nextCursor;
  $('more').hidden = !view.cursor;
}

// --- the selected order ---------------------------------------------------------------------

function renderOrder(order) {
  view.order = order;
  $('empty').hidden = true;
  $('order').hidden = false;
  $('order-title').textContent = order.id;
  $('order-status').textContent = order.status;
  $('order-status').className = `badge ${order.status}`;
  $('order-state').textContent = order.state;
  $('order-description').textContent = [order.description, order.waitsOn ? `Waits on the ${order.waitsOn}.` : null].filter(Boolean).join(' ');
  const problem = $('order-problem');
  problem.hidden = !order.problem;
  problem.textContent = order.problem ? `${order.problem.rule} · ${order.problem.title}. ${order.problem.recommendedAction}` : '';
  $('if-match-version').textContent = String(order.version);

  const accepted = $('accepted');
  accepted.textContent = '';
  if (order.acceptedEvents.length === 0) accepted.append(el('span', { class: 'muted', text: 'none: the order is closed' }));
  for (const type of order.acceptedEvents) {
    const button = el('button', { type: 'button', 'data-event': type, text: type });
    if (order.problem?.recommendedEvents.includes(type)) button.classList.add('recommended');
    button.addEventListener('click', () => openForm(type));
    accepted.append(button);
  }
  if (view.eventType && !order.acceptedEvents.includes(view.eventType)) closeForm();

  const deadlines = $('deadlines');
  deadlines.textContent = '';
  if (order.deadlines.length === 0) deadlines.append(el('tr', {}, el('td', { class: 'muted', text: 'none armed' })));
  for (const d of order.deadlines) deadlines.append(el('tr', {}, el('th', { text: d.name }), el('td', {}, time(d.dueAt), el('small', { class: 'muted', text: ` fires ${d.event}` }))));
  if (order.resolution?.escalated) deadlines.append(el('tr', {}, el('th', { text: 'resolution' }), el('td', { text: `missed; escalated ${time(order.resolution.escalatedAt)}` })));

  const m = order.money;
  const table = $('money');
  table.textContent = '';
  for (const [name, value] of [['paid', m.paid], ['refunded', m.refunded], ['refundable', m.refundable], ['pending refund', m.pendingRefund]]) {
    table.append(el('tr', {}, el('th', { text: name }), el('td', { text: money(value, order.currency) })));
  }
  showOnDiagram(order);
  for (const b of document.querySelectorAll('#order-list button')) b.classList.toggle('selected', b.getAttribute('data-id') === order.id);
}

function renderHistory(history) {
  const list = $('timeline');
  list.textContent = '';
  const fresh = view.seenSeq;
  for (const h of [...history].reverse()) {
    const li = el(
      'li',
      { 'data-seq': h.seq, 'data-type': h.type, class: h.source },
      el('span', { class: 'ev', text: `#${h.seq} ${h.type}` }),
      el('span', { class: 'move', text: `${h.fromState ?? '∅'} → ${h.toState}` }),
      el('span', { class: 'meta', text: [time(h.at), h.source === 'timer' ? `timer, due ${time(h.dueAt)}` : 'client', h.idempotencyKey ? `key ${h.idempotencyKey}` : null].filter(Boolean).join(' · ') }),
    );
    if (fresh && h.seq > fresh) li.classList.add('fresh');
    list.append(li);
  }
  view.seenSeq = history.at(-1)?.seq ?? 0;
}

async function refresh(id) {
  const [order, history] = await Promise.all([api(`/orders/${encodeURIComponent(id)}`), api(`/orders/${encodeURIComponent(id)}/history`)]);
  if (!order.ok) return fail(order.body);
  if (view.order && view.order.id !== id) return; // another order was picked meanwhile
  renderOrder(order.body);
  if (history.ok) renderHistory(history.body.history);
}

async function select(id) {
  if (view.stream) view.stream.stop();
  view.order = null;
  view.seenSeq = 0;
  closeForm();
  const res = await api(`/orders/${encodeURIComponent(id)}`);
  if (!res.ok) return fail(res.body);
  $('list-error').hidden = true;
  renderOrder(res.body);
  const url = new URL(window.location.href);
  url.searchParams.set('order', id);
  window.history.replaceState(null, '', url);
  $('order-id').value = id;
  await refresh(id);
  view.stream = follow(`/orders/${encodeURIComponent(id)}/stream`, {
    headers: authHeaders,
    onStatus: (open) => {
      $('live').className = `live ${open ? 'on' : 'off'}`;
      $('live').textContent = open ? `following ${id}` : 'not following';
    },
    onMessage: (message) => {
      if (message.event === 'ready' || message.event === 'change') void refresh(id).then(() => (message.event === 'change' ? loadList() : undefined));
    },
  });
}

// --- sending events -------------------------------------------------------------------------

function openForm(type) {
  view.eventType = type;
  $('event-form').hidden = false;
  $('event-form-title').textContent = type;
  view.readPayload = payloadForm($('event-fields'), view.payloadSchemas[type]);
  $('idempotency-key').value = `inspector-${window.crypto.randomUUID()}`;
  showProblem($('form-error'), $('event-form'), null);
}

function closeForm() {
  view.eventType = null;
  $('event-form').hidden = true;
}

async function sendEvent(event) {
  event.preventDefault();
  const order = view.order;
  if (!order || !view.eventType) return;
  const headers = {};
  if ($('if-match').checked) headers['if-match'] = `"${order.version}"`;
  const key = $('idempotency-key').value.trim();
  if (key) headers['idempotency-key'] = key;
  const res = await api(`/orders/${encodeURIComponent(order.id)}/events`, { method: 'POST', headers, body: JSON.stringify({ type: view.eventType, payload: view.readPayload() }) });
  if (!res.ok) return showProblem($('form-error'), $('event-form'), res.body);
  closeForm();
  await refresh(order.id);
}

// --- wiring ---------------------------------------------------------------------------------

async function start() {
  $('token').value = storage.getItem('aftersales.token') ?? '';
  $('token').addEventListener('change', () => {
    const v = $('token').value.trim();
    if (v) storage.setItem('aftersales.token', v);
    else storage.removeItem('aftersales.token');
    void loadList();
  });
  $('pick').addEventListener('submit', (e) => {
    e.preventDefault();
    void select($('order-id').value.trim());
  });
  $('state-filter').addEventListener('change', () => void loadList());
  $('more').addEventListener('click', () => void loadList(true));
  $('event-form').addEventListener('submit', (e) => void sendEvent(e));
  $('cancel').addEventListener('click', closeForm);
  for (const b of document.querySelectorAll('[data-zoom]')) {
    b.addEventListener('click', () => {
      const how = b.getAttribute('data-zoom');
      const current = view.zoom === 'fit' ? Number.parseFloat(view.svg.style.width) / Number(view.svg.getAttribute('width')) : view.zoom;
      view.zoom = how === 'fit' ? 'fit' : Math.min(2, Math.max(0.3, current * (how === 'in' ? 1.25 : 0.8)));
      applyZoom();
    });
  }
  const doc = await api('/openapi.json');
  view.payloadSchemas = doc.body?.components?.schemas?.EventPayloads?.properties ?? {};
  await Promise.all([drawDiagram(), loadList()]);
  const wanted = new URL(window.location.href).searchParams.get('order');
  if (wanted) await select(wanted);
  document.body.dataset.ready = 'true';
}

void start();
