/**
 * Calendar days ("2026-06-11", as the portal's availabilities list them) grouped in weeks from
 * Monday to Sunday, as an Italian calendar is read: a week view shows seven days, the free ones
 * among them choosable. Plain day arithmetic, no time zone: a listed day is a day of Rome's calendar.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

export interface Settimana {
  /** The Monday it starts on. */
  lunedi: string;
  /** Its seven days, Monday to Sunday. */
  giorni: string[];
}

const toUtc = (iso: string): number | null => {
  const m = ISO_DAY.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};
const toIso = (utc: number): string => new Date(utc).toISOString().slice(0, 10);

/** The weeks holding `giorni`, in order, each once; days that are not ISO days are left out. */
export function settimaneDi(giorni: readonly string[]): Settimana[] {
  const mondays = new Set<number>();
  for (const day of giorni) {
    const utc = toUtc(day);
    if (utc === null) continue;
    // getUTCDay: Sunday 0; a week starts on Monday.
    mondays.add(utc - ((new Date(utc).getUTCDay() + 6) % 7) * DAY_MS);
  }
  return [...mondays].sort((a, b) => a - b).map((monday) => ({ lunedi: toIso(monday), giorni: Array.from({ length: 7 }, (_, i) => toIso(monday + i * DAY_MS)) }));
}
