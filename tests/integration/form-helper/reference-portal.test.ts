/**
 * The reference portal answers what the portal's forms ask through FormioHelper as the real one
 * does (each behaviour names the real file in tests/portal): offices with their calendars
 * (UserGroupsAPIController), services by office and by area (ServiceManager::getServices),
 * calendars' days and slots (CalendarsAPIController, MeetingService), with the real shapes
 * (tests/fixtures/sdc) and the real refusals and quirks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../portal/server';
import { expectShapeOf, http } from '../portal/portal-support';
import { TEST_CATALOGUE } from '../sync/kiosk';

/** Monday 7 December 2026, 11:15 in Rome. */
const NOW = new Date('2026-12-07T10:15:00Z');
const ANAGRAFE = '019a1958-2667-5945-a106-b81e16b9b2db';
const ELETTORALE = 'b2aa9dfb-86a3-5af5-80f6-664681be375c';
const ANAGRAFE_TOPIC = '0fa12071-1a08-55ff-863e-3f1b1dca7508';
const CERTIFICATO_NASCITA = 'certificato-nascita';

let portal: Portal;
let api: string;
const get = (path: string) => http.get(`${api}/${path}`);

beforeAll(async () => {
  portal = await startPortal({ now: () => NOW });
  api = `${portal.url}/${portal.tenant}/api`;
});
afterAll(() => portal.close());

describe('portale di riferimento: uffici (UserGroupsAPIController)', () => {
  it('has_calendar e service_id come il portale reale; calendar_id e la forma completa di UserGroup', async () => {
    const all = (await get('user-groups')).data as { id: string; name: string; calendar_id: string | null; services_count: number }[];
    expect(all.map((g) => g.name)).toEqual([...all.map((g) => g.name)].sort((a, b) => a.localeCompare(b)));
    for (const g of all) expectShapeOf('user-groups-calendar', g, (b) => (b as unknown[])[0]);
    const withCalendar = (await get('user-groups?has_calendar=true')).data as typeof all;
    expect(withCalendar.map((g) => g.id)).toEqual([ANAGRAFE]);
    expect(withCalendar[0]!.calendar_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(withCalendar[0]!.services_count).toBe(portal.catalogue.services.size);
    const without = (await get('user-groups?has_calendar=false')).data as typeof all;
    expect(without).toHaveLength(all.length - 1);
    expect(without.every((g) => g.calendar_id === null)).toBe(true);
    // getBoolean: anything but true/1/on/yes is false.
    expect((await get('user-groups?has_calendar=si')).data).toEqual(without);
    const service = portal.catalogue.bySlug(CERTIFICATO_NASCITA)!.id;
    expect(((await get(`user-groups?has_calendar=true&service_id=${service}`)).data as typeof all).map((g) => g.id)).toEqual([ANAGRAFE]);
    expect((await get(`user-groups?service_id=${service}`)).data).toHaveLength(1);
    expect((await get('user-groups?service_id=00000000-0000-4000-8000-000000000000')).data).toEqual([]);
    // `$this->view('Parameter service_id is not a valid uuid')`: no status given, so 200 and a JSON string.
    expect(await get('user-groups?service_id=abc')).toMatchObject({ status: 200, data: 'Parameter service_id is not a valid uuid' });
  });
});

describe('portale di riferimento: servizi per ufficio e per area (ServiceManager::getServices)', () => {
  it('user_group_ids e topics_id: liste di uuid, 500 se non uuid, 404 se inesistenti', async () => {
    const byGroup = await get(`services?user_group_ids=${ANAGRAFE}`);
    expect(byGroup.status).toBe(200);
    const list = byGroup.data as { id: string; name: string; user_group_ids: string[] }[];
    expect(list).toHaveLength(portal.catalogue.services.size);
    for (const s of list) {
      expectShapeOf('services', s, (b) => (b as unknown[])[0]);
      expect(s.user_group_ids).toEqual([ANAGRAFE]);
    }
    expect((await get(`services?user_group_ids=${ELETTORALE}`)).data).toEqual([]);
    expect((await get(`services?user_group_ids=${ELETTORALE},${ANAGRAFE}`)).data).toHaveLength(list.length);
    expect(await get('services?user_group_ids=00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, data: ['User group 00000000-0000-4000-8000-000000000000 not found'] });
    expect(await get('services?user_group_ids=1')).toMatchObject({ status: 500, data: { type: 'error', title: 'There was an error during fetch process', description: 'User group 1 is not a valid uuid' } });

    const byTopic = (await get(`services?topics_id=${ANAGRAFE_TOPIC}`)).data as { slug: string; topics_id: string }[];
    expect(byTopic.map((s) => s.slug)).toEqual(['cambio-residenza', 'certificato-matrimonio', 'certificato-morte', 'certificato-nascita']);
    const missing = 'c9ead24d-bfe0-4d6c-939d-01c23cf34e73';
    const notFound = await get(`services?topics_id=${missing}`);
    expect(notFound.status).toBe(404);
    expect(notFound.data).toEqual([`Category ${missing} not found`]);
    expect(notFound.data).toEqual((await import('../../fixtures/sdc/load')).sdcFixture('error-category-not-found').body);
    expect(await get('services?topics_id=ambiente')).toMatchObject({ status: 500, data: { description: 'Category id ambiente is not a valid uuid' } });
    expect((await get('categories')).data).toContainEqual(expect.objectContaining({ id: ANAGRAFE_TOPIC, name: 'Anagrafe e stato civile' }));
  });
});

describe('portale di riferimento: disponibilità dei calendari (CalendarsAPIController, MeetingService)', () => {
  let calendar: string;
  beforeAll(async () => {
    calendar = ((await get('user-groups?has_calendar=true')).data as { calendar_id: string }[])[0]!.calendar_id;
  });

  it('i giorni: lunedì, mercoledì e venerdì dei 14 giorni a venire, dopo 24 ore di preavviso', async () => {
    const res = await get(`calendars/${calendar}/availabilities?available=true`);
    expect(res.status).toBe(200);
    for (const d of res.data as unknown[]) expectShapeOf('calendar-availabilities', d, (b) => (b as unknown[])[0]);
    expect(res.data).toEqual(['2026-12-09', '2026-12-11', '2026-12-14', '2026-12-16', '2026-12-18'].map((date) => ({ date, available: true })));
    expect((await get(`calendars/${calendar}/availabilities`)).data).toEqual(res.data);
    // boolval('false') is true: the real controller filters on it too.
    expect((await get(`calendars/${calendar}/availabilities?available=false`)).data).toEqual(res.data);
    expect((await get('tenants/info')).data).toMatchObject({ backoffice_enabled_integrations: ['operatori_calendars_index'] });
  });

  it('gli orari di un giorno: slot di 30 minuti dalle 9 alle 12, solo i liberi con available', async () => {
    const res = await get(`calendars/${calendar}/availabilities/2026-12-09?available=true`);
    const slots = res.data as { start_time: string; end_time: string; availability: boolean; opening_hour: string }[];
    for (const s of slots) expectShapeOf('calendar-day-availabilities', s, (b) => (b as unknown[])[0]);
    expect(slots.map((s) => `${s.start_time}-${s.end_time}`)).toEqual(['09:00-09:30', '09:30-10:00', '10:00-10:30', '10:30-11:00', '11:00-11:30', '11:30-12:00']);
    expect(slots.every((s) => s.availability)).toBe(true);
    // A Tuesday has no opening hours; today is within the notice.
    const tuesday = (await get(`calendars/${calendar}/availabilities/2026-12-08`)).data;
    expect(tuesday).toEqual([]);
    expect((await get(`calendars/${calendar}/availabilities/2026-12-07?available=true`)).data).toEqual([]);
    // `all=true` ignores rolling days and notice: a Monday a month ahead has slots.
    expect((await get(`calendars/${calendar}/availabilities/2027-01-11?all=true&available=true`)).data).toHaveLength(6);
    expect((await get(`calendars/${calendar}/availabilities/2027-01-11?available=true`)).data).toEqual([]);
  });

  it('calendario sconosciuto 404, data illeggibile 400', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await get(`calendars/${unknown}/availabilities?available=true`)).toMatchObject({ status: 404, data: ['Object not found'] });
    expect(await get(`calendars/${unknown}/availabilities/2026-12-09`)).toMatchObject({ status: 404, data: ['Object not found'] });
    expect(await get(`calendars/${calendar}/availabilities/undefined?available=true`)).toMatchObject({ status: 400, data: ['Invalid parameter. undefined is not a valid date'] });
  });
});

describe('portale di riferimento: un comune senza calendari', () => {
  it("l'integrazione calendari è spenta: la richiesta anonima va al login, e nessun ufficio ha calendar_id", async () => {
    const bare = await startPortal({ now: () => NOW, calendars: [] });
    try {
      const base = `${bare.url}/${bare.tenant}`;
      const res = await http.get(`${base}/api/calendars/00000000-0000-4000-8000-000000000000/availabilities`);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`${base}/login`);
      expect((await http.get(`${base}/api/user-groups?has_calendar=true`)).data).toEqual([]);
      expect((await http.get(`${base}/api/tenants/info`)).data).toMatchObject({ backoffice_enabled_integrations: [] });
      expect((await http.get(`${base}/api/services?user_group_ids=${ANAGRAFE}`)).data).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

describe('portale di riferimento: il catalogo di prova (tests/portal/fixtures/comune-di-test, calendars.json)', () => {
  const OFFICE = '7d3f1c2a-0000-4000-8000-0000000000b1';
  const CALENDAR = '7d3f1c2a-0000-4000-8000-0000000000c1';
  const RESIDENZA = 'c0000000-0000-4000-8000-000000000001';
  let fixture: Portal;
  let fixtureApi: string;
  const at = (path: string) => http.get(`${fixtureApi}/${path}`);
  beforeAll(async () => {
    fixture = await startPortal({ catalogueDir: TEST_CATALOGUE, now: () => NOW });
    fixtureApi = `${fixture.url}/${fixture.tenant}/api`;
  });
  afterAll(() => fixture.close());

  it("un ufficio con calendario che tratta un servizio; l'altro senza", async () => {
    const groups = (await at('user-groups?has_calendar=true')).data as { id: string; name: string; calendar_id: string; services_count: number }[];
    expect(groups).toEqual([expect.objectContaining({ id: OFFICE, name: 'Ufficio Anagrafe', calendar_id: CALENDAR, services_count: 1 })]);
    for (const g of groups) expectShapeOf('user-groups-calendar', g, (b) => (b as unknown[])[0]);
    expect(((await at('user-groups?has_calendar=false')).data as { name: string }[]).map((g) => g.name)).toEqual(['Ufficio Scuola']);
    expect(((await at(`user-groups?service_id=${RESIDENZA}`)).data as { id: string }[]).map((g) => g.id)).toEqual([OFFICE]);
    expect(((await at(`services?user_group_ids=${OFFICE}`)).data as { id: string; user_group_ids: string[] }[]).map((s) => [s.id, s.user_group_ids])).toEqual([[RESIDENZA, [OFFICE]]]);
    expect((await at('categories')).data).toEqual([expect.objectContaining({ id: '7d3f1c2a-0000-4000-8000-0000000000a1', name: 'Anagrafe', slug: 'anagrafe' })]);
    expect((await at('services?topics_id=7d3f1c2a-0000-4000-8000-0000000000a1')).data).toEqual([]);
  });

  it('martedì e giovedì dei 10 giorni a venire, 24 ore di preavviso; slot di 20 minuti ogni 30, due posti', async () => {
    expect((await at(`calendars/${CALENDAR}/availabilities`)).data).toEqual([
      { date: '2026-12-08', available: false },
      { date: '2026-12-10', available: true },
      { date: '2026-12-15', available: true },
    ]);
    expect((await at(`calendars/${CALENDAR}/availabilities?available=true`)).data).toEqual([
      { date: '2026-12-10', available: true },
      { date: '2026-12-15', available: true },
    ]);
    const slots = (await at(`calendars/${CALENDAR}/availabilities/2026-12-10?available=true`)).data as { start_time: string; end_time: string; slots_available: number }[];
    for (const s of slots) expectShapeOf('calendar-day-availabilities', s, (b) => (b as unknown[])[0]);
    expect(slots.map((s) => `${s.start_time}-${s.end_time}/${s.slots_available}`)).toEqual(['09:00-09:20/2', '09:30-09:50/2', '10:00-10:20/2', '10:30-10:50/2']);
    // Tomorrow is within the notice: its slots exist, none free.
    const tomorrow = (await at(`calendars/${CALENDAR}/availabilities/2026-12-08`)).data as { availability: boolean }[];
    expect(tomorrow).toHaveLength(4);
    expect(tomorrow.every((s) => !s.availability)).toBe(true);
  });
});
