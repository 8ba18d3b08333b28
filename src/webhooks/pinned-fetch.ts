import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress, WebhookTargets } from './webhook-targets.ts';

/** Bytes of a receiver's answer that are read; the rest is dropped with the connection. */
export const MAX_ANSWER_BYTES = 4096;

/** A `lookup` that answers the addresses already checked, so the connection goes nowhere else. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

/** At most `limit` bytes of the answer, then the socket is let go. */
function readBounded(res: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        res.destroy();
        resolve(Buffer.concat(chunks).subarray(0, limit));
      }
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => resolve(Buffer.concat(chunks).subarray(0, limit)));
  });
}

/**
 * The delivery worker's `fetch` for webhooks: checks the target (scheme, every resolved address)
 * before each attempt, connects only to the checked addresses (TLS still verifies the host name),
 * follows no redirect, and reads at most `MAX_ANSWER_BYTES` of the answer. Throws
 * `WebhookTargetRefused` for a refused target.
 */
export function pinnedFetch(targets: WebhookTargets, { maxAnswerBytes = MAX_ANSWER_BYTES } = {}): typeof globalThis.fetch {
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const addresses = await targets.addressesFor(url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: init.method ?? 'GET', headers, ...(addresses.length > 0 ? { lookup: pinnedLookup(addresses) } : {}), ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        readBounded(res, maxAnswerBytes)
          .then((answer) => {
            const status = res.statusCode ?? 502;
            const type = res.headers['content-type'];
            const nullBody = status === 204 || status === 205 || status === 304;
            resolve(new Response(nullBody ? null : new Uint8Array(answer), { status, statusText: res.statusMessage ?? '', headers: type ? { 'content-type': type } : {} }));
          })
          .catch(reject);
      });
      req.on('error', (error) => reject(init.signal?.aborted ? init.signal.reason : error));
      req.end(body);
    });
  };
}
