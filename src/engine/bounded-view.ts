import type { ViewList } from './hosted-machine.ts';

/** How many entries of each growing list the instance view shows (`HostedMachine.viewLists`). */
export const VIEW_LIST_LIMIT = 20;

/** The name of the count shown beside a bounded list: `suppliers` → `suppliersTotal`. */
export const totalKey = (path: readonly string[]) => `${path.at(-1)!}Total`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The list at `path` of a view, or undefined when the view has none there. Each `*` of the path
 * (an entry of a list, as in `['claims', '*', 'evidence']`) takes the next of `indices`.
 */
// Stryker disable next-line ArrayDeclaration: equivalent: without indices a `*` reads `at[-1]`, with the mutant's default `at["Stryker was here"]`: undefined on a list either way
export function listAt(view: Json, path: readonly string[], indices: readonly number[] = []): unknown[] | undefined {
  let at: unknown = view;
  let next = 0;
  for (const key of path) {
    if (key === '*') at = Array.isArray(at) ? at[indices[next++] ?? -1] : undefined;
    else at = isObject(at) ? at[key] : undefined;
  }
  return Array.isArray(at) ? at : undefined;
}

/**
 * At most `limit` entries, in the list's own order: the most recent of those `keep` picks, then
 * the most recent of the others. A list no longer than `limit` is shown whole.
 */
export function recentEntries<T>(entries: readonly T[], limit: number, keep?: (entry: T) => boolean): T[] {
  if (entries.length <= limit) return [...entries];
  const indices = entries.map((_, i) => i);
  const kept = keep ? indices.filter((i) => keep(entries[i]!)).slice(-limit) : [];
  const chosen = new Set(kept);
  // Longer than `limit`, the list fills `chosen` before `i` runs out.
  for (let i = entries.length - 1; chosen.size < limit; i--) chosen.add(i);
  return [...chosen].sort((a, b) => a - b).map((i) => entries[i]!);
}

/**
 * The view with the list at `path` bounded and counted. The view is never changed in place: each
 * object on the way is copied, once per `boundedView` call (`owned` holds the copies this call made,
 * which later lists change in place). The copies keep the keys' order: a list stays where it was,
 * its total comes after the object's other keys, in the order of the lists.
 */
function withBounded(view: Json, path: readonly string[], list: ViewList, limit: number, owned: Set<object>): Json {
  const [head, ...rest] = path;
  if (head === undefined || head === '*') return view;
  const value = view[head];
  // `*`: the list of each entry (each claim's evidence).
  if (rest[0] === '*') {
    if (!Array.isArray(value)) return view;
    const copy = own(view, owned);
    copy[head] = value.map((entry) => (isObject(entry) ? withBounded(entry, rest.slice(1), list, limit, owned) : entry));
    return copy;
  }
  if (rest.length > 0) {
    if (!isObject(value)) return view;
    const copy = own(view, owned);
    copy[head] = withBounded(value, rest, list, limit, owned);
    return copy;
  }
  if (!Array.isArray(value)) return view;
  const copy = own(view, owned);
  copy[head] = recentEntries(value, limit, list.keep?.bind(list));
  copy[totalKey(path)] = value.length;
  return copy;
}

/**
 * `object` itself when this call copied it already, else its copy (then owned). `Object.assign` onto
 * `{}` rather than a spread: on Node 20 each key added to a spread's copy builds a new hidden class
 * (measured, a 32-key view plus a total: 3.2 us against 0.55 us); the copy is the same, keys in the
 * same order, unless the object has an own `__proto__` key (which assign would take for the prototype).
 */
function own(object: Json, owned: Set<object>): Json {
  if (owned.has(object)) return object;
  const copy = Object.hasOwn(object, '__proto__') ? { ...object } : Object.assign({}, object);
  owned.add(copy);
  return copy;
}

/**
 * The view with each declared list bounded to its `limit` most recent entries (`keep`'s first) and
 * its total count beside it (`suppliers` and `suppliersTotal`); the whole lists are paged apart.
 * Each object on the way to a list is copied once, however many lists it holds.
 */
export function boundedView<V extends Json>(view: V, lists: Readonly<Record<string, ViewList>> = {}, limit = VIEW_LIST_LIMIT): V {
  let bounded: Json = view;
  const owned = new Set<object>();
  for (const list of Object.values(lists)) bounded = withBounded(bounded, list.path, list, limit, owned);
  return bounded as V;
}

/**
 * What bounds an entry of the list at `path`: the lists inside it (those declared at `[...path, '*', …]`,
 * a claim's evidence in a claim), so that a page of a list is bounded by its `limit` as the view is.
 * The lists inside are picked once, for every entry of the page.
 */
export function entryBounder(path: readonly string[], lists: Readonly<Record<string, ViewList>> = {}, limit = VIEW_LIST_LIMIT): (entry: unknown) => unknown {
  // A `*` right after `path` puts the list inside the entries (one declared at `[...path, '*']` itself
  // would be each entry, and bound nothing).
  const inside = Object.values(lists)
    .filter((l) => path.every((key, i) => l.path[i] === key) && l.path[path.length] === '*')
    .map((l, i) => [String(i), { ...l, path: l.path.slice(path.length + 1) }] as const);
  if (inside.length === 0) return (entry) => entry;
  const named = Object.fromEntries(inside);
  return (entry) => (isObject(entry) ? boundedView(entry, named, limit) : entry);
}
