import { describe, expect, it } from 'vitest';
import { settimaneDi } from '../../../renderer/src/components/settimane';

describe('i giorni liberi in settimane', () => {
  it('da lunedì a domenica, in ordine, ognuna una volta, attraverso mesi e anni', () => {
    const weeks = settimaneDi(['2026-06-11', '2026-06-09', '2026-06-14', '2026-06-16', 'non un giorno']);
    expect(weeks.map((w) => w.lunedi)).toEqual(['2026-06-08', '2026-06-15']);
    expect(weeks[0]!.giorni).toEqual(['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14']);
    expect(settimaneDi(['2026-12-31', '2027-01-03'])).toEqual([{ lunedi: '2026-12-28', giorni: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'] }]);
    // Across the change to summer time the days stay whole.
    expect(settimaneDi(['2026-03-29'])[0]!.giorni.at(-1)).toBe('2026-03-29');
    expect(settimaneDi([])).toEqual([]);
  });
});
