// Lays out a machine graph (GET /machines/order) with ELK and draws it as SVG.
// Plain ES module: the inspector page loads it in the browser, and `aftersales diagram` runs the
// same code in Node, so the docs show what the page shows.
import { FONT_SIZE, LINE, PAD, detailLines, elkGraph, walk } from './statechart-layout.js';

export { elkGraph } from './statechart-layout.js';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const CSS = `
.sc{font:${FONT_SIZE}px 'DejaVu Sans Mono',ui-monospace,monospace;}
.sc .state>rect{fill:#fff;stroke:#5b6b85;stroke-width:1.2}
.sc .state.compound>rect{fill:#f6f8fb;stroke:#8a97ad}
.sc .state.collapsed>rect{fill:#eef1f6;stroke:#8a97ad;stroke-dasharray:4 2}
.sc .state.final>rect{stroke-width:3;stroke-opacity:.7}
.sc .state .name{font-weight:700;fill:#1d2433}
.sc .deadline{fill:#a15c00}.sc .internal{fill:#3f5a8a}.sc .internal.timer{fill:#a15c00}.sc .collapsed-note{fill:#4a5568}
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

function drawState(out, state, node, collapsed, interactive) {
  const classes = ['state', collapsed ? 'collapsed' : state.type];
  if (state.type === 'history') {
    out.push(`<g class="${classes.join(' ')}" data-path="${esc(state.path)}"><title>${esc(state.path)}: history (returns to the last inner state)</title><circle cx="${node.x + 13}" cy="${node.y + 13}" r="12"/><text x="${node.x + 13}" y="${node.y + 17}" text-anchor="middle" class="name">H</text></g>`);
    return;
  }
  out.push(`<g class="${classes.join(' ')}" data-path="${esc(state.path)}"><title>${esc(state.path)}${state.description ? `: ${esc(state.description)}` : ''}</title>`);
  out.push(`<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="${state.states.length ? 10 : 7}"/>`);
  let y = node.y + PAD + FONT_SIZE;
  out.push(`<text class="name" x="${node.x + PAD}" y="${y}">${esc(state.key)}</text>`);
  for (const line of detailLines(state, collapsed)) {
    y += LINE;
    const data = line.event ? ` data-event="${esc(line.event)}" data-source="${esc(state.path)}"` : '';
    out.push(`<text class="${line.kind}" x="${node.x + PAD}" y="${y}"${data}>${esc(line.text)}</text>`);
  }
  if (interactive && state.states.length) {
    // A button to open or close the compound state: the page wires it (click, Enter, Space).
    const verb = collapsed ? 'expand' : 'collapse';
    out.push(`<g class="toggle" role="button" tabindex="0" data-toggle="${esc(state.path)}" aria-label="${verb} ${esc(state.path)}"><title>${verb} ${esc(state.path)}</title>`);
    out.push(`<rect x="${node.x + node.width - 24}" y="${node.y + 5}" width="18" height="18" rx="4"/><text x="${node.x + node.width - 15}" y="${node.y + 18}" text-anchor="middle">${collapsed ? '+' : '−'}</text></g>`);
  }
  out.push('</g>');
}

/**
 * Draws a laid-out ELK graph (from `elkGraph`, after `elk.layout`) as a self-contained SVG string.
 * `collapsed` must be the list the layout was made with; `interactive` adds expand/collapse buttons.
 */
export function renderSvg(graph, laid, { title = `${graph.id} machine, version ${graph.version}`, collapsed = [], interactive = false } = {}) {
  const states = new Map([...walk(graph.root)].map((s) => [s.path, s]));
  const closed = new Set(collapsed);
  const out = [];
  const width = Math.ceil(laid.width);
  const height = Math.ceil(laid.height);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`);
  out.push(`<title>${esc(title)}</title><style>${CSS}</style>`);
  out.push('<defs><marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#7b879b"/></marker>');
  out.push('<marker id="sc-arrow-on" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1e8e3e"/></marker></defs>');
  const edges = [];
  const drawNode = (node) => {
    if (node.id.startsWith('i:')) out.push(`<circle class="init" cx="${node.x + node.width / 2}" cy="${node.y + node.height / 2}" r="${node.width / 2}"/>`);
    else if (node !== laid) {
      const state = states.get(node.id.slice(2));
      drawState(out, state, node, state.states.length > 0 && closed.has(state.path) && !node.children?.length, interactive);
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
    out.push(`<g class="edge${edge.timer ? ' timer' : ''}" data-event="${esc(edge.event)}" data-source="${esc(edge.source)}" data-target="${esc(edge.target)}"><path d="${d}" marker-end="url(#sc-arrow)"/>`);
    for (const l of edge.labels) {
      out.push(`<g class="label"><rect x="${l.x}" y="${l.y}" width="${l.width}" height="${l.height}" rx="3"/><text x="${l.x + 4}" y="${l.y + FONT_SIZE}">${esc(l.text)}</text></g>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Lays out and draws the graph; `elk` is an ELK instance (elkjs). Options: see `elkGraph` and `renderSvg`. */
export async function drawStatechart(graph, elk, options = {}) {
  const laid = await elk.layout(elkGraph(graph, options));
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
