/**
 * The identity session as the app runs it: core built by the composition root,
 * the machine's card port (pcscd + vpcd + emulated CNS), calls through the renderer's API.
 * Ends by searching the log file and everything in the data directory for the PIN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { createLogger } from '../../../electron/core/log/logger';
import type { Sportello } from '../../../electron/shared/contract/api';
import type { CardSession } from '../../../electron/shared/contract/card';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { filesContaining } from '../../support/data-directory-scan';
import { latestOf, sportelloOf } from '../../support/sportello';
import { until } from '../pcsc/card-in-reader';

/** Distinctive values, so finding them anywhere cannot be a coincidence. */
const PIN = '73915';
const NEW_PIN = '48260';
const PUK = '19283746';

let dataDir: string;
let logFile: string;
let slot: VpcdSlot;
let core: Core;
let api: Sportello;
let card: VirtualCnsHandle | undefined;
const sessions: { at: number; session: CardSession }[] = [];

beforeAll(async () => {
  await startPcscd();
  slot = acquireSlot();
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-identity-'));
  logFile = join(dataDir, 'sportello.log');
  card = await startVirtualCns({ port: slot.port, pin: PIN, puk: PUK, inserted: false });
  const caPath = join(dataDir, 'ca.pem');
  writeFileSync(caPath, card.caCertificatePem);
  const config = configSchema.parse({ reader: { nameFilter: slot.readerName }, caBundlePath: caPath });
  core = await createCore({ config, log: createLogger({ file: logFile, level: 'debug', sink: () => {} }), version: 'test', dataDir });
  api = sportelloOf(core, { transport: 'test', clientId: 'session-test' });
  api.on('card.session', (session) => sessions.push({ at: Date.now(), session }));
});

afterAll(async () => {
  await card?.stop();
  await core?.dispose();
  slot?.release();
  rmSync(dataDir, { recursive: true, force: true });
});

const last = (): CardSession | undefined => sessions.at(-1)?.session;

describe('identity session over the real card chain', () => {
  it('card in -> identificata with the holder\'s name only (the rest after the PIN)', async () => {
    await card!.insert();
    await until(() => last()?.state === 'identificata', 'identificata', 8000);
    expect(last()).toMatchObject({
      reader: slot.readerName,
      titolare: { codiceFiscale: null, cognome: 'ROSSI', nome: 'MARIO', indirizzoResidenza: null },
      carta: null,
      error: null,
    });
    // A page that connects now starts from the same state (the event bus's snapshot).
    expect(latestOf(api, 'card.session')).toMatchObject({ state: 'identificata' });
    expect(latestOf(api, 'card.reader')).toMatchObject({ service: 'disponibile' });
  });

  it('reports PIN tries without spending one, refuses a wrong PIN once with the Italian message', async () => {
    expect(await api.card.pinStatus({})).toEqual({ ok: true, value: { triesLeft: 3, blocked: false, pukTriesLeft: 3, pukBlocked: false } });
    expect(await api.card.verifyPin({ pin: '11111' })).toEqual({
      ok: false,
      error: { code: 'pin-errato', message: 'PIN errato: 2 tentativi rimasti' },
    });
    expect(card!.state.pinTriesLeft).toBe(2);
    expect(await api.card.verifyPin({ pin: '12' })).toMatchObject({ ok: false, error: { code: 'input-non-valido' } });
    expect(card!.state.pinTriesLeft).toBe(2);
  });

  it('PIN -> autenticata; change and unblock go through the card', async () => {
    expect(await api.card.verifyPin({ pin: PIN })).toMatchObject({ ok: true, value: { state: 'autenticata' } });
    expect(card!.state.pinVerified).toBe(true);
    expect(await api.card.changePin({ pin: PIN, newPin: NEW_PIN })).toEqual({ ok: true, value: { changed: true } });
    expect(await api.card.unblockPin({ puk: PUK, newPin: PIN })).toEqual({ ok: true, value: { unblocked: true } });
  });

  it('card out -> the session ends and its data is gone within 1 s', async () => {
    const removedAt = Date.now();
    await card!.remove();
    await until(() => last()?.state === 'nessuna-carta', 'nessuna-carta', 3000);
    const wipedAt = sessions.at(-1)!.at;
    expect(wipedAt - removedAt).toBeLessThanOrEqual(1000);
    expect(last()).toEqual({ state: 'nessuna-carta', reader: null, titolare: null, carta: null, error: null });
    expect(latestOf(api, 'card.session')).toMatchObject({ state: 'nessuna-carta', titolare: null });
    expect(await api.card.verifyPin({ pin: PIN })).toMatchObject({ ok: false, error: { code: 'carta-assente' } });
  });

  it('the PIN, new PIN and PUK appear nowhere in the log file or the data directory', () => {
    expect(readFileSync(logFile, 'utf8')).toMatch(/PIN verificato/);
    expect(filesContaining(dataDir, 'PIN verificato'), 'the scan reads the log').toContain(logFile);
    for (const secret of [PIN, NEW_PIN, PUK]) {
      expect(filesContaining(dataDir, secret), secret).toEqual([]);
      expect(filesContaining(dataDir, Buffer.from(secret).toString('hex')), `hex ${secret}`).toEqual([]);
    }
  });
});
