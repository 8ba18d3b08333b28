// Lays out a machine graph (GET /machines/order) with ELK and draws it as SVG.
// Plain ES module with no imports: the inspector page loads it in the browser, and
// `aftersales diagram` runs the same code in Node, so the docs show what the page shows.

const CHAR = 6.6; // DejaVu Sans Mono / ui-monospace at 11px: every label is monospace so widths are known without a DOM
const LINE = 15;
const PAD = 10;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const textWidth = (s) => Math.ceil(s.length * CHAR);
const nodeId = (path) => `s:${path}`;

/** The lines drawn inside a state box, after its name. */
function detailLines(state) {
  const lines = [];
  for (const d of state.deadlines) lines.push({ text: `◷ ${d.name} → ${d.event}`, kind: 'deadline' });
  for (const t of state.transitions) {
    if (t.targets.length === 0) lines.push({ text: `↻ ${t.event}${t.guard ? ` [${t.guard}]` : ''}`, kind: t.timer ? 'internal timer' : 'internal' });
  }
  return lines;
}

const edgeLabel = (t) => `${t.event}${t.guard ? ` [${t.guard}]` : ''}`;

/** All states of the graph, depth first, with their parent. */
function* walk(state, parent = null) {
  yield { state, parent };
  for (const child of state.states) yield* walk(child, state);
}

function lowestCommonAncestor(a, b) {
  const pa = a ? a.split('.') : [];
  const pb = b ? b.split('.') : [];
  const common = [];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) common.push(pa[i]);
  return common.join('.');
}

/** Builds the ELK input graph: compound states as nested nodes, transitions as labelled edges. */
export function elkGraph(graph) {
  const containers = new Map();
  const toNode = (state) => {
    const lines = detailLines(state);
    const width = Math.max(textWidth(state.key) + 2 * PAD, ...lines.map((l) => textWidth(l.text) + 2 * PAD));
    const node = { id: nodeId(state.path), labels: [{ text: state.key }], children: [], edges: [] };
    containers.set(state.path, node);
    if (state.type === 'history') return Object.assign(node, { width: 26, height: 26 });
    if (state.states.length === 0) return Object.assign(node, { width: Math.max(width, 90), height: 2 * PAD + LINE * (1 + lines.length) + (state.type === 'final' ? 4 : 0) });
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
  let n = 0;
  for (const { state } of walk(graph.root)) {
    for (const t of state.transitions) {
      for (const target of t.targets) {
        const label = edgeLabel(t);
        const container = containers.get(lowestCommonAncestor(state.path, target)) ?? root;
        const owner = container.id === nodeId(state.path) || container.id === nodeId(target) ? containers.get(lowestCommonAncestor(state.path, target).split('.').slice(0, -1).join('.')) ?? root : container;
        owner.edges.push({
          id: `e:${n++}`,
          sources: [nodeId(state.path)],
          targets: [nodeId(target)],
          labels: [{ text: label, width: textWidth(label) + 8, height: LINE }],
          event: t.event,
          timer: t.timer,
          source: state.path,
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

function statesByPath(graph) {
  const map = new Map();
  for (const { state } of walk(graph.root)) map.set(state.path, state);
  return map;
}

const CSS = `
.sc{font:11px 'DejaVu Sans Mono',ui-monospace,monospace;}
.sc .state>rect{fill:#fff;stroke:#5b6b85;stroke-width:1.2}
.sc .state.compound>rect{fill:#f6f8fb;stroke:#8a97ad}
.sc .state.final>rect{stroke-width:3;stroke-opacity:.7}
.sc .state .name{font-weight:700;fill:#1d2433}
.sc .deadline{fill:#a15c00}.sc .internal{fill:#3f5a8a}.sc .internal.timer{fill:#a15c00}
.sc .history circle{fill:#fff;stroke:#5b6b85}.sc .init{fill:#1d2433}
.sc .edge path{fill:none;stroke:#7b879b;stroke-width:1.2}
.sc .edge.timer path{stroke:#c27a10;stroke-dasharray:5 3}
.sc .edge .label rect{fill:#fff;fill-opacity:.92}
.sc .edge .label text{fill:#33415c}.sc .edge.timer .label text{fill:#a15c00}
.sc .state.active>rect{fill:#e7f6ec;stroke:#1e8e3e;stroke-width:2.4}
.sc .state.current>rect{fill:#c9efd5}
.sc .edge.enabled path{stroke:#1e8e3e;stroke-width:2}
.sc .edge.enabled .label text{fill:#136c2e;font-weight:700}
`;

/** Draws a laid-out ELK graph (from `elkGraph`, after `elk.layout`) as a self-contained SVG string. */
export function renderSvg(graph, laid, { title = `${graph.id} machine, version ${graph.version}` } = {}) {
  const states = statesByPath(graph);
  const out = [];
  const width = Math.ceil(laid.width);
  const height = Math.ceil(laid.height);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`);
  out.push(`<title>${esc(title)}</title><style>${CSS}</style>`);
  out.push('<defs><marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#7b879b"/></marker>');
  out.push('<marker id="sc-arrow-on" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1e8e3e"/></marker></defs>');
  const edges = [];
  const drawNode = (node) => {
    if (node.id.startsWith('i:')) {
      out.push(`<circle class="init" cx="${node.x + node.width / 2}" cy="${node.y + node.height / 2}" r="${node.width / 2}"/>`);
    } else if (node !== laid) {
      const state = states.get(node.id.slice(2));
      const classes = ['state', state.type === 'atomic' ? 'atomic' : state.type];
      if (state.type === 'history') {
        out.push(`<g class="${classes.join(' ')}" data-path="${esc(state.path)}"><circle cx="${node.x + 13}" cy="${node.y + 13}" r="12"/><text x="${node.x + 13}" y="${node.y + 17}" text-anchor="middle" class="name">H</text></g>`);
      } else {
        out.push(`<g class="${classes.join(' ')}" data-path="${esc(state.path)}"><title>${esc(state.path)}${state.description ? `: ${esc(state.description)}` : ''}</title>`);
        out.push(`<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="${state.type === 'compound' ? 10 : 7}"/>`);
        let y = node.y + PAD + 11;
        out.push(`<text class="name" x="${node.x + PAD}" y="${y}">${esc(state.key)}</text>`);
        for (const line of detailLines(state)) {
          y += LINE;
          out.push(`<text class="${line.kind}" x="${node.x + PAD}" y="${y}">${esc(line.text)}</text>`);
        }
        out.push('</g>');
      }
    }
    for (const child of node.children ?? []) drawNode(child);
    for (const edge of node.edges ?? []) edges.push(edge);
  };
  drawNode(laid);
  for (const edge of edges) {
    const points = [];
    for (const s of edge.sections ?? []) points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
    if (points.length === 0) continue;
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
    if (!edge.labels) {
      out.push(`<g class="edge init-edge"><path d="${d}" marker-end="url(#sc-arrow)"/></g>`);
      continue;
    }
    out.push(`<g class="edge${edge.timer ? ' timer' : ''}" data-event="${esc(edge.event)}" data-source="${esc(edge.source)}"><path d="${d}" marker-end="url(#sc-arrow)"/>`);
    for (const l of edge.labels) {
      out.push(`<g class="label"><rect x="${l.x}" y="${l.y}" width="${l.width}" height="${l.height}" rx="3"/><text x="${l.x + 4}" y="${l.y + 11}">${esc(l.text)}</text></g>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Lays out and draws the graph; `elk` is an ELK instance (elkjs). */
export async function drawStatechart(graph, elk, options) {
  const laid = await elk.layout(elkGraph(graph));
  return renderSvg(graph, laid, options);
}

/**
 * Marks the active state (and its ancestors) and the transitions the order can take now.
 * `svg` is the drawn <svg> element; `state` the order's dotted state path.
 */
export function highlight(svg, state, acceptedEvents = []) {
  const active = new Set();
  const parts = state ? state.split('.') : [];
  for (let i = 1; i <= parts.length; i++) active.add(parts.slice(0, i).join('.'));
  for (const g of svg.querySelectorAll('.state')) {
    const path = g.getAttribute('data-path');
    g.classList.toggle('active', active.has(path));
    g.classList.toggle('current', path === state);
  }
  const accepted = new Set(acceptedEvents);
  for (const g of svg.querySelectorAll('.edge[data-event]')) {
    const on = accepted.has(g.getAttribute('data-event')) && active.has(g.getAttribute('data-source'));
    g.classList.toggle('enabled', on);
    g.querySelector('path')?.setAttribute('marker-end', on ? 'url(#sc-arrow-on)' : 'url(#sc-arrow)');
  }
}
