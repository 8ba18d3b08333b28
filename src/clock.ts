/** Where the service reads the time; injected so that tests move time instead of sleeping. */
export interface Clock { now(): number }

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  set(time: number | string): void;
  advance(ms: number): void;
}

export function createManualClock(start: number | string = '2026-03-02T01:00:00Z'): ManualClock {
  let time = typeof start === 'string' ? Date.parse(start) : start;
  return {
    now: () => time,
    set: (t) => {
      time = typeof t === 'string' ? Date.parse(t) : t;
    },
    advance: (ms) => {
      time += ms;
    },
  };
}
