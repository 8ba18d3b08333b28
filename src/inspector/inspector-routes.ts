import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { notFound } from '../errors.ts';

const publicDir = (name: string) => fileURLToPath(new URL(`./public/${name}`, import.meta.url));

const scripts = ['app.js', 'api.js', 'diagram.js', 'dom.js', 'event-form.js', 'forms.js', 'journey.js', 'live.js', 'order-list.js', 'order-panels.js', 'payload.js', 'statechart.js', 'statechart-layout.js', 'timeline.js', 'versions.js', 'viewport.js', 'what-if.js'];

/** Every file the page may load; nothing else is served, and nothing comes from the internet. */
const assets: Record<string, { file: string; type: string }> = {
  'index.html': { file: publicDir('index.html'), type: 'text/html; charset=utf-8' },
  'style.css': { file: publicDir('style.css'), type: 'text/css; charset=utf-8' },
  ...Object.fromEntries(scripts.map((name) => [name, { file: publicDir(name), type: 'text/javascript; charset=utf-8' }])),
  // The layout engine, from the installed package: the same build the CLI runs in Node.
  'vendor/elk.bundled.js': { file: createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js'), type: 'text/javascript; charset=utf-8' },
};

/** The inspector page and its scripts. It is a client of the public API and reads nothing else. */
export function inspectorRoutes() {
  const app = new Hono();
  const cache = new Map<string, string>();
  const serve = async (name: string) => {
    // Own keys only: `__proto__` or `constructor` must be a 404, not a lookup on Object.prototype.
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) throw notFound(`no inspector file ${JSON.stringify(name)}`);
    let body = cache.get(name);
    if (body === undefined) {
      body = await readFile(asset.file, 'utf8');
      cache.set(name, body);
    }
    return new Response(body, { headers: { 'content-type': asset.type, 'cache-control': 'no-cache' } });
  };
  // `/inspector` and `/inspector/` are the same page (its links are absolute).
  app.get('/', () => serve('index.html'));
  // One static route per file (a `:file{.*}` pattern would put the whole API on Hono's slower trie
  // router: the regular-expression router cannot take it).
  for (const name of Object.keys(assets)) app.get(`/${name}`, () => serve(name));
  app.get('/*', (c) => serve(c.req.path.endsWith('/') ? 'index.html' : ''));
  return app;
}
