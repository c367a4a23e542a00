/**
 * Outcome files judged as they arrive: the office accepts a pratica with a real signed file (the
 * portal's own test file SCIA.pdf.p7m, an Aruba qualified signature, tests/fixtures/firme-reali), a
 * copy of it with one byte changed, an envelope that is not one, and a plain PDF. Each arrives with the
 * verdict the shipped CA list gives, kept with the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import { caItaliane } from '../../../electron/core/pki/fiducia';
import { base64File, playOffice } from '../../portal/office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { pdfCon } from '../../support/allegati';
import { syncUntilEmpty, testEngine } from './engine';
import { createKiosk, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const SCIA = readFileSync(join(__dirname, '../../fixtures/firme-reali/SCIA.pdf.p7m'));

function tampered(p7m: Buffer): Buffer {
  const copy = Buffer.from(p7m);
  const at = copy.indexOf('%PDF-') + 200;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe("esito firmato: verificato all'arrivo", () => {
  it('firma valida con il firmatario, contenuto alterato, busta illeggibile, PDF senza firma', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const praticaId = kiosk.submit();
    let judged = 0;
    const engine = testEngine({
      db: kiosk.db,
      dataDir: kiosk.dataDir,
      portalUrl: portal.url,
      fidati: () => {
        judged++;
        return caItaliane();
      },
    });
    await syncUntilEmpty(engine);
    const remote = createRemoteRepo(kiosk.db);
    const id = remote.get(praticaId)!.remoteId;
    const office = await playOffice(portal);
    expect((await office.register(id, 'P-2026-9')).status).toBe(204);
    const plain = Buffer.from(await pdfCon());
    const accepted = await office.transition(id, 'accept', {
      message: 'Certificato rilasciato.',
      attachments: [
        base64File('certificato.pdf.p7m', 'application/pkcs7-mime', SCIA),
        base64File('copia-alterata.pdf.p7m', 'application/pkcs7-mime', tampered(SCIA)),
        base64File('non-firmato.p7m', 'application/pkcs7-mime', plain),
        base64File('lettera.pdf', 'application/pdf', plain),
      ],
    });
    expect(accepted.status).toBe(204);

    await engine.runOnce();
    const files = remote.get(praticaId)!.outcomeFiles;
    const byName = new Map(files.map((f) => [f.name, f]));
    expect([...byName.keys()].sort()).toEqual(['certificato.pdf.p7m', 'copia-alterata.pdf.p7m', 'lettera.pdf', 'non-firmato.p7m']);
    expect(byName.get('certificato.pdf.p7m')!.firma).toMatchObject({ valida: true, errore: null });
    expect(byName.get('certificato.pdf.p7m')!.firma!.firmatari).toEqual([
      expect.objectContaining({ nome: 'Stefano Dalla Torre', codiceFiscale: 'DLLSFN65A20L378E', esito: 'valida', firmatoIl: '2017-09-05T08:03:58.000Z' }),
    ]);
    expect(byName.get('certificato.pdf.p7m')!.firma!.firmatari[0]!.messaggio).toMatch(/^Firma valida, apposta il 05\/09\/2017/);
    expect(byName.get('copia-alterata.pdf.p7m')!.firma).toMatchObject({ valida: false, firmatari: [expect.objectContaining({ esito: 'contenuto-alterato', nome: 'Stefano Dalla Torre' })] });
    expect(byName.get('non-firmato.p7m')!.firma).toMatchObject({ valida: false, firmatari: [] });
    expect(byName.get('non-firmato.p7m')!.firma!.errore).toMatch(/non è una busta firmata/);
    expect(byName.get('lettera.pdf')!.firma).toBeNull();
    // Judged with the trust the engine was given, once per signed envelope.
    expect(judged).toBe(3);
  });
});
