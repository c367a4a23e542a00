/**
 * Sends one citizen's message of the outbox, exactly once, as the create of a pratica is sent
 * (outbox-sender.ts): the portal's POST of a message has no idempotency key either, so
 *   1. `create_started_at` is committed (lease checked) before the POST leaves;
 *   2. once it is set, and `settleMs` after it, the pratica's messages are listed and ours is looked
 *      for: the same text, among the messages no other message of ours was matched to; only an
 *      absent one is posted again;
 *   3. an answer to an integration request is then closed with `transition/submit`, which the portal
 *      ignores outside 4200 (ApplicationsAPIController::applicationTransitionSubmitAction), so
 *      repeating it after a lost reply is harmless. The message's remote id is recorded before it,
 *      so a retry after a failed submit never posts the message again.
 * The files travel inline, base64 (MessageFormType's `attachments`), with lower-case extensions:
 * the portal refuses `.PDF` (allowed_extensions in config/packages/app.yaml).
 */
import { z } from 'zod';
import type { BlobStore } from '../store/blob-store';
import type { MessaggiRepo, MessaggioRecord } from '../store/messaggi-repo';
import type { OutboxItem, OutboxRepo } from '../store/outbox-repo';
import type { RemoteRepo } from '../store/remote-repo';
import { PortalError } from './portal-error';
import type { NewMessage, PortalClient } from './portal-port';
import type { PortalMessage } from './portal-schemas';
import { leaseEnd } from './outbox-sender';

export interface MessageSenderDeps {
  portal: PortalClient;
  outbox: OutboxRepo;
  messaggi: MessaggiRepo;
  remote: RemoteRepo;
  allegati: BlobStore;
  now: () => Date;
  settleMs: number;
  leaseMs: number;
}

export type MessageResult = { kind: 'sent'; remoteId: string; found: boolean } | { kind: 'wait'; untilMs: number };

const payloadSchema = z.object({ messaggioId: z.uuid() });

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The citizen's plain text as the portal keeps it: HTML (its web pages show it so), line breaks as `<br>`. */
export const messageHtml = (testo: string): string => escapeHtml(testo).replace(/\r?\n/g, '<br>');

/** The file's name with a lower-case extension: the portal matches extensions case-sensitively. */
const portalFileName = (nome: string): string => nome.replace(/\.([A-Za-z0-9]+)$/, (_, ext: string) => `.${ext.toLowerCase()}`);

function body(deps: MessageSenderDeps, m: MessaggioRecord): NewMessage {
  return {
    message: messageHtml(m.testo),
    visibility: 'applicant',
    attachments: m.allegati.map((a) => {
      if (!deps.allegati.has(a.sha256)) throw new PortalError('permanent', `allegato "${a.nome}" del messaggio non trovato su questo dispositivo`, null);
      return { name: portalFileName(a.nome), mime_type: a.mimeType, file: deps.allegati.read(a.sha256).toString('base64') };
    }),
  };
}

async function findPosted(deps: MessageSenderDeps, applicationId: string, sent: NewMessage): Promise<PortalMessage | undefined> {
  let list: PortalMessage[];
  try {
    list = await deps.portal.listMessages(applicationId);
  } catch (error) {
    if (!(error instanceof PortalError) || error.kind === 'account') throw error;
    // Never post again after an incomplete look-up.
    throw new PortalError('transient', `ricerca del messaggio non completata: ${error.message}`, error.status);
  }
  return list.find((m) => m.message === sent.message && m.attachments.length === sent.attachments.length && !deps.messaggi.isKnown(m.id));
}

export async function sendMessageItem(deps: MessageSenderDeps, item: OutboxItem): Promise<MessageResult> {
  const parsed = payloadSchema.safeParse(item.payload);
  if (!parsed.success) throw new PortalError('permanent', 'messaggio in coda non valido', null);
  const messaggio = deps.messaggi.get(parsed.data.messaggioId);
  if (!messaggio) throw new PortalError('permanent', 'messaggio in coda non più presente su questo dispositivo', null);
  const application = deps.remote.get(item.praticaId);
  if (!application) throw new PortalError('transient', 'la pratica non è ancora sul portale', null);
  const toSend = body(deps, messaggio);

  let remoteId = messaggio.remoteId;
  let found = false;
  if (!remoteId && item.createStartedAt) {
    const settledAt = Date.parse(item.createStartedAt) + deps.settleMs;
    if (deps.now().getTime() < settledAt) return { kind: 'wait', untilMs: settledAt };
    const existing = await findPosted(deps, application.remoteId, toSend);
    if (existing) {
      remoteId = existing.id;
      found = true;
    }
  }
  if (!remoteId) {
    const startedAt = deps.now().toISOString();
    deps.outbox.markCreateStarted(item, startedAt, leaseEnd(deps));
    item.createStartedAt ??= startedAt;
    remoteId = (await deps.portal.postMessage(application.remoteId, toSend)).id;
  }
  if (messaggio.integrazione === 'risposta') {
    // Known before the submit: a failed submit is retried without posting the message again.
    deps.messaggi.delivered(messaggio.id, remoteId);
    await deps.portal.submitIntegrationAnswer(application.remoteId);
  }
  const delivered = remoteId;
  deps.outbox.markDelivered(item, delivered, deps.now().toISOString(), () => deps.messaggi.delivered(messaggio.id, delivered));
  return { kind: 'sent', remoteId: delivered, found };
}
