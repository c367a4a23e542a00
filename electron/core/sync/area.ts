/**
 * Sync as the composition root sees it: with a portal configured, the engine runs in the
 * background; without one (the demo), submitted pratiche simply wait in the outbox and the
 * status says so. Either way the `sync.*` calls answer and `sync.status` is published.
 */
import type { Config } from '../config/schema';
import { retentionDays } from '../config/schema';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import type { FileStores } from '../store/blob-store';
import type { PortalClient } from './portal-port';
import type { DomainEvents } from '../api/domain-events';
import { createSyncService, type SyncRepos, type SyncStatus } from './sync-service';
import { caricaFiducia } from '../pki/fiducia';
import type { X509Certificate } from 'node:crypto';
import type { AccessoCarta } from './accesso-carta';

/** The configured trust, loaded once when first needed (the shipped list is a few hundred certificates). */
export function trustedCas(config: Config): () => readonly X509Certificate[] {
  let cas: readonly X509Certificate[] | null = null;
  return () => (cas ??= caricaFiducia(config).ancore);
}

export interface SyncAreaOptions {
  config: Config;
  /** The configured portal (adapters/portal/portal-from-config.ts); null in the demo. */
  portal: ConfiguredPortal | null;
  repos: SyncRepos;
  files: FileStores;
  log: Logger;
  clock: Clock;
  publish: (status: SyncStatus) => void;
  /** A sent pratica changed (sync-service.ts `onPraticaChanged`). */
  announceChange: (praticaId: string) => void;
  /** Where submissions are announced: each one is sent at once rather than at the next cycle. */
  events: Pick<DomainEvents, 'on'>;
}

/** A portal client, the tenant it speaks for, and at home the citizen's access it speaks as. */
export interface ConfiguredPortal {
  client: PortalClient;
  tenant: string;
  accesso: AccessoCarta | null;
}

export interface SyncArea {
  /** The status changed outside a cycle (the citizen's access at home): published now. */
  announce(): void;
  parked(): { praticaId: string; error: string; parkedAt: string }[];
  retry(praticaId: string): boolean;
  start(): void;
  stop(): Promise<void>;
}

export function createSyncArea(o: SyncAreaOptions): SyncArea {
  const engine = o.portal === null ? waitingOutbox(o) : createSyncService({
    repos: o.repos,
    files: o.files,
    portal: o.portal.client,
    tenant: { slug: o.portal.tenant, name: o.config.comune.nome },
    retentionDays: retentionDays(o.config),
    log: o.log,
    clock: o.clock,
    onStatus: o.publish,
    onPraticaChanged: o.announceChange,
    fidati: trustedCas(o.config),
    tuning: { intervalMs: o.config.sync.intervalSeconds * 1000 },
    ...(o.portal.accesso ? { scope: o.portal.accesso } : {}),
  });
  let unsubscribe: (() => void) | null = null;
  // The citizen's access may change after sync stopped (a login ending while the app closes): nothing to publish then.
  let stopped = false;
  return {
    announce: () => {
      if (stopped) return;
      engine.announce();
      // The citizen just got in: what waited for their card leaves now, not at the next tick.
      if (o.portal?.accesso?.stato().stato === 'attivo') engine.nudge();
    },
    parked: () => engine.parked(),
    retry: (praticaId) => engine.retry(praticaId),
    start() {
      engine.start();
      unsubscribe ??= o.events.on('outbox.accodata', () => engine.nudge());
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      await engine.stop();
    },
  };
}

/** The demo's sync: no portal, so submitted pratiche wait in the outbox and the status says how many. */
function waitingOutbox(o: SyncAreaOptions) {
  const { outbox } = o.repos;
  const publish = () => o.publish({ online: false, outbox: outbox.counts().pending, parked: outbox.counts().parked, accesso: null });
  return {
    announce: publish,
    parked: () => outbox.parked(),
    retry(praticaId: string) {
      const changed = outbox.unpark(praticaId, o.clock.now().toISOString());
      publish();
      return changed;
    },
    nudge: publish,
    start: publish,
    stop: async () => {},
  };
}
