/**
 * The sync engine of one installation: on each cycle it sends the outbox, pulls the status of
 * open pratiche, purges what retention says must go, and now and then refreshes the catalogue.
 * Every step tolerates the portal being down (the kiosk keeps working on its own data) and the
 * outcome is published as `sync.status` {online, outbox, parked}.
 */
import type { FileStores } from '../store/blob-store';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports/clock';
import type { CatalogueRepo } from '../catalogue/catalogue-repo';
import type { OutboxRepo } from '../store/outbox-repo';
import type { PraticheRepo } from '../store/pratiche-repo';
import type { RemoteRepo } from '../store/remote-repo';
import type { MessaggiRepo } from '../store/messaggi-repo';
import type { X509Certificate } from 'node:crypto';
import { refreshCatalogue, type RefreshDeps, type RefreshReport } from './catalogue-refresh';
import type { ServiceFile, TenantFile } from '../catalogue/format';
import { formFilesFrom } from './form-files';
import { tenantFromPortal } from './portal-tenant';
import { drainOutbox, type DrainReport } from './outbox-worker';
import type { PortalClient } from './portal-port';
import { PortalError } from './portal-error';
import { purgeExpired } from './retention';
import type { BackoffPolicy } from './retry';
import { pullStatuses } from './status-pull';
import { STATUS_SUBMITTED } from '../store/outbox-payload';
import type { StatoAccesso } from '../../shared/contract/sync';

export interface SyncStatus {
  online: boolean;
  outbox: number;
  parked: number;
  accesso: StatoAccesso | null;
}

/**
 * At home the portal is spoken to as the citizen of the card (accesso-carta.ts): a cycle sends
 * and pulls only that citizen's pratiche, and none while no card is open.
 */
export interface CitizenScope {
  cittadino(): string | null;
  stato(): StatoAccesso;
}

export interface SyncTuning {
  concurrency: number;
  /** How long a create with unknown outcome is left to land before it is looked up. */
  settleMs: number;
  /**
   * How long an item claimed by this process stays its own without a renewal (before each upload
   * and the create): after a crash, the next start takes the item back once this has passed.
   */
  leaseMs: number;
  itemBackoff: BackoffPolicy;
  intervalMs: number;
  /**
   * A sent pratica is asked about again no sooner than this after its last check (default: the
   * interval): every open pratica costs three or more requests, and while a backlog is being sent
   * the status of pratiche created seconds ago is not worth the portal's time.
   */
  statusRecheckMs?: number;
  catalogueIntervalMs: number;
}

const DEFAULT_TUNING: SyncTuning = {
  concurrency: 4,
  settleMs: 60_000,
  leaseMs: 2 * 60_000,
  itemBackoff: { baseMs: 2_000, maxMs: 15 * 60_000 },
  intervalMs: 15_000,
  catalogueIntervalMs: 6 * 3600_000,
};

/** The tables sync works on, as the composition root built their repositories (composition/repositories.ts). */
export interface SyncRepos {
  outbox: OutboxRepo;
  remote: RemoteRepo;
  pratiche: PraticheRepo;
  catalogue: CatalogueRepo;
  messaggi: MessaggiRepo;
}

export interface SyncServiceOptions {
  repos: SyncRepos;
  /** The stored files: attachments to upload, outcome files downloaded. */
  files: FileStores;
  /** The portal, as the composition root built it (adapters/portal). */
  portal: PortalClient;
  tenant: { slug: string; name: string };
  retentionDays: number;
  /** The tenant's areas, audiences and offices; from the portal's lists (portal-tenant.ts) unless given. */
  tenantContent?: RefreshDeps['tenantContent'];
  log: Logger;
  clock: Clock;
  tuning?: Partial<SyncTuning>;
  onStatus?: (status: SyncStatus) => void;
  /** The CAs signed outcome files are judged with (pki/fiducia.ts); read when the first one arrives. */
  fidati: () => readonly X509Certificate[];
  /** A sent pratica changed: its status, the comune's messages arrived, or one of the citizen's was delivered or refused. */
  onPraticaChanged?: (praticaId: string) => void;
  /** Home: the citizen's own access; absent on kiosks and desks (the Comune's account sees every pratica). */
  scope?: CitizenScope;
}

export interface CycleReport {
  drain: DrainReport | null;
  statusChanges: number;
  purged: string[];
  catalogue: RefreshReport | null;
}

export function createSyncService(o: SyncServiceOptions) {
  const tuning = { ...DEFAULT_TUNING, ...o.tuning };
  const portal = o.portal;
  const { outbox, remote, pratiche, catalogue, messaggi } = o.repos;
  const now = () => o.clock.now();
  const formFiles = formFilesFrom(catalogue);
  // A problem the portal caused after accepting the pratica: written in its history, status unchanged.
  const notePratica = (praticaId: string, message: string) => void pratiche.recordStatus(praticaId, STATUS_SUBMITTED, now().toISOString(), message);
  const tenantContent = o.tenantContent ?? ((current: TenantFile, services: ServiceFile[]) => tenantFromPortal(portal, current, services, o.log));
  const refresh = () => refreshCatalogue({ portal, catalogue, remote, tenant: o.tenant, clock: o.clock, log: o.log, tenantContent });
  let online = false;
  /** The kiosk's account was refused: reachable or not, the portal cannot take our pratiche. */
  let accountRefused = false;
  let lastCatalogueAt = -Infinity;
  let last: SyncStatus | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<CycleReport> | null = null;

  const status = (): SyncStatus => ({ online, ...(({ pending, parked }) => ({ outbox: pending, parked }))(outbox.counts()), accesso: o.scope?.stato() ?? null });
  const publish = () => {
    const s = status();
    const accessChanged = s.accesso?.stato !== last?.accesso?.stato || s.accesso?.messaggio !== last?.accesso?.messaggio;
    if (!last || s.online !== last.online || s.outbox !== last.outbox || s.parked !== last.parked || accessChanged) o.onStatus?.(s);
    last = s;
  };
  /** Runs a step; a portal failure marks us offline instead of stopping the cycle. */
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      const result = await run();
      online = !accountRefused;
      return result;
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      if (error.kind === 'account') accountRefused = true;
      if (error.kind !== 'permanent') online = false;
      o.log.warn(`sincronizzazione: ${what} non riuscita`, { error: error.message });
      return null;
    }
  };

  const cycle = async (): Promise<CycleReport> => {
    // Home: undefined on kiosks and desks (every pratica), the citizen's codice fiscale, or null with no card open.
    const citizenCf = o.scope ? o.scope.cittadino() : undefined;
    const speaksForSomeone = citizenCf !== null;
    const drain = !speaksForSomeone ? null : await step('invio', () =>
      drainOutbox({
        portal,
        outbox,
        allegati: o.files.allegati,
        now,
        settleMs: tuning.settleMs,
        leaseMs: tuning.leaseMs,
        log: o.log,
        concurrency: tuning.concurrency,
        itemBackoff: tuning.itemBackoff,
        formFiles,
        notePratica,
        messaggi,
        remote,
        citizenCf: citizenCf ?? null,
      }),
    );
    if (drain) {
      accountRefused = false;
      online = drain.online;
      for (const praticaId of drain.conversations) o.onPraticaChanged?.(praticaId);
    }
    publish();
    const pull = () => pullStatuses({ portal, remote, pratiche, messaggi, esiti: o.files.esiti, fidati: o.fidati, now, recheckMs: tuning.statusRecheckMs ?? tuning.intervalMs, citizenCf: citizenCf ?? null, log: o.log, ...(o.onPraticaChanged ? { onChange: o.onPraticaChanged } : {}) });
    const statusChanges = (speaksForSomeone ? await step('aggiornamento stati', pull) : null) ?? 0;
    const purged = purgeExpired({ remote, files: o.files, retentionDays: o.retentionDays, now });
    let refreshed: RefreshReport | null = null;
    if (now().getTime() - lastCatalogueAt >= tuning.catalogueIntervalMs) {
      refreshed = await step('aggiornamento catalogo', refresh);
      if (refreshed) lastCatalogueAt = now().getTime();
    }
    // A cycle that had nothing to send, pull or refresh never spoke to the portal: ask it, so
    // "online" says what the portal is now and not what it was at the last exchange.
    const quiet = (!drain || drain.sent + drain.rescheduled + drain.parked === 0) && statusChanges === 0 && (!speaksForSomeone || remote.open(1, undefined, citizenCf ?? null).length === 0) && !refreshed;
    if (quiet) await step('verifica del portale', () => portal.ping());
    publish();
    return { drain, statusChanges, purged, catalogue: refreshed };
  };

  return {
    /** One cycle; concurrent callers share the cycle in progress. */
    runOnce(): Promise<CycleReport> {
      running ??= cycle().finally(() => (running = null));
      return running;
    },
    /** A cycle now (a pratica was just submitted), without waiting for the next tick. */
    nudge(): void {
      this.runOnce().catch((error: unknown) => o.log.error('sincronizzazione: errore interno', { error }));
    },
    start(): void {
      if (timer) return;
      // What the store knows, before the first exchange: the status bar never waits for the portal.
      publish();
      const tick = () => {
        this.runOnce()
          .catch((error: unknown) => o.log.error('sincronizzazione: errore interno', { error }))
          .finally(() => {
            if (timer) timer = setTimeout(tick, tuning.intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
    status,
    /** Something the status shows changed outside a cycle (the citizen's access): published now. */
    announce: publish,
    parked: () => outbox.parked(),
    retry(praticaId: string): boolean {
      const changed = outbox.unpark(praticaId, now().toISOString());
      publish();
      return changed;
    },
    refreshCatalogue: refresh,
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
