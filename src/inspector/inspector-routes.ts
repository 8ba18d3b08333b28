import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { notFound } from '../errors.ts';

const publicDir = (name: string) => fileURLToPath(new URL(`./public/${name}`, import.meta.url));

/** Every file the page may load; nothing else is served, and nothing comes from the internet. */
const assets: Record<string, { file: string; type: string }> = {
  'index.html': { file: publicDir('index.html'), type: 'text/html; charset=utf-8' },
  'app.js': { file: publicDir('app.js'), type: 'text/javascript; charset=utf-8' },
  'forms.js': { file: publicDir('forms.js'), type: 'text/javascript; charset=utf-8' },
  'live.js': { file: publicDir('live.js'), type: 'text/javascript; charset=utf-8' },
  'statechart.js': { file: publicDir('statechart.js'), type: 'text/javascript; charset=utf-8' },
  'style.css': { file: publicDir('style.css'), type: 'text/css; charset=utf-8' },
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
  app.get('/', () => serve('index.html'));
  app.get('/:file{.+}', (c) => serve(c.req.param('file')));
  return app;
}
