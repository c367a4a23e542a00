/**
 * Sync as the composition root sees it: with a portal configured, the engine runs in the
 * background; without one (the demo), submitted pratiche simply wait in the outbox and the
 * status says so. Either way the `sync.*` calls answer and `sync.status` is published.
 */
import type { Config } from '../config/schema';
import { retentionDays } from '../config/schema';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import type { Db } from '../store/database';
import type { FileStores } from '../store/blob-store';
import { createOutboxRepo } from '../store/outbox-repo';
import type { PortalClient } from './portal-port';
import { createSyncService, type SyncStatus } from './sync-service';

export interface SyncAreaOptions {
  config: Config;
  /** The configured portal (adapters/portal/portal-from-config.ts); null in the demo. */
  portal: ConfiguredPortal | null;
  db: Db;
  files: FileStores;
  log: Logger;
  clock: Clock;
  publish: (status: SyncStatus) => void;
}

/** A portal client and the tenant it speaks for. */
export interface ConfiguredPortal {
  client: PortalClient;
  tenant: string;
}

export interface SyncArea {
  status(): SyncStatus;
  parked(): { praticaId: string; error: string; parkedAt: string }[];
  retry(praticaId: string): boolean;
  /** Something entered the outbox: send it now rather than at the next cycle. */
  nudge(): void;
  start(): void;
  stop(): Promise<void>;
}

export function createSyncArea(o: SyncAreaOptions): SyncArea {
  const portal = o.portal;
  if (portal === null) {
    const outbox = createOutboxRepo(o.db);
    const status = () => ({ online: false, outbox: outbox.counts().pending, parked: outbox.counts().parked });
    return {
      status,
      parked: () => outbox.parked(),
      retry: (id) => outbox.unpark(id, o.clock.now().toISOString()),
      nudge: () => o.publish(status()),
      start: () => o.publish(status()),
      stop: async () => {},
    };
  }
  return createSyncService({
    db: o.db,
    files: o.files,
    portal: portal.client,
    tenant: { slug: portal.tenant, name: o.config.comune.nome },
    retentionDays: retentionDays(o.config),
    log: o.log,
    clock: o.clock,
    onStatus: o.publish,
    tuning: { intervalMs: o.config.sync.intervalSeconds * 1000 },
  });
}
