/**
 * A calendar date as Form.io's date-time fields store it: ISO 8601 with the offset of a time
 * zone (`1980-01-01T00:00:00+01:00`, moment's `YYYY-MM-DDTHH:mm:ssZ`), at the start of that day
 * in the zone the field shows dates in, so the field shows the same day back.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes east of UTC of `timeZone` at the instant `utcMs`, or null for a zone the runtime does not know. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(utcMs));
  } catch {
    return null;
  }
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - utcMs) / 60_000);
}

function offsetAtMidnight(date: CalendarDate, timeZone: string | null): number {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day);
  if (timeZone !== null) {
    const first = zoneOffsetMinutes(wallMs, timeZone);
    if (first !== null) return zoneOffsetMinutes(wallMs - first * 60_000, timeZone) ?? first;
  }
  return -new Date(date.year, date.month - 1, date.day).getTimezoneOffset();
}

/** `timeZone` null: the zone this machine runs in, which is the kiosk's, as for Form.io's "viewer" fields. */
export function midnightIso(date: CalendarDate, timeZone: string | null): string {
  const offset = offsetAtMidnight(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
