/**
 * What the operator types at the desk, checked before anything reaches the issuing system:
 * the identity document seen (an expired one refuses the release), the channel for the
 * second half of the PIN and PUK, and codici fiscali typed by hand. Destinations are
 * masked wherever they are recorded.
 */
import { DomainError } from '../errors';
import type { TipoDocumento } from '../../shared/contract/desk';

/** The types as the desk's screen and the report name them. */
const ETICHETTE_DOCUMENTO: Record<TipoDocumento, string> = {
  'carta-identita': "Carta d'identità",
  'carta-identita-elettronica': "Carta d'identità elettronica",
  passaporto: 'Passaporto',
  patente: 'Patente di guida',
  'permesso-soggiorno': 'Permesso di soggiorno',
};

/** The name of a recorded type; a code this version does not know is shown as it was recorded. */
export function etichettaDocumento(tipo: string): string {
  return (ETICHETTE_DOCUMENTO as Record<string, string>)[tipo] ?? tipo;
}

export interface Documento {
  tipo: TipoDocumento;
  numero: string;
  rilasciatoDa: string;
  /** ISO date, YYYY-MM-DD. */
  scadenza: string;
}

export type Canale = { tipo: 'email'; destinazione: string } | { tipo: 'sms'; destinazione: string };

/** The local calendar day of `now`, YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A document's number as recorded: upper case, 5 to 20 letters or digits. */
export function checkNumeroDocumento(numero: string): string {
  const n = numero.trim().toUpperCase();
  if (!/^[A-Z0-9]{5,20}$/.test(n)) {
    throw new DomainError('documento-numero-non-valido', 'Il numero del documento deve avere da 5 a 20 lettere o cifre.');
  }
  return n;
}

export function checkDocumento(documento: Documento, now: Date): Documento {
  const numero = checkNumeroDocumento(documento.numero);
  const scadenza = new Date(`${documento.scadenza}T00:00:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(documento.scadenza) || Number.isNaN(scadenza.getTime())) {
    throw new DomainError('documento-scadenza-non-valida', 'La data di scadenza del documento non è valida.');
  }
  // A document is valid through its expiry day.
  if (documento.scadenza < localDay(now)) {
    throw new DomainError('documento-scaduto', 'Il documento di identità è scaduto: il PIN non può essere rilasciato. Chiedi un documento valido.');
  }
  const rilasciatoDa = documento.rilasciatoDa.trim();
  if (rilasciatoDa.length < 2) throw new DomainError('documento-ente-mancante', "Indica chi ha rilasciato il documento.");
  return { ...documento, numero, rilasciatoDa };
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Email as typed (trimmed, domain lower-cased); Italian mobile numbers as +39 and 9-10 digits starting with 3. */
export function checkCanale(canale: Canale): Canale {
  if (canale.tipo === 'email') {
    const value = canale.destinazione.trim();
    const at = value.lastIndexOf('@');
    if (value.length > 254 || !EMAIL.test(value)) {
      throw new DomainError('email-non-valida', "L'indirizzo email non è valido: controllalo con il cittadino.");
    }
    return { tipo: 'email', destinazione: `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}` };
  }
  const digits = canale.destinazione.replace(/[\s.\-/()]/g, '').replace(/^(\+39|0039)/, '');
  if (!/^3\d{8,9}$/.test(digits)) {
    throw new DomainError('cellulare-non-valido', 'Il numero di cellulare non è valido: serve un cellulare italiano (es. 347 1234567).');
  }
  return { tipo: 'sms', destinazione: `+39${digits}` };
}

/** "m***@comune.it", "+39*******567": enough to recognise, not enough to reuse. */
export function maskDestinazione(canale: Canale): string {
  if (canale.tipo === 'email') {
    const at = canale.destinazione.lastIndexOf('@');
    return `${canale.destinazione.slice(0, 1)}***${canale.destinazione.slice(at)}`;
  }
  return `+39${'*'.repeat(canale.destinazione.length - 6)}${canale.destinazione.slice(-3)}`;
}

export function maskNumeroDocumento(numero: string): string {
  return `${'*'.repeat(Math.max(0, numero.length - 3))}${numero.slice(-3)}`;
}

const ODD: Record<string, number> = Object.fromEntries(
  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23].map((v, i) => [String.fromCharCode(65 + i), v]),
);
const ODD_DIGIT = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];

/** The check character (16th) of a codice fiscale, from the first 15 (DM 23/12/1976). */
export function carattereDiControllo(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i]!;
    const digit = c >= '0' && c <= '9';
    // Positions are counted from 1: index 0 is an odd position.
    if (i % 2 === 0) sum += digit ? ODD_DIGIT[Number(c)]! : ODD[c]!;
    else sum += digit ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** A codice fiscale typed at the desk: shape (omocodia letters allowed) and check character. */
export function checkCodiceFiscale(value: string): string {
  const cf = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(cf)) {
    throw new DomainError('codice-fiscale-non-valido', 'Il codice fiscale non ha la forma corretta (16 caratteri).');
  }
  if (carattereDiControllo(cf.slice(0, 15)) !== cf[15]) {
    throw new DomainError('codice-fiscale-non-valido', 'Il codice fiscale non è corretto: il carattere di controllo non corrisponde. Ricontrollalo.');
  }
  return cf;
}
