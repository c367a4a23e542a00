/**
 * `pratiche.start` answers either the new pratica or the drafts already open for the service
 * (the renderer then asks which to continue). A test that starts a pratica to work on it wants
 * the first; the second fails it, naming the drafts in the way.
 */
import type { Calls } from '../../electron/shared/contract';
import type { PraticaView } from '../../electron/shared/contract/pratiche';
import type { CallOutput, Result } from '../../electron/shared/contract/define';
import { valueOf } from './sportello';

export async function createdPratica(reply: Promise<Result<CallOutput<Calls['pratiche.start']>>>): Promise<PraticaView> {
  const started = await valueOf(reply);
  if (started.outcome !== 'creata') throw new Error(`nessuna pratica creata: già aperte ${started.drafts.map((d) => d.id).join(', ')}`);
  return started.pratica;
}
