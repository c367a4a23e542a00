/** The `sync.*` calls of the contract. Without a configured portal, the queue still shows. */
import type { Calls } from '../../shared/contract';
import type { Handlers } from '../../shared/define';
import type { SyncArea } from './area';

type SyncCalls = Pick<Calls, 'sync.sospese' | 'sync.riprova'>;

export function syncHandlers(sync: SyncArea): Handlers<SyncCalls> {
  return {
    'sync.sospese': async () => sync.parked().map((p) => ({ praticaId: p.praticaId, errore: p.error, dal: p.parkedAt })),
    'sync.riprova': async ({ praticaId }) => ({ rimessaInCoda: sync.retry(praticaId) }),
  };
}
