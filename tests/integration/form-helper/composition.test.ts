/**
 * `moduli.helper` as the app's composition root wires it: a kiosk's core (in-process card, no
 * reader) configured with the reference portal answers a portal form's request through the
 * contract; the demo, with no portal, answers from its bundled catalogue what it can and refuses
 * appointments with a reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import type { Sportello } from '../../../electron/shared/contract/api';
import { ScriptedCard } from '../../e2e/support/scripted-card';
import { startPortal, type Portal } from '../../portal/server';
import { sportelloOf, valueOf } from '../../support/sportello';

// Keys kept outside the data directories (the audit seal): the tests' own, never the user's.
process.env.SPORTELLO_KEY_DIR ??= join(tmpdir(), 'sportello-test-chiavi');

let portal: Portal;
const dirs: string[] = [];
const cores: Core[] = [];

/** A kiosk's core with this portal configuration, through the renderer's API. */
async function kiosk(portalConfig: unknown): Promise<Sportello> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-form-helper-core-'));
  dirs.push(dataDir);
  const config = configSchema.parse({ dataDirectory: dataDir, mode: 'kiosk', portal: portalConfig });
  const c = await createCore({ config, log: silentLogger, version: 'test', dataDir, cardPortFactory: new ScriptedCard().factory });
  cores.push(c);
  return sportelloOf(c);
}

beforeAll(async () => {
  portal = await startPortal();
  process.env.FORM_HELPER_TEST_USER = 'chiosco';
  process.env.FORM_HELPER_TEST_PASSWORD = 'chiosco-demo';
});
afterAll(async () => {
  for (const c of cores) await c.dispose();
  await portal.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('moduli.helper nella composizione', () => {
  it('con il portale: gli uffici con calendario, dal portale', async () => {
    const { moduli } = await kiosk({ url: `${portal.url}/${portal.tenant}`, credentials: { from: 'env', usernameVar: 'FORM_HELPER_TEST_USER', passwordVar: 'FORM_HELPER_TEST_PASSWORD' } });
    const answer = await moduli.helper({ tenant: portal.tenant, path: 'user-groups?has_calendar=true' });
    expect(answer).toMatchObject({ ok: true, value: { source: 'portal', ageSeconds: 0, data: [{ name: 'Ufficio Anagrafe e Stato Civile', calendar_id: expect.any(String) }] } });
    expect(await moduli.helper({ tenant: portal.tenant, path: 'applications' })).toMatchObject({ ok: false, error: { code: 'richiesta-modulo-non-ammessa' } });
  });

  it('senza portale (dimostrazione): aree e servizi dal catalogo; appuntamenti rifiutati con un motivo', async () => {
    const { moduli } = await kiosk(null);
    const ask = (path: string, tenant = 'comune-di-prova') => moduli.helper({ tenant, path });
    const categories = await valueOf(ask('categories'));
    expect(categories).toMatchObject({ source: 'catalogue', ageSeconds: 0 });
    expect(categories.data).toContainEqual({ id: '0fa12071-1a08-55ff-863e-3f1b1dca7508', name: 'Anagrafe e stato civile', slug: 'anagrafe-e-stato-civile', description: null, parent_id: null });
    const byArea = (await valueOf(ask('services?topics_id=0fa12071-1a08-55ff-863e-3f1b1dca7508'))).data as { slug: string; topics_id: string }[];
    expect(byArea.length).toBeGreaterThan(0);
    expect(byArea.every((s) => s.topics_id === '0fa12071-1a08-55ff-863e-3f1b1dca7508')).toBe(true);
    expect(await ask('services?topics_id=c9ead24d-bfe0-4d6c-939d-01c23cf34e73')).toMatchObject({ ok: false, error: { code: 'richiesta-rifiutata-dal-portale' } });
    expect(await ask('user-groups?has_calendar=true')).toMatchObject({ ok: false, error: { code: 'prenotazioni-non-disponibili', message: expect.stringContaining('appuntamenti') } });
    expect(await ask('calendars/0fa12071-1a08-55ff-863e-3f1b1dca7508/availabilities?available=true')).toMatchObject({ ok: false, error: { code: 'prenotazioni-non-disponibili' } });
    expect(await ask('categories', 'comune-di-altrove')).toMatchObject({ ok: false, error: { code: 'comune-non-collegato' } });
    expect(await ask('../applications')).toMatchObject({ ok: false, error: { code: 'richiesta-modulo-non-ammessa' } });
  });
});
