// What an event would do, as POST /orders/:id/events?dryRun=true answers it: drawn on the diagram
// (the transition it would take and the state it would reach, in violet) and listed in the form.
import { journeySteps } from './journey.js';
import { el, statePath, time } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ancestorsOf = (path) => (path ? path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) : []);

/** Removes a drawn what-if from the diagram. */
export function clearWhatIf(svg) {
  if (!svg) return;
  svg.querySelector('.what-if-layer')?.remove();
  for (const n of svg.querySelectorAll('.what-if, .what-if-target')) n.classList.remove('what-if', 'what-if-target');
}

/**
 * Marks on the drawn diagram the transition `tried` (a dry-run answer) would take and the state it
 * would reach (or the collapsed box that holds it). Returns the elements to bring into view.
 */
export function drawWhatIf(svg, graph, tried) {
  clearWhatIf(svg);
  const [step] = journeySteps(graph, [{ seq: 0, type: tried.event.type, fromState: tried.from.state, toState: tried.order.state, source: 'client' }]);
  const css = (s) => window.CSS.escape(s);
  let transition = null;
  if (step.transition) {
    const { source, target, event } = step.transition;
    const sel = `[data-event="${css(event)}"][data-source="${css(source)}"]`;
    transition = target ? svg.querySelector(`.edge${sel}[data-target="${css(target)}"]`) : svg.querySelector(`text.internal${sel}`);
    transition?.classList.add('what-if');
  }
  let reached = null;
  for (const p of ancestorsOf(tried.order.state).reverse()) {
    reached = svg.querySelector(`.state[data-path="${css(p)}"]`);
    if (reached) break;
  }
  reached?.classList.add('what-if-target');
  if (reached) {
    const layer = document.createElementNS(SVG_NS, 'g');
    layer.setAttribute('class', 'what-if-layer');
    const r = reached.querySelector(':scope > rect, :scope > circle').getBBox();
    const text = `would be here after ${tried.event.type}`;
    const width = text.length * 6.6 + 12;
    const rect = document.createElementNS(SVG_NS, 'rect');
    const label = document.createElementNS(SVG_NS, 'text');
    for (const [k, v] of Object.entries({ x: r.x, y: r.y + r.height + 3, width, height: 17, rx: 8 })) rect.setAttribute(k, String(v));
    label.setAttribute('x', String(r.x + 6));
    label.setAttribute('y', String(r.y + r.height + 15));
    label.textContent = text;
    layer.append(rect, label);
    (svg.querySelector('.viewport') ?? svg).append(layer);
  }
  return { transition, reached };
}

/** The dry-run answer in words: where the order would go, what it would send, which deadlines it would arm. */
export function whatIfSummary(tried) {
  const box = el('div', { class: 'what-if-result', 'data-state': tried.order.state });
  if (tried.replayed) {
    box.append(el('p', { text: 'This Idempotency-Key was used for this same event already: sending answers that first result and applies nothing.' }));
    return box;
  }
  const move = tried.from.state === tried.order.state ? el('p', {}, 'Would stay in ', statePath(tried.order.state)) : el('p', {}, 'Would go from ', statePath(tried.from.state), ' to ', statePath(tried.order.state));
  box.append(el('h4', { text: `Try: ${tried.event.type} (nothing was changed)` }), move);
  box.append(el('p', { class: 'muted', text: `order version ${tried.from.version} → ${tried.order.version}; status ${tried.order.status}; then accepts ${tried.order.acceptedEvents.join(', ') || 'nothing'}` }));
  const effects = el('ul', { class: 'plain effects' });
  for (const e of tried.effects) effects.append(el('li', { text: `${e.kind} (${e.action})${e.email ? ', also e-mailed' : ''}` }));
  box.append(el('div', { class: 'label', text: tried.effects.length ? 'Would notify' : 'Would notify nobody' }), effects);
  const deadlines = el('ul', { class: 'plain deadlines' });
  for (const d of tried.deadlines) deadlines.append(el('li', { text: `${d.name} → ${d.event} at ${time(d.dueAt)}` }));
  box.append(el('div', { class: 'label', text: tried.deadlines.length ? 'Deadlines armed' : 'No deadline armed' }), deadlines);
  return box;
}
