/** `npx aftersales <command>`: each command lives in its own file under `commands/`. */
export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

/** Exit codes, the same for every command (`aftersales --help` lists them). */
export const exitCodes = { ok: 0, problemFound: 1, usage: 2 } as const;
