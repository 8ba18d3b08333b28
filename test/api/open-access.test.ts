import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopback, openAccessFor } from '../../src/server/open-access.ts';
import { startServer } from '../support/server-process.ts';

describe('open mode (no API key at all) only on loopback', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.5', 'example.com', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopback(host), host).toBe(false);
  });

  it('is open on loopback, closed elsewhere once keys exist, and refuses an open service elsewhere unless allowed', () => {
    expect(openAccessFor({ host: '127.0.0.1', allowed: false, hasKeys: false })).toBe(true);
    expect(openAccessFor({ host: '0.0.0.0', allowed: false, hasKeys: true })).toBe(false);
    expect(openAccessFor({ host: '0.0.0.0', allowed: true, hasKeys: false })).toBe(true);
    expect(() => openAccessFor({ host: '0.0.0.0', allowed: false, hasKeys: false })).toThrow(/HOST=0\.0\.0\.0 .*no API key.*ALLOW_OPEN_ACCESS=1/);
  });

  it('a service told to listen on every address without a key does not start', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-open-'));
    const server = startServer({ HOST: '0.0.0.0', PORT: '0', DATABASE_FILE: join(dir, 'a.db') });
    expect(await server.exited).toBe(1);
    expect(server.log()).toContain('aftersales failed to start: HOST=0.0.0.0 is reachable from other machines and there is no API key');
  });

  it('warns at start when it listens beyond loopback with no ALLOWED_HOST_NAMES (the Host check is off), and not once they are set', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-hosts-'));
    const env = { HOST: '0.0.0.0', PORT: '0', API_TOKENS: 'tok_0123456789abcdef' };
    const off = startServer({ ...env, DATABASE_FILE: join(dir, 'off.db') });
    const on = startServer({ ...env, DATABASE_FILE: join(dir, 'on.db'), ALLOWED_HOST_NAMES: 'orders.shop.example' });
    try {
      await Promise.all([off.url, on.url]);
      const warned = (s: typeof off) => s.lines().filter((l) => l.level === 'warn' && l.msg.startsWith('Host check off'));
      expect(warned(off)).toEqual([expect.objectContaining({ host: '0.0.0.0', msg: expect.stringContaining('ALLOWED_HOST_NAMES is not set') })]);
      expect(warned(on)).toEqual([]);
    } finally {
      await Promise.all([off.stop(), on.stop()]);
    }
  });
});
