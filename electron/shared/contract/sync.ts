/** Calls and events about sending pratiche to the comune's portal. */
import { z } from 'zod';
import { call } from '../define';

export const syncStatusSchema = z.object({
  /** The last exchange with the portal succeeded. */
  online: z.boolean(),
  /** Pratiche waiting to be sent. */
  outbox: z.number().int().nonnegative(),
  /** Pratiche the portal refused: they need someone to look at them (see `sync.sospese`). */
  parked: z.number().int().nonnegative(),
});

export const syncCalls = {
  'sync.sospese': call(
    z.object({}).strict(),
    z.array(z.object({ praticaId: z.string(), errore: z.string(), dal: z.string() })),
  ),
  /** Puts a parked pratica back in the queue, once the cause has been fixed. */
  'sync.riprova': call(z.object({ praticaId: z.uuid() }).strict(), z.object({ rimessaInCoda: z.boolean() })),
};

export const syncEvents = {
  /**
   * Published when sync starts and on every change. There is no call for it: a page that connects
   * later gets the latest from the event bus's snapshot, a component that mounts later from the
   * page's event hub.
   */
  'sync.status': syncStatusSchema,
};
