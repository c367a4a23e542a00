import { describe, expect, it } from 'vitest';
import {
  carattereDiControllo,
  checkCanale,
  checkCodiceFiscale,
  checkDocumento,
  maskDestinazione,
  maskNumeroDocumento,
} from '../../../electron/core/desk/validazione';

const now = new Date(2026, 2, 10, 12, 0);
const doc = { tipo: 'carta-identita' as const, numero: 'ca 1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2030-01-01' };

describe('identity document checked at the desk', () => {
  it('accepts a valid document, normalising its number', () => {
    expect(checkDocumento({ ...doc, numero: 'ca1234567' }, now).numero).toBe('CA1234567');
  });
  it('accepts a document on its expiry day and refuses it the day after', () => {
    expect(() => checkDocumento({ ...doc, numero: 'CA12345', scadenza: '2026-03-10' }, now)).not.toThrow();
    expect(() => checkDocumento({ ...doc, numero: 'CA12345', scadenza: '2026-03-09' }, now)).toThrow(/scaduto/);
  });
  it('refuses malformed numbers and dates', () => {
    expect(() => checkDocumento(doc, now)).toThrow(/numero del documento/);
    expect(() => checkDocumento({ ...doc, numero: 'CA12345', scadenza: '2030-13-45' }, now)).toThrow(/scadenza/);
  });
});

describe('channel for the second half', () => {
  it('normalises Italian mobile numbers and refuses landlines and foreign numbers', () => {
    expect(checkCanale({ tipo: 'sms', destinazione: '347 123 4567' })).toEqual({ tipo: 'sms', destinazione: '+393471234567' });
    expect(checkCanale({ tipo: 'sms', destinazione: '+39 347-1234567' }).destinazione).toBe('+393471234567');
    expect(() => checkCanale({ tipo: 'sms', destinazione: '06 1234567' })).toThrow(/cellulare/);
    expect(() => checkCanale({ tipo: 'sms', destinazione: '+44 7700 900123' })).toThrow(/cellulare/);
  });
  it('checks email addresses and lower-cases only the domain', () => {
    expect(checkCanale({ tipo: 'email', destinazione: ' Mario.Rossi@Example.IT ' }).destinazione).toBe('Mario.Rossi@example.it');
    for (const bad of ['mario', 'mario@', '@example.it', 'mario@example', 'ma rio@example.it']) {
      expect(() => checkCanale({ tipo: 'email', destinazione: bad })).toThrow(/email/);
    }
  });
  it('masks destinations and document numbers', () => {
    expect(maskDestinazione({ tipo: 'email', destinazione: 'mario.rossi@example.it' })).toBe('m***@example.it');
    expect(maskDestinazione({ tipo: 'sms', destinazione: '+393471234567' })).toBe('+39*******567');
    expect(maskNumeroDocumento('CA1234567')).toBe('******567');
  });
});

describe('codice fiscale typed by the operator', () => {
  it('computes the check character of known codici fiscali', () => {
    expect(carattereDiControllo('RSSMRA80A01H501')).toBe('U');
    expect(carattereDiControllo('MSRNTN77H15C351')).toBe('X');
  });
  it('accepts a correct one and refuses a wrong check character or shape', () => {
    expect(checkCodiceFiscale('rssmra80a01h501u')).toBe('RSSMRA80A01H501U');
    expect(() => checkCodiceFiscale('RSSMRA80A01H501V')).toThrow(/carattere di controllo/);
    expect(() => checkCodiceFiscale('RSSMRA80A01H501')).toThrow(/forma/);
  });
});
