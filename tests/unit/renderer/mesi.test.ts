import { describe, expect, it } from 'vitest';
import { giornoDopoTasto, mesiDi } from '../../../renderer/src/components/mesi';

describe('i giorni liberi in mesi', () => {
  it('un mese in settimane da lunedì a domenica, le celle degli altri mesi vuote', () => {
    // June 2026 starts on a Monday and ends on a Tuesday.
    const [giugno] = mesiDi(['2026-06-11']);
    expect(giugno!.mese).toBe('2026-06');
    expect(giugno!.settimane).toHaveLength(5);
    expect(giugno!.settimane[0]).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07']);
    expect(giugno!.settimane[4]).toEqual(['2026-06-29', '2026-06-30', null, null, null, null, null]);
    // February 2027 starts on a Monday and has 28 days: four rows exactly; March 2026 starts on a Sunday.
    expect(mesiDi(['2027-02-10'])[0]!.settimane.flat()).toHaveLength(28);
    const marzo = mesiDi(['2026-03-29'])[0]!;
    expect(marzo.settimane[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(marzo.settimane.flat().filter(Boolean)).toHaveLength(31);
  });

  it('ogni mese dal primo giorno all\'ultimo, anche senza giorni, attraverso l\'anno', () => {
    expect(mesiDi(['2027-01-05', '2026-11-30', 'non un giorno']).map((m) => m.mese)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(mesiDi(['2028-02-29'])[0]!.settimane.flat().filter(Boolean).at(-1)).toBe('2028-02-29');
    expect(mesiDi([])).toEqual([]);
  });
});

describe('la tastiera nella griglia del mese', () => {
  it('frecce di un giorno e di una settimana, Home e Fine ai capi della settimana, anche oltre il mese', () => {
    // 11 June 2026 is a Thursday.
    const mosse: [string, string, string][] = [
      ['2026-06-11', 'ArrowRight', '2026-06-12'],
      ['2026-06-01', 'ArrowLeft', '2026-05-31'],
      ['2026-06-11', 'ArrowUp', '2026-06-04'],
      ['2026-06-28', 'ArrowDown', '2026-07-05'],
      ['2026-06-11', 'Home', '2026-06-08'],
      ['2026-06-11', 'End', '2026-06-14'],
      ['2026-06-14', 'Home', '2026-06-08'],
      ['2026-06-08', 'End', '2026-06-14'],
    ];
    expect(mosse.map(([da, tasto]) => giornoDopoTasto(da, tasto))).toEqual(mosse.map(([, , a]) => a));
    expect(giornoDopoTasto('2026-06-11', 'Enter')).toBeNull();
  });
});
