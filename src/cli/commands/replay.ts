import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { orderMachine } from '../../../machines/order/index.ts';
import { junitReport } from '../../conformance/junit.ts';
import { parsePaths, readPaths } from '../../conformance/load-paths.ts';
import type { PathResult } from '../../conformance/replay-path.ts';
import { httpCaller, replayPaths } from '../../conformance/replayer.ts';
import type { Command } from '../command.ts';

const usage = `usage: aftersales replay --base <url> [--key <api key>] [--paths file] [--filter text]... [--junit report.xml] [--concurrency n]

Replays the generated paths against a sandbox (\`npx aftersales sandbox\`): for each path a sandbox run of
its own under the path's deadline policy, the order created, each event sent and the clock moved for each
timer step, the order view compared with the expectation after creation and after every step (deadlines
and their due times included). Prints each path as it passes or fails, with what differed.

  --base         the sandbox, e.g. http://127.0.0.1:3000 (or your own gateway in front of one)
  --key          sent as Authorization: Bearer <key>
  --paths        a paths file (JSON or JSON Lines, from \`npx aftersales paths\`); default: the sandbox's own
                 (GET <base>/machines/order/paths)
  --filter       replay only these paths: an id (transition/domestic/7), the start of ids
                 (transition/domestic), or a part of them (switch-first, shortest); may be repeated
  --junit        write a JUnit XML report (one test case per path) for CI
  --concurrency  paths replayed at once (default 4)
Exit code: 0 when every path passed, 1 when one failed, 2 on a usage error.
`;

const line = (r: PathResult) => {
  const what = `${r.id} (${r.steps} step${r.steps === 1 ? '' : 's'}${r.timerSteps ? `, ${r.timerSteps} timer` : ''}, ${Math.round(r.durationMs)} ms)`;
  if (r.passed) return `pass  ${what}\n`;
  const { step, title, details } = r.failure!;
  return `FAIL  ${what}\n      at ${step === 0 ? 'the creation' : `step ${step}`}: ${title}\n${details.map((d) => `        ${d}\n`).join('')}`;
};

/** `npx aftersales replay`: the conformance kit's replayer. */
export const command: Command = {
  summary: 'replay the generated paths against a sandbox and report each path (JUnit XML with --junit)',
  async run(args) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          base: { type: 'string' },
          key: { type: 'string' },
          paths: { type: 'string' },
          filter: { type: 'string', multiple: true },
          junit: { type: 'string' },
          concurrency: { type: 'string', default: '4' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
    } catch (error) {
      process.stderr.write(`aftersales replay: ${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const concurrency = Number(values.concurrency);
    if (!values.base || !/^https?:\/\//.test(values.base) || !Number.isInteger(concurrency) || concurrency < 1) {
      process.stderr.write(`aftersales replay: ${values.base ? '--concurrency is a whole number from 1' : '--base <http(s) url> is required'}\n\n${usage}`);
      return 2;
    }
    const machine = orderMachine();
    const call = httpCaller({ base: values.base, ...(values.key ? { key: values.key } : {}) });
    let document;
    if (values.paths) {
      document = await readPaths(machine, values.paths);
    } else {
      const served = await call('GET', `/machines/${machine.id}/paths`);
      if (served.status !== 200) throw new Error(`GET ${values.base}/machines/${machine.id}/paths answered ${served.status}`);
      document = parsePaths(machine, served.body);
    }
    const version = machine.versions.find((v) => v.version === document.machine.version)!;
    const started = performance.now();
    const results = await replayPaths({
      call,
      document,
      observe: (view) => version.model!.expect(view),
      filters: values.filter ?? [],
      concurrency,
      onResult: (r) => process.stdout.write(line(r)),
    });
    const durationMs = performance.now() - started;
    if (results.length === 0) {
      process.stderr.write(`aftersales replay: no path matches ${values.filter?.join(', ')}\n`);
      return 2;
    }
    const failed = results.filter((r) => !r.passed);
    const steps = results.reduce((n, r) => n + r.steps, 0);
    const timers = results.reduce((n, r) => n + r.timerSteps, 0);
    process.stdout.write(
      `\n${machine.id}@${document.machine.version}: ${results.length} path(s), ${steps} steps (${timers} timer steps) in ${(durationMs / 1000).toFixed(1)} s: ` +
        `${results.length - failed.length} passed, ${failed.length} failed${failed.length ? `: ${failed.map((r) => r.id).join(', ')}` : ''}\n`,
    );
    if (values.junit) await writeFile(values.junit, junitReport(`${machine.id}@${document.machine.version} paths`, results, durationMs));
    return failed.length === 0 ? 0 : 1;
  },
};
