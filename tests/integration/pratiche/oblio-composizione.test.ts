/**
 * The kiosk's forgetting as the app runs it (composition.ts): the citizen's profile is in the
 * database while their card is in, and gone as soon as the card leaves; at home it stays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncrypted } from '../../../electron/core/store/cipher';
import { locationOf } from '../../support/database-location';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/composition';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { DATABASE_FILE } from '../../../electron/core/store/database';
import type { CardSession } from '../../../electron/shared/contract/card';
import { MARIO_ROSSI, PIN, ScriptedCard } from '../../e2e/support/scripted-card';

const context = { transport: 'test' as const, clientId: 'oblio' };
let core: Core | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await core?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  core = dataDir = undefined;
});

async function kioskWithProfile(mode: 'kiosk' | 'home'): Promise<{ card: ScriptedCard; profiles: () => number }> {
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-oblio-'));
  const card = new ScriptedCard();
  core = await createCore({ config: configSchema.parse({ mode }), log: silentLogger, version: 'test', dataDir, cardPortFactory: card.factory });
  const states: string[] = [];
  core.events.subscribe((event, payload) => event === 'card.session' && states.push((payload as CardSession).state));
  const reached = (state: string) =>
    new Promise<void>((resolve) => {
      const check = () => (states.includes(state) ? resolve() : setImmediate(check));
      check();
    });
  card.insert();
  await reached('identificata');
  expect(await core.dispatch('card.verifyPin', { pin: PIN }, context)).toMatchObject({ ok: true });
  expect(await core.dispatch('pratiche.updateProfile', { email: 'mario.rossi@example.it', phone: null, address: null }, context)).toMatchObject({ ok: true });
  const file = join(dataDir, DATABASE_FILE);
  const { key } = locationOf(dataDir);
  const profiles = () => {
    const db = openEncrypted(file, key, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM profiles WHERE citizen_cf = ?').pluck().get(MARIO_ROSSI.codiceFiscale) as number;
    } finally {
      db.close();
    }
  };
  expect(profiles()).toBe(1);
  states.length = 0;
  card.remove();
  await reached('nessuna-carta');
  return { card, profiles };
}

describe('chiosco: la carta esce, i dati del cittadino se ne vanno', () => {
  it('in modalità chiosco il profilo è eliminato all’uscita della carta', async () => {
    const { profiles } = await kioskWithProfile('kiosk');
    expect(profiles()).toBe(0);
  });

  it('a casa il profilo resta', async () => {
    const { profiles } = await kioskWithProfile('home');
    expect(profiles()).toBe(1);
  });
});
