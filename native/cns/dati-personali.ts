/**
 * EF_DatiPersonali: 6 ASCII hex digits of total length, then 16 fields each made
 * of 2 ASCII hex digits of length and that many ASCII bytes ("00" = empty).
 *
 * Cards disagree on whether the total counts its own header, so it is checked for
 * form only; fields are read until the data ends or padding (0x00 / 0xFF) starts.
 * Every length byte is checked against what is left.
 */
import { CardError } from '../apdu/errors';

export interface DatiPersonali {
  readonly emettitore: string;
  /** ISO dates (YYYY-MM-DD) or null when the card leaves them empty. */
  readonly dataRilascio: string | null;
  readonly dataScadenza: string | null;
  readonly cognome: string;
  readonly nome: string;
  readonly dataNascita: string | null;
  readonly sesso: 'M' | 'F' | null;
  readonly statura: string;
  readonly codiceFiscale: string;
  readonly cittadinanza: string;
  readonly comuneNascita: string;
  readonly statoNascita: string;
  readonly attoNascita: string;
  readonly comuneResidenza: string;
  readonly indirizzoResidenza: string;
  readonly annotazioniEspatrio: string;
}

/** Nothing in a genuine file comes close; the notes say up to 400 bytes. */
export const MAX_DATI_PERSONALI_SIZE = 1024;
const FIELD_COUNT = 16;
const HEADER_LENGTH = 6;

function invalid(detail: string): CardError {
  return new CardError('carta-dati-non-validi', `I dati personali sulla carta non sono leggibili (${detail}).`);
}

/** Where the padding starts, so reading can stop there. */
export function datiPersonaliUsefulLength(prefix: Uint8Array): number | undefined {
  const end = prefix.findIndex((b) => b === 0x00 || b === 0xff);
  return end === -1 ? undefined : end;
}

function hexNumber(text: string, what: string): number {
  if (!/^[0-9A-Fa-f]+$/.test(text)) throw invalid(`${what} non esadecimale`);
  return Number.parseInt(text, 16);
}

function isoDate(text: string, what: string): string | null {
  if (text === '') return null;
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) throw invalid(`${what} non nel formato ggmmaaaa`);
  const [, dd, mm, yyyy] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) throw invalid(`${what} inesistente`);
  return `${yyyy}-${mm}-${dd}`;
}

export function parseDatiPersonali(bytes: Uint8Array): DatiPersonali {
  if (bytes.length > MAX_DATI_PERSONALI_SIZE) throw invalid('file troppo grande');
  const endOfData = datiPersonaliUsefulLength(bytes) ?? bytes.length;
  const data = bytes.subarray(0, endOfData);
  // Latin-1 letters (0xA0..0xFE) appear in some surnames; control bytes never do.
  for (const b of data) if (b < 0x20 || (b > 0x7e && b < 0xa0)) throw invalid('caratteri non ammessi');
  const text = String.fromCharCode(...data);
  if (text.length < HEADER_LENGTH) throw invalid('intestazione mancante');
  hexNumber(text.slice(0, HEADER_LENGTH), 'lunghezza totale');
  const fields: string[] = [];
  let at = HEADER_LENGTH;
  while (fields.length < FIELD_COUNT && at < text.length) {
    if (at + 2 > text.length) throw invalid(`lunghezza del campo ${fields.length + 1} troncata`);
    const length = hexNumber(text.slice(at, at + 2), `lunghezza del campo ${fields.length + 1}`);
    at += 2;
    if (at + length > text.length) throw invalid(`campo ${fields.length + 1} più lungo dei dati`);
    fields.push(text.slice(at, at + length).trim());
    at += length;
  }
  if (at < text.length) throw invalid('dati in eccesso dopo gli ultimi campi');
  while (fields.length < FIELD_COUNT) fields.push('');
  const f = (i: number): string => fields[i]!;
  const sesso = f(6).toUpperCase();
  if (sesso !== '' && sesso !== 'M' && sesso !== 'F') throw invalid('sesso non valido');
  const codiceFiscale = f(8).toUpperCase();
  if (codiceFiscale !== '' && !/^[A-Z0-9]{16}$|^\d{11}$/.test(codiceFiscale)) throw invalid('codice fiscale non valido');
  return {
    emettitore: f(0),
    dataRilascio: isoDate(f(1), 'data di rilascio'),
    dataScadenza: isoDate(f(2), 'data di scadenza'),
    cognome: f(3),
    nome: f(4),
    dataNascita: isoDate(f(5), 'data di nascita'),
    sesso: sesso === '' ? null : (sesso as 'M' | 'F'),
    statura: f(7),
    codiceFiscale,
    cittadinanza: f(9),
    comuneNascita: f(10),
    statoNascita: f(11),
    attoNascita: f(12),
    comuneResidenza: f(13),
    indirizzoResidenza: f(14),
    annotazioniEspatrio: f(15),
  };
}
