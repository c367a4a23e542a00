/** The slot a booking form chose, before the portal books it (pratiche/prenotazione.ts, ora-di-roma.ts). */
import { describe, expect, it } from 'vitest';
import { istanteDiRoma } from '../../../electron/core/pratiche/ora-di-roma';
import { orarioChiesto, prenotazione } from '../../../electron/core/pratiche/prenotazione';
import type { RemotePratica } from '../../../electron/core/store/remote-repo';

const CALENDAR = '7d3f1c2a-0000-4000-8000-0000000000c1';
const data = { calendar: `11/06/2026 @ 09:30-10:00 (${CALENDAR}##0f0e0d0c-0000-4000-8000-000000000001)`, day: '2026-06-11' };
const sent = { submittedAt: '2026-06-08T08:00:00.000Z', data };
const remote = (over: Partial<RemotePratica>) => ({ praticaId: 'p', remoteId: 'r', status: 2000, history: [], appuntamenti: [], ...over }) as unknown as RemotePratica;

describe("l'ora di Roma", () => {
  it("d'estate e d'inverno, e attraverso il cambio dell'ora", () => {
    expect(istanteDiRoma('2026-06-11', '09:30')).toBe('2026-06-11T07:30:00.000Z');
    expect(istanteDiRoma('2026-12-11', '09:30')).toBe('2026-12-11T08:30:00.000Z');
    expect(istanteDiRoma('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(istanteDiRoma('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
    expect(() => istanteDiRoma('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => istanteDiRoma('2026-06-11', '25:00')).toThrow(RangeError);
  });
});

describe("l'orario scelto nel modulo di prenotazione", () => {
  it('dal campo calendar, come lo legge il portale', () => {
    expect(orarioChiesto(data)).toEqual({ dal: '2026-06-11T07:30:00.000Z', al: '2026-06-11T08:00:00.000Z', calendarId: CALENDAR });
    expect(orarioChiesto({ day: '2026-06-11' })).toBeNull();
    expect(orarioChiesto({ calendar: 'giovedì alle 9' })).toBeNull();
    expect(orarioChiesto({ calendar: `31/02/2026 @ 09:30-10:00 (${CALENDAR}##x)` })).toBeNull();
  });

  it('da confermare finché il portale non ha letto la pratica; non disponibile se poi non ha l\'appuntamento', () => {
    expect(prenotazione({ ...sent, submittedAt: null }, undefined)).toBeNull();
    expect(prenotazione(sent, undefined)).toMatchObject({ stato: 'da-confermare', dal: '2026-06-11T07:30:00.000Z', calendarId: CALENDAR });
    // Created on the portal, its meetings not read yet.
    expect(prenotazione(sent, remote({}))?.stato).toBe('da-confermare');
    const read = { history: [{ status: 1900, at: '2026-06-08T08:01:00.000Z', message: null }] };
    expect(prenotazione(sent, remote({ ...read, appuntamenti: [{ id: 'm', stato: 1, dal: 'x', al: 'y', ufficio: null, luogo: null, motivazione: null }] }))).toBeNull();
    expect(prenotazione(sent, remote(read))?.stato).toBe('non-disponibile');
    expect(prenotazione({ ...sent, data: {} }, remote(read))).toBeNull();
  });
});
