/**
 * Calendar days ("2026-06-11", as the portal's availabilities list them) laid out as the months of a
 * wall calendar: rows of weeks from Monday to Sunday, the cells before the 1st and after the last day
 * empty. Every month from the first listed day's to the last one's is there, even one with no listed
 * day, so stepping month by month never jumps. Plain day arithmetic, no time zone, as in settimane.ts.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Mese {
  /** "2026-06". */
  mese: string;
  /** Its weeks, Monday to Sunday; null where the cell belongs to another month. */
  settimane: (string | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

function meseDi(anno: number, mese: number): Mese {
  const giorniNelMese = new Date(Date.UTC(anno, mese, 0)).getUTCDate();
  // getUTCDay: Sunday 0; a week starts on Monday.
  const vuotiPrima = (new Date(Date.UTC(anno, mese - 1, 1)).getUTCDay() + 6) % 7;
  const celle: (string | null)[] = Array.from({ length: vuotiPrima }, () => null);
  for (let g = 1; g <= giorniNelMese; g++) celle.push(`${anno}-${pad(mese)}-${pad(g)}`);
  while (celle.length % 7 !== 0) celle.push(null);
  const settimane = Array.from({ length: celle.length / 7 }, (_, i) => celle.slice(i * 7, i * 7 + 7));
  return { mese: `${anno}-${pad(mese)}`, settimane };
}

/** The months from the first of `giorni` to the last, in order; days that are not ISO days are left out. */
export function mesiDi(giorni: readonly string[]): Mese[] {
  const indici = giorni.flatMap((d) => {
    const m = ISO_DAY.exec(d);
    return m ? [Number(m[1]) * 12 + Number(m[2]) - 1] : [];
  });
  if (indici.length === 0) return [];
  const primo = Math.min(...indici);
  const ultimo = Math.max(...indici);
  return Array.from({ length: ultimo - primo + 1 }, (_, i) => meseDi(Math.floor((primo + i) / 12), ((primo + i) % 12) + 1));
}

const DAY_MS = 24 * 3600 * 1000;
const SPOSTAMENTI: Record<string, (weekday: number) => number> = {
  ArrowLeft: () => -1,
  ArrowRight: () => 1,
  ArrowUp: () => -7,
  ArrowDown: () => 7,
  // getUTCDay: Sunday 0; Home and End go to the week's Monday and Sunday.
  Home: (weekday) => -((weekday + 6) % 7),
  End: (weekday) => 6 - ((weekday + 6) % 7),
};

/** The day a key moves a calendar grid's focus to from `giorno` (arrows by day and week, Home/End to the week's ends); null for other keys. */
export function giornoDopoTasto(giorno: string, tasto: string): string | null {
  const m = ISO_DAY.exec(giorno);
  const passo = SPOSTAMENTI[tasto];
  if (!m || !passo) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utc + passo(new Date(utc).getUTCDay()) * DAY_MS).toISOString().slice(0, 10);
}
