/** Which appointments a citizen can change, and how Dettaglio names their state (pratiche/portale-view.ts). */
import { describe, expect, it } from 'vitest';
import { modificabile, portaleView, type RichiesteAppuntamenti } from '../../../electron/core/pratiche/portale-view';
import type { Appuntamento, RemotePratica } from '../../../electron/core/store/remote-repo';

const NOW = new Date('2026-12-04T10:00:00Z');
const base: Appuntamento = { id: 'm1', stato: 1, dal: '2026-12-10T08:00:00.000Z', al: '2026-12-10T08:30:00.000Z', ufficio: 'Ufficio Anagrafe', luogo: 'Piazza del Municipio 1', motivazione: null, calendarId: 'cal-1' };
const none: RichiesteAppuntamenti = { annullamento: () => null, spostamento: () => null };

describe('appuntamenti di una pratica', () => {
  it('si cambiano se in attesa o confermati e ancora da venire, e non mentre un cambio è in viaggio', () => {
    expect(modificabile(base, NOW, none)).toBe(true);
    expect(modificabile({ ...base, stato: 0 }, NOW, none)).toBe(true);
    for (const stato of [2, 3, 4, 5, 6]) expect(modificabile({ ...base, stato }, NOW, none), `stato ${stato}`).toBe(false);
    expect(modificabile({ ...base, dal: '2026-12-04T09:59:00.000Z' }, NOW, none)).toBe(false);
    expect(modificabile(base, NOW, { ...none, annullamento: () => ({ state: 'pending' }) })).toBe(false);
    expect(modificabile(base, NOW, { ...none, spostamento: () => ({ state: 'pending' }) })).toBe(false);
    // Refused by the portal (the slot was taken): the citizen may ask again.
    expect(modificabile(base, NOW, { ...none, spostamento: () => ({ state: 'parked' }) })).toBe(true);
  });

  it("in Dettaglio: lo stato dell'ufficio, o del cambio chiesto; dove cercare un altro orario", () => {
    const remote = { status: 2000, protocolNumber: null, protocolledAt: null, outcome: null, outcomeMotivation: null, outcomeFiles: [], pagamento: null, appuntamenti: [base, { ...base, id: 'm2', stato: 5 }, { ...base, id: 'm3' }] } as unknown as RemotePratica;
    const view = portaleView(remote, NOW, { annullamento: (id) => (id === 'm1' ? { state: 'pending' } : null), spostamento: (id) => (id === 'm3' ? { state: 'parked' } : null) });
    expect(view.appuntamenti.map((a) => [a.id, a.stato, a.annullamento, a.spostamento, a.annullabile, a.spostabileIn])).toEqual([
      ['m1', 'confermato', 'in-corso', null, false, null],
      ['m2', 'annullato', null, null, false, null],
      ['m3', 'confermato', null, 'non-riuscito', true, 'cal-1'],
    ]);
  });
});
