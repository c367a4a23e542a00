/**
 * Brings home the comune's messages on a sent pratica (MessagesAPIController::messagesAction, v1:
 * every message the citizen may see, oldest first), with their files (stored once by SHA-256 in
 * `<dataDir>/esiti`, downloaded as they arrive, so they can be read offline). The portal marks none
 * as the citizen's or the office's: a message is the citizen's when it is one we sent (its remote id is
 * ours) or one we are sending (its text is one of ours not yet confirmed); every other is the comune's.
 * The one a 4100 history entry names (`message_id`) is the integration request.
 */
import { randomUUID } from 'node:crypto';
import type { BlobStore } from '../store/blob-store';
import type { MessaggiRepo } from '../store/messaggi-repo';
import type { RemotePratica } from '../store/remote-repo';
import { serviceText } from '../catalogue/html-text';
import { messageHtml } from './message-sender';
import type { PortalClient } from './portal-port';
import { mimeTypeOf } from './portal-files';

export interface MessagePullDeps {
  portal: PortalClient;
  messaggi: MessaggiRepo;
  esiti: BlobStore;
}

/** The messages new to this device; `requests` are the remote ids of integration requests (history's 4100 `message_id`). */
export async function pullMessages(deps: MessagePullDeps, local: RemotePratica, requests: ReadonlySet<string>): Promise<number> {
  const list = await deps.portal.listMessages(local.remoteId);
  const ours = new Set(deps.messaggi.unsentTexts(local.praticaId).map(messageHtml));
  let added = 0;
  for (const m of list) {
    if (deps.messaggi.isKnown(m.id) || ours.has(m.message)) continue;
    const allegati = [];
    for (const [posizione, f] of m.attachments.entries()) {
      const bytes = await deps.portal.downloadMessageFile(local.remoteId, m.id, f.id);
      const nome = f.original_name ?? f.name ?? `allegato-${posizione + 1}`;
      allegati.push({ posizione, remoteId: f.id, nome, mimeType: mimeTypeOf(nome, null), sha256: deps.esiti.put(bytes), dimensione: bytes.length });
    }
    const isNew = deps.messaggi.add({
      id: randomUUID(),
      praticaId: local.praticaId,
      remoteId: m.id,
      da: 'comune',
      testo: serviceText(m.message),
      scrittoIl: new Date(m.created_at).toISOString(),
      integrazione: requests.has(m.id) ? 'richiesta' : null,
      allegati,
    });
    if (isNew) added++;
  }
  // A request whose history entry arrived after its message.
  for (const id of requests) deps.messaggi.markRequest(id);
  return added;
}
