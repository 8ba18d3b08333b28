import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link of the README and the guides resolves: the file (or folder) exists, and a
 * `#fragment` names a heading of the Markdown file it points to, as GitHub renders anchors. Links
 * to other sites are not fetched.
 */

/** The Markdown files a reader of the repository follows links through. */
const files = ['README.md', 'BENCHMARKS.md', 'packages/client/README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown without its fenced code blocks and inline code, where brackets are not links. */
const prose = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');

/** The targets of `[text](target)` and `![alt](target)` links, with their line. */
function linksOf(text: string): { target: string; line: number }[] {
  const lines = prose(text).split('\n');
  return lines.flatMap((l, i) => [...l.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({ target: m[1]!, line: i + 1 })));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2, … */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const headings = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').match(/^#{1,6} .*$/gm) ?? [];
  for (const h of headings) {
    const text = h.replace(/^#+ /, '').replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** What is wrong with each relative link of `file` (empty when all resolve). */
function brokenLinks(file: string, text = readFileSync(file, 'utf8')): string[] {
  const broken: string[] = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
    const [path = '', fragment] = target.split('#');
    const resolved = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)));
    const where = `${file}:${line} → ${target}`;
    if (!existsSync(resolved)) {
      broken.push(`${where}: no such file`);
      continue;
    }
    if (fragment === undefined || statSync(resolved).isDirectory() || !resolved.endsWith('.md')) continue;
    const headings = path === '' ? text : readFileSync(resolved, 'utf8');
    if (!anchorsOf(headings).has(fragment)) broken.push(`${where}: no heading #${fragment} in ${resolved}`);
  }
  return broken;
}

describe('links in the README and the guides', () => {
  it.each(files)('every relative link of %s resolves', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('finds the links it must refuse (so the check above can fail)', () => {
    const text = [
      '# A guide',
      '## HTTP conventions: `Idempotency-Key`',
      'See [api](api.md#http-conventions), [gone](docs/gone.md), [no heading](docs/api.md#nowhere),',
      '[here](#http-conventions-idempotency-key), [there](#missing), [site](https://example.org/x.md).',
      '```sh',
      'echo "[not a link](nowhere.md)"',
      '```',
    ].join('\n');
    expect(brokenLinks('README.md', text)).toEqual([
      'README.md:3 → api.md#http-conventions: no such file',
      'README.md:3 → docs/gone.md: no such file',
      'README.md:3 → docs/api.md#nowhere: no heading #nowhere in docs/api.md',
      'README.md:4 → #missing: no heading #missing in README.md',
    ]);
  });

  it('names anchors as GitHub does', () => {
    expect([...anchorsOf('# The HTTP API\n## Walkthrough: a wrong item delivered\n### PostgreSQL: several instances (13+)\n## Tests\n## Tests')]).toEqual([
      'the-http-api', 'walkthrough-a-wrong-item-delivered', 'postgresql-several-instances-13', 'tests', 'tests-1',
    ]);
  });
});
