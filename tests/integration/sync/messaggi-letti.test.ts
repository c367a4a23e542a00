/**
 * The citizen reads the comune's messages and the office sees it: the conversation marked read
 * queues one read receipt per message, sent through the outbox (PATCH `read_at` with the kiosk's
 * account, the portal's read pixel as the citizen at home), against the reference portal playing
 * the office. Offline the receipts wait; back online each is sent once and the office reads the
 * time the citizen read it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMessaggi } from '../../../electron/core/pratiche/messaggi';
import { createRepositories } from '../../../electron/composition/repositories';
import type { PortalClient } from '../../../electron/core/sync/portal-port';
import { playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { filesOf } from '../../support/database-location';
import { pendingItems, syncUntilDrained, syncUntilEmpty, testEngine } from './engine';
import { createKiosk, TEST_CATALOGUE, type Kiosk } from './kiosk';

const closing = closeAfterEach();
let portal: Portal;
let kiosk: Kiosk;
let office: Office;
beforeEach(async () => {
  portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
  kiosk = closing(createKiosk());
  office = await playOffice(portal);
});

const citizenOf = (praticaId: string) => {
  const cf = kiosk.db.prepare('SELECT citizen_cf FROM pratiche WHERE id = ?').pluck().get(praticaId) as string;
  return { card: { codiceFiscale: cf, nome: 'MARIO', cognome: 'ROSSI', dataNascita: null }, operator: null };
};

function messaggiOf(k: Kiosk) {
  const repos = createRepositories(k.db);
  const files = filesOf(k.dataDir);
  return createMessaggi({ repo: repos.messaggi, pratiche: repos.pratiche, outbox: repos.outbox, allegati: files.allegati, esiti: files.esiti, clock: { now: () => new Date() } });
}

/** Counts the read receipts that leave this device. */
function counting(calls: string[]) {
  return (client: PortalClient): PortalClient => ({
    ...client,
    markMessageRead: async (applicationId, messageId, readAt) => {
      calls.push(messageId);
      await client.markMessageRead(applicationId, messageId, readAt);
    },
  });
}

/** What the office sees of the application's messages. */
async function officeView(remoteId: string): Promise<{ id: string; message: string; read_at: string | null }[]> {
  const res = await office.messages(remoteId);
  expect(res.status).toBe(200);
  return res.body as { id: string; message: string; read_at: string | null }[];
}

const asPortalTime = (iso: string) => `${iso.slice(0, 19)}+00:00`;

/** A pratica on the portal with two messages of the office, pulled and unread on this device. */
async function twoMessagesArrived(engine: ReturnType<typeof testEngine>): Promise<{ praticaId: string; remoteId: string }> {
  const praticaId = kiosk.submit();
  await syncUntilEmpty(engine);
  const remoteId = createRepositories(kiosk.db).remote.get(praticaId)!.remoteId;
  expect((await office.postMessage(remoteId, 'La pratica è in lavorazione.')).status).toBe(201);
  expect((await office.postMessage(remoteId, 'Serve un documento in più.')).status).toBe(201);
  await engine.runOnce();
  expect(messaggiOf(kiosk).nonLetti(praticaId)).toBe(2);
  return { praticaId, remoteId };
}

describe("letture dei messaggi dell'ufficio", () => {
  it("al chiosco: letti, il portale ha read_at all'ora della lettura; riaperti, nulla di nuovo parte", async () => {
    const calls: string[] = [];
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, wrapPortal: counting(calls) });
    const { praticaId, remoteId } = await twoMessagesArrived(engine);
    expect((await officeView(remoteId)).map((m) => m.read_at)).toEqual([null, null]);

    const messaggi = messaggiOf(kiosk);
    expect(messaggi.letti(citizenOf(praticaId), praticaId).nonLetti).toBe(0);
    await syncUntilDrained(engine, kiosk.db);
    const readAt = createRepositories(kiosk.db).messaggi.ofPratica(praticaId).map((m) => m.lettoIl);
    expect((await officeView(remoteId)).map((m) => m.read_at)).toEqual(readAt.map((at) => asPortalTime(at!)));

    // Seen again: already read, nothing queued, nothing sent.
    messaggi.letti(citizenOf(praticaId), praticaId);
    await engine.runOnce();
    expect(pendingItems(kiosk.db)).toBe(0);
    expect(calls).toHaveLength(2);
    expect(new Set(calls).size).toBe(2);
  });

  it('senza rete la lettura aspetta; tornata la rete parte una volta sola, con la sua ora', async () => {
    const calls: string[] = [];
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, wrapPortal: counting(calls) });
    const { praticaId, remoteId } = await twoMessagesArrived(engine);
    portal.setFaults({ serverErrorRate: 1 });
    messaggiOf(kiosk).letti(citizenOf(praticaId), praticaId);
    for (let i = 0; i < 3; i++) await engine.runOnce();
    expect(engine.status().online).toBe(false);
    expect(pendingItems(kiosk.db)).toBe(2);
    expect(engine.status().parked).toBe(0);
    const tried = calls.length;
    expect(tried).toBeGreaterThan(0);

    portal.setFaults({});
    await syncUntilDrained(engine, kiosk.db);
    const readAt = createRepositories(kiosk.db).messaggi.ofPratica(praticaId).map((m) => m.lettoIl);
    expect((await officeView(remoteId)).map((m) => m.read_at)).toEqual(readAt.map((at) => asPortalTime(at!)));
    // Once the portal answered, each receipt left once: one call per message after the faults.
    expect(calls.length - tried).toBe(2);
    const rows = kiosk.db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE kind = 'messaggio.letto' GROUP BY state`).all();
    expect(rows).toEqual([{ state: 'sent', n: 2 }]);
  });

  it('a casa, come il cittadino: il portale segna la lettura (MessageVoter non gli permette la PATCH)', async () => {
    const praticaId = kiosk.submit();
    const cf = citizenOf(praticaId).card.codiceFiscale;
    const token = async () => {
      const res = await fetch(`${portal.url}/__admin/citizen-token`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-portal-admin': portal.adminKey }, body: JSON.stringify({ fiscal_code: cf }) });
      return ((await res.json()) as { token: string }).token;
    };
    // Sent once (the portal then knows the citizen), the pratica is followed from home with the citizen's own token.
    await syncUntilEmpty(testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url }));
    const home = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, access: { kind: 'cittadino', token, rifiutato: () => undefined } });
    const remoteId = createRepositories(kiosk.db).remote.get(praticaId)!.remoteId;
    expect((await office.postMessage(remoteId, 'Abbiamo ricevuto la sua pratica.')).status).toBe(201);
    await home.runOnce();
    const before = Math.floor(Date.now() / 1000);
    messaggiOf(kiosk).letti(citizenOf(praticaId), praticaId);
    await syncUntilDrained(home, kiosk.db);
    const [seen] = await officeView(remoteId);
    expect(seen!.read_at).not.toBeNull();
    expect(Date.parse(seen!.read_at!) / 1000).toBeGreaterThanOrEqual(before);
    expect(home.status().parked).toBe(0);
  });
});
