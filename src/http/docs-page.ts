import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { notFound } from '../errors.ts';
import { inlineHash } from './limits/page-headers.ts';
import { noQuery } from './no-query.ts';

const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The renderer's files the page loads, from the installed swagger-ui-dist; nothing else is served. */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/**
 * Swagger UI on /openapi.json: try-it with the API token (Authorize), no validator badge, nothing
 * fetched from the internet. The document's `servers` is `/`, so calls go to this service.
 */
const setup = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  defaultModelsExpandDepth: 0,
  validatorUrl: null,
});`;

/** The page's one inline script, allowed by its hash in the Content-Security-Policy. */
export const docsScriptHash = inlineHash(setup);

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aftersales API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"><link rel="icon" href="/docs/assets/favicon-32x32.png">
<style>body{margin:0}.swagger-ui .topbar{display:none}</style>
</head><body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>${setup}</script>
</body></html>`;

/** `/docs`: the API reference, rendered by Swagger UI from the installed package. */
export function docsRoutes() {
  const app = new Hono();
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  app.get('/', noQuery, (c) => c.html(page));
  app.get('/assets/:file', async (c) => {
    const name = c.req.param('file');
    const type = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!type) throw notFound(`no docs file ${JSON.stringify(name)}`);
    let body = cache.get(name);
    if (!body) cache.set(name, (body = new Uint8Array(await readFile(join(swaggerUi, name)))));
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
  return app;
}
