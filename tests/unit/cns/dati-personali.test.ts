import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCardError } from '../../../native/apdu/errors';
import { parseDatiPersonali, datiPersonaliUsefulLength } from '../../../native/cns/dati-personali';
import { cardErrorIfAny, cardErrorThrownBy } from '../../support/card-error';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const field = (value: string): string => value.length.toString(16).toUpperCase().padStart(2, '0') + value;

const VALUES = ['6090', '01012024', '01012030', 'ROSSI', 'MARIO', '01011980', 'M', '', 'RSSMRA80A01H501U', '', 'H501', '', '', 'H501', 'VIA ROMA 1', ''];

/** Builds a file the way cards do; `countHeader` picks which total-length convention. */
function build(values: readonly string[], countHeader: boolean, padTo = 400): Uint8Array {
  const body = values.map(field).join('');
  const total = (body.length + (countHeader ? 6 : 0)).toString(16).toUpperCase().padStart(6, '0');
  const bytes = new Uint8Array(Math.max(padTo, 6 + body.length));
  bytes.set(enc(total + body));
  return bytes;
}

describe('EF_DatiPersonali', () => {
  it('reads the example of the notes field by field', () => {
    const text = '000069' + '046090' + '0801012024' + '0801012030' + '05ROSSI' + '05MARIO' + '0801011980' + '01M' + '00' + '10RSSMRA80A01H501U' + '00' + '04H501' + '00' + '00' + '04H501' + '0AVIA ROMA 1' + '00';
    const padded = new Uint8Array(400);
    padded.set(enc(text));
    expect(parseDatiPersonali(padded)).toEqual({
      emettitore: '6090',
      dataRilascio: '2024-01-01',
      dataScadenza: '2030-01-01',
      cognome: 'ROSSI',
      nome: 'MARIO',
      dataNascita: '1980-01-01',
      sesso: 'M',
      statura: '',
      codiceFiscale: 'RSSMRA80A01H501U',
      cittadinanza: '',
      comuneNascita: 'H501',
      statoNascita: '',
      attoNascita: '',
      comuneResidenza: 'H501',
      indirizzoResidenza: 'VIA ROMA 1',
      annotazioniEspatrio: '',
    });
  });

  it('reads both header conventions and with or without padding alike', () => {
    const a = parseDatiPersonali(build(VALUES, true));
    const b = parseDatiPersonali(build(VALUES, false));
    const c = parseDatiPersonali(build(VALUES, false, 0));
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('accepts a file that ends before the last fields (they are empty)', () => {
    const short = parseDatiPersonali(build(VALUES.slice(0, 9), true));
    expect(short.codiceFiscale).toBe('RSSMRA80A01H501U');
    expect(short.indirizzoResidenza).toBe('');
  });

  it('stops reading at the first padding byte', () => {
    expect(datiPersonaliUsefulLength(enc('000010'))).toBeUndefined();
    expect(datiPersonaliUsefulLength(Uint8Array.of(0x30, 0x30, 0x00, 0x00))).toBe(2);
  });

  it.each([
    ['a length byte beyond the data', '0000100AABC'],
    ['a non-hex length', '000010ZZROSSI'],
    ['a header too short', '0001'],
    ['an impossible date', '000010' + '046090' + '0831022024'],
    ['a bad sex', '000010' + '00' + '00' + '00' + '00' + '00' + '00' + '01X'],
    ['a bad codice fiscale', '000010' + '00'.repeat(8) + '05ABCDE'],
    ['control bytes', '000010' + '02\u0001\u0002'],
    ['data after the 16 fields', '000010' + '00'.repeat(16) + '01X'],
  ])('refuses %s with a clear error', (_name, text) => {
    const error = cardErrorThrownBy(() => parseDatiPersonali(enc(text)));
    expect(isCardError(error, 'carta-dati-non-validi')).toBe(true);
    expect((error as Error).message).toMatch(/^I dati personali sulla carta non sono leggibili/);
  });

  it('property: any well-formed set of 16 fields reads back identically', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \'.-'.split('')), maxLength: 40 }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.array(printable, { minLength: 16, maxLength: 16 }), fc.boolean(), (free, countHeader) => {
        const values = [...free];
        values[1] = '15082021';
        values[2] = '';
        values[5] = '29021980';
        values[6] = 'F';
        values[8] = 'RSSMRA80A01H501U';
        const parsed = parseDatiPersonali(build(values, countHeader));
        expect(parsed.cognome).toBe(values[3]);
        expect(parsed.indirizzoResidenza).toBe(values[14]);
        expect(parsed.annotazioniEspatrio).toBe(values[15]);
        expect(parsed.dataRilascio).toBe('2021-08-15');
        expect(parsed.dataScadenza).toBeNull();
        expect(parsed.dataNascita).toBe('1980-02-29');
      }),
    );
  });

  it('property: arbitrary bytes give data or a CardError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 1200 }), fc.string({ maxLength: 300 }).map(enc)), (bytes) => {
        expect(() => cardErrorIfAny(() => parseDatiPersonali(bytes))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
