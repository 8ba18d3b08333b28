import type { PathsDocument } from '../model/paths-document.ts';
import type { Call, PathResult } from './replay-path.ts';
import { replayPath } from './replay-path.ts';

export interface HttpCallerOptions {
  /** The sandbox, e.g. `http://127.0.0.1:3000`. */
  base: string;
  /** Sent as `Authorization: Bearer …` (a sandbox started with API_TOKENS). */
  key?: string;
  fetch?: typeof fetch;
}

/** Calls the service over HTTP: JSON in, JSON (or nothing) out. */
export function httpCaller({ base, key, fetch: doFetch = fetch }: HttpCallerOptions): Call {
  const root = base.replace(/\/+$/, '');
  return async (method, path, body) => {
    const res = await doFetch(`${root}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { authorization: `Bearer ${key}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
}

/**
 * Whether a path is selected by `filters` (none: all). A filter selects the paths whose id is it
 * (`transition/domestic/5`), starts with it (`transition/domestic`), or has it as a segment
 * (`switch-first`, `shortest`).
 */
export const selectedBy = (filters: readonly string[]) => (path: { id: string }) =>
  filters.length === 0 || filters.some((f) => path.id === f || path.id.startsWith(`${f.replace(/\/+$/, '')}/`) || path.id.split('/').includes(f));

export interface ReplayOptions {
  call: Call;
  document: PathsDocument;
  observe(view: Record<string, unknown>): unknown;
  filters?: readonly string[];
  /** Paths replayed at once (each in its own sandbox run). */
  concurrency?: number;
  /** Hears each result as it comes (for progress). */
  onResult?(result: PathResult): void;
}

/** Replays the selected paths of a document against a sandbox; the results in the document's order. */
export async function replayPaths({ call, document, observe, filters = [], concurrency = 4, onResult }: ReplayOptions): Promise<PathResult[]> {
  const paths = document.paths.filter(selectedBy(filters));
  const variants = new Map(document.variants.map((v) => [v.name, v]));
  const results: PathResult[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const path = paths[i]!;
      results[i] = await replayPath({ call, path, variant: variants.get(path.variant)!, observe, orderPrefix: 'kit-' });
      onResult?.(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, paths.length)) }, worker));
  return results;
}
