// Small DOM helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

/** `el('a', { href, text }, ...children)`: attributes (null, undefined and false are left out), text, children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** A dotted state path that may break after each dot, so a narrow column never cuts it. */
export function statePath(path) {
  const span = el('span', { class: 'path', title: path });
  path.split('.').forEach((part, i) => {
    if (i > 0) span.append('.', document.createElement('wbr'));
    span.append(part);
  });
  return span;
}

const digitsOf = (currency) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
};

export const time = (iso) => (iso ? iso.replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, 'Z') : '—');
export const money = (minor, currency) => `${(minor / 10 ** digitsOf(currency)).toFixed(digitsOf(currency))} ${currency}`;
