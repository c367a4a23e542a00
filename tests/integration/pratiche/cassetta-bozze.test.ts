/**
 * A draft left at a kiosk is readable only with its citizen's card: sealed with a key the card
 * gives after the PIN (pratiche/cassetta-bozze.ts), forgotten when the card leaves or the citizen
 * presses Esci. Read with every key of the installation (the database decrypted, the keystore at
 * hand), the draft's data and note are not there; the citizen back with the same card finds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/composition';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { openDatabase } from '../../../electron/core/store/database';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import type { CardIdentity } from '../../../electron/core/ports/card';
import type { CardSession } from '../../../electron/shared/contract/card';
import { MARIO_ROSSI, PIN, ScriptedCard } from '../../e2e/support/scripted-card';
import { filesContaining } from '../../support/data-directory-scan';
import { locationOf } from '../../support/database-location';

const context = { transport: 'test' as const, clientId: 'cassetta' };
const TENANT = 'comune-di-prova';
const SERVICE = 'iscrizione-mensa-scolastica';
const NOTE = 'Nota di Mario: Sofia è allergica alle arachidi';
const LAURA: CardIdentity = { ...MARIO_ROSSI, codiceFiscale: 'BNCLRA90C41L219B', nome: 'LAURA', cognome: 'BIANCHI', seriale: '6120016461039010' };

let core: Core | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  core = dataDir = undefined;
});

type Reply = { ok: true; value: never } | { ok: false; error: { code: string; message: string } };

async function kiosk() {
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-cassetta-'));
  const card = new ScriptedCard();
  core = await createCore({ config: configSchema.parse({ mode: 'kiosk' }), log: silentLogger, version: 'test', dataDir, cardPortFactory: card.factory });
  const c = core;
  const states: string[] = [];
  c.events.subscribe((event, payload) => event === 'card.session' && states.push((payload as CardSession).state));
  const reached = (state: string) =>
    new Promise<void>((resolve) => {
      const check = () => (states.includes(state) ? resolve() : setImmediate(check));
      check();
    });
  const call = (name: string, input: unknown) => c.dispatch(name, input, context) as Promise<Reply>;
  const ok = async <T>(name: string, input: unknown): Promise<T> => {
    const reply = await call(name, input);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };
  return {
    card,
    call,
    ok,
    async signIn(identity: CardIdentity = MARIO_ROSSI) {
      states.length = 0;
      card.insert(identity);
      await reached('identificata');
      await ok('card.verifyPin', { pin: PIN });
      const terms = await ok<{ version: string | null; mustAccept: boolean }>('pratiche.terms', { tenant: TENANT });
      if (terms.mustAccept) await ok('pratiche.acceptTerms', { tenant: TENANT, version: terms.version });
    },
    async cardOut() {
      states.length = 0;
      card.remove();
      await reached('nessuna-carta');
    },
  };
}

describe('a kiosk draft, sealed by the citizen’s card', () => {
  it('is nowhere in the directory even read with every key, and whole again with the same card', async () => {
    const k = await kiosk();
    await k.signIn();
    const started = await k.ok<{ outcome: string; pratica: { id: string } }>('pratiche.start', { tenant: TENANT, service: SERVICE, newDraft: true });
    const id = started.pratica.id;
    await k.ok('pratiche.note', { id, note: NOTE, description: 'Mensa 2026-2027' });
    // Sealed as it is written, card in or not; the scan does read the pratica's row (its description is not sealed).
    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    expect(filesContaining(dataDir!, 'Mensa 2026-2027').length).toBeGreaterThan(0);
    await k.cardOut();

    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    // The repository of the installation, with the database open, cannot read it either.
    const db = openDatabase(locationOf(dataDir!));
    try {
      expect(() => createPraticheRepo(db).get(id, MARIO_ROSSI.codiceFiscale)).toThrow(SyntaxError);
    } finally {
      db.close();
    }

    // Another citizen at the kiosk: their session opens nothing of Mario's.
    await k.signIn(LAURA);
    expect(await k.call('pratiche.get', { id })).toMatchObject({ ok: false });
    await k.cardOut();

    await k.signIn();
    const back = await k.ok<{ note: string }>('pratiche.get', { id });
    expect(back.note).toBe(NOTE);
  });

  it('Esci with the card still in locks it again; a different card of the same citizen cannot open it', async () => {
    const k = await kiosk();
    await k.signIn();
    const { pratica } = await k.ok<{ pratica: { id: string } }>('pratiche.start', { tenant: TENANT, service: SERVICE, newDraft: true });
    await k.ok('pratiche.note', { id: pratica.id, note: NOTE });
    await k.ok('card.endSession', {});
    expect(filesContaining(dataDir!, 'arachidi')).toEqual([]);
    await k.cardOut();

    // Same codice fiscale, a renewed card (another key): the draft is refused with a message, not shown as empty.
    await k.signIn({ ...MARIO_ROSSI, seriale: '6120016461039999' });
    const refused = await k.call('pratiche.get', { id: pratica.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bozza-protetta', message: expect.stringMatching(/solo con la carta di chi l'ha iniziata/) } });
  });
});
