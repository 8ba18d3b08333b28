import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { example?: unknown; examples?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown; examples?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>>; webhooks: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const methods = ['get', 'post', 'put', 'patch', 'delete'];
const operationsOf = (items: Document['paths']) =>
  Object.entries(items).flatMap(([path, item]) => Object.entries(item).filter(([m]) => methods.includes(m)).map(([method, op]) => ({ path, method, op })));

/** Served by the app but not part of the API: the document itself, the pages (docs, problem types, inspector), the Prometheus text. */
const notInTheDocument = /^\/(openapi\.json|docs|problems|inspector|metrics)(\/|$)/;

async function served() {
  const t = await testApp();
  return { t, doc: (await t.call('GET', '/openapi.json')).body as Document };
}

describe('the OpenAPI document', () => {
  it('declares every route the app serves, and no route it does not', async () => {
    const { t, doc } = await served();
    const routes = new Set(
      t.app.routes.filter((r) => r.method !== 'ALL' && !notInTheDocument.test(r.path)).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const declared = new Set(operationsOf(doc.paths).map(({ path, method }) => `${method} ${path}`));
    expect([...routes].filter((r) => !declared.has(r))).toEqual([]);
    expect([...declared].filter((r) => !routes.has(r))).toEqual([]);
  });

  it('gives every operation an operationId, a tag, a summary and an example', async () => {
    const { doc } = await served();
    const all = [...operationsOf(doc.paths), ...operationsOf(doc.webhooks)];
    expect(all.length).toBeGreaterThanOrEqual(20);
    const ids = all.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(all.length);
    for (const { path, method, op } of all) {
      const where = `${method} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length, where).toBe(1);
      expect(op.summary, where).toBeTruthy();
      const media = [...Object.values(op.requestBody?.content ?? {}), ...Object.entries(op.responses).filter(([s]) => /^2/.test(s)).flatMap(([, r]) => Object.values(r.content ?? {}))];
      const exampled = media.length === 0 || media.some((m) => m.example !== undefined || m.examples !== undefined);
      expect(exampled, `${where} has an example`).toBe(true);
    }
  });

  it('applies the bearer token to the API and leaves the machine, probes and webhooks open', async () => {
    const { doc } = await served();
    const open = operationsOf(doc.paths).filter(({ op }) => Array.isArray(op.security) && op.security.length === 0).map(({ path }) => path);
    expect(open.sort()).toEqual([
      '/healthz',
      '/machines',
      '/machines/order',
      '/machines/order/paths',
      '/machines/order/versions',
      '/machines/order/versions/{version}',
      '/machines/order/versions/{version}/changes',
      '/readyz',
    ]);
    for (const { path, method, op } of operationsOf(doc.paths).filter(({ path: p }) => !open.includes(p))) {
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403', '429']));
    }
  });

  it('declares 421 on every operation, as the Host check answers it before every route, open ones included', async () => {
    const { doc } = await served();
    const misdirected = (doc.components as { responses?: Record<string, { content: Record<string, unknown> }> }).responses?.Problem421;
    expect(Object.keys(misdirected?.content ?? {})).toEqual(['application/problem+json']);
    const t = await testApp({ allowedHostNames: ['orders.shop.example'] });
    for (const { path, method, op } of operationsOf(doc.paths)) {
      const where = `${method} ${path}`;
      expect(op.responses['421'], where).toEqual({ $ref: '#/components/responses/Problem421' });
      const res = await t.call(method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x'), method === 'get' ? undefined : {}, { host: 'rebound.attacker.example' });
      expect(res.status, where).toBe(421);
      expect(res.headers.get('content-type'), where).toContain('application/problem+json');
    }
  });

  it('describes the event request as a union on type, each with its payload schema', async () => {
    const { doc } = await served();
    const schemas = doc.components.schemas as Record<string, { oneOf?: { $ref: string }[]; discriminator?: { propertyName: string }; properties?: Record<string, unknown>; required?: string[] }>;
    const union = schemas.EventRequest!;
    expect(union.discriminator?.propertyName).toBe('type');
    const members = union.oneOf!.map((m) => m.$ref.replace('#/components/schemas/', ''));
    expect(members).toContain('ShippedEvent');
    expect(schemas.ShippedEvent).toMatchObject({
      properties: { type: { const: 'SHIPPED' }, payload: { required: ['carrier', 'trackingNumber'] } },
      required: ['type', 'payload'],
    });
    // A payload that may be empty may be left out, as the route reads a missing one as {}.
    expect(schemas.CustomsHeldEvent?.required).toEqual(['type']);
    const body = doc.paths['/orders/{id}/events']!.post!.requestBody!.content['application/json'] as { schema: unknown };
    expect(body.schema).toEqual({ $ref: '#/components/schemas/EventRequest' });
  });

  it('describes each webhook notification with its payload', async () => {
    const { doc } = await served();
    expect(Object.keys(doc.webhooks)).toEqual(expect.arrayContaining(['state.changed', 'customs.reminder', 'refund.requested']));
    const stateChanged = doc.webhooks['state.changed']!.post!.requestBody!.content['application/json'] as { schema: { $ref: string } };
    expect(stateChanged.schema.$ref).toBe('#/components/schemas/StateChangedNotification');
  });

  it('names every schema it reuses (no generated names) and keeps no $defs', async () => {
    const { doc } = await served();
    const text = JSON.stringify(doc);
    expect(text).not.toContain('$defs');
    expect(text).not.toMatch(/__schema\d/);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Order', 'Problem', 'EventRequest', 'StateNode', 'Delivery', 'Webhook']));
  });

  it('passes redocly lint with the recommended rules: no error, no warning', async () => {
    const { doc } = await served();
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const lint = spawnSync(process.execPath, [cli, 'lint', file, '--extends=recommended', '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      timeout: 60_000,
    });
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.status).toBe(0);
  }, 90_000);
});

describe('query parameters', () => {
  it('refuses unknown ones with 422 naming them, on routes that take none and on those that take some', async () => {
    const t = await testApp();
    await t.create({ id: 'Q-1' });
    const sent = await t.call('POST', '/orders/Q-1/events?dryrun=1', { type: 'CUSTOMS_HELD' });
    expect(sent.status).toBe(422);
    expect(sent.body.type).toBe('/problems/invalid-input');
    expect(JSON.stringify(sent.body.errors)).toContain('dryrun');
    const held = await t.call('GET', '/orders/Q-1/history?limit=5&sort=desc');
    expect(held.body).toMatchObject({ status: 422, type: '/problems/invalid-input' });
    expect(JSON.stringify(held.body.errors)).toContain('sort');
    expect((await t.get('Q-1')).body.version).toBe(1);
    for (const path of ['/orders/Q-1?x=1', '/orders/Q-1/history?x=1', '/healthz?x=1', '/readyz?x=1', '/machines/order?x=1', '/webhooks?x=1', '/deliveries?x=1', '/orders?x=1']) {
      expect((await t.call('GET', path)).status, path).toBe(422);
    }
    expect((await t.call('GET', '/orders/Q-1')).status).toBe(200);
  });
});
