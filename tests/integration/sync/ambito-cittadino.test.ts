/**
 * At home sync speaks as the citizen of the card: only that citizen's submissions leave and only
 * their pratiche are asked about, whoever else keeps pratiche on the same computer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from './kiosk';
import { createOutboxRepo } from '../../../electron/core/store/outbox-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';

let kiosk: Kiosk | undefined;
afterEach(() => kiosk?.close());

const citizenOf = (k: Kiosk, praticaId: string) => (k.db.prepare('SELECT citizen_cf FROM pratiche WHERE id = ?').get(praticaId) as { citizen_cf: string }).citizen_cf;

describe('sync di un solo cittadino', () => {
  it("prende dall'outbox e chiede al portale solo le pratiche del cittadino indicato", () => {
    kiosk = createKiosk();
    const ids = [kiosk.submit(), kiosk.submit(), kiosk.submit(), kiosk.submit()];
    const mario = citizenOf(kiosk, ids[0]!);
    const outbox = createOutboxRepo(kiosk.db);
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    const claimed = outbox.claim(now, later, 10, [], mario);
    expect(claimed.map((i) => i.praticaId).sort()).toEqual(ids.filter((id) => citizenOf(kiosk!, id) === mario).sort());
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.length).toBeLessThan(ids.length);

    for (const item of claimed) outbox.markSent(item, `remoto-${item.praticaId}`, 1900, now);
    const others = outbox.claim(now, later, 10);
    for (const item of others) outbox.markSent(item, `remoto-${item.praticaId}`, 1900, now);
    const remote = createRemoteRepo(kiosk.db);
    expect(remote.open(10).length).toBe(ids.length);
    expect(remote.open(10, undefined, mario).map((r) => r.praticaId).sort()).toEqual(claimed.map((i) => i.praticaId).sort());
  });
});
