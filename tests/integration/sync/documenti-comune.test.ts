/**
 * The documents the comune issued, read live from the reference portal (DocumentsAPIController): the
 * citizen sees only their own, downloads them byte for byte, and cannot have another citizen's even by
 * id, although the portal would hand any of them to the kiosk's operator account. What prints: a PDF as the
 * portal has it, a signed .p7m's content (as OpenSSL, a reader that is not ours, extracts it), not an image.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentiComune } from '../../../electron/core/documenti-comune/documenti-comune';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { giveDocument } from '../../portal/documents-office';
import { playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { JPEG, pdfCon } from '../../support/allegati';
import { contenutoSecondoOpenssl, inBase64, SCIA } from '../../support/busta-p7m';
import { syncUntilEmpty, testEngine, KIOSK_ACCOUNT } from './engine';
import { createKiosk, TENANT, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const MARIO = { card: { codiceFiscale: 'RSSMRA80A01H501U', nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };

/** Two citizens known to the portal: each sent a pratica from the kiosk (the portal creates its users so). */
async function portalKnowingTwoCitizens() {
  const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
  const kiosk = closing(createKiosk());
  kiosk.submit();
  kiosk.submit();
  await syncUntilEmpty(testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url }));
  const office = await playOffice(portal);
  const documenti = createDocumentiComune({ portal: createPortalClient({ url: portal.url, tenant: TENANT, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT } }) });
  return { portal, office, documenti };
}

/** A certificate for Mario, and a permit for another citizen. */
async function giveCertificates(portal: Portal, office: Office) {
  const certificate = Buffer.from(await pdfCon());
  await giveDocument(portal, office, MARIO.card.codiceFiscale, { title: 'Certificato di residenza', name: 'certificato-residenza.pdf', mimeType: 'application/pdf', bytes: certificate });
  const others = await giveDocument(portal, office, 'VRDLGU75B12F205X', { title: 'Permesso ZTL', name: 'permesso.pdf', mimeType: 'application/pdf', bytes: Buffer.from(await pdfCon((d) => d.addPage())) });
  return { certificate, others };
}

describe('documenti rilasciati dal Comune', () => {
  it('solo i propri, scaricati come sono; quelli di un altro no, nemmeno per id', async () => {
    const { portal, office, documenti } = await portalKnowingTwoCitizens();
    const { certificate, others } = await giveCertificates(portal, office);

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

  it('il PDF come il portale lo ha, il contenuto di una busta firmata; non le immagini, non i documenti di un altro', async () => {
    const { portal, office, documenti } = await portalKnowingTwoCitizens();
    const { certificate, others } = await giveCertificates(portal, office);
    // In Base64, as text/plain: the only way the portal takes a .p7m (busta-p7m.ts).
    await giveDocument(portal, office, MARIO.card.codiceFiscale, { title: 'SCIA firmata', name: 'scia.pdf.p7m', mimeType: 'text/plain', bytes: inBase64(SCIA) });
    await giveDocument(portal, office, MARIO.card.codiceFiscale, { title: 'Foto del passo carraio', name: 'passo-carraio.jpg', mimeType: 'image/jpeg', bytes: Buffer.from(JPEG) });

    const mine = (await documenti.list(MARIO)).documenti;
    const id = (titolo: string) => mine.find((d) => d.titolo === titolo)!.id;
    expect(Object.fromEntries(mine.map((d) => [d.titolo, d.stampa]))).toEqual({ 'Certificato di residenza': 'pdf', 'SCIA firmata': 'busta-firmata', 'Foto del passo carraio': 'non-pdf' });

    const pdf = await documenti.daStampare(MARIO, id('Certificato di residenza'));
    expect(Buffer.from(pdf.pdfBase64, 'base64').equals(certificate)).toBe(true);
    expect(pdf).toMatchObject({ nomeFile: 'certificato-residenza.pdf', jobName: 'Certificato di residenza' });

    const scia = await documenti.daStampare(MARIO, id('SCIA firmata'));
    const printed = Buffer.from(scia.pdfBase64, 'base64');
    expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(printed.equals(contenutoSecondoOpenssl(SCIA))).toBe(true);
    expect(scia.nomeFile).toBe('scia.pdf');

    await expect(documenti.daStampare(MARIO, id('Foto del passo carraio'))).rejects.toMatchObject({ code: 'documento-non-stampabile', message: expect.stringContaining('solo documenti PDF') });
    await expect(documenti.daStampare(MARIO, others.id)).rejects.toMatchObject({ code: 'documento-non-disponibile' });
  });
});
