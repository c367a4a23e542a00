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
  'sync.stato': call(z.object({}).strict(), syncStatusSchema),
  'sync.sospese': call(
    z.object({}).strict(),
    z.array(z.object({ praticaId: z.string(), errore: z.string(), dal: z.string() })),
  ),
  /** Puts a parked pratica back in the queue, once the cause has been fixed. */
  'sync.riprova': call(z.object({ praticaId: z.uuid() }).strict(), z.object({ rimessaInCoda: z.boolean() })),
};

export const syncEvents = {
  'sync.status': syncStatusSchema,
};
