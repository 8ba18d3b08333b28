import { readFileSync } from 'node:fs';
import { exitCodes, type Command } from './command.ts';

const commands: Record<string, () => Promise<Command>> = {
  // name: () => import('./commands/name.ts').then((m) => m.command),
  diagram: () => import('./commands/diagram.ts').then((m) => m.command),
  paths: () => import('./commands/paths.ts').then((m) => m.command),
  fingerprint: () => import('./commands/fingerprint.ts').then((m) => m.command),
  migrate: () => import('./commands/migrate.ts').then((m) => m.command),
  doctor: () => import('./commands/doctor.ts').then((m) => m.command),
  sandbox: () => import('./commands/sandbox.ts').then((m) => m.command),
  replay: () => import('./commands/replay.ts').then((m) => m.command),
  keys: () => import('./commands/keys.ts').then((m) => m.command),
};

async function usage(): Promise<string> {
  const list = await Promise.all(Object.entries(commands).map(async ([n, l]) => `  ${n.padEnd(12)} ${(await l()).summary}`));
  return (
    'usage: aftersales <command> [options]      aftersales <command> --help for its options\n\n' +
    `commands:\n${list.join('\n')}\n\n` +
    'options:\n  -h, --help     this text\n  -v, --version  the version\n\n' +
    'exit codes:\n  0  done\n  1  the command failed, or found what it checks for (doctor: orders it cannot restore;\n' +
    '     migrate: orders that cannot move; fingerprint: a changed version)\n  2  usage: an unknown command or option\n'
  );
}

const version = () => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`aftersales ${version()}\n`);
    return exitCodes.ok;
  }
  const load = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${name === undefined ? 'aftersales: no command given' : `aftersales: unknown command ${JSON.stringify(name)}`}\n\n${await usage()}`);
    return exitCodes.usage;
  }
  try {
    return await (await load()).run(args);
  } catch (error) {
    // parseArgs refuses unknown options and missing values: a usage error, not a failure.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`aftersales ${name}: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}

/** Exits once stdout and stderr have been flushed: `process.exit` at once cuts what a pipe has not taken yet. */
function exitAfterFlush(code: number) {
  process.exitCode = code;
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

// A reader that stops early (`| head`) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
  process.stderr.write(`aftersales: ${error instanceof Error ? error.message : String(error)}\n`);
  exitAfterFlush(exitCodes.problemFound);
});
