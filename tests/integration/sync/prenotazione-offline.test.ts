/**
 * Booking an appointment while the portal cannot be reached, against the reference portal on
 * 127.0.0.1 (its calendars as CalendarsAPIController and MeetingService compute them, its booking
 * integration as CalendarsBackOffice::createMeetingFromPratica runs it, tests/portal/calendar-integration.ts):
 * the form's lists come from the copy with its age, the pratica waits in the outbox and its slot reads
 * "da confermare"; the portal back, the slot is booked once and confirmed; a slot someone else took
 * meanwhile is not booked, and the citizen is told so.
 */
import { describe, expect, it } from 'vitest';
import { formHelperPortalOf } from '../../../electron/adapters/portal/form-helper-portal';
import { portalFromConfig } from '../../../electron/adapters/portal/portal-from-config';
import { createFormHelper, createFormHelperCache } from '../../../electron/core/catalogue/form-helper';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { portaleView } from '../../../electron/core/pratiche/portale-view';
import { prenotazione } from '../../../electron/core/pratiche/prenotazione';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import { storedMeetings } from '../../portal/inspect';
import { officeWith } from '../../portal/office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { CALENDAR, NOW, OFFICE, SETUP, THURSDAY } from '../portal/calendario-una-persona';
import { bearer, TEST_ACCOUNTS } from '../portal/portal-support';
import { pendingItems, syncUntilEmpty, testEngine } from './engine';
import { createKiosk, SERVICE, TEST_CATALOGUE } from './kiosk';

const closing = closeAfterEach();
const NONE = { annullamento: () => null, spostamento: () => null };
const SLOTS = `calendars/${CALENDAR}/availabilities/${THURSDAY}?available=true`;

type Slot = { date: string; start_time: string; end_time: string; opening_hour: string };

/** The booking form's data as bookings.json computes it (the `calendar` field the portal reads), for a slot of the list. */
function booking(slot: Slot, name: string) {
  const [y, m, d] = slot.date.split('-');
  return {
    applicant: { data: { completename: { data: { name, surname: 'Rossi' } }, email_address: `${name.toLowerCase()}@example.it` } },
    user_group: { id: OFFICE, calendar_id: CALENDAR },
    day: slot.date,
    time: slot,
    meeting_id: '',
    calendar: `${d}/${m}/${y} @ ${slot.start_time}-${slot.end_time} (${CALENDAR}##${slot.opening_hour})`,
    user_message: 'Rinnovo carta d\'identità',
  };
}

async function setting() {
  const portal = closing(await startPortal({ now: () => NOW, catalogueDir: TEST_CATALOGUE, calendars: SETUP, accounts: TEST_ACCOUNTS }));
  portal.catalogue.updateService(SERVICE.id, { integrations: { trigger: 2000, action: 'calendars' } }, NOW);
  const kiosk = closing(createKiosk());
  let clock = NOW;
  const config = configSchema.parse({ dataDirectory: kiosk.dataDir, portal: { url: `${portal.url}/${portal.tenant}` } });
  const helper = createFormHelper({ portal: formHelperPortalOf(portalFromConfig(config)), cache: createFormHelperCache(kiosk.db), clock: { now: () => clock }, log: silentLogger, deadlineMs: 2_000 });
  const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
  const remote = createRemoteRepo(kiosk.db);
  const pratiche = createPraticheRepo(kiosk.db);
  const cfOf = (id: string) => kiosk.db.prepare('SELECT citizen_cf FROM pratiche WHERE id = ?').pluck().get(id) as string;
  /** What Dettaglio, the receipt and La mia stanza show of the pratica's slot (composition/pratiche-area.ts). */
  const attesa = (id: string) => prenotazione(pratiche.get(id, cfOf(id))!, remote.get(id));
  const office = officeWith(portal, await bearer(`${portal.url}/${portal.tenant}/api`, 'chiosco', 'chiosco-demo'));
  return { portal, kiosk, helper, engine, remote, attesa, office, later: (ms: number) => (clock = new Date(NOW.getTime() + ms)) };
}

describe('prenotare un appuntamento senza portale', () => {
  it('la disponibilità dalla copia con la sua età, la pratica in coda "da confermare"; il portale di nuovo raggiungibile: prenotato una volta, confermato', async () => {
    const { portal, kiosk, helper, engine, remote, attesa, later } = await setting();
    const online = await helper.answer(portal.tenant, SLOTS);
    expect(online.source).toBe('portal');
    const slots = online.data as Slot[];
    expect(slots.map((s) => s.start_time)).toEqual(['09:00', '09:30', '10:00', '10:30']);

    portal.setFaults({ resetRate: 1 });
    later(2 * 3600_000);
    const offline = await helper.answer(portal.tenant, SLOTS);
    expect(offline).toMatchObject({ source: 'cache', fetchedAt: NOW.toISOString(), ageSeconds: 7200 });
    expect(offline.data).toEqual(slots);

    const id = kiosk.submit(undefined, 'submit', { data: booking(slots[1]!, 'Maria') });
    await engine.runOnce();
    expect(pendingItems(kiosk.db)).toBe(1);
    expect(remote.get(id)).toBeUndefined();
    expect(attesa(id)).toEqual({ stato: 'da-confermare', dal: '2026-06-11T07:30:00.000Z', al: '2026-06-11T08:00:00.000Z', calendarId: CALENDAR });
    expect(storedMeetings(portal, CALENDAR)).toEqual([]);

    portal.setFaults({});
    await syncUntilEmpty(engine);
    await engine.runOnce();
    const sent = remote.get(id)!;
    expect(attesa(id)).toBeNull();
    expect(portaleView(sent, NOW, NONE).appuntamenti).toEqual([expect.objectContaining({ stato: 'confermato', dal: '2026-06-11T07:30:00.000Z', al: '2026-06-11T08:00:00.000Z' })]);
    // Exactly once: one meeting on the portal, linked to the one application, after more cycles too.
    await engine.runOnce();
    const onPortal = storedMeetings(portal, CALENDAR);
    expect(onPortal).toHaveLength(1);
    expect(onPortal[0]).toMatchObject({ fromTime: `${THURSDAY}T09:30:00`, status: 1, applicationIds: [sent.remoteId] });
  });

  it("un orario preso da un altro cittadino mentre il portale non rispondeva: la pratica arriva, l'appuntamento no, e il cittadino lo sa", async () => {
    const { portal, kiosk, helper, engine, remote, attesa, office, later } = await setting();
    const slots = (await helper.answer(portal.tenant, SLOTS)).data as Slot[];
    const taken = slots[2]!;
    // At the front desk, someone else books 10:00 on the portal.
    const other = await office.call('POST', '/meetings', { calendar: CALENDAR, opening_hour: taken.opening_hour, from_time: `${THURSDAY}T${taken.start_time}:00+02:00`, to_time: `${THURSDAY}T${taken.end_time}:00+02:00`, status: 1, fiscal_code: 'NREMRC75C41H501Q', name: 'Marco Neri', email: 'marco.neri@example.it' });
    expect(other.status).toBe(201);

    portal.setFaults({ resetRate: 1 });
    later(3600_000);
    const offline = await helper.answer(portal.tenant, SLOTS);
    expect(offline.source).toBe('cache');
    // The copy still offers it: it was free when the kiosk last asked.
    expect((offline.data as Slot[]).map((s) => s.start_time)).toContain(taken.start_time);
    const id = kiosk.submit(undefined, 'submit', { data: booking(taken, 'Lucia') });
    await engine.runOnce();
    expect(attesa(id)?.stato).toBe('da-confermare');

    portal.setFaults({});
    await syncUntilEmpty(engine);
    await engine.runOnce();
    expect(remote.get(id)!.appuntamenti).toEqual([]);
    expect(attesa(id)).toEqual({ stato: 'non-disponibile', dal: '2026-06-11T08:00:00.000Z', al: '2026-06-11T08:30:00.000Z', calendarId: CALENDAR });
    // Nothing booked twice: the other citizen's meeting only.
    expect(storedMeetings(portal, CALENDAR).map((m) => m.fiscalCode)).toEqual(['NREMRC75C41H501Q']);
  });
});
