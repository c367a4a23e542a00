import { describe, expect, it } from 'vitest';
import { gruppoOf, statusLabel } from '../../../electron/core/pratiche/status';

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
    expect(statusLabel(4200)).toBe('Da integrare');
    expect(statusLabel(7000)).toBe('Accettata');
    expect(statusLabel(12345)).toBe('Stato 12345');
  });
});
