/** A clock a test moves by hand: time passing moves both clocks, setting the wall clock moves only that one. */
export function manualClock(start = '2026-03-10T09:00:00.000Z') {
  let now = new Date(start);
  let monotonic = 0;
  return {
    now: () => new Date(now),
    monotonicMs: () => monotonic,
    advanceMinutes(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
      monotonic += minutes * 60_000;
    },
    /** Someone sets the system clock (back, with a negative number). */
    setWallClockMinutes(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}
