/**
 * Meetings on the reference portal against MeetingsAPIController.php, MeetingService.php,
 * MeetingType.php, MeetingVoter.php and CalendarsBackOffice.php: booking a free slot, the refusals
 * (taken, invalid, unknown calendar), moving and cancelling with PATCH, PUT clearing, DELETE, who
 * sees and changes what, the list's `status` quirks, availabilities taking booked places and
 * giving them back, and the booking service's application making its meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMeetings } from '../../portal/inspect';
import { citizenToken, officeWith, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS } from './portal-support';
import { CALENDAR, NOW, SETUP, THURSDAY } from './calendario-una-persona';

const FISCAL_CODE = 'NREMRC75C41H501Q';
const FORM = 'app_bundle_meeting_type';

let portal: Portal;
let api: string;
let kiosk: Office;
let other: Office;
let openingHour: string;

type Meeting = { id: string; status: number; user: string; from_time: string; to_time: string; rescheduled: number; application: string | null; calendar: { id: string }; opening_hour: { id: string } | null };
type Slot = { start_time: string; end_time: string; slots_available: number; availability: boolean; opening_hour: string };

const slotsOf = async (day: string, query = ''): Promise<Slot[]> => (await http.get(`${api}/calendars/${CALENDAR}/availabilities/${day}${query}`)).data as Slot[];
const freeTimes = async (day: string) => (await slotsOf(day, '?available=true')).map((s) => s.start_time);
const at = (day: string, time: string) => `${day}T${time}:00+02:00`;

function booking(time: string, end: string, extra: Record<string, unknown> = {}) {
  return { calendar: CALENDAR, opening_hour: openingHour, from_time: at(THURSDAY, time), to_time: at(THURSDAY, end), status: 1, fiscal_code: FISCAL_CODE, name: 'Marco Neri', email: 'marco.neri@example.it', ...extra };
}

async function book(time: string, end: string, extra: Record<string, unknown> = {}): Promise<Meeting> {
  const res = await kiosk.call('POST', '/meetings', booking(time, end, extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Meeting;
}

beforeAll(async () => {
  portal = await startPortal({ now: () => NOW, catalogueDir: TEST_CATALOGUE, calendars: SETUP, accounts: TEST_ACCOUNTS });
  api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  other = officeWith(portal, await bearer(api, 'mensa', 'mensa-demo'));
  openingHour = (await slotsOf(THURSDAY))[0]!.opening_hour;
});
afterAll(() => portal.close());

describe('prenotare', () => {
  it('un posto libero: 201 con la forma reale, il cittadino dal codice fiscale, e il posto non è più offerto', async () => {
    expect(await freeTimes(THURSDAY)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    const m = await book('09:00', '09:30', { user_message: "Rinnovo carta d'identità" });
    expectShapeOf('meeting', m);
    expect(m).toMatchObject({ status: 1, from_time: at(THURSDAY, '09:00'), to_time: at(THURSDAY, '09:30'), rescheduled: 0, application: null, calendar: { id: CALENDAR }, opening_hour: { id: openingHour } });
    expect(storedMeetings(portal, CALENDAR).find((s) => s.id === m.id)).toMatchObject({ fiscalCode: FISCAL_CODE, fromTime: `${THURSDAY}T09:00:00`, status: 1 });
    expect(await freeTimes(THURSDAY)).toEqual(['09:30', '10:00', '10:30']);
    expect((await slotsOf(THURSDAY))[0]).toMatchObject({ start_time: '09:00', slots_available: 0, availability: false });
    // The same citizen again: found by fiscal code, not created twice.
    const again = await book('10:30', '11:00');
    expect(again.user).toBe(m.user);
    expect((await kiosk.call('GET', `/meetings/${m.id}`)).body).toMatchObject({ id: m.id, user: m.user });
    expect(((await kiosk.call('GET', '/meetings')).body as Meeting[]).map((x) => x.id)).toEqual(expect.arrayContaining([m.id, again.id]));
    expect((await kiosk.call('DELETE', `/meetings/${again.id}`)).status).toBe(204);
  });

  it('un posto preso: 400 con "L\'intervallo selezionato non è disponibile", nulla salvato', async () => {
    const before = storedMeetings(portal).length;
    const res = await kiosk.call('POST', '/meetings', booking('09:00', '09:30'));
    expect(res.status).toBe(400);
    expectShapeOf('error-meeting-slot', res.body);
    expect(res.body).toEqual({ type: 'validation_error', title: 'There was a validation error', errors: [`L'intervallo selezionato non è disponibile: ${FORM}`] });
    expect(storedMeetings(portal)).toHaveLength(before);
  });

  it('un orario fuori dagli slot: 400 "non è valido" con opening_hour, la pagina 500 senza; calendario ignoto o mancante: 500', async () => {
    // 10:10-10:40 overlaps only free slots: invalid, not taken.
    const invalid = await kiosk.call('POST', '/meetings', booking('10:10', '10:40'));
    expect(invalid.status).toBe(400);
    expect((invalid.body as { errors: unknown[] }).errors).toEqual([`L'intervallo selezionato non è valido: ${FORM}`]);
    const { opening_hour: _, ...without } = booking('10:10', '10:40');
    const crash = await kiosk.call('POST', '/meetings', without);
    expect(crash.status).toBe(500);
    expect(String(crash.body)).toContain('<html');
    expect((await kiosk.call('POST', '/meetings', booking('10:00', '10:30', { calendar: '00000000-0000-4000-8000-000000000000' }))).status).toBe(500);
    const { calendar: __, ...noCalendar } = booking('10:00', '10:30');
    expect((await kiosk.call('POST', '/meetings', noCalendar)).status).toBe(500);
  });

  it('campi illeggibili o in più, stato mancante o bozza: gli errori di FormUtils', async () => {
    const res = await kiosk.call('POST', '/meetings', booking('10:00', '10:30', { status: 6, id: 'x', email: ['a'] }));
    expect(res.status).toBe(400);
    expect((res.body as { errors: unknown[] }).errors).toEqual([
      `Questo form non dovrebbe contenere nessun campo extra.: ${FORM}`,
      ['Questo valore non è valido.: email'],
      ['Questo valore non è valido.: status'],
    ]);
    const { status: _, ...noStatus } = booking('10:00', '10:30');
    expect(((await kiosk.call('POST', '/meetings', noStatus)).body as { errors: unknown[] }).errors).toEqual([
      ["Seleziona un'opzione. Lo stato è un parametro obbligatorio: status", 'Questo valore non dovrebbe essere nullo.: status'],
    ]);
  });

  it('passato e preavviso breve non sono rifiutati dall\'API (isSlotValid guarda solo le date dell\'orario di apertura)', async () => {
    const past = await kiosk.call('POST', '/meetings', { ...booking('09:00', '09:30'), from_time: at('2026-06-04', '09:00'), to_time: at('2026-06-04', '09:30') });
    expect(past.status).toBe(201);
    const soon = await kiosk.call('POST', '/meetings', { ...booking('09:00', '09:30'), from_time: '2026-06-09T09:00', to_time: '2026-06-09T09:30' });
    expect(soon.status).toBe(201);
    expect((soon.body as Meeting).from_time).toBe(at('2026-06-09', '09:00'));
    for (const m of [past, soon]) expect((await kiosk.call('DELETE', `/meetings/${(m.body as Meeting).id}`)).status).toBe(204);
  });
});

describe('spostare, annullare, cancellare', () => {
  it('PATCH di from_time/to_time sposta: il vecchio posto torna libero, il nuovo è preso, rescheduled 1', async () => {
    const m = await book('10:00', '10:30');
    expect((await slotsOf(THURSDAY, `?available=true&exclude=${m.id}`)).map((s) => s.start_time)).toContain('10:00');
    const res = await kiosk.call('PATCH', `/meetings/${m.id}`, { from_time: at(THURSDAY, '10:30'), to_time: at(THURSDAY, '11:00') });
    expect(res).toEqual({ status: 200, body: ['Object Patched Successfully'] });
    expect(await freeTimes(THURSDAY)).toEqual(['09:30', '10:00']);
    expect((await kiosk.call('GET', `/meetings/${m.id}`)).body).toMatchObject({ from_time: at(THURSDAY, '10:30'), rescheduled: 1, status: 1 });
    // Onto a taken slot: refused, nothing changed.
    const taken = await kiosk.call('PATCH', `/meetings/${m.id}`, { from_time: at(THURSDAY, '09:00'), to_time: at(THURSDAY, '09:30') });
    expect(taken.status).toBe(400);
    expect((taken.body as { type: string }).type).toBe('validation_error');
    expect(storedMeetings(portal).find((s) => s.id === m.id)!.fromTime).toBe(`${THURSDAY}T10:30:00`);
    expect((await kiosk.call('DELETE', `/meetings/${m.id}`)).status).toBe(204);
  });

  it('un appuntamento in attesa spostato diventa approvato', async () => {
    const m = await book('09:30', '10:00', { status: 0 });
    expect((await kiosk.call('PATCH', `/meetings/${m.id}`, { from_time: at(THURSDAY, '10:00'), to_time: at(THURSDAY, '10:30') })).status).toBe(200);
    expect(storedMeetings(portal).find((s) => s.id === m.id)!.status).toBe(1);
    expect((await kiosk.call('DELETE', `/meetings/${m.id}`)).status).toBe(204);
  });

  it('PATCH status 5 annulla e libera il posto; status=5 nell\'elenco lo trova', async () => {
    const m = await book('09:30', '10:00');
    expect(await freeTimes(THURSDAY)).not.toContain('09:30');
    expect((await kiosk.call('PATCH', `/meetings/${m.id}`, { status: 5 })).status).toBe(200);
    expect(await freeTimes(THURSDAY)).toContain('09:30');
    const cancelled = (await kiosk.call('GET', '/meetings?status=5')).body as Meeting[];
    expect(cancelled.map((x) => x.id)).toContain(m.id);
    expect(cancelled.every((x) => x.status === 5)).toBe(true);
  });

  it('PUT cancella i campi non inviati (500 senza calendario), con tutti i campi 200; i suoi errori sono put_validation_error', async () => {
    const m = await book('09:30', '10:00');
    expect((await kiosk.call('PUT', `/meetings/${m.id}`, { status: 5 })).status).toBe(500);
    const full = booking('09:30', '10:00', { user_message: 'Nuova nota' });
    expect(await kiosk.call('PUT', `/meetings/${m.id}`, full)).toEqual({ status: 200, body: ['Object Modified Successfully'] });
    const bad = await kiosk.call('PUT', `/meetings/${m.id}`, { ...full, from_time: at(THURSDAY, '09:00'), to_time: at(THURSDAY, '09:30') });
    expect(bad.status).toBe(400);
    expect((bad.body as { type: string }).type).toBe('put_validation_error');
    expect((await kiosk.call('DELETE', `/meetings/${m.id}`)).status).toBe(204);
    expect(await freeTimes(THURSDAY)).toContain('09:30');
  });

  it('DELETE di un id ignoto: 204; PATCH o PUT di un id ignoto: la pagina 500; GET: 404', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    expect((await kiosk.call('DELETE', `/meetings/${unknown}`)).status).toBe(204);
    expect((await kiosk.call('PATCH', `/meetings/${unknown}`, { status: 5 })).status).toBe(500);
    expect((await kiosk.call('PUT', `/meetings/${unknown}`, { status: 5 })).status).toBe(500);
    expect(await kiosk.call('GET', `/meetings/${unknown}`)).toEqual({ status: 404, body: ['Object not found'] });
  });
});

describe('chi vede e chi cambia', () => {
  it('un operatore che non modera il calendario: elenco vuoto, 404 sul singolo, 403 su PATCH e DELETE; ma status=1 gli mostra tutto', async () => {
    const m = await book('10:00', '10:30');
    expect((await other.call('GET', '/meetings')).body).toEqual([]);
    expect(await other.call('GET', `/meetings/${m.id}`)).toEqual({ status: 404, body: ['Object not found'] });
    expect((await other.call('PATCH', `/meetings/${m.id}`, { status: 5 })).status).toBe(403);
    expect((await other.call('DELETE', `/meetings/${m.id}`)).status).toBe(403);
    // getMeetingsAction's second ->where() drops the caller's restriction.
    expect(((await other.call('GET', '/meetings?status=1')).body as Meeting[]).map((x) => x.id)).toContain(m.id);
    expect(storedMeetings(portal).find((s) => s.id === m.id)!.status).toBe(1);
  });

  it('il cittadino vede i suoi appuntamenti ma non li cambia', async () => {
    const citizen = await citizenToken(portal, FISCAL_CODE);
    const mine = (await citizen.call('GET', '/meetings')).body as Meeting[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((x) => x.user)).size).toBe(1);
    expect((await citizen.call('GET', `/meetings/${mine[0]!.id}`)).status).toBe(200);
    expect((await citizen.call('PATCH', `/meetings/${mine[0]!.id}`, { status: 5 })).status).toBe(403);
  });

  it('il filtro status alla PHP 7.4: 9 è 400 con il messaggio reale, "abc" la pagina 500, "0" non filtra', async () => {
    expect(await kiosk.call('GET', '/meetings?status=9')).toEqual({ status: 400, body: ['Status code not present, chose one between: 0,1,2,3,4,5,6'] });
    expect((await kiosk.call('GET', '/meetings?status=abc')).status).toBe(500);
    const all = (await kiosk.call('GET', '/meetings')).body as Meeting[];
    expect((await kiosk.call('GET', '/meetings?status=0')).body).toEqual(all);
  });

  it('senza token 401; senza integrazione calendari la pagina 403', async () => {
    expect((await http.get(`${api}/meetings`)).status).toBe(401);
    const bare = await startPortal({ now: () => NOW, catalogueDir: TEST_CATALOGUE, calendars: [] });
    try {
      const bareApi = `${bare.url}/${bare.tenant}/api`;
      const res = await http.get(`${bareApi}/meetings`, { headers: await bearer(bareApi, 'chiosco', 'chiosco-demo') });
      expect(res.status).toBe(403);
    } finally {
      await bare.close();
    }
  });
});

describe('il servizio di prenotazione: la pratica crea il suo appuntamento', () => {
  const applicant = { data: { fiscal_code: { data: { fiscal_code: 'BNCLRA80A41H501X' } }, completename: { data: { name: 'Laura', surname: 'Bianchi' } }, email_address: 'laura@example.it' } };
  const field = (time: string, end: string) => `11/06/2026 @ ${time}-${end} (${CALENDAR}##${openingHour})`;

  beforeAll(() => {
    portal.catalogue.updateService(SERVICE.id, { integrations: { trigger: 2000, action: 'calendars' } }, NOW);
  });
  afterAll(() => {
    portal.catalogue.updateService(SERVICE.id, { integrations: [] }, NOW);
  });

  it('a 2000 il campo calendar diventa un appuntamento approvato legato alla pratica; il ritiro lo annulla', async () => {
    const res = await kiosk.call('POST', '/applications', { service: SERVICE.id, data: { applicant, calendar: field('09:30', '10:00'), user_message: 'Residenza' }, status: 1900 });
    expect(res.status).toBe(201);
    const app = res.body as { id: string; meetings: string[] };
    expect(app.meetings).toHaveLength(1);
    const meeting = (await kiosk.call('GET', `/meetings/${app.meetings[0]}`)).body as Meeting & { name: string; email: string; user_message: string; fiscal_code: string };
    expect(meeting).toMatchObject({ application: app.id, status: 1, from_time: at(THURSDAY, '09:30'), name: 'Laura Bianchi', email: 'laura@example.it', user_message: 'Residenza', fiscal_code: 'BNCLRA80A41H501X' });
    expect(await freeTimes(THURSDAY)).not.toContain('09:30');
    expect((await kiosk.call('POST', `/applications/${app.id}/transition/withdraw`, {})).status).toBe(204);
    expect(storedMeetings(portal).find((s) => s.id === meeting.id)).toMatchObject({ status: 5, applicationIds: [app.id] });
    expect(await freeTimes(THURSDAY)).toContain('09:30');
  });

  it('un posto già preso: la pratica è creata, nessun appuntamento', async () => {
    const taken = await book('10:30', '11:00');
    const before = storedMeetings(portal).length;
    const res = await kiosk.call('POST', '/applications', { service: SERVICE.id, data: { applicant, calendar: field('10:30', '11:00') }, status: 1900 });
    expect(res.status).toBe(201);
    expect((res.body as { meetings: string[] }).meetings).toEqual([]);
    expect(storedMeetings(portal)).toHaveLength(before);
    expect((await kiosk.call('DELETE', `/meetings/${taken.id}`)).status).toBe(204);
  });
});
