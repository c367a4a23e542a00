/**
 * The documents the comune issued, read live from the reference portal (DocumentsAPIController): the
 * citizen sees only their own, downloads them byte for byte, and cannot have another citizen's even by
 * id, although the portal would hand any of them to the kiosk's operator account.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentiComune } from '../../../electron/core/documenti-comune/documenti-comune';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { giveDocument } from '../../portal/documents-office';
import { playOffice } from '../../portal/office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { pdfCon } from '../../support/allegati';
import { syncUntilEmpty, testEngine, KIOSK_ACCOUNT } from './engine';
import { createKiosk, TENANT, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const MARIO = { card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };

describe('documenti rilasciati dal Comune', () => {
  it('solo i propri, scaricati come sono; quelli di un altro no, nemmeno per id', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    // Two citizens known to the portal: each sent a pratica (the portal creates its users so).
    kiosk.submit();
    kiosk.submit();
    await syncUntilEmpty(testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url }));
    const office = await playOffice(portal);
    const certificate = Buffer.from(await pdfCon());
    await giveDocument(portal, office, MARIO.card.codiceFiscale, { title: 'Certificato di residenza', name: 'certificato-residenza.pdf', mimeType: 'application/pdf', bytes: certificate });
    const others = await giveDocument(portal, office, 'VRDLGU75B12F205X', { title: 'Permesso ZTL', name: 'permesso.pdf', mimeType: 'application/pdf', bytes: Buffer.from(await pdfCon((d) => d.addPage())) });

    const documenti = createDocumentiComune({ portal: createPortalClient({ url: portal.url, tenant: TENANT, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT } }) });
    const { collegato, documenti: mine } = await documenti.list(MARIO);
    expect(collegato).toBe(true);
    expect(mine.map((d) => [d.titolo, d.nomeFile, d.mimeType])).toEqual([['Certificato di residenza', 'certificato-residenza.pdf', 'application/pdf']]);
    const file = await documenti.download(MARIO, mine[0]!.id);
    expect(Buffer.from(file.contentBase64, 'base64').equals(certificate)).toBe(true);
    await expect(documenti.download(MARIO, others.id)).rejects.toMatchObject({ code: 'documento-non-disponibile' });

    // Without a portal (the demo) there is nothing to ask; with the portal down, the citizen is told.
    expect(await createDocumentiComune({ portal: null }).list(MARIO)).toEqual({ collegato: false, documenti: [] });
    await portal.close();
    await expect(documenti.list(MARIO)).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
  });
});
