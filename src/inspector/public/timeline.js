// The order's history, newest first: each event with its payload, who sent it (a client, or the
// service's timer when a deadline fell due), the move it made and the notifications it caused.
import { el, statePath, time } from './dom.js';
import { fields } from './payload.js';

/** One line per delivery: "email seller@… delivered, 1 attempt". */
function deliveryLine(d) {
  const last = d.attempts.at(-1);
  const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
  const why = d.status !== 'delivered' && last && !last.ok ? `; last: ${last.statusCode ?? ''} ${last.error ?? ''}`.trimEnd() : '';
  return el('li', { class: `delivery ${d.status}`, 'data-channel': d.channel }, `${d.channel} → ${d.target}: `, el('strong', { text: d.status }), ` (${tries}${why})`);
}

export function notificationItem(n) {
  const deliveries = n.deliveries.length
    ? el('ul', { class: 'deliveries' }, ...n.deliveries.map(deliveryLine))
    : el('span', { class: 'muted', text: n.dispatched ? ' not sent: no e-mail or webhook takes this kind' : ' not dispatched yet' });
  return el('li', { class: 'notification', 'data-kind': n.kind }, el('code', { text: n.kind }), deliveries);
}

/**
 * Renders `history` (oldest first, as the API lists it) into `list`, newest on top.
 * `notifications` are the order's notifications (GET /orders/:id/notifications), matched by `seq`.
 * Entries newer than `seenSeq` (when not 0) are marked fresh.
 */
export function renderTimeline(list, history, { notifications = [], currency, seenSeq = 0, onStep = () => {} }) {
  list.textContent = '';
  for (const h of [...history].reverse()) {
    const byTimer = h.source === 'timer';
    const sentBy = byTimer ? `timer (deadline due ${time(h.dueAt)})` : 'client';
    const head = el(
      'button',
      { type: 'button', class: 'step-ref', title: 'show this step on the diagram', 'aria-label': `step ${h.seq}: show on the diagram` },
      `${h.seq}`,
    );
    head.addEventListener('click', () => onStep(h.seq));
    const payload = fields(h.payload, currency);
    const mine = notifications.filter((n) => n.seq === h.seq);
    const li = el(
      'li',
      { 'data-seq': h.seq, 'data-type': h.type, 'data-source': h.source, class: h.source },
      el('div', { class: 'ev' }, head, el('code', { text: h.type }), el('span', { class: `by ${h.source}`, text: byTimer ? 'timer' : 'client' })),
      el('div', { class: 'move' }, h.fromState ? statePath(h.fromState) : '∅', ' → ', statePath(h.toState)),
      el('div', { class: 'meta', text: [time(h.at), `sent by ${sentBy}`, h.idempotencyKey ? `key ${h.idempotencyKey}` : null].filter(Boolean).join(' · ') }),
      payload ? el('details', { class: 'payload-box', open: true }, el('summary', { text: 'payload' }), payload) : null,
      mine.length ? el('div', { class: 'notifications' }, el('span', { class: 'label', text: 'notifications' }), el('ul', {}, ...mine.map(notificationItem))) : null,
    );
    if (seenSeq && h.seq > seenSeq) li.classList.add('fresh');
    list.append(li);
  }
}
