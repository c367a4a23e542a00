/**
 * The form helper's answers: from the portal (kept), from the copy when the portal cannot be
 * reached (with its age), never waiting past the deadline; what the portal refuses is reported
 * and forgotten; a bad answer never reaches the form; one request in flight at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFormHelper,
  createFormHelperCache,
  FormHelperPortalFailure,
  type FormHelperPortal,
} from '../../../electron/core/catalogue/form-helper';
import { createLogger } from '../../../electron/core/log/logger';
import { openDatabase, type Db } from '../../../electron/core/store/database';

const TENANT = 'comune-di-prova';
const CALENDAR = '51d05ea8-91cc-5e55-aab7-faa8d459b8a8';
const DAYS = `calendars/${CALENDAR}/availabilities?available=true`;
const days = [{ date: '2026-12-09', available: true }];

let db: Db;
let now: Date;
let lines: string[];
const clock = { now: () => now };
const log = () => createLogger({ level: 'debug', sink: (l) => lines.push(l) });

type Answer = (request: { segments: readonly string[]; query: readonly (readonly [string, string])[] }, signal: AbortSignal) => Promise<unknown>;
function portal(answer: Answer): FormHelperPortal & { asked: string[] } {
  const asked: string[] = [];
  return {
    tenant: TENANT,
    asked,
    get: (request, signal) => {
      asked.push(`${request.segments.join('/')}?${request.query.map(([k, v]) => `${k}=${v}`).join('&')}`);
      return answer(request, signal);
    },
  };
}
const down = portal(async () => {
  throw new FormHelperPortalFailure('unreachable', 'dati del modulo: portale non raggiungibile (ECONNREFUSED)', null);
});

beforeEach(() => {
  db = openDatabase(':memory:');
  now = new Date('2026-12-07T10:00:00.000Z');
  lines = [];
});
afterEach(() => db.close());

const helperWith = (p: FormHelperPortal | null, deadlineMs = 1_000) => createFormHelper({ portal: p, cache: createFormHelperCache(db), clock, log: log(), deadlineMs });

describe('form helper', () => {
  it('answers from the portal and keeps the answer; offline, the copy with its age', async () => {
    const up = portal(async () => days);
    expect(await helperWith(up).answer(TENANT, DAYS)).toEqual({ data: days, source: 'portal', fetchedAt: '2026-12-07T10:00:00.000Z', ageSeconds: 0 });
    expect(up.asked).toEqual([`calendars/${CALENDAR}/availabilities?available=true`]);
    now = new Date('2026-12-07T10:42:30.000Z');
    expect(await helperWith(down).answer(TENANT, DAYS)).toEqual({ data: days, source: 'cache', fetchedAt: '2026-12-07T10:00:00.000Z', ageSeconds: 2550 });
    expect(lines.join('\n')).toMatch(/portale non disponibile/);
  });

  it('the copy is per canonical request and per comune', async () => {
    await helperWith(portal(async () => days)).answer(TENANT, `calendars/${CALENDAR.toUpperCase()}/availabilities?available=true`);
    expect((await helperWith(down).answer(TENANT, DAYS)).source).toBe('cache');
    const other = { ...down, tenant: 'comune-di-altrove' };
    await expect(helperWith(other).answer('comune-di-altrove', DAYS)).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
  });

  it('offline with no copy: a clear error, not a hang', async () => {
    await expect(helperWith(down).answer(TENANT, 'categories')).rejects.toMatchObject({
      code: 'portale-non-raggiungibile',
      message: expect.stringMatching(/^Il portale del Comune non ha dato le scelte di questo campo e su questa postazione non ce n'è ancora una copia/),
    });
  });

  it('a portal that never answers: the deadline ends the call and aborts the request', async () => {
    let aborted = false;
    const silent = portal((_, signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => {});
    });
    const started = Date.now();
    await expect(helperWith(silent, 150).answer(TENANT, 'categories')).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toBe(true);
    await helperWith(portal(async () => [{ id: 'a', name: 'Ambiente' }])).answer(TENANT, 'categories');
    const cached = await helperWith(silent, 150).answer(TENANT, 'categories');
    expect(cached).toMatchObject({ source: 'cache', data: [{ id: 'a', name: 'Ambiente' }] });
  });

  it('refused by the portal: reported, and the copy forgotten (a calendar that no longer exists)', async () => {
    await helperWith(portal(async () => days)).answer(TENANT, DAYS);
    const gone = portal(async () => {
      throw new FormHelperPortalFailure('refused', 'dati del modulo: richiesta rifiutata dal portale (404: Object not found)', 404);
    });
    await expect(helperWith(gone).answer(TENANT, DAYS)).rejects.toMatchObject({ code: 'richiesta-rifiutata-dal-portale', message: expect.stringMatching(/errore 404/) });
    await expect(helperWith(down).answer(TENANT, DAYS)).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
  });

  it('an answer of the wrong shape never reaches the form nor the copy', async () => {
    const odd = portal(async () => 'Parameter service_id is not a valid uuid');
    await expect(helperWith(odd).answer(TENANT, 'user-groups?has_calendar=true')).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
    await helperWith(portal(async () => [{ id: 'g', name: 'Ufficio', calendar_id: null, extra: { kept: true } }])).answer(TENANT, 'user-groups?has_calendar=true');
    const fallback = await helperWith(portal(async () => [{ id: 1 }])).answer(TENANT, 'user-groups?has_calendar=true');
    expect(fallback).toMatchObject({ source: 'cache', data: [{ id: 'g', name: 'Ufficio', calendar_id: null, extra: { kept: true } }] });
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 40; i++) cursor.push((cursor = []));
    await expect(helperWith(portal(async () => deep)).answer(TENANT, 'services')).rejects.toMatchObject({ code: 'portale-non-raggiungibile' });
  });

  it('refuses before asking: paths off the list, another comune, no portal', async () => {
    const up = portal(async () => days);
    await expect(helperWith(up).answer(TENANT, '../applications')).rejects.toMatchObject({ code: 'richiesta-modulo-non-ammessa' });
    await expect(helperWith(up).answer('comune-di-altrove', DAYS)).rejects.toMatchObject({ code: 'comune-non-collegato' });
    await expect(helperWith(null).answer(TENANT, DAYS)).rejects.toMatchObject({ code: 'portale-non-configurato' });
    expect(up.asked).toEqual([]);
  });

  it('the same request asked twice at once goes out once', async () => {
    let release: (v: unknown) => void = () => {};
    const slow = portal(() => new Promise((r) => (release = r)));
    const helper = helperWith(slow);
    const both = Promise.all([helper.answer(TENANT, DAYS), helper.answer(TENANT, DAYS)]);
    await new Promise((r) => setTimeout(r, 10));
    release(days);
    const [a, b] = await both;
    expect(a).toEqual(b);
    expect(slow.asked).toHaveLength(1);
    const again = helper.answer(TENANT, DAYS);
    await new Promise((r) => setTimeout(r, 10));
    release(days);
    await again;
    expect(slow.asked).toHaveLength(2);
  });

  it('a copy that cannot be written costs only the copy', async () => {
    db.exec('DROP TABLE form_helper_cache');
    db.exec("CREATE TABLE form_helper_cache (tenant_slug TEXT, request_key TEXT, body TEXT CHECK (body = 'mai'), fetched_at TEXT, PRIMARY KEY (tenant_slug, request_key))");
    expect(await helperWith(portal(async () => days)).answer(TENANT, DAYS)).toMatchObject({ source: 'portal', data: days });
    expect(lines.join('\n')).toMatch(/copia non salvata/);
  });

  it('a programming error in the adapter is not taken for "offline"', async () => {
    const broken = portal(async () => {
      throw new TypeError('bug');
    });
    await expect(helperWith(broken).answer(TENANT, DAYS)).rejects.toThrow(TypeError);
  });
});

describe('form helper copy', () => {
  it('keeps the newest rows only, and none older than the limit', () => {
    const cache = createFormHelperCache(db, { maxRows: 3, maxAgeDays: 1 });
    const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
    cache.put(TENANT, 'a', [1], at(0));
    cache.put(TENANT, 'b', [2], at(1));
    cache.put(TENANT, 'c', [3], at(2));
    cache.put(TENANT, 'd', [4], at(3));
    expect(cache.get(TENANT, 'a')).toBeNull();
    expect(cache.get(TENANT, 'd')).toEqual({ data: [4], fetchedAt: at(3).toISOString() });
    cache.put(TENANT, 'b', [22], at(30));
    expect(cache.get(TENANT, 'b')).toEqual({ data: [22], fetchedAt: at(30).toISOString() });
    expect(cache.get(TENANT, 'c')).toBeNull();
    cache.forget(TENANT, 'b');
    expect(cache.get(TENANT, 'b')).toBeNull();
  });
});
