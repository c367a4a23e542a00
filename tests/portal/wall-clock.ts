/**
 * The portal's PHP runs in the comune's time zone (Europe/Rome): `new DateTime()` and every
 * `format('Y-m-d')` / `format('H:i')` of MeetingService are wall-clock times there. Here a wall-clock
 * time is a Date whose UTC fields read as the Rome wall clock ("naive"), so day and minute arithmetic
 * is plain arithmetic, as PHP's DateTime::add is on a local time.
 */
const PORTAL_TIME_ZONE = 'Europe/Rome';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: PORTAL_TIME_ZONE, timeZoneName: 'longOffset' });

/** The Rome wall clock at `instant`, as a naive Date. */
export function wallClock(instant: Date): Date {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
}

export const ymd = (naive: Date): string => naive.toISOString().slice(0, 10);
export const hm = (naive: Date): string => naive.toISOString().slice(11, 16);
/** `Y-m-d` at midnight, or `Y-m-d` with `H:i`, as a naive Date. */
export const naiveAt = (day: string, time = '00:00'): Date => new Date(`${day}T${time}:00.000Z`);
export const addMinutes = (naive: Date, minutes: number): Date => new Date(naive.getTime() + minutes * 60_000);
export const addDays = (naive: Date, days: number): Date => addMinutes(naive, days * 24 * 60);
/** PHP's `format('N')`: 1 (Monday) to 7 (Sunday). */
export const isoWeekday = (naive: Date): number => ((naive.getUTCDay() + 6) % 7) + 1;

/** The instant whose Rome wall clock is `naive` (PHP's `new DateTime('Y-m-d H:i', Europe/Rome)`). */
export function instantOf(naive: Date): Date {
  let guess = naive.getTime();
  // Two rounds settle the offset, DST changes included.
  for (let i = 0; i < 2; i++) guess = naive.getTime() - (wallClock(new Date(guess)).getTime() - guess);
  return new Date(guess);
}

/** JMS Serializer's DateTime (`DateTime::ATOM`, `Y-m-d\TH:i:sP`) in the portal's time zone. */
export function atom(instant: Date): string {
  const offset = offsetName.formatToParts(instant).find((x) => x.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
  return `${wallClock(instant).toISOString().slice(0, 19)}${offset}`;
}
