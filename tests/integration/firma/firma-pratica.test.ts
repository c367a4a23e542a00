/**
 * Signing a pratica as the app does it: core built by the composition root, the demo
 * catalogue, the virtual CNS in a vpcd reader of the rig's pcscd, every call through the
 * renderer's API over core's dispatch. The mensa-scolastica pratica is filled from the demo sample.
 * Ends by searching the log file and the database for the PIN.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { certificatiDaPem } from '../../../electron/core/pki/certificati';
import { verificaP7m } from '../../../electron/core/documents/cades/verifica';
import { createLogger } from '../../../electron/core/log/logger';
import { DATABASE_FILE, openDatabase, type Db } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createOutboxRepo } from '../../../electron/core/store/outbox-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import type { Sportello } from '../../../electron/shared/contract/api';
import type { CardSession } from '../../../electron/shared/contract/card';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { cartellaTemporanea, pdftotext } from '../../fixtures/documents/strumenti';
import { until } from '../pcsc/card-in-reader';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { filesOf } from '../../support/database-location';
import { filesContaining } from '../../support/data-directory-scan';
import { createdPratica } from '../../support/created-pratica';
import { fillMensa, MENSA, mensaSample } from '../../support/mensa-demo';
import { contentVerifiedByOpenssl } from '../../support/openssl-cms';
import { errorOf, sportelloOf, valueOf } from '../../support/sportello';

/** Distinctive, so finding it anywhere cannot be a coincidence. */
const PIN = '86420';
const { tenant: TENANT, service: SERVICE, step: STEP } = MENSA;
const sample = mensaSample;

let dataDir: string;
let logFile: string;
let slot: VpcdSlot;
let core: Core;
let api: Sportello;
let card: VirtualCnsHandle | undefined;
let reader: Db | undefined;
const sessions: CardSession[] = [];


beforeAll(async () => {
  await startPcscd();
  slot = acquireSlot();
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-firma-'));
  logFile = join(dataDir, 'sportello.log');
  card = await startVirtualCns({ port: slot.port, pin: PIN, inserted: false });
  const caPath = join(dataDir, 'ca.pem');
  writeFileSync(caPath, card.caCertificatePem);
  const config = configSchema.parse({ reader: { nameFilter: slot.readerName }, caBundlePath: caPath });
  core = await createCore({ config, log: createLogger({ file: logFile, level: 'debug', sink: () => {} }), version: 'test', dataDir });
  api = sportelloOf(core, { transport: 'test', clientId: 'firma-test' });
  api.on('card.session', (session) => sessions.push(session));
  await card.insert();
  await until(() => sessions.at(-1)?.state === 'identificata', 'carta identificata', 8000);
  await valueOf(api.card.verifyPin({ pin: PIN }));
  const terms = await valueOf(api.pratiche.terms({ tenant: TENANT }));
  if (terms.version) await valueOf(api.pratiche.acceptTerms({ tenant: TENANT, version: terms.version }));
  await valueOf(api.pratiche.updateProfile({ email: 'mario.rossi@example.it', phone: '+39 333 7654321', address: 'Via Roma 1, Prova' }));
}, 60_000);

afterAll(async () => {
  reader?.close();
  await card?.stop();
  await core?.dispose();
  slot?.release();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newDraft(): Promise<string> {
  return (await createdPratica(api.pratiche.start({ tenant: TENANT, service: SERVICE, newDraft: true }))).id;
}

const fill = (id: string) => fillMensa(api, id);

function pdfText(pdf: Buffer): string {
  const dir = cartellaTemporanea();
  try {
    return pdftotext(dir.scrivi('documento.pdf', pdf));
  } finally {
    dir.elimina();
  }
}

describe('firma della pratica con la carta', () => {
  let id: string;

  it('refuses an incomplete pratica without asking the card for the PIN', async () => {
    id = await newDraft();
    const error = await errorOf(api.pratiche.sign({ id, pin: PIN }));
    expect(error.code).toBe('pratica-incompleta');
    expect(error.message).toMatch(/non è completa/);
    expect(card!.state.pinTriesLeft).toBe(3);
    expect((await valueOf(api.pratiche.signatureStatus({ id }))).firmata).toBe(false);
  });

  it('refuses to submit unsigned when the citizen signs with a card', async () => {
    await fill(id);
    expect(await valueOf(api.pratiche.signatureStatus({ id }))).toEqual({ firmata: false, valida: false, firmataIl: null, richiesta: true });
    const error = await errorOf(api.pratiche.submit({ id }));
    expect(error).toMatchObject({ code: 'firma-mancante', message: expect.stringMatching(/firma la domanda/) });
  });

  it('a wrong PIN comes back in Italian with the tries left, and costs one try only', async () => {
    const error = await errorOf(api.pratiche.sign({ id, pin: '11111' }));
    expect(error).toEqual({ code: 'pin-errato', message: 'PIN errato: 2 tentativi rimasti' });
    expect(card!.state.pinTriesLeft).toBe(2);
    expect((await valueOf(api.pratiche.signatureStatus({ id }))).firmata).toBe(false);
  });

  it('signs with the right PIN: the .p7m verifies with our verifier and with openssl against the test CA', async () => {
    const signed = await valueOf(api.pratiche.sign({ id, pin: PIN }));
    expect(signed).toMatchObject({ nomeFile: 'modulo.pdf.p7m', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(card!.state.pinTriesLeft).toBe(3);

    const p7m = filesOf(dataDir).allegati.read(signed.sha256);
    expect(p7m.length).toBe(signed.size);
    const esito = verificaP7m(p7m, { fidati: certificatiDaPem(card!.caCertificatePem), al: new Date() });
    expect(esito.valida).toBe(true);
    expect(esito.firmatari[0]?.codiceFiscale).toBe('RSSMRA80A01H501U');
    const pdf = contentVerifiedByOpenssl(p7m, card!.caCertificatePem);
    expect(Buffer.from(esito.contenuto).equals(pdf)).toBe(true);

    const modulo = await valueOf(api.pratiche.document({ id, tipo: 'modulo' }));
    expect(modulo).toMatchObject({ nomeFile: 'modulo.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(modulo.contentBase64, 'base64').equals(pdf)).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain('Iscrizione al servizio di mensa scolastica');
    expect(text).toContain('RSSMRA80A01H501U');
    // A label and a value from inside nested forms and datagrid rows of the demo form.
    expect(text).toContain('Sofia');
    expect(text).toContain('RSSSFO18P70H501S');
    expect(await valueOf(api.pratiche.signatureStatus({ id }))).toMatchObject({ firmata: true, valida: true, richiesta: true });
  }, 60_000);

  it('data changed after signing void the signature: submit asks to sign again', async () => {
    await valueOf(api.pratiche.saveStep({ id, stepId: STEP, values: { ...sample.data, anno_scolastico: '2027-2028' } }));
    expect((await valueOf(api.pratiche.signatureStatus({ id }))).valida).toBe(false);
    const error = await errorOf(api.pratiche.submit({ id }));
    expect(error).toMatchObject({ code: 'firma-da-rifare', message: expect.stringMatching(/la firma non vale più/) });
    await valueOf(api.pratiche.saveStep({ id, stepId: STEP, values: sample.data }));
    expect((await valueOf(api.pratiche.signatureStatus({ id }))).valida).toBe(true);
  });

  it('submit puts the signed module in the outbox payload as modulo_compilato', async () => {
    const signed = await valueOf(api.pratiche.document({ id, tipo: 'modulo-firmato' }));
    expect(signed).toMatchObject({ nomeFile: 'modulo.pdf.p7m', mimeType: 'application/pkcs7-mime' });
    const p7m = Buffer.from(signed.contentBase64, 'base64');
    const p = await valueOf(api.pratiche.submit({ id }));
    expect(p.status).toBe(1900);
    reader = openDatabase(locationOf(dataDir));
    const row = reader.prepare('SELECT payload FROM outbox WHERE pratica_id = ?').get(id) as { payload: string };
    const payload = JSON.parse(row.payload);
    expect(payload.attachments).toContainEqual({
      key: 'modulo_compilato',
      sha256: createHash('sha256').update(p7m).digest('hex'),
      name: 'modulo.pdf.p7m',
      mimeType: 'application/pkcs7-mime',
      size: p7m.length,
    });
    expect((await errorOf(api.pratiche.sign({ id, pin: PIN }))).code).toBe('pratica-non-modificabile');
  });

  it('gives the receipt with the service name, then with the protocol number once sync recorded it', async () => {
    const before = await valueOf(api.pratiche.receipt({ id, formato: 'a4' }));
    expect(before.nomeFile).toMatch(/^ricevuta-.*\.pdf$/);
    const text = pdfText(Buffer.from(before.pdfBase64, 'base64'));
    expect(text).toContain('RICEVUTA DI PRESENTAZIONE');
    expect(text).toContain('Iscrizione al servizio di mensa scolastica');
    expect(text).toContain('in attesa di protocollazione');
    expect(text).toContain('modulo.pdf.p7m');

    // What sync records when the portal answers (outbox-sender markSent, then status-pull).
    const outbox = createOutboxRepo(reader!);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const item = outbox.claim(tomorrow, tomorrow, 10).find((i) => i.praticaId === id)!;
    outbox.markSent(item, 'remote-1', 2000, new Date().toISOString());
    createRemoteRepo(reader!).record(
      id,
      { status: 2000, protocolNumber: 'PROVA-2026-0004711', protocolFolderNumber: null, protocolledAt: '2026-11-24T09:00:00Z', outcome: null,
        outcomeMotivation: null, history: [], outcomeFiles: [], pagamento: null, appuntamenti: [], final: false },
      new Date().toISOString(),
      () => {},
    );
    const after = await valueOf(api.pratiche.receipt({ id, formato: '80mm' }));
    const roll = pdfText(Buffer.from(after.pdfBase64, 'base64'));
    expect(roll).toContain('PROVA-2026-0004711');
    expect(roll).not.toContain('in attesa di protocollazione');
    expect(after.nomeFile).toMatch(/-80mm\.pdf$/);
    expect(await errorOf(api.pratiche.document({ id, tipo: 'esito' }))).toMatchObject({ code: 'documento-non-disponibile' });
  });

  it('gives the outcome file sync stored, and forgets the signature with the retention purge', async () => {
    const esito = Buffer.from('%PDF-1.7 esito della domanda');
    const sha256 = filesOf(dataDir).esiti.put(esito);
    const remote = createRemoteRepo(reader!);
    remote.record(
      id,
      { status: 7000, protocolNumber: 'PROVA-2026-0004711', protocolFolderNumber: null, protocolledAt: '2026-11-24T09:00:00Z', outcome: true,
        outcomeMotivation: null, history: [], outcomeFiles: [{ id: 'f1', name: 'esito.pdf', mimeType: 'application/pdf', sha256, size: esito.length }], pagamento: null, appuntamenti: [], final: true },
      new Date().toISOString(),
      () => {},
    );
    const file = await valueOf(api.pratiche.document({ id, tipo: 'esito' }));
    expect(file).toMatchObject({ nomeFile: 'esito.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').equals(esito)).toBe(true);
    expect((await errorOf(api.pratiche.document({ id, tipo: 'esito', fileId: 'altro' }))).code).toBe('documento-non-disponibile');

    remote.purge(id, new Date().toISOString());
    expect(reader!.prepare('SELECT count(*) AS n FROM moduli_firmati WHERE pratica_id = ?').get(id)).toEqual({ n: 0 });
    expect((await errorOf(api.pratiche.document({ id, tipo: 'modulo' }))).code).toBe('pratica-sconosciuta');
  });

  it('never wrote the PIN to the log or the data directory', () => {
    // Read with the keys (the database and the stored files decrypted): encryption must not be what hides it.
    expect(filesContaining(dataDir, 'modulo firmato con la carta'), 'the scan reads the log').toContain(logFile);
    expect(filesContaining(dataDir, SERVICE), 'the scan reads the database').toContain(join(dataDir, DATABASE_FILE));
    expect(filesContaining(dataDir, PIN)).toEqual([]);
  });
});
