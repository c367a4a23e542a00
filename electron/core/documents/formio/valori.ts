/**
 * How a single Form.io value reads on paper and in the review before signing: option
 * labels instead of option values, Italian dates in words, "Sì"/"No" for checkboxes.
 */
import { giornoIsoEsteso } from '../formato-date';
import type { FormioComponent } from '../modulo-input';

const NON_COMPILATO = '—';

function opzioni(componente: FormioComponent): { label: string; value: string }[] {
  return componente.values ?? componente.data?.values ?? [];
}

function etichettaOpzione(componente: FormioComponent, valore: unknown): string {
  const trovata = opzioni(componente).find((o) => o.value === String(valore));
  return trovata ? trovata.label : testoSemplice(valore);
}

const ISO_DATA = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

const DIGITATA = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** ISO dates and datetimes as "24 novembre 2026 [alle 14:05]", the day read from the text (no time zone shift); anything else unchanged. */
export function dataItaliana(testo: string): string {
  const m = ISO_DATA.exec(testo);
  if (!m) return testo;
  const giorno = giornoIsoEsteso(`${m[1]}-${m[2]}-${m[3]}`);
  return m[4] && !(m[4] === '00' && m[5] === '00') ? `${giorno} alle ${m[4]}:${m[5]}` : giorno;
}

/** A date field or a "99/99/9999" text field: the portal's forms keep birth dates as "01/01/1980". */
function campoData(c: FormioComponent): boolean {
  return c.type === 'datetime' || c.type === 'day' || c.inputMask === '99/99/9999';
}

function dataDigitata(testo: string): string {
  const m = DIGITATA.exec(testo);
  return m ? giornoIsoEsteso(`${m[3]}-${m[2]}-${m[1]}`) : dataItaliana(testo);
}

function testoSemplice(valore: unknown): string {
  if (valore === null || valore === undefined || valore === '') return NON_COMPILATO;
  if (typeof valore === 'boolean') return valore ? 'Sì' : 'No';
  if (typeof valore === 'string') return dataItaliana(valore);
  if (typeof valore === 'number' || typeof valore === 'bigint') return String(valore);
  if (Array.isArray(valore)) return valore.length === 0 ? NON_COMPILATO : valore.map(testoSemplice).join(', ');
  return JSON.stringify(valore);
}

function nomiFile(valore: unknown): string {
  if (!Array.isArray(valore) || valore.length === 0) return NON_COMPILATO;
  return valore
    .map((f) => {
      const file = f as { originalName?: unknown; name?: unknown };
      return typeof file.originalName === 'string' ? file.originalName : String(file.name ?? '');
    })
    .join(', ');
}

/** The printable text of one field's value, given its component. */
export function testoValore(componente: FormioComponent, valore: unknown): string {
  switch (componente.type) {
    case 'checkbox':
      return valore === true ? 'Sì' : 'No';
    case 'select':
    case 'radio':
      if (valore === null || valore === undefined || valore === '') return NON_COMPILATO;
      return Array.isArray(valore) ? valore.map((v) => etichettaOpzione(componente, v)).join(', ') : etichettaOpzione(componente, valore);
    case 'selectboxes': {
      if (typeof valore !== 'object' || valore === null) return NON_COMPILATO;
      const scelte = Object.entries(valore as Record<string, unknown>)
        .filter(([, scelto]) => scelto === true)
        .map(([v]) => etichettaOpzione(componente, v));
      return scelte.length === 0 ? NON_COMPILATO : scelte.join(', ');
    }
    case 'file':
      return nomiFile(valore);
    default:
      if (typeof valore === 'string' && campoData(componente)) return dataDigitata(valore);
      return testoSemplice(valore);
  }
}
