/** Calls and events about sending pratiche to the comune's portal. */
import { z } from 'zod';
import { call } from './define';

/**
 * At home, the citizen's own access to the portal with the card (core/sync/accesso-carta.ts):
 * da-fare (no card with a verified PIN), in-corso, attivo, in-attesa (portal unreachable: tried
 * again by itself), non-riuscito (with what to do).
 */
export const statoAccessoSchema = z.object({
  stato: z.enum(['da-fare', 'in-corso', 'attivo', 'in-attesa', 'non-riuscito']),
  messaggio: z.string().nullable(),
});
export type StatoAccesso = z.infer<typeof statoAccessoSchema>;

const syncStatusSchema = z.object({
  /** The last exchange with the portal succeeded. */
  online: z.boolean(),
  /** Pratiche waiting to be sent. */
  outbox: z.number().int().nonnegative(),
  /** Pratiche the portal refused: they need someone to look at them (see `sync.parked`). */
  parked: z.number().int().nonnegative(),
  /** Home only (null on kiosks and desks, which use the Comune's account). */
  accesso: statoAccessoSchema.nullable(),
});

export const syncCalls = {
  /** The pratiche the portal refused ("sospese" to staff): each with the portal's reason and since when. */
  'sync.parked': call(
    z.object({}).strict(),
    z.array(z.object({ praticaId: z.string(), error: z.string(), parkedAt: z.string() })),
  ),
  /** Puts a parked pratica back in the queue, once the cause has been fixed. */
  'sync.retry': call(z.object({ praticaId: z.uuid() }).strict(), z.object({ requeued: z.boolean() })),
};

export const syncEvents = {
  /**
   * Published when sync starts and on every change. There is no call for it: a page that connects
   * later gets the latest from the event bus's snapshot, a component that mounts later from the
   * page's event hub.
   */
  'sync.status': syncStatusSchema,
  /** A sent pratica changed: its status from the portal, the comune's messages arrived, one of the citizen's was delivered or refused. A page showing it reloads. */
  'sync.pratica': z.object({ praticaId: z.string() }),
};
