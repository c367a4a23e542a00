/**
 * What the citizen does on a pratica already on the portal (a message, an appointment moved, an
 * appointment cancelled) under the faults a pratica's submit is tested with: the syncing process
 * SIGKILLed at random moments and restarted on the same data directory, and the portal down then
 * back. Counted on the portal side: one message, one move (`rescheduled` 1, the new slot), one
 * cancellation (status 5), nothing parked.
 */
import { describe, expect, it } from 'vitest';
import { createAppuntamenti } from '../../../electron/core/pratiche/appuntamenti';
import { createMessaggi } from '../../../electron/core/pratiche/messaggi';
import { createRepositories } from '../../../electron/composition/repositories';
import { storedMeetings, storedMessages } from '../../portal/inspect';
import { startPortal, type Portal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { filesOf } from '../../support/database-location';
import { startSyncChild } from './child';
import { pendingItems, syncUntilDrained, syncUntilEmpty, testEngine } from './engine';
import { createKiosk, SERVICE, TEST_CATALOGUE, type Kiosk } from './kiosk';

/** The test catalogue's calendar (calendars.json). */
const CALENDAR = '7d3f1c2a-0000-4000-8000-0000000000c1';
const FISCAL_CODE = 'RSSMRA80A01H501U';
const CITIZEN = { card: { codiceFiscale: FISCAL_CODE, nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };
const KILLS = 8;

type Slot = { start_time: string; end_time: string; opening_hour: string };

/** Two free slots of one day, from the portal's availabilities. */
async function twoFreeSlots(portal: Portal): Promise<{ day: string; slots: Slot[] }> {
  const api = `${portal.url}/${portal.tenant}/api/calendars/${CALENDAR}/availabilities`;
  const days = (await (await fetch(api)).json()) as { date: string; available: boolean }[];
  for (const { date, available } of days) {
    if (!available) continue;
    const slots = (await (await fetch(`${api}/${date}?available=true`)).json()) as Slot[];
    if (slots.length >= 2) return { day: date, slots };
  }
  throw new Error('nessun giorno con due posti liberi');
}

interface Setup {
  portal: Portal;
  kiosk: Kiosk;
  praticaId: string;
  remoteId: string;
  meetingId: string;
  other: { giorno: string; inizio: string; fine: string; openingHour: string };
}

/** A booking pratica sent and on the portal, its appointment (made by the portal at 2000) pulled. */
async function bookedPratica(closing: ReturnType<typeof closeAfterEach>): Promise<Setup> {
  const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: {} }));
  portal.catalogue.updateService(SERVICE.id, { integrations: { trigger: 2000, action: 'calendars' } }, new Date());
  const kiosk = closing(createKiosk());
  const { day, slots } = await twoFreeSlots(portal);
  const [first, second] = [slots[0]!, slots[1]!];
  const [y, m, d] = day.split('-');
  const data = {
    applicant: { data: { completename: { data: { name: 'Mario', surname: 'Rossi' } }, email_address: 'mario.rossi@example.it', fiscal_code: { data: { fiscal_code: FISCAL_CODE } } } },
    calendar: `${d}/${m}/${y} @ ${first.start_time}-${first.end_time} (${CALENDAR}##${first.opening_hour})`,
  };
  const praticaId = kiosk.submit(undefined, 'submit', { data });
  const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
  await syncUntilEmpty(engine);
  await engine.runOnce();
  const remote = createRepositories(kiosk.db).remote.get(praticaId)!;
  expect(remote.appuntamenti).toHaveLength(1);
  return { portal, kiosk, praticaId, remoteId: remote.remoteId, meetingId: remote.appuntamenti[0]!.id, other: { giorno: day, inizio: second.start_time, fine: second.end_time, openingHour: second.opening_hour } };
}

function citizenActs(s: Setup) {
  const repos = createRepositories(s.kiosk.db);
  const files = filesOf(s.kiosk.dataDir);
  const clock = { now: () => new Date() };
  return {
    messaggi: createMessaggi({ repo: repos.messaggi, pratiche: repos.pratiche, outbox: repos.outbox, allegati: files.allegati, esiti: files.esiti, clock }),
    appuntamenti: createAppuntamenti({ pratiche: repos.pratiche, remote: repos.remote, outbox: repos.outbox, clock }),
  };
}

/** The writes the citizen's acts make, slowed so that kills land while they are in flight. */
const writes = (tenant: string) => `^(POST /${tenant}/api/applications/[^/]+/messages|PATCH /${tenant}/api/meetings/[^/]+)$`;

/**
 * Runs the syncing process while the act waits (at most KILLS times), SIGKILLed on even runs (the
 * first included, so one kill always lands) as soon as the portal has the write (`landed`), before
 * the reply is recorded here, and at a random moment on odd runs. Then once to the end. The number
 * of runs cut short.
 */
async function killedThenFinished(s: Setup, landed: () => boolean): Promise<number> {
  let killed = 0;
  for (let run = 0; run < KILLS && pendingItems(s.kiosk.db) > 0; run++) {
    const child = startSyncChild(s.kiosk.dataDir, s.portal.url);
    await child.ready;
    if (run % 2 === 1) await new Promise((r) => setTimeout(r, Math.random() * 600));
    else while (!landed() && child.process.exitCode === null) await new Promise((r) => setImmediate(r));
    if (child.process.exitCode === null && child.process.kill('SIGKILL')) killed++;
    const result = await child.done;
    expect(result.stderr, `corsa ${run}`).not.toMatch(/Error/);
  }
  const last = await startSyncChild(s.kiosk.dataDir, s.portal.url).done;
  expect(last.code, last.stderr).toBe(0);
  return killed;
}

/** The portal unreachable for a few cycles (nothing leaves, nothing is parked), then back. */
async function downThenBack(s: Setup, _landed: () => boolean): Promise<void> {
  const engine = testEngine({ db: s.kiosk.db, dataDir: s.kiosk.dataDir, portalUrl: s.portal.url, settleMs: 50 });
  s.portal.setFaults({ resetRate: 1 });
  for (let i = 0; i < 3; i++) await engine.runOnce();
  expect(engine.status().online).toBe(false);
  expect(pendingItems(s.kiosk.db)).toBe(1);
  s.portal.setFaults({ lostResponseRate: 0.5 });
  await syncUntilDrained(engine, s.kiosk.db, 60_000);
  s.portal.setFaults({});
  expect(engine.status().parked).toBe(0);
}

const TEXT = 'Porterò il documento il giorno del appuntamento.';
const meetingOf = (s: Setup) => storedMeetings(s.portal, CALENDAR).find((m) => m.id === s.meetingId)!;
const parkedItems = (s: Setup) => s.kiosk.db.prepare(`SELECT count(*) FROM outbox WHERE state = 'parked'`).pluck().get();

describe('messaggi e appuntamenti sotto i guasti: una volta sola sul portale', () => {
  const closing = closeAfterEach();

  for (const [fault, run] of [
    ['processo terminato con SIGKILL e ripartito', async (s: Setup, landed: () => boolean) => {
      s.portal.setFaults({ latencyMs: 100, only: writes(s.portal.tenant) });
      // At least one run must really have been cut short while the act was waiting, or the test proves nothing.
      expect(await killedThenFinished(s, landed)).toBeGreaterThanOrEqual(1);
      s.portal.setFaults({});
    }],
    ['portale giù, poi di nuovo raggiungibile', downThenBack],
  ] as const) {
    it(`${fault}: un messaggio del cittadino arriva una volta`, async () => {
      const s = await bookedPratica(closing);
      await citizenActs(s).messaggi.invia(CITIZEN, s.praticaId, TEXT, [], false);
      await run(s, () => storedMessages(s.portal, s.remoteId).some((m) => m.message === TEXT));
      expect(storedMessages(s.portal, s.remoteId).filter((m) => m.message === TEXT)).toHaveLength(1);
      expect(parkedItems(s)).toBe(0);
    }, 300_000);

    it(`${fault}: lo spostamento arriva una volta, nel nuovo orario`, async () => {
      const s = await bookedPratica(closing);
      citizenActs(s).appuntamenti.sposta(CITIZEN, s.praticaId, s.meetingId, s.other);
      await run(s, () => meetingOf(s).rescheduled > 0);
      expect(meetingOf(s)).toMatchObject({ rescheduled: 1, fromTime: `${s.other.giorno}T${s.other.inizio}:00`, status: 1 });
      expect(parkedItems(s)).toBe(0);
    }, 300_000);

    it(`${fault}: l'annullamento arriva, una volta, e libera il posto`, async () => {
      const s = await bookedPratica(closing);
      citizenActs(s).appuntamenti.annulla(CITIZEN, s.praticaId, s.meetingId);
      await run(s, () => meetingOf(s).status === 5);
      expect(meetingOf(s)).toMatchObject({ status: 5, rescheduled: 0 });
      expect(storedMeetings(s.portal, CALENDAR)).toHaveLength(1);
      expect(parkedItems(s)).toBe(0);
    }, 300_000);
  }
});
