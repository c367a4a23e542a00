/**
 * The name of a comune from what a card stores. A CNS keeps the comune of birth and of
 * residence as its cadastral code (H501), which means nothing on a module or a letter: the
 * portal itself turns codes into names with its own table (MunicipalityConverter::translate),
 * which the app ships as data (comuni-catastali.json, its origin inside). A value that is
 * already a name stays as the card wrote it; a code the table does not know (a comune merged
 * away since) is left out rather than printed.
 */
import tabella from './comuni-catastali.json';

const NOMI: ReadonlyMap<string, string> = new Map(Object.entries(tabella.comuni));
const CODICE_CATASTALE = /^[A-Z]\d{3}$/i;

export function nomeDelComune(valore: string): string | undefined {
  const v = valore.trim();
  if (!v) return undefined;
  return CODICE_CATASTALE.test(v) ? NOMI.get(v.toUpperCase()) : v;
}
