/** The sync service as tests and the child process run it: fast backoff, short settle time. */
import { silentLogger, type Logger } from '../../../electron/core/log/logger';
import type { Db } from '../../../electron/core/store/database';
import { createSyncService, type SyncStatus } from '../../../electron/core/sync/sync-service';
import { createPortalClient, type PortalAccess } from '../../../electron/adapters/portal/portal-client';
import type { PortalClient } from '../../../electron/core/sync/portal-port';
import { TENANT } from './kiosk';
import { filesOf } from '../../support/database-location';
import { createRepositories } from '../../../electron/composition/repositories';
import { caItaliane } from '../../../electron/core/pki/fiducia';
import type { X509Certificate } from 'node:crypto';

export const KIOSK_ACCOUNT = { username: 'chiosco', password: 'chiosco-demo' };

export function testEngine(o: { db: Db; dataDir: string; portalUrl: string; retentionDays?: number; log?: Logger; onStatus?: (s: SyncStatus) => void; settleMs?: number; leaseMs?: number; concurrency?: number; fidati?: () => readonly X509Certificate[]; access?: PortalAccess; wrapPortal?: (client: PortalClient) => PortalClient }) {
  const client = createPortalClient({ url: o.portalUrl, tenant: TENANT, access: o.access ?? { kind: 'account', credentials: () => KIOSK_ACCOUNT }, timeoutMs: 10_000, retry: { attempts: 6, baseMs: 5, maxMs: 100 } });
  return createSyncService({
    repos: createRepositories(o.db),
    fidati: o.fidati ?? caItaliane,
    files: filesOf(o.dataDir),
    portal: o.wrapPortal ? o.wrapPortal(client) : client,
    tenant: { slug: TENANT, name: 'Comune di Test' },
    retentionDays: o.retentionDays ?? 90,
    log: o.log ?? silentLogger,
    clock: { now: () => new Date() },
    tuning: { concurrency: o.concurrency ?? 4, statusRecheckMs: 0, settleMs: o.settleMs ?? 250, leaseMs: o.leaseMs ?? 2_000, itemBackoff: { baseMs: 10, maxMs: 200 }, catalogueIntervalMs: Infinity },
    ...(o.onStatus ? { onStatus: o.onStatus } : {}),
  });
}

/** Runs cycles until the outbox is empty (or `deadlineMs` passes: then throws, with the queue state). */
export async function syncUntilEmpty(engine: ReturnType<typeof testEngine>, deadlineMs = 240_000): Promise<number> {
  const end = Date.now() + deadlineMs;
  let cycles = 0;
  for (;;) {
    await engine.runOnce();
    cycles++;
    const s = engine.status();
    if (s.outbox === 0) return cycles;
    if (Date.now() > end) throw new Error(`coda non svuotata: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Items of any kind (pratiche, messages, read receipts, appointment changes) still waiting to leave. */
export const pendingItems = (db: Db): number => db.prepare(`SELECT count(*) FROM outbox WHERE state = 'pending'`).pluck().get() as number;

/** Like syncUntilEmpty, but until nothing of any kind is waiting (status().outbox counts pratiche only). */
export async function syncUntilDrained(engine: ReturnType<typeof testEngine>, db: Db, deadlineMs = 240_000): Promise<number> {
  const end = Date.now() + deadlineMs;
  let cycles = 0;
  for (;;) {
    await engine.runOnce();
    cycles++;
    if (pendingItems(db) === 0) return cycles;
    if (Date.now() > end) throw new Error(`coda non svuotata: ${pendingItems(db)} in attesa`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
