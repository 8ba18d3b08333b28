import { describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

describe('the inspector page and its files', () => {
  it('is served at /inspector and /inspector/ (with or without a query)', async () => {
    const t = await testApp();
    const page = await t.call('GET', '/inspector');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const path of ['/inspector/', '/inspector/?order=A-1001', '/inspector/index.html']) {
      const res = await t.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).toBe(page.text);
    }
    const missing = await t.call('GET', '/inspector/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves every script the page imports, and names nothing outside the service', async () => {
    const t = await testApp();
    const html = (await t.call('GET', '/inspector/')).text;
    const wanted = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(wanted.filter((u) => !u.startsWith('/') && !u.startsWith('#') && u !== 'data:,')).toEqual([]);
    const seen = new Set<string>();
    const queue = wanted.filter((u) => u.startsWith('/inspector/'));
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await t.call('GET', path);
      expect(res.status, path).toBe(200);
      if (!path.endsWith('.js') || path.includes('/vendor/')) continue;
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.text, `${path} names no address outside the service`).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      for (const m of res.text.matchAll(/from '\.\/([\w-]+\.js)'/g)) queue.push(`/inspector/${m[1]}`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(15);
    const elk = await t.call('GET', '/inspector/vendor/elk.bundled.js');
    expect(elk.headers.get('content-type')).toContain('javascript');
    expect(elk.text.length).toBeGreaterThan(100_000);
    expect((await t.call('GET', '/inspector/../package.json')).status).toBe(404);
    expect((await t.call('GET', '/inspector/secrets.js')).status).toBe(404);
  });
});
