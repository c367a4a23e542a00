/**
 * Sends one outbox item: uploads its files (remembered with the item's next state change), then creates the
 * application exactly once. The portal has no idempotency key, so:
 *   1. `create_started_at` is committed before the create leaves;
 *   2. once it is set, the application is looked up by the client reference in its data before
 *      any create, and only created if absent;
 *   3. a create whose outcome is unknown is never repeated blindly: the item is rescheduled no
 *      earlier than `settleMs` after the attempt, so a request still in flight on the portal has
 *      landed (or died) before the look-up.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxItem, OutboxRepo } from '../store/outbox-repo';
import type { PortalClient } from './portal-client';
import { PortalError } from './portal-error';
import { applicationData, CLIENT_REFERENCE_KEY, fileKey, submissionSchema } from './submission';

export interface SenderDeps {
  portal: PortalClient;
  outbox: OutboxRepo;
  /** `<dataDir>/allegati`, where attachment bytes are stored by SHA-256. */
  allegatiDir: string;
  now: () => Date;
  settleMs: number;
}

export type SendResult = { kind: 'sent'; remoteId: string; found: boolean } | { kind: 'wait'; untilMs: number };

export async function sendItem(deps: SenderDeps, item: OutboxItem): Promise<SendResult> {
  const parsed = submissionSchema.safeParse(item.payload);
  if (!parsed.success) throw new PortalError('permanent', `dati della pratica in coda non validi: ${parsed.error.issues[0]?.message ?? ''}`, null);
  const submission = parsed.data;

  if (item.createStartedAt) {
    const settledAt = Date.parse(item.createStartedAt) + deps.settleMs;
    if (deps.now().getTime() < settledAt) return { kind: 'wait', untilMs: settledAt };
    const found = await deps.portal.findByClientReference(submission.serviceId, CLIENT_REFERENCE_KEY, item.praticaId);
    const existing = found.find((a) => a.data?.[CLIENT_REFERENCE_KEY] === item.praticaId);
    if (existing) {
      deps.outbox.markSent(item, existing.id, existing.status, deps.now().toISOString());
      return { kind: 'sent', remoteId: existing.id, found: true };
    }
  }

  for (const file of submission.attachments) {
    const key = fileKey(file);
    if (item.uploads.has(key)) continue;
    const path = join(deps.allegatiDir, file.sha256);
    if (!existsSync(path)) throw new PortalError('permanent', `allegato "${file.name}" non trovato su questo dispositivo`, null);
    const uploadId = await deps.portal.upload({ path, name: file.name, mimeType: file.mimeType, size: file.size, sha256: file.sha256 });
    item.unsaved.push({ fileKey: key, uploadId, sha256: file.sha256 });
    item.uploads.set(key, uploadId);
  }

  const startedAt = deps.now().toISOString();
  deps.outbox.markCreateStarted(item, startedAt);
  item.createStartedAt ??= startedAt;
  const created = await deps.portal.createApplication({
    service: submission.serviceId,
    data: applicationData(item.praticaId, submission, item.uploads),
    status: 1900,
  });
  deps.outbox.markSent(item, created.id, created.status, deps.now().toISOString());
  return { kind: 'sent', remoteId: created.id, found: false };
}
