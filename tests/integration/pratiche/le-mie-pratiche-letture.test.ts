/**
 * Le mie pratiche reads a sent pratica's whole row (its sealed data) only where a booked slot may still
 * be waiting for the portal: not for one that is over, nor for one without data left. The rows are
 * counted as they are read.
 */
import { describe, expect, it } from 'vitest';
import { createPraticheModule } from '../../../electron/composition/pratiche-area';
import { createRepositories } from '../../../electron/composition/repositories';
import { PREFISSO_PSEUDONIMO } from '../../../electron/core/store/oblio-repo';
import { closeAfterEach } from '../../support/close-after-each';
import { filesOf } from '../../support/database-location';
import { createKiosk } from '../sync/kiosk';

const closing = closeAfterEach();
const MARIO = { card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };

describe('Le mie pratiche: letture delle righe intere', () => {
  it('solo per una pratica inviata, non conclusa, senza appuntamento del portale', async () => {
    const kiosk = closing(createKiosk());
    const aperta = kiosk.submit();
    kiosk.submit();
    kiosk.submit();
    const conclusa = kiosk.submit();
    kiosk.submit();
    kiosk.submit();
    const dimenticata = kiosk.submit();
    // Emptied when the kiosk forgot its citizen: kept under their pseudonym (pratiche/pseudonimo.ts).
    const pseudonimo = (cf: string) => `${PREFISSO_PSEUDONIMO}${cf}`;
    kiosk.db.prepare(`UPDATE pratiche SET citizen_cf = ?, data = '{}' WHERE id = ?`).run(pseudonimo(MARIO.card.codiceFiscale), dimenticata);
    const now = new Date().toISOString();
    const remote = kiosk.db.prepare('INSERT INTO remote_pratiche (pratica_id, remote_id, status, checked_at, final_at) VALUES (?, ?, ?, ?, ?)');
    remote.run(aperta, 'remota-aperta', 2000, now, null);
    remote.run(conclusa, 'remota-conclusa', 7000, now, now);
    remote.run(dimenticata, 'remota-dimenticata', 3000, now, null);

    const repos = createRepositories(kiosk.db, { alias: pseudonimo });
    const read: string[] = [];
    const get = repos.pratiche.get;
    repos.pratiche.get = (id, cf) => (read.push(id), get(id, cf));
    const area = createPraticheModule({ db: kiosk.db, files: filesOf(kiosk.dataDir), clock: { now: () => new Date() }, currentCitizen: () => MARIO, repos });
    const list = await area.handlers['pratiche.list']({}, { transport: 'test', clientId: 'test' });
    expect(list.pratiche.map((p) => p.id).sort()).toEqual([aperta, conclusa, dimenticata].sort());
    expect(read).toEqual([aperta]);
  });
});
