import { describe, expect, it } from 'vitest';
import { giorno, giornoEOra, giornoEOraBreve, giornoEsteso, giornoIso, giornoIsoEsteso } from '../../../electron/core/documents/formato-date';

// 09:30 UTC on 2 December 2026 is 10:30 in Rome (CET), whatever the machine's zone.
const ISTANTE = new Date(Date.UTC(2026, 11, 2, 9, 30));

describe('dates in the PDFs', () => {
  it('names the day in words, in Rome', () => {
    expect(giornoEsteso(ISTANTE)).toBe('2 dicembre 2026');
    expect(giornoEsteso(new Date(Date.UTC(2026, 0, 31, 23, 30)))).toBe('1 febbraio 2026');
  });

  it('gives the time as "alle", 24-hour', () => {
    expect(giornoEOra(ISTANTE)).toBe('2 dicembre 2026 alle 10:30');
    expect(giornoEOra(new Date(Date.UTC(2026, 6, 1, 7, 5)))).toBe('1 luglio 2026 alle 09:05');
  });

  it('keeps the short figures where a layout or a spreadsheet wants them', () => {
    expect(giorno(ISTANTE)).toBe('02/12/2026');
    expect(giornoEOraBreve(ISTANTE)).toBe('02/12/2026 10:30');
    expect(giornoIso('1980-01-05')).toBe('05/01/1980');
  });

  it('turns a calendar day into words without a time zone, leaving anything else as it is', () => {
    expect(giornoIsoEsteso('2026-12-02')).toBe('2 dicembre 2026');
    expect(giornoIsoEsteso('2030-01-31')).toBe('31 gennaio 2030');
    expect(giornoIsoEsteso('2030-13-01')).toBe('2030-13-01');
    expect(giornoIsoEsteso('31/01/2030')).toBe('31/01/2030');
  });
});
