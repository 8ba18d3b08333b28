// The form that sends an accepted event to the selected order, built from the event's payload schema.
import { api, orderPath } from './api.js';
import { $ } from './dom.js';
import { payloadForm, showProblem } from './forms.js';
import { whatIfSummary } from './what-if.js';

/**
 * `schemas` are the event payload schemas from /openapi.json; `order()` gives the selected order;
 * `onSent(order)` runs after the API accepted the event; `onTried(answer | null)` after a dry run
 * answered (null: the tried result no longer holds).
 */
export function eventForm({ schemas, order, onSent, onTried = () => {} }) {
  const form = $('event-form');
  let type = null;
  let readPayload = () => ({});
  let shown = null;

  function showTried(tried) {
    shown = tried;
    const box = $('what-if');
    box.hidden = !tried;
    box.replaceChildren(...(tried ? [whatIfSummary(tried)] : []));
    void onTried(tried);
  }

  function close() {
    type = null;
    form.hidden = true;
    showTried(null);
  }

  function open(eventType) {
    type = eventType;
    form.hidden = false;
    $('event-form-title').textContent = eventType;
    readPayload = payloadForm($('event-fields'), schemas[eventType]);
    $('idempotency-key').value = `inspector-${window.crypto.randomUUID()}`;
    showProblem($('form-error'), form, null);
    showTried(null);
    (form.querySelector('#event-fields input, #event-fields select') ?? $('send')).focus();
  }

  /** Posts the event as the form stands; `dryRun` only asks what it would do. */
  async function post(dryRun) {
    const current = order();
    if (!current || !type) return null;
    const headers = {};
    if ($('if-match').checked) headers['if-match'] = `"${current.version}"`;
    const key = $('idempotency-key').value.trim();
    if (key) headers['idempotency-key'] = key;
    const res = await api(orderPath(current.id, `/events${dryRun ? '?dryRun=true' : ''}`), { method: 'POST', headers, body: JSON.stringify({ type, payload: readPayload() }) });
    showProblem($('form-error'), form, res.ok ? null : res.body);
    return res;
  }

  async function send(e) {
    e.preventDefault();
    const res = await post(false);
    if (!res?.ok) return showTried(null);
    close();
    await onSent(res.body);
  }

  async function tryIt() {
    const res = await post(true);
    showTried(res?.ok ? res.body : null);
  }

  form.addEventListener('submit', (e) => void send(e));
  $('try').addEventListener('click', () => void tryIt());
  $('cancel').addEventListener('click', close);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return {
    open,
    close,
    /** Forgets a tried result once the order moved past the version it was tried on. */
    orderChanged(current) {
      if (shown && (current.id !== shown.order.id || current.version !== shown.from.version)) showTried(null);
    },
    get type() {
      return type;
    },
  };
}
