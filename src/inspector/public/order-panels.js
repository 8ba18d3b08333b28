// The panels about the selected order: deadlines, money, claims, suppliers (and the refunds they
// owe), shipments, and the deliveries of its notifications with every attempt.
import { el, money, time } from './dom.js';
import { fields } from './payload.js';

const none = (text) => el('p', { class: 'muted', text });

/** Under a list the order view shows only the most recent of: how many there are, and where to read them all. */
function more(order, shown, total, list) {
  if (total === undefined || total <= shown) return null;
  const path = `/orders/${encodeURIComponent(order.id)}/${list}`;
  return el('p', { class: 'muted more', 'data-list': list, text: `${shown} most recent of ${total} shown; every one: GET ${path}` });
}
const row = (name, ...cells) => el('tr', {}, el('th', { scope: 'row', text: name }), ...cells.map((c) => el('td', {}, c)));

export function deadlinesPanel(order) {
  const rows = order.deadlines.map((d) => row(d.name, time(d.dueAt), el('small', { class: 'muted', text: `fires ${d.event}` })));
  if (order.resolution?.escalated) rows.push(row('resolution', `missed; escalated ${time(order.resolution.escalatedAt)}`));
  return rows.length ? el('table', {}, ...rows) : none('none armed');
}

export function moneyPanel(order) {
  const m = order.money;
  const table = el('table', {}, ...[['paid', m.paid], ['refunded', m.refunded], ['refundable', m.refundable], ['pending refund', m.pendingRefund]].map(([k, v]) => row(k, money(v, order.currency))));
  const refunds = (m.refunds ?? []).map((r) => el('li', {}, `${money(r.amount, order.currency)} on ${time(r.at)}`, r.reference ? ` (ref ${r.reference})` : ''));
  return el('div', {}, table, refunds.length ? el('ul', { class: 'plain' }, ...refunds) : null, more(order, refunds.length, m.refundsTotal, 'refunds'));
}

/** Every claim of the order: version 2 lists them all (`claims`), version 1 has the latest (`claim`). */
export function claimsPanel(order) {
  const claims = order.claims ?? (order.claim ? [order.claim] : []);
  if (!claims.length) return none('no claim');
  // The view shows the most recent claims: the first shown is at this position of the whole list.
  const first = order.claims ? (order.claimsTotal ?? claims.length) - claims.length : null;
  const cards = el(
    'ul',
    { class: 'cards' },
    ...claims.map((c, i) => {
      const verdict = c.verification ? `verification ${c.verification}${c.verificationReason ? ` (${c.verificationReason})` : ''}` : 'awaiting evidence';
      return el(
        'li',
        { class: 'card claim', 'data-kind': c.kind },
        el('strong', { text: c.kind.replace(/_/g, ' ') }),
        el('span', { class: 'muted', text: ` reported ${time(c.reportedAt)} · ${verdict}${c.resolution ? ` · resolution: ${c.resolution}` : ''}` }),
        fields(c, order.currency, { skip: ['kind', 'reportedAt', 'verification', 'verificationReason', 'resolution', 'evidenceTotal'] }),
        more(order, c.evidence?.length ?? 0, c.evidenceTotal, first === null ? 'claim/evidence' : `claims/${first + i}/evidence`),
      );
    }),
  );
  return el('div', {}, cards, more(order, claims.length, order.claimsTotal, 'claims'));
}

/**
 * Suppliers, the active one first; a replaced supplier that owes the original order's refund says so.
 * Of a long list the view holds the active one, those owing a refund, and the most recent others.
 */
export function suppliersPanel(order) {
  const suppliers = order.suppliers ?? [];
  if (!suppliers.length) return none('no supplier');
  const cards = el(
    'ul',
    { class: 'cards' },
    ...[...suppliers].reverse().map((s) => {
      const owes = s.originalOrderRefund === 'owed';
      return el(
        'li',
        { class: `card supplier ${s.status}${owes ? ' owes' : ''}`, 'data-id': s.id },
        el('strong', { text: s.name ? `${s.name} (${s.id})` : s.id }),
        el('span', { class: 'muted', text: ` ${s.status} since ${time(s.since)}${s.replacedAt ? `, replaced ${time(s.replacedAt)}` : ''}` }),
        owes ? el('div', { class: 'owed', text: 'owes the refund of the original order' }) : null,
        fields(s, order.currency, { skip: ['id', 'name', 'status', 'since', 'replacedAt', 'originalOrderRefund'] }),
      );
    }),
  );
  return el('div', {}, cards, more(order, suppliers.length, order.suppliersTotal, 'suppliers'));
}

export function shipmentsPanel(order) {
  const shipments = order.shipments ?? [];
  if (!shipments.length) return none('not shipped');
  const cards = el(
    'ul',
    { class: 'cards' },
    ...shipments.map((s) =>
      el(
        'li',
        { class: 'card shipment', 'data-tracking': s.trackingNumber },
        el('strong', { text: `${s.carrier} ${s.trackingNumber}` }),
        el('span', { class: 'muted', text: ` ${s.kind} · ${time(s.at)}` }),
        fields(s, order.currency, { skip: ['carrier', 'trackingNumber', 'kind', 'at'] }),
      ),
    ),
  );
  return el('div', {}, cards, more(order, shipments.length, order.shipmentsTotal, 'shipments'));
}

const attemptRow = (a) =>
  el('li', { class: a.ok ? 'ok' : 'failed' }, `#${a.number} ${time(a.at)} `, el('strong', { text: a.ok ? 'ok' : 'failed' }), a.statusCode !== null ? ` ${a.statusCode}` : '', a.error ? ` ${a.error}` : '', ` · ${a.durationMs} ms`);

/** Each notification (by the step that caused it), each delivery and each attempt. */
export function deliveriesPanel(notes) {
  if (!notes) return none('not loaded');
  const list = notes.notifications ?? [];
  const head = [notes.summary?.note ? el('p', { class: 'problem', text: notes.summary.note }) : null, notes.email === 'disabled' ? el('p', { class: 'muted', text: 'e-mail is disabled on this service (no SMTP_URL)' }) : null];
  if (!list.length) return el('div', {}, ...head, none('no notification yet'));
  return el(
    'div',
    {},
    ...head,
    el(
      'ul',
      { class: 'cards' },
      ...list.map((n) =>
        el(
          'li',
          { class: 'card notification', 'data-kind': n.kind, 'data-seq': n.seq },
          el('strong', { text: n.kind }),
          el('span', { class: 'muted', text: ` step ${n.seq} · ${time(n.createdAt)}${n.dispatched ? '' : ' · not dispatched yet'}` }),
          ...n.deliveries.map((d) =>
            el(
              'div',
              { class: `delivery ${d.status}` },
              `${d.channel} → ${d.target}: `,
              el('strong', { text: d.status }),
              d.nextAttemptAt ? ` · next attempt ${time(d.nextAttemptAt)}` : '',
              d.attempts.length ? el('ol', { class: 'attempts' }, ...d.attempts.map(attemptRow)) : el('span', { class: 'muted', text: ' · no attempt yet' }),
            ),
          ),
        ),
      ),
    ),
  );
}
