/** The `sync.*` calls of the contract. Without a configured portal, the queue still shows. */
import type { Calls } from '../../shared/contract';
import type { Handlers } from '../../shared/contract/define';
import type { SyncArea } from './area';

type SyncCalls = Pick<Calls, 'sync.parked' | 'sync.retry'>;

export function syncHandlers(sync: SyncArea): Handlers<SyncCalls> {
  return {
    'sync.parked': async () => sync.parked(),
    'sync.retry': async ({ praticaId }) => ({ requeued: sync.retry(praticaId) }),
  };
}
