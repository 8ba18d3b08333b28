// The form that sends an accepted event to the selected order, built from the event's payload schema.
import { api, orderPath } from './api.js';
import { $ } from './dom.js';
import { payloadForm, showProblem } from './forms.js';

/**
 * `schemas` are the event payload schemas from /openapi.json; `order()` gives the selected order;
 * `onSent(order)` runs after the API accepted the event.
 */
export function eventForm({ schemas, order, onSent }) {
  const form = $('event-form');
  let type = null;
  let readPayload = () => ({});

  function close() {
    type = null;
    form.hidden = true;
  }

  function open(eventType) {
    type = eventType;
    form.hidden = false;
    $('event-form-title').textContent = eventType;
    readPayload = payloadForm($('event-fields'), schemas[eventType]);
    $('idempotency-key').value = `inspector-${window.crypto.randomUUID()}`;
    showProblem($('form-error'), form, null);
    (form.querySelector('#event-fields input, #event-fields select') ?? $('send')).focus();
  }

  async function send(e) {
    e.preventDefault();
    const current = order();
    if (!current || !type) return;
    const headers = {};
    if ($('if-match').checked) headers['if-match'] = `"${current.version}"`;
    const key = $('idempotency-key').value.trim();
    if (key) headers['idempotency-key'] = key;
    const res = await api(orderPath(current.id, '/events'), { method: 'POST', headers, body: JSON.stringify({ type, payload: readPayload() }) });
    if (!res.ok) return showProblem($('form-error'), form, res.body);
    close();
    await onSent(res.body);
  }

  form.addEventListener('submit', (e) => void send(e));
  $('cancel').addEventListener('click', close);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return {
    open,
    close,
    get type() {
      return type;
    },
  };
}
