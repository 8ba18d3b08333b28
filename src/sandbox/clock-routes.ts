import { Hono } from 'hono';
import { z } from 'zod';
import { invalidInput } from '../errors.ts';
import { readJson } from '../http/json-body.ts';

/** The farthest one move may take the clock: two years (a held parcel is reminded every few days, forever). */
export const MAX_ADVANCE_MS = 2 * 366 * 86_400_000;

/** `POST /sandbox/clock`: exactly one of `advanceBy` (ms) and `advanceTo` (an ISO time with its offset). */
export const clockMoveSchema = z
  .object({
    advanceBy: z.number().int().min(0).max(MAX_ADVANCE_MS).optional().meta({ description: 'Milliseconds to move the clock forward' }),
    advanceTo: z.iso.datetime({ offset: true }).optional().meta({ description: 'The time to move the clock to (not before now)' }),
  })
  .strict()
  .refine((b) => (b.advanceBy === undefined) !== (b.advanceTo === undefined), { message: 'give either advanceBy (milliseconds) or advanceTo (an ISO time), not both' });

/** A timer the sandbox fired while its clock moved. */
export interface FiredTimer {
  orderId: string;
  /** The deadline's name in the machine's deadline table, e.g. `expediteAt`. */
  deadline: string | null;
  event: string;
  dueAt: string;
  firedAt: string;
}

export interface ClockRoutesOptions {
  now(): number;
  advanceTo(target: number): Promise<{ from: number; fired: FiredTimer[] }>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `GET /sandbox/clock` reads the run's clock; `POST /sandbox/clock` moves it forward, fires every
 * timer that fell due before answering, and answers what fired (in the order it fired).
 */
export function sandboxClockRoutes({ now, advanceTo }: ClockRoutesOptions) {
  const app = new Hono();
  app.get('/clock', (c) => c.json({ now: iso(now()) }));
  app.post('/clock', async (c) => {
    const move = await readJson(c, clockMoveSchema);
    const from = now();
    const target = move.advanceTo === undefined ? from + move.advanceBy! : Date.parse(move.advanceTo);
    if (target < from) {
      throw invalidInput(`the sandbox clock moves forward only: it is at ${iso(from)}`, { errors: [{ path: 'advanceTo', message: `before the sandbox's now (${iso(from)})` }] });
    }
    if (target - from > MAX_ADVANCE_MS) {
      throw invalidInput(`one move may take the clock at most ${MAX_ADVANCE_MS / 86_400_000} days forward`, { errors: [{ path: 'advanceTo', message: 'too far ahead' }] });
    }
    const moved = await advanceTo(target);
    return c.json({ from: iso(moved.from), now: iso(now()), fired: moved.fired });
  });
  return app;
}
