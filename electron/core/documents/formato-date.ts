/** Dates as a town hall prints them: Italian words and order, in Rome's time zone whatever the machine's. */

const GIORNO = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' });
const GIORNO_ESTESO = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long', year: 'numeric' });
const ORA = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hour12: false });
const MESI = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "02/12/2026": where a form's layout wants the short figure (a signature line). */
export function giorno(data: Date): string {
  return GIORNO.format(data);
}

/** "2 dicembre 2026". */
export function giornoEsteso(data: Date): string {
  return GIORNO_ESTESO.format(data);
}

/** "2 dicembre 2026 alle 10:30". */
export function giornoEOra(data: Date): string {
  return `${GIORNO_ESTESO.format(data)} alle ${ORA.format(data)}`;
}

/** "10:30". */
export function ora(data: Date): string {
  return ORA.format(data);
}

/** "02/12/2026 10:30": a day and time a spreadsheet reads as such (the report's CSV). */
export function giornoEOraBreve(data: Date): string {
  return `${GIORNO.format(data)} ${ORA.format(data)}`;
}

/** "1980-01-01" -> "01/01/1980" without going through a time zone. */
export function giornoIso(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2026-12-02" -> "2 dicembre 2026" without going through a time zone; anything else as it is. */
export function giornoIsoEsteso(iso: string): string {
  const m = ISO.exec(iso);
  const mese = m ? MESI[Number(m[2]) - 1] : undefined;
  return m && mese ? `${Number(m[3])} ${mese} ${m[1]}` : iso;
}
