import { describe, expect, it } from 'vitest';
import { gruppoOf, statusLabel, storiaLeggibile } from '../../../electron/core/pratiche/status';

describe('portal status codes for citizens', () => {
  it('groups codes as citizens see them', () => {
    const cases: [number, string][] = [
      [1000, 'bozza'], [1500, 'inviate'], [1900, 'inviate'], [2000, 'inviate'], [3000, 'inviate'],
      [4000, 'in-elaborazione'], [4100, 'da-integrare'], [4200, 'da-integrare'], [4300, 'in-elaborazione'], [5000, 'in-elaborazione'],
      [6000, 'accettate'], [7000, 'accettate'], [8000, 'rifiutate'], [9000, 'rifiutate'], [20000, 'ritirate'], [50000, 'ritirate'],
    ];
    for (const [code, group] of cases) expect(gruppoOf(code), String(code)).toBe(group);
  });

  it('labels codes in Italian', () => {
    expect(statusLabel(1000)).toBe('Bozza');
    expect(statusLabel(1900)).toBe('Inviata');
    // The portal's "received" is the same state to the citizen, under the same name.
    expect(statusLabel(2000)).toBe('Inviata');
    expect(statusLabel(4200)).toBe('Da integrare');
    expect(statusLabel(7000)).toBe('Accettata');
    expect(statusLabel(12345)).toBe('Stato 12345');
  });

  it('shows sent-then-received as one step of the history, unless the portal said something', () => {
    const at = '2026-12-02T09:30:00.000Z';
    expect(storiaLeggibile([
      { status: 1000, at, message: null },
      { status: 1900, at, message: null },
      { status: 2000, at, message: null },
      { status: 3000, at, message: null },
    ]).map((h) => h.label)).toEqual(['Bozza', 'Inviata', 'Protocollata']);
    expect(storiaLeggibile([
      { status: 1900, at, message: null },
      { status: 2000, at, message: 'Ricevuta dall\'ufficio' },
    ]).map((h) => [h.label, h.message])).toEqual([['Inviata', null], ['Inviata', 'Ricevuta dall\'ufficio']]);
  });
});
