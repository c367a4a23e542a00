/**
 * Where the citizen lives, as the module states it: the address typed in the form's
 * applicant block comes first, because it is what the citizen reviewed and confirms
 * with the signature; the card's residence only when the form has none, its comune named
 * (the card holds a cadastral code: anagrafe/comuni).
 */
import type { Residenza } from '../documents/modulo-input';

type Dati = Record<string, unknown>;

const oggetto = (v: unknown): Dati => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Dati) : {});
/** A Form.io nested form keeps its fields under `.data`; a container keeps them directly. */
const campiDi = (v: unknown): Dati => ('data' in oggetto(v) ? oggetto(oggetto(v).data) : oggetto(v));
const testo = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The residence typed in the applicant block (portal keys: applicant.address.{address, house_number, municipality, county, postal_code}). */
export function residenzaDigitata(dati: Dati): Residenza | null {
  const indirizzo = campiDi(campiDi(dati.applicant).address);
  const via = testo(indirizzo.address);
  if (!via) return null;
  const civico = testo(indirizzo.house_number);
  const comune = testo(indirizzo.municipality);
  const cap = testo(indirizzo.postal_code);
  const provincia = testo(indirizzo.county);
  return {
    indirizzo: civico ? `${via} ${civico}` : via,
    ...(comune ? { comune } : {}),
    ...(cap ? { cap } : {}),
    ...(provincia ? { provincia } : {}),
  };
}
