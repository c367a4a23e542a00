/** Time as core sees it: tests and benchmarks pass their own. */
export interface Clock {
  now(): Date;
  /**
   * Milliseconds on a clock that only goes forward (not the wall clock, which a person or
   * NTP can set back): for "how long since", such as a desk session's idle timeout.
   * Clocks without one fall back to the wall clock.
   */
  monotonicMs?(): number;
}

export const systemClock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() };

export const elapsedClock = (clock: Clock): (() => number) => () => clock.monotonicMs?.() ?? clock.now().getTime();
