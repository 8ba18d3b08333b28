import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-openapi-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks `source` (which imports `./api.ts`) under strict settings; the diagnostics as text. */
function typeCheck(name: string, source: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a client generated from /openapi.json with openapi-typescript', () => {
  it('types the answers the service really gives', async () => {
    const t = await testApp();
    const doc = (await t.call('GET', '/openapi.json')).body;
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc)));

    // Real answers, each with the status and media type the document declares for it.
    const created = await t.create({ id: 'GEN-1' });
    const answers: [string, string, number, string, unknown][] = [
      ['/orders', 'post', 201, 'application/json', created.body],
      ['/orders', 'post', 200, 'application/json', (await t.create({ id: 'GEN-1' })).body],
      ['/orders/{id}', 'get', 200, 'application/json', (await t.get('GEN-1')).body],
      ['/orders/{id}/events', 'post', 200, 'application/json', (await t.send('GEN-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' })).body],
      ['/orders/{id}/events', 'post', 409, 'application/problem+json', (await t.send('GEN-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF2' })).body],
      ['/orders/{id}/events', 'post', 422, 'application/problem+json', (await t.send('GEN-1', 'CUSTOMS_HELD', { nope: 1 })).body],
      ['/orders/{id}/history', 'get', 200, 'application/json', (await t.history('GEN-1')).body],
      ['/orders', 'get', 200, 'application/json', (await t.call('GET', '/orders?limit=1')).body],
      ['/orders/{id}', 'get', 404, 'application/problem+json', (await t.get('nope')).body],
      ['/webhooks', 'post', 201, 'application/json', (await t.call('POST', '/webhooks', { url: 'https://shop.example/hook' })).body],
      ['/webhooks', 'get', 200, 'application/json', (await t.call('GET', '/webhooks')).body],
      ['/deliveries', 'get', 200, 'application/json', (await t.call('GET', '/deliveries')).body],
      ['/orders/{id}/notifications', 'get', 200, 'application/json', (await t.call('GET', '/orders/GEN-1/notifications')).body],
      ['/machines/order', 'get', 200, 'application/json', (await t.call('GET', '/machines/order')).body],
      ['/healthz', 'get', 200, 'application/json', (await t.call('GET', '/healthz')).body],
      ['/readyz', 'get', 200, 'application/json', (await t.call('GET', '/readyz')).body],
    ];
    expect(answers.filter(([, , , , body]) => body === undefined)).toEqual([]);
    const lines = answers.map(
      ([path, method, status, media, body], i) =>
        `export const answer${i}: paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses'][${status}]['content'][${JSON.stringify(media)}] = ${JSON.stringify(body)};`,
    );
    const header = "import type { paths, components } from './api.ts';\n";
    expect(typeCheck('answers.ts', header + lines.join('\n'))).toEqual([]);

    // The generated types are precise enough to catch a wrong answer and a wrong event payload.
    const wrong = [
      `export const a: components['schemas']['Order']['status'] = 'pending';`,
      `export const b: components['schemas']['EventRequest'] = { type: 'SHIPPED', payload: { carrier: 'SF' } };`,
      `export const c: components['schemas']['EventRequest'] = { type: 'NO_SUCH_EVENT' };`,
    ];
    expect(typeCheck('wrong.ts', header + wrong.join('\n'))).toHaveLength(3);
  }, 60_000);
});
