import { expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

it('refuses evidence links that are not http(s) with 422 naming each, before the machine sees the event', async () => {
  const t = await testApp();
  await t.create({ id: 'U-1' });
  for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://files.example/p.jpg']) {
    const res = await t.send('U-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://cdn.example/ok.jpg' }, { kind: 'photo', url }] });
    expect(res.status, url).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/invalid-input', errors: [{ path: 'payload.media.1.url', message: 'only http and https URLs are accepted' }] });
  }
  // http(s) links pass the check: the machine then answers for its state (this order takes no evidence yet).
  const fine = await t.send('U-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'HTTPS://cdn.example/a.jpg' }, { kind: 'video', url: 'http://cdn.example/b.mp4' }] });
  expect(fine.status).toBe(409);
  expect((await t.get('U-1')).body.version).toBe(1);
});
