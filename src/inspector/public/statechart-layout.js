// Turns a machine graph (GET /machines/order) into ELK's input: compound states as nested nodes,
// transitions as labelled edges. Compound states named in `collapsed` are drawn as one box, and the
// transitions into, out of and within them are re-attached to that box. Plain ES module, no imports:
// the page runs it in the browser and `aftersales diagram` in Node.

/** Font size of every diagram label, in SVG units; the page never fits the diagram below 1:1. */
export const FONT_SIZE = 11;
export const LINE = 15;
export const PAD = 10;
const CHAR = 6.6; // DejaVu Sans Mono at 11px; the browser measures with its own font instead

/** Width of `text` as the monospace font at FONT_SIZE draws it, without a DOM. */
export const monospaceWidth = (text) => Math.ceil([...text].length * CHAR);

export const nodeId = (path) => `s:${path}`;
export const edgeLabel = (t) => `${t.event}${t.guard ? ` [${t.guard}]` : ''}`;

/** All states of the graph, depth first. */
export function* walk(state) {
  yield state;
  for (const child of state.states) yield* walk(child);
}

/** `a.b.c` → ['a', 'a.b', 'a.b.c']; the root ('') has none. */
export function ancestorsOf(path) {
  const parts = path ? path.split('.') : [];
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function lowestCommonAncestor(a, b) {
  const pa = a ? a.split('.') : [];
  const pb = b ? b.split('.') : [];
  const common = [];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) common.push(pa[i]);
  return common.join('.');
}

const descendantsOf = (state) => [...walk(state)].filter((s) => s !== state && s.type !== 'history').length;

/** The lines drawn inside a state box, after its name. */
export function detailLines(state, collapsed = false) {
  const lines = [];
  if (collapsed) lines.push({ text: `▸ ${descendantsOf(state)} states inside`, kind: 'collapsed-note' });
  for (const d of state.deadlines) lines.push({ text: `◷ ${d.name} → ${d.event}`, kind: 'deadline' });
  for (const t of state.transitions) {
    if (t.targets.length === 0) lines.push({ text: `↻ ${edgeLabel(t)}`, kind: t.timer ? 'internal timer' : 'internal', event: t.event });
  }
  return lines;
}

/**
 * Where each state is drawn: itself, or the outermost collapsed compound state that holds it.
 * `collapsed` names compound states by dotted path; atomic ones in it are ignored.
 */
export function visibleStates(graph, collapsed = []) {
  const closed = new Set(collapsed);
  const visible = new Map();
  const visit = (state, hiddenBy) => {
    visible.set(state.path, hiddenBy ?? state.path);
    const hides = hiddenBy ?? (state.path && state.states.length > 0 && closed.has(state.path) ? state.path : null);
    for (const child of state.states) visit(child, hides);
  };
  visit(graph.root, null);
  return visible;
}

/**
 * Builds the ELK input graph. Options: `collapsed` (compound state paths drawn as one box),
 * `measure(text, bold)` (label width in SVG units; default: the monospace estimate) and
 * `interactive` (room for the page's expand/collapse buttons).
 */
export function elkGraph(graph, { collapsed = [], measure = monospaceWidth, interactive = false } = {}) {
  const visible = visibleStates(graph, collapsed);
  const containers = new Map();
  const toNode = (state) => {
    const closed = state.states.length > 0 && visible.get(state.states[0].path) !== state.states[0].path;
    const lines = detailLines(state, closed);
    // The page puts an expand/collapse button right of a compound state's name.
    const button = interactive && state.states.length > 0 ? 26 : 0;
    const width = Math.max(measure(state.key, true) + 2 * PAD + button, ...lines.map((l) => measure(l.text, false) + 2 * PAD));
    const node = { id: nodeId(state.path), labels: [{ text: state.key }], children: [], edges: [] };
    containers.set(state.path, node);
    if (state.type === 'history') return Object.assign(node, { width: 26, height: 26 });
    if (state.states.length === 0 || closed) {
      return Object.assign(node, { width: Math.max(width, 90), height: 2 * PAD + LINE * (1 + lines.length) + (state.type === 'final' ? 4 : 0) });
    }
    const top = 2 * PAD + LINE * (1 + lines.length);
    node.layoutOptions = { 'elk.padding': `[top=${top},left=14,bottom=14,right=14]`, 'elk.nodeSize.minimum': `(${width}, ${top + 20})`, 'elk.nodeSize.constraints': 'MINIMUM_SIZE' };
    node.children = state.states.map(toNode);
    if (state.initial) {
      node.children.unshift({ id: `i:${state.path}`, width: 12, height: 12 });
      node.edges.push({ id: `e:init:${state.path}`, sources: [`i:${state.path}`], targets: [nodeId(state.initial)] });
    }
    return node;
  };
  const root = toNode(graph.root);
  const seen = new Set();
  let n = 0;
  for (const state of walk(graph.root)) {
    for (const t of state.transitions) {
      for (const target of t.targets) {
        const from = visible.get(state.path);
        const to = visible.get(target);
        const label = edgeLabel(t);
        // Inside one collapsed box the transition is not drawn; parallel copies are drawn once.
        if (from === to && from !== state.path) continue;
        if (seen.has(`${from}|${to}|${label}`)) continue;
        seen.add(`${from}|${to}|${label}`);
        const lca = lowestCommonAncestor(from, to);
        const container = containers.get(lca) ?? root;
        const owner = container.id === nodeId(from) || container.id === nodeId(to) ? (containers.get(lca.split('.').slice(0, -1).join('.')) ?? root) : container;
        owner.edges.push({
          id: `e:${n++}`,
          sources: [nodeId(from)],
          targets: [nodeId(to)],
          labels: [{ text: label, width: measure(label, false) + 8, height: LINE }],
          event: t.event,
          timer: t.timer,
          source: state.path,
          target,
        });
      }
    }
  }
  root.layoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.json.shapeCoords': 'ROOT',
    'elk.json.edgeCoords': 'ROOT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeLabel': '4',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  };
  return root;
}
