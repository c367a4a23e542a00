/**
 * Tells the portal that the citizen read one of the comune's messages (outbox kind `messaggio.letto`,
 * queued by pratiche/messaggi.ts with the local read state), so the office sees `read_at`. Unlike a
 * message, nothing is created: the portal sets the read time the same way however many times it is
 * told (the same `read_at` PATCHed again; the pixel only fills an empty one), so after a lost reply,
 * a crash or a portal that was down the receipt is simply sent again, with no look-up first.
 */
import { z } from 'zod';
import type { MessaggiRepo } from '../store/messaggi-repo';
import type { OutboxItem } from '../store/outbox-repo';
import type { RemoteRepo } from '../store/remote-repo';
import { PortalError } from './portal-error';
import type { PortalClient } from './portal-port';

export interface ReadReceiptDeps {
  portal: PortalClient;
  messaggi: MessaggiRepo;
  remote: RemoteRepo;
}

const payloadSchema = z.object({ messaggioId: z.uuid() });

/** The portal's id of the message and of its application, once the portal has been told; a PortalError otherwise. */
export async function sendReadReceipt(deps: ReadReceiptDeps, item: OutboxItem): Promise<{ applicationId: string; messageId: string }> {
  const parsed = payloadSchema.safeParse(item.payload);
  if (!parsed.success) throw new PortalError('permanent', 'lettura in coda non valida', null);
  const messaggio = deps.messaggi.get(parsed.data.messaggioId);
  if (!messaggio?.remoteId || !messaggio.lettoIl) throw new PortalError('permanent', 'messaggio letto non più presente su questo dispositivo', null);
  const application = deps.remote.get(item.praticaId);
  if (!application) throw new PortalError('transient', 'la pratica non è ancora sul portale', null);
  await deps.portal.markMessageRead(application.remoteId, messaggio.remoteId, new Date(messaggio.lettoIl));
  return { applicationId: application.remoteId, messageId: messaggio.remoteId };
}
