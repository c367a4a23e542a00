/** Which appointments a citizen can cancel, and how Dettaglio names their state (pratiche/portale-view.ts). */
import { describe, expect, it } from 'vitest';
import { annullabile, portaleView } from '../../../electron/core/pratiche/portale-view';
import type { Appuntamento, RemotePratica } from '../../../electron/core/store/remote-repo';

const NOW = new Date('2026-12-04T10:00:00Z');
const base: Appuntamento = { id: 'm1', stato: 1, dal: '2026-12-10T08:00:00.000Z', al: '2026-12-10T08:30:00.000Z', ufficio: 'Ufficio Anagrafe', luogo: 'Piazza del Municipio 1', motivazione: null };

describe('appuntamenti di una pratica', () => {
  it('si annullano se in attesa o confermati e ancora da venire, e non due volte', () => {
    expect(annullabile(base, NOW, () => null)).toBe(true);
    expect(annullabile({ ...base, stato: 0 }, NOW, () => null)).toBe(true);
    for (const stato of [2, 3, 4, 5, 6]) expect(annullabile({ ...base, stato }, NOW, () => null), `stato ${stato}`).toBe(false);
    expect(annullabile({ ...base, dal: '2026-12-04T09:59:00.000Z' }, NOW, () => null)).toBe(false);
    expect(annullabile(base, NOW, () => ({ state: 'pending' }))).toBe(false);
    // Refused by the portal: the citizen may ask again.
    expect(annullabile(base, NOW, () => ({ state: 'parked' }))).toBe(true);
  });

  it("in Dettaglio: lo stato dell'ufficio, o dell'annullamento chiesto", () => {
    const remote = { status: 2000, protocolNumber: null, protocolledAt: null, outcome: null, outcomeMotivation: null, outcomeFiles: [], pagamento: null, appuntamenti: [base, { ...base, id: 'm2', stato: 5 }] } as unknown as RemotePratica;
    const view = portaleView(remote, NOW, (id) => (id === 'm1' ? { state: 'pending' } : null));
    expect(view.appuntamenti.map((a) => [a.id, a.stato, a.annullamento, a.annullabile])).toEqual([
      ['m1', 'confermato', 'in-corso', false],
      ['m2', 'annullato', null, false],
    ]);
  });
});
