// The page's only way out: calls to this service's public API, with the developer's token.

const storage = window.localStorage;
const TOKEN = 'aftersales.token';

export const token = {
  get: () => storage.getItem(TOKEN) ?? '',
  set: (value) => (value ? storage.setItem(TOKEN, value) : storage.removeItem(TOKEN)),
};

/** Every call carries the token the developer gave, so the page gets exactly what the API allows. */
export const authHeaders = () => (token.get() ? { authorization: `Bearer ${token.get()}` } : {});

/** `fetch` on a path of this service; answers `{ ok, status, body }` with the JSON (or problem) body. */
export async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { ...authHeaders(), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) } });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { title: 'Not JSON', detail: text.slice(0, 300) };
  }
  return { ok: res.ok, status: res.status, body };
}

export const orderPath = (id, rest = '') => `/orders/${encodeURIComponent(id)}${rest}`;
