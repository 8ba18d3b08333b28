/**
 * The V8 sampling profiler of this process, started and stopped on request, so that a profile holds
 * one bench phase and not the preload or the HTTP ceiling. Used by bench/server.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

let session: Session | undefined;

/** Starts sampling every `intervalUs` (V8's default is 1000 µs). */
export async function startProfile(intervalUs = 250) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return { intervalUs };
}

/** Stops sampling and writes the profile into `dir`; answers the file's path. */
export async function stopProfile(dir: string) {
  if (!session) throw new Error('no profile was started');
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  session = undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `events-${process.pid}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}
