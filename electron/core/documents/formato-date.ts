/** Dates as a town hall prints them: Italian order, in Rome's time zone whatever the machine's. */

const GIORNO = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' });
const ORA = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hour12: false });

export function giorno(data: Date): string {
  return GIORNO.format(data);
}

export function giornoEOra(data: Date): string {
  return `${GIORNO.format(data)} ore ${ORA.format(data)}`;
}

/** "1980-01-01" -> "01/01/1980" without going through a time zone. */
export function giornoIso(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
