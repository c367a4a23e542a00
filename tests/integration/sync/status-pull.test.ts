/**
 * Statuses from the real history shape (`status_code`): one pratica the portal cannot answer for does
 * not stop the others, and 50000 (revoked) is final.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import { changeStatus } from '../../portal/applications-model';
import { startPortal } from '../../portal/server';
import { syncUntilEmpty, testEngine } from './engine';
import { createKiosk, TEST_CATALOGUE } from './kiosk';
import { operator } from './operator';
import { closeAfterEach } from '../../support/close-after-each';

const closing = closeAfterEach();

describe('stato delle pratiche dal portale', () => {
  it('storico per status_code; una pratica sparita dal portale non blocca le altre; 50000 è finale', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const [gone, registered, revoked] = [kiosk.submit(), kiosk.submit(), kiosk.submit()];
    const lines: string[] = [];
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, log: createLogger({ sink: (l) => lines.push(l) }) });
    await syncUntilEmpty(engine);
    const remote = createRemoteRepo(kiosk.db);
    const idOf = (p: string) => remote.get(p)!.remoteId;

    // One pratica answers 404 from now on (removed on the portal).
    portal.db.transaction(() => {
      for (const table of ['history', 'application_files']) portal.db.prepare(`DELETE FROM ${table} WHERE application_id = ?`).run(idOf(gone));
      portal.db.prepare('DELETE FROM applications WHERE id = ?').run(idOf(gone));
    })();
    const office = await operator(portal);
    await office.transition(idOf(registered), 'register', { protocol_folder_number: 'F-1', protocol_number: 'P-1' });
    portal.db.transaction(() => changeStatus({ db: portal.db, now: () => new Date(), catalogue: portal.catalogue } as never, idOf(revoked), 50000, "Revocata d'ufficio"))();

    await engine.runOnce();
    expect(remote.get(registered)).toMatchObject({ status: 3000, protocolNumber: 'P-1', final: false });
    expect(remote.get(revoked)).toMatchObject({ status: 50000, final: true });
    const pratiche = createPraticheRepo(kiosk.db);
    expect(pratiche.history(registered).map((h) => h.status)).toEqual([1000, 1900, 2000, 3000]);
    expect(pratiche.history(revoked).at(-1)).toMatchObject({ status: 50000, message: "Revocata d'ufficio" });
    expect(remote.get(gone)).toMatchObject({ status: 2000, final: false });
    expect(lines.some((l) => l.includes('stato di una pratica non aggiornato') && l.includes(gone))).toBe(true);
    expect(engine.status().online).toBe(true);
  });
});
