/**
 * A V8 .cpuprofile summarised as markdown: the share of samples by area (this service's folders,
 * each dependency, V8's own categories), then the top functions by self time with their callers'
 * area, so a profile can be read, kept and compared in review without a flame-graph viewer.
 *
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 40] [--per-event N]
 *
 * `--per-event N` (N events handled while sampling) adds µs per event, from the sampled time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Frame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: Frame; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, 'per-event': { type: 'string' } } });
const file = positionals[0];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top N] [--per-event N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const perEvent = values['per-event'] ? Number(values['per-event']) : undefined;

/** Where a frame's code lives: `src/engine`, `machines`, a package (`xstate`, `hono`, `zod`), `node:` internals, or V8's own. */
function areaOf({ url, functionName }: Frame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const own = /\/(src\/[^/]+|machines|bench)\//.exec(url);
  if (own) return own[1]!;
  return /\/src\/[^/]+$/.test(url) ? 'src' : url;
}
const where = ({ url, lineNumber }: Frame) => (url ? `${url.replace(/^.*\/(node_modules|src|machines|bench)\//, '$1/').replace(/^file:\/\//, '')}:${lineNumber + 1}` : '');

// Self time per node: each sample's delta goes to the node it landed in.
const selfUs = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The nearest caller outside the frame's own area (who in the service asked for this work). */
function callerArea(id: number) {
  const own = areaOf(nodes.get(id)!.callFrame);
  for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
    const area = areaOf(nodes.get(p)!.callFrame);
    if (area !== own && !area.startsWith('(') && !area.startsWith('node:')) return area;
  }
  return '';
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, { us: number; area: string; callers: Map<string, number> }>();
for (const [id, us] of selfUs) {
  const frame = nodes.get(id)!.callFrame;
  const area = areaOf(frame);
  byArea.set(area, (byArea.get(area) ?? 0) + us);
  const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
  const entry = byFunction.get(key) ?? { us: 0, area, callers: new Map() };
  entry.us += us;
  const caller = callerArea(id);
  entry.callers.set(caller, (entry.callers.get(caller) ?? 0) + us);
  byFunction.set(key, entry);
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
const usPer = (us: number) => (perEvent ? ` | ${(us / perEvent).toFixed(1)}` : '');
const perHead = perEvent ? ' | µs/event' : '';
const perRule = perEvent ? ' | ---:' : '';
const lines = [
  `Profile ${file.split('/').at(-1)}: ${(total / 1e6).toFixed(2)} s sampled over ${((profile.endTime - profile.startTime) / 1e6).toFixed(2)} s, ${profile.samples.length} samples${perEvent ? `, ${perEvent} events` : ''}.`,
  '',
  `| area | self${perHead} |`,
  `| --- | ---:${perRule} |`,
  ...[...byArea].sort((a, b) => b[1] - a[1]).filter(([, us]) => us / total >= 0.002).map(([area, us]) => `| ${area} | ${pct(us)}${usPer(us)} |`),
  '',
  `| function | area | self${perHead} | called from |`,
  `| --- | --- | ---:${perRule} | --- |`,
  ...[...byFunction]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, Number(values.top))
    .map(([name, { us, area, callers }]) => {
      const from = [...callers].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([c, u]) => `${c || '—'} ${Math.round((100 * u) / us)}%`).join(', ');
      return `| \`${name.replace(/\|/g, '\\|')}\` | ${area} | ${pct(us)}${usPer(us)} | ${from} |`;
    }),
];
process.stdout.write(`${lines.join('\n')}\n`);
