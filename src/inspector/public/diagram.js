// The diagram on the page: draws the machine, collapses what is far from the order, follows the
// order (active state, accepted transitions, its journey) and fits the view without ever making the
// labels smaller than they are drawn (1:1), so they stay legible at any window size.
import { drawJourney, journeySteps } from './journey.js';
import { drawStatechart, highlight } from './statechart.js';
import { FONT_SIZE, ancestorsOf, walk } from './statechart-layout.js';
import { panZoom } from './viewport.js';
import { clearWhatIf, drawWhatIf } from './what-if.js';

/** The smallest scale "fit" uses: labels render at FONT_SIZE px or larger. */
export const LEGIBLE_SCALE = 1;

/** Text widths measured with the page's own font, so no label overflows its box. */
function canvasMeasure() {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, bold) => {
    ctx.font = `${bold ? '700 ' : ''}${FONT_SIZE}px 'DejaVu Sans Mono', ui-monospace, monospace`;
    return Math.ceil(ctx.measureText(text).width) + 1;
  };
}

const union = (boxes) => {
  const list = boxes.filter(Boolean);
  if (!list.length) return null;
  const x = Math.min(...list.map((b) => b.x));
  const y = Math.min(...list.map((b) => b.y));
  return { x, y, width: Math.max(...list.map((b) => b.x + b.width)) - x, height: Math.max(...list.map((b) => b.y + b.height)) - y };
};

/**
 * `onStatePick(path)` is called when a state is clicked; `keepOpen()` names states drawn open
 * besides the order's; `decorate(svg)` draws more on each drawing (the versions view's marks);
 * `frame()` names the states "fit" frames when no order is shown.
 */
export function createDiagram(box, { graph, elk, onStatePick = () => {}, keepOpen = () => [], decorate: more = () => {}, frame = () => [] }) {
  const measure = canvasMeasure();
  const compounds = [...walk(graph.root)].filter((s) => s.path && s.states.length > 0);
  const byPath = new Map([...walk(graph.root)].map((s) => [s.path, s]));
  const view = { collapseFar: true, overrides: new Map(), order: null, steps: [], whatIf: null, svg: null, pz: null, drawn: null, generation: 0 };

  /** States that must stay open: where the order is, where it has been, where it can go now. */
  function kept() {
    const keep = new Set();
    const add = (path) => ancestorsOf(path ?? '').forEach((p) => keep.add(p));
    for (const path of keepOpen()) add(path);
    const order = view.order;
    if (!order) return keep;
    add(order.state);
    for (const s of view.steps) [s.from, s.to].forEach(add);
    // A tried event's destination is drawn open, so the state it would reach shows by name.
    if (view.whatIf) add(view.whatIf.order.state);
    for (const path of ['', ...ancestorsOf(order.state)]) {
      // Where the order can go is shown, but a compound target stays closed: its box is enough.
      for (const t of byPath.get(path)?.transitions ?? []) if (order.acceptedEvents.includes(t.event)) t.targets.forEach((x) => add(x.split('.').slice(0, -1).join('.')));
    }
    return keep;
  }

  const collapsedList = () => {
    const keep = kept();
    return compounds
      .filter((s) => (view.overrides.has(s.path) ? view.overrides.get(s.path) === 'closed' : view.collapseFar && !keep.has(s.path)))
      .map((s) => s.path);
  };

  const boxOf = (el) => (el ? el.getBBox() : null);
  /** The state's box, or the closed box that holds it. */
  const shownState = (path) => [...ancestorsOf(path)].reverse().map((p) => stateEl(p)).find(Boolean) ?? null;
  const stateEl = (path) => view.svg?.querySelector(`.state[data-path="${window.CSS.escape(path)}"]`);
  /** The current state, the transitions it can take now and where they lead. */
  function activeRegion() {
    const current = view.svg.querySelector('.state.current');
    if (!current) return null;
    // The state's parent frames it, when the parent is small enough to fit at a legible size.
    const parentPath = current.getAttribute('data-path').split('.').slice(0, -1).join('.');
    const parent = parentPath ? stateEl(parentPath) : null;
    const boxes = [boxOf(current)];
    for (const e of view.svg.querySelectorAll('.edge.enabled')) {
      boxes.push(boxOf(e), boxOf(stateEl(e.getAttribute('data-target'))));
    }
    const region = union(boxes);
    const framed = parent && union([region, boxOf(parent)]);
    const fitsAt = (r) => r && Math.min(box.clientWidth / r.width, box.clientHeight / r.height) >= LEGIBLE_SCALE;
    return { region: fitsAt(framed) ? framed : region, focus: boxOf(current) };
  }

  function fit() {
    if (!view.pz) return;
    const active = view.order && activeRegion();
    const whole = { x: 0, y: 0, ...view.pz.size };
    const framed = !active && union(frame().map((path) => boxOf(shownState(path))));
    if (active) view.pz.show(active.region, { min: LEGIBLE_SCALE, max: 1.25, focus: active.focus });
    else if (framed) view.pz.show(framed, { min: LEGIBLE_SCALE, max: 1.25, focus: boxOf(shownState(frame()[0])) ?? framed });
    // No order: the whole machine if it fits legibly, else its start (top left) at 1:1.
    else view.pz.show(whole, { min: LEGIBLE_SCALE, max: 1.25, focus: { x: 0, y: 0, width: Math.min(whole.width, box.clientWidth), height: Math.min(whole.height, box.clientHeight) } });
  }

  function decorate() {
    highlight(view.svg, view.order?.state ?? '', view.order?.acceptedEvents ?? []);
    drawJourney(view.svg, view.steps);
    more(view.svg);
    if (view.whatIf) return drawWhatIf(view.svg, graph, view.whatIf);
    clearWhatIf(view.svg);
    return null;
  }

  async function render({ refit = false } = {}) {
    const collapsed = collapsedList();
    const key = collapsed.join(',');
    if (view.svg && key === view.drawn) {
      decorate();
      if (refit) fit();
      return;
    }
    const generation = ++view.generation;
    const markup = await drawStatechart(graph, elk, { collapsed, measure, interactive: true });
    if (generation !== view.generation) return;
    const focused = document.activeElement?.getAttribute?.('data-toggle');
    box.innerHTML = markup;
    view.svg = box.querySelector('svg');
    view.drawn = key;
    view.pz = panZoom(box, view.svg, {
      onFit: fit,
      onChange: (t) => {
        box.dataset.scale = t.k.toFixed(3);
      },
    });
    for (const g of view.svg.querySelectorAll('.toggle')) {
      const path = g.getAttribute('data-toggle');
      const toggle = () => {
        view.overrides.set(path, g.closest('.state').classList.contains('collapsed') ? 'open' : 'closed');
        void render({ refit: true });
      };
      g.addEventListener('click', (e) => {
        e.stopPropagation();
        toggle();
      });
      g.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        toggle();
      });
    }
    for (const g of view.svg.querySelectorAll('.state')) g.addEventListener('click', () => onStatePick(g.getAttribute('data-path')));
    if (focused) view.svg.querySelector(`.toggle[data-toggle="${window.CSS.escape(focused)}"]`)?.focus();
    decorate();
    fit();
    box.dataset.drawn = String(generation);
  }

  return {
    render,
    fit,
    zoom: (factor) => view.pz?.zoomAt(factor),
    actualSize: () => view.pz?.zoomAt(1 / view.pz.transform.k),
    /** The whole machine in the box, however small its labels get. */
    overview: () => view.pz?.show({ x: 0, y: 0, ...view.pz.size }, { min: 0.05 }),
    /** Shows `order` (null: none) and its `history`; refits when the order or its state changed. */
    async follow(order, history = []) {
      const moved = order?.id !== view.order?.id || order?.state !== view.order?.state;
      view.order = order;
      view.steps = order ? journeySteps(graph, history) : [];
      // A tried event holds for the order at the version it was tried on, not after it moved.
      if (view.whatIf && (order?.id !== view.whatIf.order.id || order?.version !== view.whatIf.from.version)) view.whatIf = null;
      if (moved && order?.id !== view.lastId) view.overrides.clear();
      view.lastId = order?.id;
      await render({ refit: moved });
    },
    /** Brings step `seq` of the journey into view (its transition, or the state it reached) and marks it. */
    showStep(seq) {
      if (!view.svg) return;
      const has = (el) => el.getAttribute('data-steps')?.split(',').includes(String(seq));
      const target = [...view.svg.querySelectorAll('.edge.taken, text.internal.taken')].find(has) ?? [...view.svg.querySelectorAll('.state[data-steps]')].find(has);
      if (!target) return;
      for (const n of view.svg.querySelectorAll('.spotlight')) n.classList.remove('spotlight');
      target.classList.add('spotlight');
      const label = target.matches('.edge') ? target.querySelector('.label') : target;
      view.pz.show(union([boxOf(label), boxOf(target)]), { min: LEGIBLE_SCALE, max: 1.25, focus: boxOf(label) });
    },
    /** Draws what a tried event (a dry-run answer) would do and brings it into view; null clears it. */
    async showWhatIf(tried) {
      view.whatIf = tried;
      await render();
      if (!tried || !view.svg) return;
      const { transition, reached } = drawWhatIf(view.svg, graph, tried);
      const label = transition?.matches('.edge') ? transition.querySelector('.label') : transition;
      const focus = boxOf(reached) ?? boxOf(label);
      if (focus) view.pz.show(union([boxOf(label), focus, boxOf(view.svg.querySelector('.state.current'))]), { min: LEGIBLE_SCALE, max: 1.25, focus });
    },
    async setCollapseFar(on) {
      view.collapseFar = on;
      view.overrides.clear();
      await render({ refit: true });
    },
  };
}
