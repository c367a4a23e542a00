import i18next from 'i18next';

export const locale = () => (i18next.language === 'en' ? 'en-GB' : 'it-IT');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date of the core (ISO) as a person reads it, in the current language. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return withTime
    ? date.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' })
    : date.toLocaleDateString(locale(), { dateStyle: 'medium' });
}

/** A calendar day read with `options` in the current language, on the day's own calendar whatever the machine zone. */
function dayAs(iso: string, options: Intl.DateTimeFormatOptions): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toLocaleDateString(locale(), { ...options, timeZone: 'UTC' });
}

/** A calendar day "2026-12-02" in words: "2 dicembre 2026" (in English "2 December 2026"). */
export const formatDay = (iso: string): string => dayAs(iso, { day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar day as a week view heads it: "gio 11" (in English "Thu 11"). */
export const formatWeekday = (iso: string): string => dayAs(iso, { weekday: 'short', day: 'numeric' });

/** The month of a calendar day as a month view heads it: "giugno 2026" (in English "June 2026"). */
export const formatMonth = (iso: string): string => dayAs(iso, { month: 'long', year: 'numeric' });

/** The name of a day's weekday, short as a calendar's column heads it ("lun") or long as it is read out ("lunedì"). */
export const formatWeekdayName = (iso: string, width: 'short' | 'long'): string => dayAs(iso, { weekday: width });

/** A calendar day as typed at a desk, "gg/mm/aaaa", from its ISO form; "" for none. */
export function dayToTyped(iso: string): string {
  const m = ISO_DAY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** "2/12/2026", "02/12/2026", "02.12.2026" or "02-12-2026" -> "2026-12-02"; null if it is no real day. */
export function typedToDay(typed: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(typed);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
