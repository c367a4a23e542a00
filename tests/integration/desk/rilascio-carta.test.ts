/**
 * The whole release, as it happens at a desk and then at a kiosk, through the app's core
 * (the same dispatch Electron and the browser host use, called as the renderer calls it):
 * real pcscd + vpcd + the virtual CNS (the transport is PC/SC, not in-process), the reference
 * portal with its issuer, a real SMTP server on 127.0.0.1, a real SQLite file and log file.
 *
 * Release -> the email carries 3 + 6 digits -> 2 + 3 verifies on the card whose PIN the
 * issuer knows -> three wrong PINs block it -> 2 + 6 of the PUK unblocks it with a new PIN.
 * Then no PIN or PUK is found in the database, the WAL, the log or the audit log.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import type { Sportello } from '../../../electron/shared/contract/api';
import { registroDi } from '../../../electron/core/audit/registro';
import { localDay } from '../../../electron/core/desk/validazione';
import { createLogger } from '../../../electron/core/log/logger';
import { systemClock } from '../../../electron/core/ports/clock';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { filesContaining } from '../../support/data-directory-scan';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import type { SmtpCapture } from '../../portal/issuing';
import type { Portal } from '../../portal/server';
import { createDeskOperatori, DESK_PORTAL_ACCOUNT, startIssuingPortal, type IssuingPortal } from '../../support/desk-issuer';
import { virtualCnsCaBundle } from '../../support/trust';
import { latestOf, sportelloOf, valueOf } from '../../support/sportello';

// Chosen so that none of them is a substring of the card serial, the codice fiscale or each other.
const PIN = '73915';
const PUK = '50628417';
const NEW_PIN = '24680';
const SERIAL = '6120016461039008';
const CF = 'RSSMRA80A01H501U';


let dataDir: string;
let logFile: string;
let slot: VpcdSlot;
let card: VirtualCnsHandle;
let issuer: IssuingPortal;
let smtp: SmtpCapture;
let portal: Portal;
let core: Core;
/** The desk's window and a kiosk's, on the same core. */
let desk: Sportello;
let kiosk: Sportello;

async function cardIdentified(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const session = latestOf(desk, 'card.session');
    if (session?.state === 'identificata' || session?.state === 'autenticata') return;
    if (session?.state === 'rifiutata') throw new Error(`carta rifiutata: ${JSON.stringify(session.error)}`);
    if (Date.now() > deadline) throw new Error(`carta non letta in tempo (stato ${session?.state})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await startPcscd();
  slot = acquireSlot();
  card = await startVirtualCns({ port: slot.port, pin: PIN, puk: PUK, codiceFiscale: CF, serial: SERIAL });
  issuer = await startIssuingPortal({ seriale: SERIAL, codiceFiscale: CF, nome: 'MARIO ROSSI', pin: PIN, puk: PUK });
  ({ smtp, portal } = issuer);

  dataDir = mkdtempSync(join(tmpdir(), 'sportello-desk-'));
  const credentials = join(dataDir, 'portale.json');
  writeFileSync(credentials, JSON.stringify(DESK_PORTAL_ACCOUNT), { mode: 0o600 });
  // The administrator creates the operator before the desk opens (as the desk CLI does).
  await createDeskOperatori(dataDir);

  logFile = join(dataDir, 'sportello.log');
  const config = configSchema.parse({
    mode: 'desk',
    dataDirectory: dataDir,
    reader: { nameFilter: slot.readerName },
    caBundlePath: virtualCnsCaBundle(),
    portal: { url: portal.url, tenant: portal.tenant, credentials: { from: 'file', path: credentials } },
    issuer: { url: issuer.issuer.url, credentials: { from: 'file', path: credentials } },
  });
  core = await createCore({ config, log: createLogger({ file: logFile, level: 'debug', sink: () => {} }), version: 'test', dataDir });
  desk = sportelloOf(core, { transport: 'test', clientId: 'sportello-1' });
  kiosk = sportelloOf(core, { transport: 'test', clientId: 'totem-1' });
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  await card?.stop();
  slot?.release();
  await issuer?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('PIN and PUK release at the desk, activation at the kiosk (pcscd + vpcd + virtual CNS)', () => {
  let pinFirst2 = '';
  let pukFirst2 = '';
  let pinLast3 = '';
  let pukLast6 = '';

  it('needs a logged-in operator', async () => {
    const result = await desk.desk.carta({});
    expect(result).toMatchObject({ ok: false, error: { code: 'sessione-operatore-assente' } });
    const wrong = await desk.desk.login({ username: 'mario.bianchi', password: 'sbagliata-123' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'credenziali-errate' } });
    await valueOf(desk.desk.login({ username: 'mario.bianchi', password: 'sportello-2026' }));
  });

  it('shows the card holder and PIN state', async () => {
    await cardIdentified();
    const carta = await valueOf(desk.desk.carta({}));
    expect(carta.titolare.codiceFiscale).toBe(CF);
    expect(carta.carta.seriale).toBe(SERIAL);
    expect(carta.pin).toMatchObject({ triesLeft: 3, blocked: false });
  });

  it('refuses an expired identity document without calling the issuer', async () => {
    const result = await desk.desk.rilascia({
      documento: { tipo: 'carta-identita', numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2020-01-01' },
      canale: { tipo: 'email', destinazione: 'mario.rossi@example.it' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'documento-scaduto' } });
    expect(smtp.messages).toHaveLength(0);
  });

  it('refuses with a clear message while the issuer fails, recording nothing', async () => {
    issuer.issuer.setFaults({ serverErrorRate: 1 });
    try {
      const result = await desk.desk.rilascia({
        documento: { tipo: 'carta-identita', numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
        canale: { tipo: 'email', destinazione: 'mario.rossi@example.it' },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'emittente-non-disponibile', message: expect.stringMatching(/NON è stato rilasciato/) } });
    } finally {
      issuer.issuer.setFaults({});
    }
    const report = await valueOf(desk.desk.report({ giorno: localDay(new Date()) }));
    expect(report.rilasci).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('releases: 2 + 2 digits and the slip to the desk, 3 + 6 by email', async () => {
    const esito = await valueOf(
      desk.desk.rilascia({
        documento: { tipo: 'carta-identita', numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
        canale: { tipo: 'email', destinazione: 'mario.rossi@example.it' },
      }),
    );
    ({ pin: pinFirst2, puk: pukFirst2 } = esito.cifre);
    expect(esito.destinazioneMascherata).toBe('m***@example.it');
    const mail = await smtp.waitFor('mario.rossi@example.it');
    pinLast3 = /Ultime 3 cifre del PIN: (\d{3})/.exec(mail.raw)?.[1] ?? '';
    pukLast6 = /Ultime 6 cifre del PUK: (\d{6})/.exec(mail.raw)?.[1] ?? '';
    expect(pinLast3).toHaveLength(3);
    expect(pukLast6).toHaveLength(6);

    const slipDir = mkdtempSync(join(tmpdir(), 'sportello-foglio-'));
    try {
      writeFileSync(join(slipDir, 'foglio.pdf'), Buffer.from(esito.foglioPdfBase64, 'base64'));
      const text = execFileSync('pdftotext', [join(slipDir, 'foglio.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(`Prime 2 cifre del PIN: ${pinFirst2.split('').join(' ')}`);
      expect(text).toContain(`Prime 2 cifre del PUK: ${pukFirst2.split('').join(' ')}`);
      expect(text).toContain(SERIAL);
      expect(text).toMatch(/ultime 3 cifre del PIN e le ultime 6 cifre del PUK/);
      expect(text).toMatch(/Se il messaggio non arriva/);
    } finally {
      rmSync(slipDir, { recursive: true, force: true });
    }
  });

  it('at the kiosk, 2 + 3 verifies on the card', async () => {
    const session = await valueOf(kiosk.card.verifyPin({ pin: pinFirst2 + pinLast3 }));
    expect(session.state).toBe('autenticata');
    expect(pinFirst2 + pinLast3).toBe(PIN);
  });

  it('three wrong PINs block it', async () => {
    const wrong = '11111';
    expect(await kiosk.card.verifyPin({ pin: wrong })).toMatchObject({ ok: false, error: { code: 'pin-errato', message: expect.stringMatching(/2 tentativi/) } });
    expect(await kiosk.card.verifyPin({ pin: wrong })).toMatchObject({ ok: false, error: { code: 'pin-errato', message: expect.stringMatching(/1 tentativo/) } });
    expect(await kiosk.card.verifyPin({ pin: wrong })).toMatchObject({ ok: false, error: { code: 'pin-bloccato' } });
    expect(await kiosk.card.verifyPin({ pin: PIN })).toMatchObject({ ok: false, error: { code: 'pin-bloccato' } });
    expect(await valueOf(kiosk.card.pinStatus({}))).toMatchObject({ blocked: true, triesLeft: 0 });
    expect(await valueOf(desk.desk.carta({}))).toMatchObject({ pin: { blocked: true, pukBlocked: false } });
  });

  it('2 + 6 of the PUK unblocks it with a new PIN', async () => {
    await valueOf(kiosk.card.unblockPin({ puk: pukFirst2 + pukLast6, newPin: NEW_PIN }));
    expect(card.state.pinTriesLeft).toBe(3);
    expect(await valueOf(kiosk.card.verifyPin({ pin: NEW_PIN }))).toMatchObject({ state: 'autenticata' });
  });

  it('records the release in an intact audit log and the daily report', async () => {
    const report = await valueOf(desk.desk.report({ giorno: localDay(new Date()) }));
    expect(report).toMatchObject({ rilasci: 1, registroIntegro: true });
    expect(report.csv).toContain(`;mario.bianchi;${CF};${SERIAL};email;m***@example.it;Carta d'identità ******567;`);
  });

  it('leaves no PIN or PUK in the database, its WAL, the log or the audit log, and no slip on disk', async () => {
    // The 2- and 3-digit parts alone would match unrelated numbers (times, hashes): the whole secrets and the 6-digit part are searched.
    const secrets = [PIN, PUK, NEW_PIN, pukLast6];
    // Read with the keys (the database, its WAL and copies decrypted): encryption must not be what hides them.
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining([DATABASE_FILE, 'sportello.log']));
    for (const secret of secrets) expect(filesContaining(dataDir, secret), secret).toEqual([]);
    expect(filesContaining(dataDir, SERIAL).length, 'the scan reads the database').toBeGreaterThan(0);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('PIN rilasciato');
    expect(log).not.toMatch(/"(pin|puk|cifre)"\s*:\s*"\d/);

    const db = openDatabase(locationOf(dataDir));
    try {
      const entries = [...registroDi(db, dataDir, systemClock).entries()];
      const rilascio = entries.find((e) => e.kind === 'rilascio');
      expect(rilascio?.data).toMatchObject({ codiceFiscale: CF, serialeCarta: SERIAL, canale: 'email', destinazione: 'm***@example.it' });
      // The issuer keeps the head the log had when the release was asked: the entry just before it.
      const before = entries.find((e) => e.seq === rilascio!.seq - 1)!;
      expect(issuer.issuer.registro.releases().at(-1)?.testaRegistro).toEqual({ seq: before.seq, hash: before.hash });
      const text = JSON.stringify(entries);
      for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
      expect(text).not.toMatch(/"(pin|puk|cifre|pinFirst2|pukFirst2)"/);
    } finally {
      db.close();
    }
    const pdfs = readdirSync(dataDir, { recursive: true }).filter((f) => String(f).endsWith('.pdf'));
    expect(pdfs).toEqual([]);
    expect(existsSync(join(dataDir, 'foglio.pdf'))).toBe(false);
  });

  it('logout ends the operator session', async () => {
    await valueOf(desk.desk.logout({}));
    expect(await desk.desk.rilascia({
      documento: { tipo: 'carta-identita', numero: 'CA1234567', rilasciatoDa: 'Comune di Prova', scadenza: '2031-05-01' },
      canale: { tipo: 'email', destinazione: 'mario.rossi@example.it' },
    })).toMatchObject({ ok: false, error: { code: 'sessione-operatore-assente' } });
  });
});
