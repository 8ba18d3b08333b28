// The inspector page: a client of the public API (/machines/order, /orders, /orders/:id and its
// history, notifications, events and stream, /openapi.json) and nothing else.
import { api, authHeaders, orderPath, token } from './api.js';
import { createDiagram } from './diagram.js';
import { $, el, statePath } from './dom.js';
import { eventForm } from './event-form.js';
import { follow } from './live.js';
import { fail, orderList } from './order-list.js';
import { claimsPanel, deadlinesPanel, deliveriesPanel, moneyPanel, shipmentsPanel, suppliersPanel } from './order-panels.js';
import { renderTimeline } from './timeline.js';
import { drawVersionMarks, loadVersions, renderVersions, versionMarks } from './versions.js';

const view = { order: null, history: [], notes: null, stream: null, seenSeq: 0, diagram: null, form: null, list: null, machineId: 'order', graphVersion: null, mode: 'orders', versions: null };

const count = (id, text) => ($(id).textContent = text);

function renderOrder(order) {
  view.order = order;
  $('empty').hidden = true;
  $('order').hidden = false;
  $('order-title').textContent = order.id;
  $('order-status').textContent = order.status;
  $('order-status').className = `badge ${order.status}`;
  $('order-state').replaceChildren(statePath(order.state));
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
    button.addEventListener('click', () => view.form.open(type));
    accepted.append(button);
  }
  if (view.form.type && !order.acceptedEvents.includes(view.form.type)) view.form.close();
  view.form.orderChanged(order);

  $('deadlines').replaceChildren(deadlinesPanel(order));
  $('money').replaceChildren(moneyPanel(order));
  $('claims').replaceChildren(claimsPanel(order));
  $('suppliers').replaceChildren(suppliersPanel(order));
  $('shipments').replaceChildren(shipmentsPanel(order));
  // The view shows the most recent entries of a long list; the totals count them all.
  const claims = order.claimsTotal ?? (order.claims ?? (order.claim ? [order.claim] : [])).length;
  count('claims-count', claims ? `(${claims})` : '');
  const owing = order.supplierRefunds?.owedTotal ?? order.suppliers.filter((s) => s.originalOrderRefund === 'owed').length;
  count('suppliers-count', `(${order.suppliersTotal ?? order.suppliers.length}${owing ? `, ${owing} owe${owing === 1 ? 's' : ''} a refund` : ''})`);
  const shipments = order.shipmentsTotal ?? order.shipments.length;
  count('shipments-count', shipments ? `(${shipments})` : '');
  view.list.select(order.id);
}

function renderJourney() {
  const order = view.order;
  renderTimeline($('timeline'), view.history, {
    notifications: view.notes?.notifications ?? [],
    currency: order.currency,
    seenSeq: view.seenSeq,
    onStep: (seq) => view.diagram?.showStep(seq),
  });
  count('timeline-count', `(${view.history.length} steps)`);
  view.seenSeq = view.history.at(-1)?.seq ?? 0;
  $('deliveries').replaceChildren(deliveriesPanel(view.notes));
  const n = view.notes?.notifications ?? [];
  count('deliveries-count', n.length ? `(${n.length})` : '');
}

/** The whole history, page after page (1000 entries each). */
async function wholeHistory(id) {
  const first = await api(orderPath(id, '/history'));
  if (!first.ok) return first;
  const entries = [...first.body.history];
  for (let cursor = first.body.nextCursor; cursor; ) {
    const page = await api(orderPath(id, `/history?cursor=${encodeURIComponent(cursor)}`));
    if (!page.ok) return page;
    entries.push(...page.body.history);
    cursor = page.body.nextCursor;
  }
  return { ...first, body: { ...first.body, history: entries, nextCursor: null } };
}

async function refresh(id) {
  const [order, history, notes] = await Promise.all([api(orderPath(id)), wholeHistory(id), api(orderPath(id, '/notifications'))]);
  if (!order.ok) return fail(order.body);
  if (view.order && view.order.id !== id) return; // another order was picked meanwhile
  $('list-error').hidden = true;
  view.history = history.ok ? history.body.history : [];
  view.notes = notes.ok ? notes.body : null;
  renderOrder(order.body);
  renderJourney();
  // An order pinned to an older version is drawn on that version's diagram.
  const pinned = order.body.machine?.version;
  if (pinned !== undefined && pinned !== view.graphVersion) await showGraph(pinned);
  await view.diagram?.follow(order.body, view.history);
}

async function select(id) {
  if (view.mode !== 'orders') await showOrders();
  view.stream?.stop();
  view.order = null;
  view.seenSeq = 0;
  view.form.close();
  const url = new URL(window.location.href);
  url.searchParams.set('order', id);
  window.history.replaceState(null, '', url);
  $('order-id').value = id;
  await refresh(id);
  if (view.order?.id !== id) return;
  view.stream = follow(orderPath(id, '/stream'), {
    headers: authHeaders,
    onStatus: (open) => {
      $('live').className = `live ${open ? 'on' : 'off'}`;
      $('live').textContent = open ? `following ${id}` : 'not following';
    },
    onMessage: (message) => {
      if (message.event === 'ready' || message.event === 'change') void refresh(id).then(() => (message.event === 'change' ? view.list.load() : undefined));
    },
  });
}

function wireDiagramBar() {
  const actions = {
    in: () => view.diagram.zoom(1.25),
    out: () => view.diagram.zoom(0.8),
    fit: () => view.diagram.fit(),
    actual: () => view.diagram.actualSize(),
    overview: () => view.diagram.overview(),
  };
  for (const b of document.querySelectorAll('[data-zoom]')) b.addEventListener('click', () => actions[b.getAttribute('data-zoom')]?.());
  $('collapse-far').addEventListener('change', () => void view.diagram.setCollapseFar($('collapse-far').checked));
}

/** Draws version `version` of the machine (null: the newest), with the versions view's `marks` if given. */
async function showGraph(version = null, marks = null) {
  const base = `/machines/${encodeURIComponent(view.machineId)}`;
  const res = await api(version === null ? base : `${base}/versions/${version}`);
  if (!res.ok) return fail(res.body, $('diagram'));
  const graph = res.body;
  if (view.graphVersion === null) view.list.states(graph);
  view.graphVersion = graph.version;
  $('machine-name').textContent = `machine ${graph.id} v${graph.version}`;
  $('diagram').textContent = '';
  $('diagram').dataset.version = String(graph.version);
  const extra = marks ? { keepOpen: () => marks.keep, frame: () => marks.keep, decorate: (svg) => drawVersionMarks(svg, marks) } : {};
  view.diagram = createDiagram($('diagram'), { graph, elk: new window.ELK(), onStatePick: (path) => view.list.filter(path), ...extra });
  await view.diagram.follow(view.order, view.history);
}

function setMode(mode) {
  view.mode = mode;
  $('mode-orders').setAttribute('aria-pressed', String(mode === 'orders'));
  $('mode-versions').setAttribute('aria-pressed', String(mode === 'versions'));
  $('versions').hidden = mode !== 'versions';
  $('empty').hidden = mode !== 'orders' || view.order !== null;
  $('order').hidden = mode !== 'orders' || view.order === null;
}

/** The versions view: version `version`'s diagram (default: the newest) with its changes and order counts. */
async function showVersions(version) {
  view.stream?.stop();
  view.order = null;
  view.history = [];
  view.form.close();
  view.list.select(null);
  setMode('versions');
  // Read again on each visit: the census moves with the orders.
  if (!view.versions || version === undefined) view.versions = await loadVersions(view.machineId);
  const data = view.versions;
  const shown = version ?? data.current ?? null;
  const url = new URL(window.location.href);
  url.searchParams.delete('order');
  url.searchParams.set('view', 'versions');
  if (shown !== null) url.searchParams.set('version', String(shown));
  window.history.replaceState(null, '', url);
  renderVersions($('versions'), data, shown, { onPick: (n) => void showVersions(n).then(() => $('versions').querySelector(`[data-version="${n}"]`)?.focus()) });
  await showGraph(shown, data.problem ? null : versionMarks(data, shown));
  $('diagram').dataset.view = 'versions';
}

async function showOrders() {
  setMode('orders');
  const url = new URL(window.location.href);
  url.searchParams.delete('view');
  url.searchParams.delete('version');
  window.history.replaceState(null, '', url);
  await showGraph();
  $('diagram').dataset.view = 'orders';
}

async function drawDiagram() {
  // The machine this service hosts: the page is not tied to one.
  const machines = await api('/machines');
  if (machines.ok && machines.body.machines?.[0]) view.machineId = machines.body.machines[0].id;
  await showGraph();
  $('diagram').dataset.view = 'orders';
}

async function start() {
  $('token').value = token.get();
  $('access-form').addEventListener('submit', (e) => e.preventDefault());
  $('token').addEventListener('change', () => {
    token.set($('token').value.trim());
    void view.list.load();
  });
  view.list = orderList({ onPick: (id) => void select(id) });
  $('pick').addEventListener('submit', (e) => {
    e.preventDefault();
    void select($('order-id').value.trim());
  });
  $('reload-deliveries').addEventListener('click', () => view.order && void refresh(view.order.id));
  wireDiagramBar();
  $('mode-orders').addEventListener('click', () => view.mode !== 'orders' && void showOrders());
  $('mode-versions').addEventListener('click', () => void showVersions());
  const doc = await api('/openapi.json');
  view.form = eventForm({
    schemas: eventPayloadSchemas(doc.body),
    order: () => view.order,
    onSent: (order) => refresh(order.id),
    onTried: (tried) => view.diagram?.showWhatIf(tried),
  });
  await Promise.all([drawDiagram(), view.list.load()]);
  const params = new URL(window.location.href).searchParams;
  const wanted = params.get('order');
  if (params.get('view') === 'versions') await showVersions(params.has('version') ? Number(params.get('version')) : undefined);
  else if (wanted) await select(wanted);
  document.body.dataset.ready = 'true';
}

/** Each event type's payload schema, from the document's EventRequest union (a member per type). */
function eventPayloadSchemas(doc) {
  const schemas = doc?.components?.schemas ?? {};
  const members = (schemas.EventRequest?.oneOf ?? []).map((m) => schemas[m.$ref?.split('/').pop()] ?? m);
  return Object.fromEntries(members.map((m) => [m.properties?.type?.const, m.properties?.payload ?? { type: 'object', properties: {} }]));
}

void start();
