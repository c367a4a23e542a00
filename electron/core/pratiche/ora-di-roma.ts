/**
 * A day and time on Rome's wall clock (as the portal's calendars list their slots and its forms
 * write them) as an instant, whatever the machine's time zone: the offset is Rome's on that day
 * (CET or CEST), read from the platform's time-zone data.
 */
const ROMA = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** How far Rome's wall clock is ahead of UTC at `instant`, in ms. */
function scartoDiRoma(instant: number): number {
  const parts = Object.fromEntries(ROMA.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** "2026-06-11", "09:30" -> "2026-06-11T07:30:00.000Z"; throws on a day or time that does not exist. */
export function istanteDiRoma(giorno: string, ora: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(giorno);
  const t = /^(\d{2}):(\d{2})$/.exec(ora);
  if (!d || !t) throw new RangeError(`giorno o ora non validi: ${giorno} ${ora}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d[3]) || check.getUTCHours() !== Number(t[1]) || check.getUTCMinutes() !== Number(t[2])) {
    throw new RangeError(`giorno o ora non validi: ${giorno} ${ora}`);
  }
  // Twice: the offset at the guess can differ from the offset at the answer across a change of time.
  const first = wall - scartoDiRoma(wall);
  return new Date(wall - scartoDiRoma(first)).toISOString();
}
