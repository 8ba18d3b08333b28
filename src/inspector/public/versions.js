// The machine's versions: each version's diagram, what a version changes of the one before, the
// migration map between them, and where the stored orders of each version stand, before and after
// migrating them. A client of GET /machines/{id}/versions, …/versions/{n}/changes and …/census.
import { api } from './api.js';
import { el, statePath } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ancestorsOf = (path) => (path ? path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) : []);

/** Everything the versions view shows, read once: the versions, each one's changes, and the census (null when refused). */
export async function loadVersions(machineId) {
  const base = `/machines/${encodeURIComponent(machineId)}`;
  const list = await api(`${base}/versions`);
  if (!list.ok) return { problem: list.body };
  const changes = new Map();
  for (const v of list.body.versions.slice(1)) {
    const res = await api(`${base}/versions/${v.version}/changes`);
    if (res.ok) changes.set(v.version, res.body);
  }
  const census = await api(`${base}/census`);
  return { machineId, ...list.body, changes, census: census.ok ? census.body : null, censusProblem: census.ok ? null : census.body };
}

/**
 * The marks on version `version`'s diagram: what it adds and renames of the version before, what
 * the version after removes or renames of it, and its orders per state.
 */
export function versionMarks(data, version) {
  const before = data.changes.get(version) ?? null;
  const after = data.changes.get(version + 1) ?? null;
  const states = new Map();
  const mark = (path, kind, note) => states.set(path, [...(states.get(path) ?? []), { kind, note }]);
  for (const p of before?.states.added ?? []) mark(p, 'added', `new in v${version}`);
  for (const r of before?.states.renamed ?? []) mark(r.to, 'renamed', `was ${r.from}`);
  for (const p of after?.states.removed ?? []) mark(p, 'removed', `removed in v${after.to}`);
  for (const r of after?.states.renamed ?? []) mark(r.from, 'renamed', `becomes ${r.to} in v${after.to}`);
  const transitions = [
    ...(before?.transitions.added ?? []).map((t) => ({ ...t, kind: 'added' })),
    ...(after?.transitions.removed ?? []).map((t) => ({ ...t, kind: 'removed' })),
  ];
  const counts = new Map((data.census?.versions.find((v) => v.version === version)?.states ?? []).map((s) => [s.state, s.count]));
  return { version, states, transitions, counts, keep: [...states.keys(), ...counts.keys()] };
}

function pill(layer, x, y, text, kind) {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', `pill ${kind}`);
  const width = text.length * 6.6 + 12;
  const rect = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x, y, width, height: 16, rx: 8 })) rect.setAttribute(k, String(v));
  const label = document.createElementNS(SVG_NS, 'text');
  label.setAttribute('x', String(x + 6));
  label.setAttribute('y', String(y + 12));
  label.textContent = text;
  g.append(rect, label);
  layer.append(g);
  return width;
}

/** Draws `marks` (from `versionMarks`) on a drawn diagram: changed states and transitions, and order counts. */
export function drawVersionMarks(svg, marks) {
  const root = svg.querySelector('.viewport') ?? svg;
  root.querySelector(':scope > .version-marks')?.remove();
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'version-marks');
  root.append(layer);
  const css = (s) => window.CSS.escape(s);
  const shown = (path) => {
    for (const p of [path, ...ancestorsOf(path).reverse()]) {
      const g = svg.querySelector(`.state[data-path="${css(p)}"]`);
      if (g) return g;
    }
    return null;
  };
  for (const [path, list] of marks.states) {
    const g = svg.querySelector(`.state[data-path="${css(path)}"]`);
    if (!g) continue;
    const r = g.querySelector(':scope > rect, :scope > circle').getBBox();
    let x = r.x;
    for (const m of list) {
      g.classList.add(`change-${m.kind}`);
      x += pill(layer, x, r.y - 17, m.note, `change-${m.kind}`) + 4;
    }
    g.setAttribute('data-change', list.map((m) => m.kind).join(' '));
  }
  for (const t of marks.transitions) {
    const sel = `[data-event="${css(t.event)}"][data-source="${css(t.source)}"]`;
    const node = t.targets.length ? svg.querySelector(`.edge${sel}[data-target="${css(t.targets[0])}"]`) : svg.querySelector(`text.internal${sel}`);
    node?.classList.add(`change-${t.kind}`);
  }
  // Orders per state; a state hidden in a closed box adds to the box's count.
  const perBox = new Map();
  for (const [path, count] of marks.counts) {
    const g = shown(path);
    if (g) perBox.set(g, (perBox.get(g) ?? 0) + count);
  }
  for (const [g, count] of perBox) {
    const r = g.querySelector(':scope > rect, :scope > circle').getBBox();
    const text = `${count} order${count === 1 ? '' : 's'}`;
    g.setAttribute('data-orders', String(count));
    pill(layer, r.x + r.width - (text.length * 6.6 + 12) - (g.querySelector(':scope > .toggle') ? 30 : 4), r.y + r.height - 8, text, 'census');
  }
}

const list = (items, render = (x) => x) => (items.length ? el('ul', { class: 'plain' }, ...items.map((x) => el('li', {}, render(x)))) : el('p', { class: 'muted', text: 'none' }));
const transitionText = (t) => `${t.source || '(machine)'} —${t.event}${t.guard ? ` [${t.guard}]` : ''}→ ${t.targets.join(', ') || '(stays)'}`;

/** What version `changes.to` changes of `changes.from`, in words. */
function changesSection(changes) {
  const box = el('div', { class: 'changes', 'data-from': changes.from, 'data-to': changes.to });
  const part = (title, node) => box.append(el('div', { class: 'label', text: title }), node);
  part('States added', list(changes.states.added, statePath));
  part('States removed', list(changes.states.removed, statePath));
  part('States renamed', list(changes.states.renamed, (r) => el('span', {}, statePath(r.from), ' → ', statePath(r.to))));
  part('Events added', list(changes.events.added));
  part('Events removed', list(changes.events.removed));
  part('Events renamed', list(changes.events.renamed, (r) => `${r.from} → ${r.to}`));
  part('Transitions added', list(changes.transitions.added, transitionText));
  part('Transitions removed', list(changes.transitions.removed, transitionText));
  part('Deadlines added, removed', list([...changes.deadlines.added.map((d) => `+ ${d}`), ...changes.deadlines.removed.map((d) => `− ${d}`)]));
  return box;
}

function migrationTable(changes) {
  const rows = changes.migration.map((m) =>
    el(
      'tr',
      { class: m.to.length === 1 && m.to[0] === m.from ? 'same' : 'moves', 'data-from': m.from },
      el('td', {}, statePath(m.from)),
      el('td', {}, ...(m.to.length ? m.to.flatMap((t, i) => (i ? [', ', statePath(t)] : [statePath(t)])) : ['—'])),
      el('td', { text: m.failure ? `fails: ${m.failure}` : m.by === 'model' ? 'every reached order' : 'from the state alone' }),
    ),
  );
  return el('table', { class: 'migration-map' }, el('thead', {}, el('tr', {}, el('th', { text: `v${changes.from} state` }), el('th', { text: `v${changes.to} state` }), el('th', { text: 'found by' }))), el('tbody', {}, ...rows));
}

/**
 * Why the orders per version are not shown. The census counts every tenant's orders: a tenant's key
 * is refused it (403), and the rest of the view (versions, changes, migration map) needs no key.
 */
function censusRefused(problem) {
  const said = `Orders per version: ${problem?.status ?? ''} ${problem?.detail ?? ''}`;
  if (problem?.status === 403) return `${said}. They count every tenant's orders: an operator's key (admin of the default tenant) shows them.`;
  return `${said} (enter a token under Access)`;
}

function censusTable(census) {
  const states = [...new Set([...census.versions.flatMap((v) => v.states.map((s) => s.state)), ...census.afterMigration.states.map((s) => s.state)])].sort();
  const count = (rows, state) => rows.find((s) => s.state === state)?.count ?? '';
  const head = el('tr', {}, el('th', { text: 'state' }), ...census.versions.map((v) => el('th', { class: 'n', text: `v${v.version}${v.known ? '' : ' (unknown)'}` })), el('th', { text: census.versions.some((v) => v.version !== census.newest && v.total > 0) ? `after migrating to v${census.newest}` : 'after migration (none to migrate)' }));
  const rows = states.map((state) =>
    el('tr', { 'data-state': state }, el('td', {}, statePath(state)), ...census.versions.map((v) => el('td', { class: 'n', text: String(count(v.states, state)) })), el('td', { class: 'n after', text: String(count(census.afterMigration.states, state)) })),
  );
  const total = el('tr', { class: 'total' }, el('th', { text: 'total' }), ...census.versions.map((v) => el('th', { class: 'n', text: String(v.total) })), el('th', { class: 'n', text: String(census.afterMigration.states.reduce((n, s) => n + s.count, 0)) }));
  const box = el('div', {}, el('table', { class: 'census' }, el('thead', {}, head), el('tbody', {}, ...rows, total)));
  const { uncertain, unmigratable } = census.afterMigration;
  if (uncertain.length) box.append(el('p', { class: 'muted', text: `Not counted above, their orders split: ${uncertain.map((u) => `v${u.version} ${u.state} (${u.count}) → one of ${u.to.join(', ')}`).join('; ')}. npx aftersales migrate --dry-run reads each order.` }));
  if (unmigratable.length) box.append(el('p', { class: 'error', text: `Cannot migrate: ${unmigratable.map((u) => `v${u.version} ${u.state} (${u.count}): ${u.reason}`).join('; ')}` }));
  return box;
}

/** Fills `box` with the versions view of `data` for the shown `version`; `onPick(version)` when another is chosen. */
export function renderVersions(box, data, version, { onPick }) {
  box.textContent = '';
  if (data.problem) {
    box.append(el('p', { class: 'error', text: `${data.problem.status ?? ''} ${data.problem.detail ?? ''}` }));
    return;
  }
  const totals = new Map((data.census?.versions ?? []).map((v) => [v.version, v.total]));
  box.append(el('h2', { text: `Machine ${data.id}: versions` }));
  const buttons = el('div', { class: 'row', id: 'version-buttons', role: 'group', 'aria-label': 'versions' });
  for (const v of data.versions) {
    const n = totals.get(v.version);
    const b = el('button', { type: 'button', 'data-version': v.version, 'aria-pressed': String(v.version === version), text: `v${v.version}${v.version === data.current ? ' (current)' : ''}${n === undefined ? '' : ` · ${n} order${n === 1 ? '' : 's'}`}` });
    b.addEventListener('click', () => onPick(v.version));
    buttons.append(b);
  }
  box.append(buttons);
  box.append(el('p', { class: 'muted', text: `The diagram shows version ${version}${version === data.current ? ', the one new orders are created on' : ''}. Marked on it: what changed, and how many orders of this version stand in each state.` }));
  const changes = data.changes.get(version) ?? data.changes.get(version + 1);
  const section = (title, id, ...content) => el('details', { open: true, id }, el('summary', {}, el('h3', { text: title })), ...content);
  if (data.versions.length === 1) box.append(el('p', { id: 'only-version', text: `Version ${data.versions[0].version} is the only version: there is nothing to compare yet. A new version and its migration appear here when they are in the code.` }));
  else if (changes) {
    box.append(section(`Changes from v${changes.from} to v${changes.to}`, 'version-changes', changesSection(changes)));
    box.append(section(`Migration map v${changes.from} → v${changes.to}`, 'version-migration', migrationTable(changes)));
  }
  if (data.census) box.append(section('Orders per version and state', 'version-census', censusTable(data.census)));
  else box.append(el('p', { class: 'error', id: 'census-problem', text: censusRefused(data.censusProblem) }));
}
