// The list of orders, filtered by state, paged with the API's cursor. Full state paths, wrapped at dots.
import { api } from './api.js';
import { $, el, statePath } from './dom.js';

export function fail(problem, where = $('list-error')) {
  where.hidden = false;
  where.textContent = `${problem?.status ?? ''} ${problem?.title ?? 'Error'}: ${problem?.detail ?? ''}`;
}

/** `onPick(id)` is called when an order is chosen. */
export function orderList({ onPick }) {
  let cursor = null;
  let selected = null;
  const mark = () => {
    for (const b of document.querySelectorAll('#order-list button')) {
      const on = b.getAttribute('data-id') === selected;
      b.classList.toggle('selected', on);
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  };
  async function load(append = false) {
    const params = new window.URLSearchParams({ limit: '50' });
    const state = $('state-filter').value;
    if (state) params.set('state', state);
    if (append && cursor) params.set('cursor', cursor);
    const res = await api(`/orders?${params}`);
    if (!res.ok) return fail(res.body);
    $('list-error').hidden = true;
    const list = $('order-list');
    if (!append) list.textContent = '';
    for (const o of res.body.orders) {
      const button = el('button', { type: 'button', 'data-id': o.id }, el('span', { class: 'id', text: o.id }), el('small', {}, statePath(o.state)));
      button.addEventListener('click', () => onPick(o.id));
      list.append(el('li', {}, button));
    }
    cursor = res.body.nextCursor;
    $('more').hidden = !cursor;
    mark();
  }
  /** Fills the state filter from the machine graph, nested by indentation. */
  function states(graph) {
    const filter = $('state-filter');
    const walk = (state, depth) => {
      if (state.path && state.type !== 'history') filter.append(el('option', { value: state.path, text: `${'\u00a0\u00a0'.repeat(depth - 1)}${state.path}` }));
      for (const child of state.states) walk(child, depth + 1);
    };
    walk(graph.root, 0);
  }
  $('state-filter').addEventListener('change', () => void load());
  $('more').addEventListener('click', () => void load(true));
  return {
    load,
    states,
    /** Shows only the orders in `path` (and below). */
    filter(path) {
      $('state-filter').value = path;
      void load();
    },
    select(id) {
      selected = id;
      mark();
    },
  };
}
