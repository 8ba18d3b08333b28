// Builds a form for an event payload from its JSON Schema (the API's own, from /openapi.json)
// and reads it back into a payload. Empty optional fields are left out, so the API's defaults apply.

import { el } from './dom.js';

/** The schema's own constraints, shown next to the field so a developer knows what the API will check. */
function hint(schema) {
  const parts = [];
  if (schema.format) parts.push(schema.format === 'date-time' ? 'ISO 8601 time, e.g. 2026-03-05T08:00:00Z' : schema.format);
  if (schema.minLength) parts.push(`at least ${schema.minLength} characters`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  else if (schema.minimum !== undefined && schema.minimum > -1e15) parts.push(`≥ ${schema.minimum}`);
  if (schema.type === 'integer') parts.push('integer (minor units for money)');
  if (schema.minItems) parts.push(`at least ${schema.minItems}`);
  return parts.join(', ');
}

/** A field for `schema` at `path` (dotted, relative to the payload). Returns { node, read }. */
function field(schema, name, path, required) {
  const label = `${name}${required ? '' : ' (optional)'}`;
  if (schema.type === 'object' && schema.properties) {
    const children = Object.entries(schema.properties).map(([key, sub]) => field(sub, key, path ? `${path}.${key}` : key, (schema.required ?? []).includes(key)));
    const node = path ? el('fieldset', { 'data-path': path }, el('legend', { text: label })) : el('div');
    for (const c of children) node.append(c.node);
    return {
      node,
      read() {
        const value = {};
        for (const [i, key] of Object.keys(schema.properties).entries()) {
          const v = children[i].read();
          if (v !== undefined) value[key] = v;
        }
        return Object.keys(value).length === 0 && !required && path ? undefined : value;
      },
    };
  }
  if (schema.type === 'array' && schema.items) {
    const list = el('div');
    const rows = [];
    const add = () => {
      const index = rows.length;
      const row = field(schema.items, `${name} ${index + 1}`, `${path}.${index}`, true);
      rows.push(row);
      list.append(row.node);
    };
    const node = el('fieldset', { 'data-path': path }, el('legend', { text: label }), list);
    const addButton = el('button', { type: 'button', 'data-add': path, text: `+ add ${name.replace(/s$/, '')}` });
    addButton.addEventListener('click', add);
    const removeButton = el('button', { type: 'button', text: '− remove last' });
    removeButton.addEventListener('click', () => rows.pop()?.node.remove());
    node.append(el('div', { class: 'row' }, addButton, removeButton), el('span', { class: 'hint', text: hint(schema) }));
    if (required && schema.minItems) for (let i = 0; i < schema.minItems; i++) add();
    return {
      node,
      read() {
        const values = rows.map((r) => r.read());
        return values.length === 0 && !required ? undefined : values;
      },
    };
  }
  let input;
  if (schema.enum) {
    input = el('select', { 'data-path': path, name: path }, required ? null : el('option', { value: '', text: '—' }), ...schema.enum.map((v) => el('option', { value: v, text: v })));
  } else {
    const numeric = schema.type === 'integer' || schema.type === 'number';
    input = el('input', { 'data-path': path, name: path, type: numeric ? 'number' : 'text', step: schema.type === 'integer' ? '1' : undefined, autocomplete: 'off' });
  }
  const node = el('label', {}, `${label} `, input, el('span', { class: 'hint', text: hint(schema) }));
  return {
    node,
    read() {
      const raw = input.value.trim();
      if (raw === '') return required ? (schema.enum || schema.type === 'string' ? raw : undefined) : undefined;
      // Send what was typed; the API validates (a non-number goes as text and the 422 says why).
      if (schema.type === 'integer' || schema.type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : raw;
      return raw;
    },
  };
}

/** Renders the payload form of `schema` into `container`; returns a function that reads the payload. */
export function payloadForm(container, schema) {
  container.textContent = '';
  if (!schema || !schema.properties || Object.keys(schema.properties).length === 0) {
    container.append(el('p', { class: 'muted', text: 'This event takes no payload.' }));
    return () => ({});
  }
  const root = field(schema, 'payload', '', true);
  container.append(root.node);
  return () => root.read() ?? {};
}

/** Shows a problem+json answer in `box` and marks the fields it names (`payload.carrier` → data-path="carrier"). */
export function showProblem(box, form, problem) {
  for (const n of form.querySelectorAll('.invalid')) n.classList.remove('invalid');
  box.textContent = '';
  if (!problem) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.append(el('strong', { text: `${problem.status ?? ''} ${problem.title ?? 'Error'}` }), el('div', { text: problem.detail ?? '' }));
  if (Array.isArray(problem.errors) && problem.errors.length) {
    const ul = el('ul');
    for (const e of problem.errors) {
      ul.append(el('li', { text: `${e.path}: ${e.message}` }));
      const path = String(e.path).replace(/^payload\.?/, '');
      const target = path && form.querySelector(`[data-path="${window.CSS.escape(path)}"]`);
      if (target) target.classList.add('invalid');
    }
    box.append(ul);
  }
}
