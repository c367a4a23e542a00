/** The `sync.*` calls without a portal (the demo): the queue is visible, nothing is sent. */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../electron/core/config/schema';
import { silentLogger } from '../../../electron/core/log/logger';
import { openDatabase } from '../../../electron/core/store/database';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { createSyncArea } from '../../../electron/core/sync/area';
import { syncHandlers } from '../../../electron/core/sync/handlers';
import type { SyncStatus } from '../../../electron/core/sync/sync-service';
import { fileStoresOf } from '../../../electron/core/store/blob-store';
import { createDomainEvents } from '../../../electron/core/api/domain-events';
import { createRepositories } from '../../../electron/composition/repositories';

const context = { transport: 'test', clientId: 't' } as const;

describe('sync senza portale configurato', () => {
  it('mostra la coda e lo stato offline', async () => {
    const db = openDatabase(':memory:');
    const pratiche = createPraticheRepo(db);
    const now = new Date().toISOString();
    const id = '4f7d8a0e-3c1b-4a55-9d2e-0b6f7c8d9e01';
    pratiche.create({ id, citizenCf: 'RSSMRA80A01H501U', tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'x', data: {}, openedBy: null }, now);
    pratiche.submit(id, 'RSSMRA80A01H501U', 1900, now, { kind: 'pratica.submit', tenantSlug: 't', payload: { serviceId: 'sid', serviceSlug: 's', citizenFiscalCode: 'RSSMRA80A01H501U', data: {}, attachments: [], submittedAt: now } });
    const published: SyncStatus[] = [];
    const events = createDomainEvents();
    const area = createSyncArea({ config: configSchema.parse({}), portal: null, events, repos: createRepositories(db), files: fileStoresOf('/nonexistent', Buffer.alloc(32)), log: silentLogger, clock: { now: () => new Date() }, publish: (s) => published.push(s), announceChange: () => {} });
    area.start();
    const handlers = syncHandlers(area);
    expect(published).toEqual([{ online: false, outbox: 1, parked: 0, accesso: null }]);
    // A submission announced on the domain events is counted at once, not at the next cycle.
    const second = '4f7d8a0e-3c1b-4a55-9d2e-0b6f7c8d9e02';
    pratiche.create({ id: second, citizenCf: 'RSSMRA80A01H501U', tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'x', data: {}, openedBy: null }, now);
    pratiche.submit(second, 'RSSMRA80A01H501U', 1900, now, { kind: 'pratica.submit', tenantSlug: 't', payload: { serviceId: 'sid', serviceSlug: 's', citizenFiscalCode: 'RSSMRA80A01H501U', data: {}, attachments: [], submittedAt: now } });
    events.emit('outbox.accodata', { praticaId: second });
    expect(published.at(-1)).toEqual({ online: false, outbox: 2, parked: 0, accesso: null });
    expect(await handlers['sync.parked']({}, context)).toEqual([]);
    expect(await handlers['sync.retry']({ praticaId: id }, context)).toEqual({ requeued: false });
    // Stopped, it listens no more.
    const before = published.length;
    await area.stop();
    events.emit('outbox.accodata', { praticaId: second });
    expect(published).toHaveLength(before);
    db.close();
  });
});
