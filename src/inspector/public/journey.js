// The journey of an order on the diagram: which transition each history entry took, numbered with
// the entry's sequence number (as in the timeline), and which states the order went through.

const SVG_NS = 'http://www.w3.org/2000/svg';
const within = (path, ancestor) => ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
const ancestorsOf = (path) => (path ? path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) : []);

function statesOf(graph) {
  const map = new Map();
  const visit = (s) => {
    map.set(s.path, s);
    s.states.forEach(visit);
  };
  visit(graph.root);
  return map;
}

/**
 * For each history entry, the transition it took: `{ seq, type, from, to, source, transition }`
 * where `transition` is `{ source, target, event }` (target null for one that only ran actions), or
 * null for the creation, a migration, or an entry the drawn machine has no transition for.
 * Like XState, the deepest state's transitions win, in the order they are declared.
 */
export function journeySteps(graph, history) {
  const states = statesOf(graph);
  const resolve = (target) => (states.get(target)?.type === 'history' ? target.split('.').slice(0, -1).join('.') : target);
  return history.map((h) => {
    const step = { seq: h.seq, type: h.type, from: h.fromState, to: h.toState, source: h.source, transition: null };
    if (h.fromState === null) return step;
    for (const path of ['', ...ancestorsOf(h.fromState)].reverse()) {
      for (const t of states.get(path)?.transitions ?? []) {
        if (t.event !== h.type) continue;
        if (t.targets.length === 0 && h.fromState === h.toState) return { ...step, transition: { source: path, target: null, event: t.event } };
        const target = t.targets.find((x) => within(h.toState, resolve(x)));
        if (target !== undefined) return { ...step, transition: { source: path, target, event: t.event } };
      }
    }
    return step;
  });
}

function badge(layer, x, y, seqs, where) {
  const text = seqs.join(', ');
  const width = Math.max(18, text.length * 7 + 8);
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', `step ${where}`);
  g.setAttribute('data-seqs', text);
  g.innerHTML = `<title>step ${text}</title><rect x="${x}" y="${y}" width="${width}" height="16" rx="8"/><text x="${x + width / 2}" y="${y + 12}" text-anchor="middle">${text}</text>`;
  layer.append(g);
  return width;
}

const groupBy = (steps, key) => {
  const map = new Map();
  for (const s of steps) map.set(key(s), [...(map.get(key(s)) ?? []), s.seq]);
  return map;
};

/**
 * Draws the journey on a drawn diagram (`svg`, content inside `.viewport`): taken transitions and
 * visited states get the class `taken` / `visited` and numbered badges. Returns the steps whose
 * transition is not drawn (inside a collapsed box); the state they reached still shows their number.
 */
export function drawJourney(svg, steps) {
  const root = svg.querySelector('.viewport') ?? svg;
  root.querySelector(':scope > .journey')?.remove();
  for (const n of svg.querySelectorAll('.taken, .visited')) n.classList.remove('taken', 'visited');
  const layer = document.createElementNS(SVG_NS, 'g');
  layer.setAttribute('class', 'journey');
  root.append(layer);
  const stateBox = (path) => {
    for (const p of [path, ...ancestorsOf(path).reverse()]) {
      const g = svg.querySelector(`.state[data-path="${window.CSS.escape(p)}"]`);
      if (g) return g;
    }
    return null;
  };
  const unplaced = [];
  const edgeKey = (t) => `${t.source}|${t.target ?? ''}|${t.event}`;
  for (const [key, seqs] of groupBy(steps.filter((s) => s.transition), (s) => edgeKey(s.transition))) {
    const [source, target, event] = key.split('|');
    const q = (sel) => svg.querySelector(`${sel}[data-event="${window.CSS.escape(event)}"][data-source="${window.CSS.escape(source)}"]${target ? `[data-target="${window.CSS.escape(target)}"]` : ''}`);
    const node = target ? q('.edge') : q('text.internal');
    if (!node) {
      unplaced.push(...steps.filter((s) => s.transition && edgeKey(s.transition) === key));
      continue;
    }
    node.classList.add('taken');
    node.setAttribute('data-steps', seqs.join(','));
    const box = (target ? node.querySelector('.label rect') : node).getBBox();
    if (target) badge(layer, box.x - 6 - Math.max(18, seqs.join(', ').length * 7 + 8), box.y - 0.5, seqs, 'on-edge');
    else badge(layer, box.x + box.width + 4, box.y - 2, seqs, 'on-line');
  }
  for (const s of steps) for (const p of ancestorsOf(s.to)) svg.querySelector(`.state[data-path="${window.CSS.escape(p)}"]`)?.classList.add('visited');
  // Each state reached is numbered too; a state hidden in a collapsed box numbers the box.
  const boxes = new Map();
  for (const s of steps) {
    const g = stateBox(s.to);
    if (g) boxes.set(g, [...(boxes.get(g) ?? []), s.seq]);
  }
  for (const [g, seqs] of boxes) {
    g.setAttribute('data-steps', seqs.join(','));
    const r = g.querySelector(':scope > rect, :scope > circle').getBBox();
    const width = Math.max(18, seqs.join(', ').length * 7 + 8);
    badge(layer, r.x + r.width - width - (g.querySelector(':scope > .toggle') ? 30 : 4), r.y - 8, seqs, 'on-state');
  }
  return unplaced;
}
