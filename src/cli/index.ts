/** `npx aftersales <command>`: each command lives in its own file under `commands/`. */
export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  // name: () => import('./commands/name.ts').then((m) => m.command),
  diagram: () => import('./commands/diagram.ts').then((m) => m.command),
  paths: () => import('./commands/paths.ts').then((m) => m.command),
  fingerprint: () => import('./commands/fingerprint.ts').then((m) => m.command),
  migrate: () => import('./commands/migrate.ts').then((m) => m.command),
  doctor: () => import('./commands/doctor.ts').then((m) => m.command),
  sandbox: () => import('./commands/sandbox.ts').then((m) => m.command),
  replay: () => import('./commands/replay.ts').then((m) => m.command),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    const list = await Promise.all(Object.entries(commands).map(async ([n, l]) => `  ${n.padEnd(10)} ${(await l()).summary}`));
    process.stderr.write(`usage: aftersales <command> [options]\n\ncommands:\n${list.join('\n') || '  (none yet)'}\n`);
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  return (await load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`aftersales: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
