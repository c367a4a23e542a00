/**
 * The portal's own forms fill their selects on a kiosk: each `data.custom` script of
 * bookings.json and helpdesk.json (tests/fixtures/portal-forms, unchanged) runs with a
 * `window.FormioHelper` that does what renderer/src/forms/portal-helper.ts does (the call through
 * the contract, the body on success, core's message on failure), through core's form helper and the
 * portal client, against the reference portal on 127.0.0.1. Then the portal goes
 * away: the same selects fill from the copy, with its age; what was never asked is a clear error;
 * a portal that does not answer costs the deadline, never more.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/api/dispatch';
import { createFormHelper, createFormHelperCache, moduliHandlers } from '../../../electron/core/catalogue/form-helper';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { formHelperPortalOf } from '../../../electron/adapters/portal/form-helper-portal';
import { portalFromConfig } from '../../../electron/adapters/portal/portal-from-config';
import { moduliCalls } from '../../../electron/shared/contract/moduli';
import type { FormHelperAnswer } from '../../../electron/shared/contract/moduli';
import { startPortal, type Portal } from '../../portal/server';
import { areaApiOf } from '../../support/sportello';
import { expectShapeOf } from '../portal/portal-support';

const NOW = new Date('2026-12-07T10:15:00Z');

/** What the form sandbox's `window.FormioHelper` forwards to. */
interface PortalHelper {
  authenticatedCall(path: string): Promise<unknown>;
}
const FORMS = join(__dirname, '../../fixtures/portal-forms');

/** The `data.custom` script of the select `key` in a portal form. */
function customScript(form: string, key: string): string {
  const found: string[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c)) return c.forEach(walk);
    if (!c || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    const data = o.data as { custom?: unknown } | undefined;
    if (o.key === key && o.type === 'select' && typeof data?.custom === 'string') found.push(data.custom);
    Object.values(o).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(FORMS, `${form}.json`), 'utf8')));
  expect(found, `${form}: ${key}`).toHaveLength(1);
  return found[0]!;
}

/** Runs a select's script as Form.io would (its own realm here, the test's stand-in for the sandbox) and waits for `setItems`. */
function itemsOf(helper: PortalHelper, form: string, key: string, data: Record<string, unknown>): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${form}.${key}: nessun setItems`)), 10_000);
    const instance = { setItems: (items: unknown[]) => (clearTimeout(timer), resolve(JSON.parse(JSON.stringify(items)) as unknown[])) };
    const window = { FormioHelper: { authenticatedCall: (path: string) => helper.authenticatedCall(path).catch((e: unknown) => (clearTimeout(timer), reject(e), new Promise(() => {}))) } };
    runInNewContext(`(function () {\n${customScript(form, key)}\n})()`, { window, instance, data: JSON.parse(JSON.stringify(data)), values: [] });
  });
}

let portal: Portal;
let dataDir: string;
let db: Db;
let clockNow: Date;
let asked: string[];

function kioskHelper(deadlineMs = 8_000): { helper: PortalHelper; answers: FormHelperAnswer[] } {
  const config = configSchema.parse({ dataDirectory: dataDir, portal: { url: `${portal.url}/${portal.tenant}` } });
  const core = createFormHelper({ portal: formHelperPortalOf(portalFromConfig(config)), cache: createFormHelperCache(db), clock: { now: () => clockNow }, log: silentLogger, deadlineMs });
  const { moduli } = areaApiOf(moduliCalls, createDispatch(moduliCalls, moduliHandlers(core), silentLogger));
  const answers: FormHelperAnswer[] = [];
  const helper: PortalHelper = {
    async authenticatedCall(path) {
      asked.push(path);
      const result = await moduli.helper({ tenant: portal.tenant, path });
      if (!result.ok) throw new Error(result.error.message);
      answers.push(result.value);
      return result.value.data;
    },
  };
  return { helper, answers };
}

beforeAll(async () => {
  portal = await startPortal({ now: () => NOW });
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-form-helper-'));
  db = openDatabase(locationOf(dataDir));
  clockNow = NOW;
  asked = [];
});
afterAll(async () => {
  await portal.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Group = { id: string; name: string; calendar_id: string };
let online: { groups: Group[]; days: { date: string; datestring: string }[]; slots: unknown[]; reasons: unknown[]; categories: { id: string; name: string }[]; services: unknown[] };

describe('i moduli del portale riempiono le scelte dal portale', () => {
  it('Prenotazione appuntamento: Ufficio, Giorno, Orario, Motivo', async () => {
    const { helper, answers } = kioskHelper();
    const groups = (await itemsOf(helper, 'bookings', 'user_group', {})) as Group[];
    expect(groups).toEqual([{ id: '019a1958-2667-5945-a106-b81e16b9b2db', name: 'Ufficio Anagrafe e Stato Civile', calendar_id: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    const service = portal.catalogue.bySlug('richiesta-appuntamento')!.id;
    expect(await itemsOf(helper, 'bookings', 'user_group', { service: { id: service } })).toEqual(groups);
    const user_group = groups[0]!;
    const days = (await itemsOf(helper, 'bookings', 'day', { user_group })) as { date: string; datestring: string }[];
    expect(days.map((d) => d.date)).toEqual(['2026-12-09', '2026-12-11', '2026-12-14', '2026-12-16', '2026-12-18']);
    expect(days[0]!.datestring).toMatch(/mercoledì 9 dicembre 2026/);
    const slots = (await itemsOf(helper, 'bookings', 'time', { user_group, day: days[0]!.date })) as { start_time: string; end_time: string }[];
    expect(slots.map((s) => `${s.start_time} - ${s.end_time}`)).toEqual(['09:00 - 09:30', '09:30 - 10:00', '10:00 - 10:30', '10:30 - 11:00', '11:00 - 11:30', '11:30 - 12:00']);
    for (const s of slots) expectShapeOf('calendar-day-availabilities', s, (b) => (b as unknown[])[0]);
    const reasons = (await itemsOf(helper, 'bookings', 'service', { user_group })) as { id: string; name: string }[];
    expect(reasons).toHaveLength(portal.catalogue.services.size);
    expect(reasons).toContainEqual({ id: service, name: 'Richiesta di appuntamento' });
    expect(asked).toEqual([
      'user-groups?has_calendar=true',
      `user-groups?has_calendar=true&service_id=${service}`,
      `calendars/${user_group.calendar_id}/availabilities?available=true`,
      `calendars/${user_group.calendar_id}/availabilities/2026-12-09?available=true`,
      `services?user_group_ids=${user_group.id}`,
    ]);
    expect(answers.every((a) => a.source === 'portal' && a.ageSeconds === 0)).toBe(true);
    // What the scripts got is the portal's body, whole: the real shapes.
    for (const g of answers[0]!.data as unknown[]) expectShapeOf('user-groups-calendar', g, (b) => (b as unknown[])[0]);
    for (const d of answers[2]!.data as unknown[]) expectShapeOf('calendar-availabilities', d, (b) => (b as unknown[])[0]);
    for (const s of answers[4]!.data as unknown[]) expectShapeOf('services', s, (b) => (b as unknown[])[0]);
    online = { groups, days, slots, reasons, categories: [], services: [] };
  });

  it('Richiesta assistenza: Categoria e Servizio (per area, o tutti)', async () => {
    const { helper, answers } = kioskHelper();
    const categories = (await itemsOf(helper, 'helpdesk', 'category', {})) as { id: string; name: string }[];
    expect(categories.at(-1)).toEqual({ id: 'c9ead24d-bfe0-4d6c-939d-01c23cf34e73', name: 'Relazioni con il pubblico' });
    for (const c of answers[0]!.data as unknown[]) expectShapeOf('categories', c, (b) => (b as unknown[])[0]);
    const anagrafe = categories.find((c) => c.name === 'Anagrafe e stato civile')!;
    const services = (await itemsOf(helper, 'helpdesk', 'service', { category: anagrafe })) as { name: string }[];
    expect(services.map((s) => s.name)).toEqual(['cambio-residenza', 'certificato-matrimonio', 'certificato-morte', 'certificato-nascita'].map((slug) => portal.catalogue.bySlug(slug)!.name));
    const everything = await itemsOf(helper, 'helpdesk', 'service', {});
    expect(everything).toHaveLength(portal.catalogue.services.size);
    online.categories = categories;
    online.services = services;
  });

  it('il comune non ha la categoria che il modulo aggiunge di suo: il portale risponde 404, il campo lo dice', async () => {
    const { helper } = kioskHelper();
    await expect(helper.authenticatedCall('services?topics_id=c9ead24d-bfe0-4d6c-939d-01c23cf34e73')).rejects.toThrow(/Il portale del Comune non ha dato le scelte di questo campo \(errore 404\)/);
  });

  it('un percorso fuori elenco è rifiutato con il motivo', async () => {
    const { helper } = kioskHelper();
    for (const path of ['applications', '../applications', 'https://127.0.0.1:1/x', `calendars/undefined/availabilities?available=true`]) {
      await expect(helper.authenticatedCall(path)).rejects.toThrow(/^Il modulo ha chiesto al portale un dato non previsto: /);
    }
  });
});

describe('senza portale: le stesse scelte dalla copia, con la loro età', () => {
  it('un portale che non risponde costa il termine, poi la copia; senza copia un errore chiaro', async () => {
    portal.setFaults({ latencyMs: 5_000 });
    clockNow = new Date(NOW.getTime() + 90 * 60_000);
    const { helper, answers } = kioskHelper(400);
    const started = Date.now();
    const groups = await itemsOf(helper, 'bookings', 'user_group', {});
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(groups).toEqual(online.groups);
    expect(answers.at(-1)).toMatchObject({ source: 'cache', ageSeconds: 5400, fetchedAt: NOW.toISOString() });
    const started2 = Date.now();
    await expect(helper.authenticatedCall('user-groups?has_calendar=false')).rejects.toThrow(/non ce n'è ancora una copia/);
    expect(Date.now() - started2).toBeLessThan(2_000);
    portal.setFaults({});
  });

  it('portale spento: ufficio, giorni, orari, motivi, categorie e servizi dalla copia', async () => {
    await portal.close();
    clockNow = new Date(NOW.getTime() + 26 * 3600_000);
    const { helper, answers } = kioskHelper();
    const user_group = online.groups[0]!;
    expect(await itemsOf(helper, 'bookings', 'user_group', {})).toEqual(online.groups);
    expect(await itemsOf(helper, 'bookings', 'day', { user_group })).toEqual(online.days);
    expect(await itemsOf(helper, 'bookings', 'time', { user_group, day: online.days[0]!.date })).toEqual(online.slots);
    expect(await itemsOf(helper, 'bookings', 'service', { user_group })).toEqual(online.reasons);
    expect(await itemsOf(helper, 'helpdesk', 'category', {})).toEqual(online.categories);
    expect(await itemsOf(helper, 'helpdesk', 'service', { category: online.categories.find((c) => c.name === 'Anagrafe e stato civile') })).toEqual(online.services);
    expect(answers.every((a) => a.source === 'cache' && a.ageSeconds >= 26 * 3600)).toBe(true);
    await expect(helper.authenticatedCall(`calendars/${user_group.calendar_id}/availabilities/2026-12-11?available=true`)).rejects.toThrow(/non ce n'è ancora una copia/);
  });
});
