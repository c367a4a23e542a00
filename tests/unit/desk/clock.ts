/** A clock a test moves by hand. */
export function manualClock(start = '2026-03-10T09:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advanceMinutes(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}
