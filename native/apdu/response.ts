/**
 * Response APDU parsing: data followed by the two status bytes.
 *
 * An empty response is what PC/SC hands back when the card went away mid-command
 * (vpcd reports a dead card socket this way), so it is treated as a removal; one
 * lone byte is a broken answer. Neither is ever read as data.
 */
import { CardError, cardRemoved } from './errors';

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

export function parseResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length === 0) throw cardRemoved();
  if (raw.length < 2) throw new CardError('carta-risposta-non-valida', 'La carta ha risposto in modo non valido: reinseriscila e riprova.');
  const sw = (raw[raw.length - 2]! << 8) | raw[raw.length - 1]!;
  return { data: raw.subarray(0, raw.length - 2), sw };
}

export const SW_OK = 0x9000;
/** End of file reached before Le bytes were read: normal at the end of a padded file. */
export const SW_END_OF_FILE = 0x6282;
export const SW_FILE_NOT_FOUND = 0x6a82;
export const SW_SECURITY_NOT_SATISFIED = 0x6982;
export const SW_AUTH_METHOD_BLOCKED = 0x6983;
export const SW_WRONG_OFFSET = 0x6b00;

/** 63Cx: x tries left on the reference just verified; undefined for any other SW. */
export function triesLeftOf(sw: number): number | undefined {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined;
}

const MEANINGS: Record<number, string> = {
  0x9000: 'ok',
  0x6282: 'fine del file raggiunta prima di Le byte',
  0x6700: 'lunghezza errata',
  0x6881: 'canale logico non supportato',
  0x6882: 'messaggi sicuri non supportati',
  0x6981: 'comando incompatibile con la struttura del file',
  0x6982: 'condizioni di sicurezza non soddisfatte',
  0x6983: 'metodo di autenticazione bloccato',
  0x6984: 'dati di riferimento non utilizzabili',
  0x6985: 'condizioni di uso non soddisfatte',
  0x6986: 'comando non permesso (nessun file selezionato)',
  0x6a80: 'parametri errati nei dati',
  0x6a81: 'funzione non supportata',
  0x6a82: 'file non trovato',
  0x6a86: 'P1-P2 non corretti',
  0x6a88: 'dati di riferimento non trovati',
  0x6b00: 'offset fuori dal file',
  0x6d00: 'istruzione non supportata',
  0x6e00: 'classe non supportata',
  0x6f00: 'errore della carta senza diagnosi',
};

/** A short Italian description of a status word, for diagnostics (CLI, logs). */
export function describeStatus(sw: number): string {
  const tries = triesLeftOf(sw);
  if (tries !== undefined) return `verifica fallita: ${tries} tentativi rimasti`;
  if ((sw & 0xff00) === 0x6100) return `${sw & 0xff} byte di risposta disponibili`;
  if ((sw & 0xff00) === 0x6c00) return `Le errato: la carta indica ${sw & 0xff}`;
  return MEANINGS[sw] ?? `stato sconosciuto ${sw.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
