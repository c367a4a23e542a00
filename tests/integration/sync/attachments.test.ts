/**
 * Files the real portal would not link (their key is not a file field of the service's form) are
 * never lost in silence: with the form on this device the pratica is held back and says why;
 * without it, what the portal reports after the create is compared and the difference is written
 * on the pratica, where the citizen and the desk see it.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { applicationCount, applicationsWithReference } from '../../portal/inspect';
import { startPortal } from '../../portal/server';
import { syncUntilEmpty, testEngine } from './engine';
import { createKiosk, TEST_CATALOGUE } from './kiosk';
import { closeAfterEach } from '../../support/close-after-each';

const closing = closeAfterEach();

describe('allegati che il portale non collegherebbe', () => {
  it('senza il modulo sul dispositivo: inviata, e la pratica dice quale allegato il portale non ha', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const id = kiosk.submit([randomBytes(512), randomBytes(512)], 'submit', { keys: ['non_un_campo_file', 'modulo'] });
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    // The kiosk never refreshed its catalogue: it cannot know the form's file fields before sending.
    await syncUntilEmpty(engine);
    const [stored] = applicationsWithReference(portal, 'sportello_client_reference', id);
    expect(stored!.attachmentDigests).toHaveLength(1);
    const notes = createPraticheRepo(kiosk.db).history(id).map((h) => h.message).filter(Boolean);
    expect(notes).toEqual([expect.stringContaining('senza l\'allegato "documento-1.pdf"')]);
  });

  it('con il modulo sul dispositivo: trattenuta prima dell\'invio, con il motivo', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    await engine.refreshCatalogue();
    kiosk.submit([randomBytes(512), randomBytes(512)], 'submit', { keys: ['non_un_campo_file', 'modulo'] });
    await syncUntilEmpty(engine);
    expect(applicationCount(portal)).toBe(0);
    expect(engine.parked()).toEqual([expect.objectContaining({ error: expect.stringContaining('non ha un campo per "documento-1.pdf" (non_un_campo_file)') })]);
  });
});
