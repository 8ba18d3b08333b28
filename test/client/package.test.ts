import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../support/browser.ts';
import { testApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-client-package-'));
const app = join(dir, 'consumer');
const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds the package as `npm run client:pack` does (into a copy, so the tree stays clean), packs it and installs the tarball offline. */
beforeAll(() => {
  const pkg = join(dir, 'package');
  mkdirSync(pkg);
  for (const file of ['package.json', 'README.md']) cpSync(join('packages/client', file), join(pkg, file));
  execFileSync(process.execPath, [tsc, '-p', 'packages/client', '--outDir', join(pkg, 'dist')]);
  const tarball = execFileSync('npm', ['pack', pkg, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', join(dir, tarball), '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, encoding: 'utf8' });
}, 120_000);

describe('the client package (aftersales/client)', () => {
  it('installs from its tarball alone: built JS and types, no dependency, no TypeScript source', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['aftersales']);
    const files = readdirSync(join(app, 'node_modules/aftersales/dist')).sort();
    expect(files).toEqual(['api-types.d.ts', 'api-types.js', 'index.d.ts', 'index.js']);
  });

  it('is imported by a plain Node project and talks to the service; every non-2xx is an AftersalesProblem', async () => {
    const t = await testApp();
    const server = await listen(t.app.fetch);
    try {
      writeFileSync(
        join(app, 'use.mjs'),
        `import { AftersalesProblem, createClient } from 'aftersales/client';
const api = createClient({ baseUrl: process.argv[2] });
const out = {};
const order = await api.createOrder({ id: 'PKG-1', scope: 'domestic', sellerEmail: 'seller@shop.example', supplier: { id: 's-1' },
  items: [{ sku: 'mug', quantity: 1, unitPrice: 1250 }], currency: 'CNY', shipBy: '2026-03-04T00:00:00Z' });
out.created = order.state;
out.shipped = (await api.send('PKG-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' }, { idempotencyKey: 'ship-1' })).state;
const refused = await api.send('PKG-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF2' }).catch((e) => e);
out.refused = [refused instanceof AftersalesProblem, refused.problem.status, refused.problem.type];
const badGateway = createClient({ baseUrl: process.argv[2], fetch: async () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) });
const gateway = await badGateway.getOrder('PKG-1').catch((e) => e);
out.gateway = [gateway instanceof AftersalesProblem, gateway.problem.status, gateway.problem.detail];
console.log(JSON.stringify(out));
`,
      );
      // Asynchronously: this process serves the socket the consumer calls.
      const { stdout } = await run(process.execPath, ['use.mjs', server.url], { cwd: app, encoding: 'utf8' });
      expect(JSON.parse(stdout)).toEqual({
        created: 'preShipment.processing.awaitingShipment',
        shipped: 'inTransit.shipping.onTheWay',
        refused: [true, 409, '/problems/event-not-accepted'],
        gateway: [true, 502, 'the answer was not a problem document: <html>bad gateway</html>'],
      });
    } finally {
      await server.close();
    }
  });

  it('types a consumer under strict settings: answers, payloads and problems, from the installed .d.ts alone', () => {
    writeFileSync(
      join(app, 'check.ts'),
      `import { AftersalesProblem, createClient, type Order } from 'aftersales/client';
const api = createClient({ baseUrl: 'http://127.0.0.1:3000' });
export async function ship(id: string): Promise<string> {
  const order: Order = await api.send(id, 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
  // @ts-expect-error: SHIPPED needs a trackingNumber
  await api.send(id, 'SHIPPED', { carrier: 'SF' });
  // @ts-expect-error: no such event
  await api.send(id, 'TELEPORTED', {});
  try {
    await api.getOrder(id);
  } catch (error) {
    if (error instanceof AftersalesProblem) return error.problem.title;
  }
  return order.money.refundable.toFixed(0) + order.state;
}
`,
    );
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
    const check = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);
});
