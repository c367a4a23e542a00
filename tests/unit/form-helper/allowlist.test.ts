/**
 * The form helper's allowlist: the requests the portal's own forms make (bookings.json,
 * helpdesk.json) pass, canonical; anything else is refused with an Italian reason, before any
 * request leaves the device.
 */
import { describe, expect, it } from 'vitest';
import { FormHelperRefused, parseHelperPath } from '../../../electron/core/catalogue/form-helper';

const GROUP = '019a1958-2667-5945-a106-b81e16b9b2db';
const CALENDAR = '51d05ea8-91cc-5e55-aab7-faa8d459b8a8';

describe('form helper allowlist: what the portal forms ask', () => {
  it.each([
    ['categories', 'categories', 'categories'],
    ['services', 'services', 'services'],
    [`services?topics_id=${GROUP}`, 'services', `services?topics_id=${GROUP}`],
    [`services?user_group_ids=${GROUP}`, 'services', `services?user_group_ids=${GROUP}`],
    ['user-groups?has_calendar=true', 'user-groups', 'user-groups?has_calendar=true'],
    [`user-groups?has_calendar=true&service_id=${GROUP}`, 'user-groups', `user-groups?has_calendar=true&service_id=${GROUP}`],
    [`calendars/${CALENDAR}/availabilities?available=true`, 'calendar-days', `calendars/${CALENDAR}/availabilities?available=true`],
    [`calendars/${CALENDAR}/availabilities/2026-12-09?available=true`, 'calendar-slots', `calendars/${CALENDAR}/availabilities/2026-12-09?available=true`],
  ])('%s', (path, kind, key) => {
    const request = parseHelperPath(path);
    expect(request.kind).toBe(kind);
    expect(request.key).toBe(key);
    expect(request.segments.join('/')).toBe(key.split('?')[0]);
  });

  it('canonical: ids in lower case, query keys in a fixed order, so one request is one cache entry', () => {
    const a = parseHelperPath(`user-groups?service_id=${GROUP.toUpperCase()}&has_calendar=true`);
    expect(a.key).toBe(`user-groups?has_calendar=true&service_id=${GROUP}`);
    expect(a.query).toEqual([['has_calendar', 'true'], ['service_id', GROUP]]);
    expect(parseHelperPath(`calendars/${CALENDAR.toUpperCase()}/availabilities`).segments).toEqual(['calendars', CALENDAR, 'availabilities']);
  });
});

describe('form helper allowlist: refused', () => {
  const refused = (path: string, reason: RegExp) => {
    let error: unknown;
    try {
      parseHelperPath(path);
    } catch (e) {
      error = e;
    }
    expect(error, path).toBeInstanceOf(FormHelperRefused);
    expect((error as FormHelperRefused).code).toBe('richiesta-modulo-non-ammessa');
    expect((error as Error).message, path).toMatch(/^Il modulo ha chiesto al portale un dato non previsto: /);
    expect((error as Error).message, path).toMatch(reason);
  };

  it('paths that climb out, encode, or name another host', () => {
    for (const path of [
      '../applications',
      'categories/../applications',
      `calendars/${CALENDAR}/../../applications`,
      '..%2fapplications',
      'categories%3Fx',
      'https://evil.example/api/categories',
      'http:/evil/categories',
      '//evil.example/categories',
      'user@evil/categories',
      'categories\\..\\x',
      'categories#x',
      'categories ',
      ' categories',
      'categories\n',
    ]) {
      refused(path, /caratteri non ammessi/);
    }
    for (const path of ['//evil/categories', '/categories', 'categories/', 'services//x', '']) refused(path, /percorso|vuoto/);
  });

  it('paths the forms never use', () => {
    for (const path of [
      'applications',
      'users',
      'session-auth',
      'auth',
      `services/${GROUP}`,
      `services/${GROUP}/form`,
      `calendars/${CALENDAR}`,
      `calendars/${CALENDAR}/opening-hours`,
      `calendars/${CALENDAR}/availabilities/2026-12-09/x`,
      `user-groups/${GROUP}`,
      'Categories',
      'tenants/info',
      'meetings',
    ]) {
      refused(path, /percorso non previsto/);
    }
  });

  it('bad ids and dates, as a form with nothing chosen yet sends them', () => {
    refused('calendars/undefined/availabilities?available=true', /identificativo non valido/);
    refused('calendars/null/availabilities/undefined?available=true', /identificativo non valido/);
    refused(`calendars/${CALENDAR}/availabilities/undefined?available=true`, /data non valida/);
    refused(`calendars/${CALENDAR}/availabilities/2026-02-30`, /data non valida/);
    refused(`calendars/${CALENDAR}/availabilities/26-12-09`, /data non valida/);
    refused(`calendars/${CALENDAR}/availabilities/1900-01-01`, /data non valida/);
    refused(`calendars/${CALENDAR.slice(0, -1)}/availabilities`, /identificativo non valido/);
    refused('services?user_group_ids=undefined', /identificativo non valido/);
    refused(`services?topics_id=${GROUP},${CALENDAR}`, /caratteri non ammessi/);
    refused('user-groups?has_calendar=true&service_id=1', /identificativo non valido/);
  });

  it('query keys the forms do not send, repeated, empty or malformed', () => {
    refused('categories?parent_id=null', /parametro «parent_id» non previsto/);
    refused('services?limit=1000', /parametro «limit» non previsto/);
    refused(`services?status=1&topics_id=${GROUP}`, /parametro «status» non previsto/);
    refused('user-groups?has_calendar=yes', /valore non ammesso per «has_calendar»/);
    refused(`calendars/${CALENDAR}/availabilities?available=1`, /valore non ammesso per «available»/);
    refused(`calendars/${CALENDAR}/availabilities?all=true`, /parametro «all» non previsto/);
    refused('user-groups?has_calendar=true&has_calendar=false', /ripetuto/);
    refused('user-groups?has_calendar=', /malformato/);
    refused('user-groups?', /malformato/);
    refused('user-groups?has_calendar=true&', /malformato/);
    refused('user-groups?has_calendar=true=false', /malformato/);
    refused('user-groups?has_calendar=true?x=1', /malformato/);
    refused(`user-groups?${'x'.repeat(600)}`, /troppo lungo/);
  });
});
