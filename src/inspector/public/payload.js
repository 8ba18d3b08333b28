// Shows an event payload (or any part of an order view) as readable nested lists: amounts with their
// currency, claimed items as "sku × quantity", evidence and other web links as links.
import { el, money, time } from './dom.js';

const MONEY_KEYS = new Set(['amount', 'unitPrice', 'paid', 'refunded', 'refundable', 'owed', 'settled']);
const TIME_KEYS = /(^at$|At$|^since$)/;

/** Only http(s) links become links: a payload is client input and may carry `javascript:` or worse. */
function link(url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer', text: url });
  } catch {
    // not a URL: shown as text
  }
  return null;
}

function scalar(key, value, currency) {
  if (value === null || value === undefined) return el('span', { class: 'muted', text: '—' });
  if (typeof value === 'number' && MONEY_KEYS.has(key) && currency) return el('span', { class: 'money', text: `${money(value, currency)}`, title: `${value} minor units` });
  if (typeof value === 'string' && TIME_KEYS.test(key) && /^\d{4}-\d\d-\d\dT/.test(value)) return el('time', { datetime: value, text: time(value) });
  if (typeof value === 'string') return link(value) ?? el('span', { text: value });
  return el('span', { text: String(value) });
}

const isItem = (v) => v && typeof v === 'object' && typeof v.sku === 'string' && typeof v.quantity === 'number' && Object.keys(v).length <= 3;

function value(key, v, currency) {
  if (Array.isArray(v)) {
    if (v.length === 0) return el('span', { class: 'muted', text: 'none' });
    if (v.every(isItem)) return el('span', { text: v.map((i) => `${i.sku} × ${i.quantity}${i.unitPrice !== undefined && currency ? ` at ${money(i.unitPrice, currency)}` : ''}`).join(', ') });
    return el('ol', { class: 'payload-list' }, ...v.map((item) => el('li', {}, value(key, item, currency))));
  }
  if (v && typeof v === 'object') {
    // An evidence item reads best on one line: the kind, then the link.
    if (typeof v.kind === 'string' && typeof v.url === 'string') return el('span', {}, `${v.kind} `, link(v.url) ?? v.url, v.at ? el('small', { class: 'muted', text: ` ${time(v.at)}` }) : null);
    return fields(v, currency);
  }
  return scalar(key, v, currency);
}

/** A `<dl>` of the object's fields, or null for an empty one. */
export function fields(object, currency, { skip = [] } = {}) {
  const entries = Object.entries(object ?? {}).filter(([k, v]) => v !== undefined && !skip.includes(k));
  if (entries.length === 0) return null;
  const dl = el('dl', { class: 'payload' });
  for (const [k, v] of entries) dl.append(el('dt', { text: k }), el('dd', {}, value(k, v, currency)));
  return dl;
}
