import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every `import … from '…'` (and `import('…')`) of the TypeScript files under `dir`, as [file, specifier]. */
function importsUnder(dir: string): [string, string][] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m): [string, string] => [join(dir, f), m[1]!]);
  });
}

describe('the seam between host and machines', () => {
  it('machines/ import nothing from src/ (machines are pure definitions)', () => {
    const all = importsUnder('machines');
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter(([, spec]) => spec.includes('/src/'))).toEqual([]);
  });

  it('the engine, the store and the workers import nothing from machines/', () => {
    for (const dir of ['src/engine', 'src/store', 'src/workers']) {
      const all = importsUnder(dir);
      expect(all.length, dir).toBeGreaterThan(0);
      expect(all.filter(([, spec]) => spec.includes('machines/')), dir).toEqual([]);
    }
  });

  it('a frozen version imports nothing outside its own folder but libraries', () => {
    for (const [file, spec] of importsUnder('machines/order/v1')) {
      if (spec.startsWith('.')) expect(spec.startsWith('./'), `${file} imports ${spec}`).toBe(true);
    }
  });
});
