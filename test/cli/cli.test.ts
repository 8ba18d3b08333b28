import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/aftersales.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const shell = (script: string) => spawnSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('npx aftersales', () => {
  it('writes its whole output through a pipe (more than a pipe buffer holds), and stops quietly when the reader does', () => {
    const file = join(dir, 'paths.json');
    expect(cli('paths', '--out', file).code).toBe(0);
    const piped = shell(`node bin/aftersales.js paths | cat > ${join(dir, 'piped.json')}`);
    expect(piped.status).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written.length).toBeGreaterThan(1024 * 1024);
    expect(readFileSync(join(dir, 'piped.json'), 'utf8')).toBe(written);
    const head = shell('node bin/aftersales.js paths | head -c 100 > /dev/null');
    expect(head.status).toBe(0);
    expect(head.stderr).toBe('');
  }, 60_000);

  it('prints its usage, commands and exit codes on stdout for --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = cli(flag);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(/^usage: aftersales <command>/);
      expect(r.out).toContain('  paths ');
      expect(r.out).toMatch(/exit codes:\n {2}0 {2}done\n {2}1 {2}the command failed/);
    }
  });

  it('prints its version for --version and -v', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(cli('--version')).toEqual({ code: 0, out: `aftersales ${version}\n`, err: '' });
    expect(cli('-v').out).toBe(`aftersales ${version}\n`);
  });

  it('names an unknown command or option, with the usage on stderr, exit 2', () => {
    const unknown = cli('deploy');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(/^aftersales: unknown command "deploy"\n\nusage:/);
    const none = cli();
    expect(none).toMatchObject({ code: 2, out: '' });
    expect(none.err).toMatch(/^aftersales: no command given/);
    const option = cli('paths', '--bogus');
    expect(option).toMatchObject({ code: 2, out: '' });
    expect(option.err).toContain("aftersales paths: Unknown option '--bogus'");
  });
});
