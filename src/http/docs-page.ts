/** A self-contained page that renders /openapi.json: no CDN, nothing fetched but the document. */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aftersales API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 2rem;color:#1d2433}
h1{margin-bottom:0}.op{border:1px solid #d5dae3;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.m{display:inline-block;font-weight:700;width:4.5rem;text-transform:uppercase}.get{color:#0a6}.post{color:#06c}
code,pre{background:#f3f5f8;border-radius:4px;font-size:13px}pre{padding:.5rem;overflow:auto;max-height:24rem}
details summary{cursor:pointer}
</style></head><body>
<h1>aftersales API</h1><p id="desc"></p><p><a href="/openapi.json">openapi.json</a></p><div id="ops">Loading…</div>
<script>
fetch('/openapi.json').then(r => r.json()).then(doc => {
  document.getElementById('desc').textContent = doc.info.description;
  const ops = document.getElementById('ops'); ops.textContent = '';
  const esc = s => String(s).replace(/[&<>]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  for (const [path, methods] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(methods)) {
    const el = document.createElement('div'); el.className = 'op';
    const params = (op.parameters || []).map(p => '<li><code>' + esc(p.name) + '</code> (' + p.in + ')' + (p.description ? ': ' + esc(p.description) : '') + '</li>').join('');
    const body = op.requestBody ? '<details><summary>Request body</summary><pre>' + esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)) + '</pre></details>' : '';
    const res = Object.entries(op.responses).map(([c, r]) => '<li><b>' + c + '</b> ' + esc(r.description) + '</li>').join('');
    el.innerHTML = '<div><span class="m ' + m + '">' + m + '</span><code>' + esc(path) + '</code> ' + esc(op.summary) + '</div>' +
      (op.description ? '<p>' + esc(op.description).replace(/\\n/g, '<br>') + '</p>' : '') + (params ? '<ul>' + params + '</ul>' : '') + body + '<ul>' + res + '</ul>';
    ops.appendChild(el);
  }
});
</script></body></html>`;
