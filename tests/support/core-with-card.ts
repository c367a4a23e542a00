/**
 * Core as the app composes it (composition.ts) on a temporary data directory, with the scripted
 * card reader: insert and remove cards, wait for the session's states, call the contract through
 * `api` (the renderer's `window.sportello`). One per test; `close()` disposes core and removes the
 * directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/composition/core';
import { configSchema } from '../../electron/core/config/schema';
import { silentLogger } from '../../electron/core/log/logger';
import type { CardIdentity } from '../../electron/core/ports/card';
import type { CardSession } from '../../electron/shared/contract/card';
import { MARIO_ROSSI, PIN, ScriptedCard } from '../e2e/support/scripted-card';
import { sportelloOf, valueOf } from './sportello';

export async function coreWithCard(mode: 'kiosk' | 'home' | 'desk') {
  const dataDir = mkdtempSync(join(tmpdir(), `sportello-${mode}-`));
  const card = new ScriptedCard();
  const core: Core = await createCore({ config: configSchema.parse({ mode }), log: silentLogger, version: 'test', dataDir, cardPortFactory: card.factory });
  const api = sportelloOf(core, { transport: 'test', clientId: mode });
  const states: CardSession['state'][] = [];
  api.on('card.session', (session) => states.push(session.state));
  /** Resolves once the session has reached `state` since the last card movement. */
  const reached = (state: CardSession['state']) =>
    new Promise<void>((resolve) => {
      const check = () => (states.includes(state) ? resolve() : setImmediate(check));
      check();
    });
  return {
    core,
    card,
    dataDir,
    api,
    /** Card in, identified, PIN verified. */
    async cardInWithPin(identity: CardIdentity = MARIO_ROSSI) {
      states.length = 0;
      card.insert(identity);
      await reached('identificata');
      await valueOf(api.card.verifyPin({ pin: PIN }));
    },
    async cardOut() {
      states.length = 0;
      card.remove();
      await reached('nessuna-carta');
    },
    async close() {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type CoreWithCard = Awaited<ReturnType<typeof coreWithCard>>;
