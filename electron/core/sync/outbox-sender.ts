/**
 * Sends one outbox item: uploads its files (remembered with the item's next state change), then creates the
 * application exactly once. The portal has no idempotency key, so:
 *   1. `create_started_at` is committed before the create leaves;
 *   2. once it is set, the service's applications created since a day before it are listed, every page,
 *      and matched on the client reference kept in their data, before any create; only an absent one is created;
 *   3. a create whose outcome is unknown is never repeated blindly: the item is rescheduled no
 *      earlier than `settleMs` after the attempt, so a request still in flight on the portal has
 *      landed (or died) before the look-up;
 *   4. the item is leased to this worker (outbox-repo.ts): the lease is renewed before each upload and
 *      checked when `create_started_at` is committed, so a worker that lost it never creates.
 * Files go under the form's file components (the only place the portal links them); after the
 * create, the attachments the portal reports are compared with those sent, and a difference is
 * written on the pratica for the citizen and the office to see.
 */
import type { BlobStore } from '../store/blob-store';
import type { OutboxItem, OutboxRepo } from '../store/outbox-repo';
import type { FormFiles, FormFilesLookup } from './form-files';
import type { PortalClient } from './portal-port';
import { PortalError } from './portal-error';
import type { Application } from './portal-schemas';
import { applicationData, CLIENT_REFERENCE_KEY, fileKey, submissionSchema, type Submission } from './submission';
import { STATUS_SUBMITTED } from '../store/outbox-payload';
import { SIGNED_MODULE_KEY } from '../catalogue/forms/file-components';

export interface SenderDeps {
  portal: PortalClient;
  outbox: OutboxRepo;
  /** `<dataDir>/allegati`, where attachment bytes are stored by SHA-256. */
  /** Where the attachments' bytes are (store/blob-store.ts). */
  allegati: BlobStore;
  now: () => Date;
  settleMs: number;
  /** How long a claimed item stays ours without news; renewed before each upload and the create. */
  leaseMs: number;
  /** The service's file components on this device; none known means placement is checked only after the create. */
  formFiles?: FormFilesLookup;
  /** Writes a problem on the pratica itself (its history), where the citizen and the desk see it. */
  notePratica?: (praticaId: string, message: string) => void;
}

export type SendResult = { kind: 'sent'; remoteId: string; found: boolean; missingAttachments: string[] } | { kind: 'wait'; untilMs: number };

/** How far back the look-up reaches from the create's start (dates are compared by day, in the portal's timezone). */
const LOOK_BACK_MS = 24 * 3600_000;

/** "You are not allowed to view applications": an operator who sees no application of any service yet (ApplicationsAPIController). */
const SEES_NOTHING_YET = /not allowed to view applications$/i;

async function findExisting(deps: SenderDeps, item: OutboxItem, s: Submission): Promise<Application | undefined> {
  let found: Application[];
  try {
    found = await deps.portal.listApplications({ serviceSlug: s.serviceSlug, createdAfter: new Date(Date.parse(item.createStartedAt!) - LOOK_BACK_MS) });
  } catch (error) {
    if (!(error instanceof PortalError) || error.kind === 'account') throw error;
    // No application visible at all: ours, had it landed, would be (the account is enabled on its service).
    if (error.status === 403 && error.portalMessage && SEES_NOTHING_YET.test(error.portalMessage)) return undefined;
    if (error.status === 403) {
      throw new PortalError('account', `l'account del chiosco non vede le pratiche del servizio "${s.serviceSlug}": va abilitato al servizio sul portale (${error.portalMessage ?? '403'})`, 403);
    }
    // Never create after an incomplete look-up: whatever went wrong, try again later.
    throw new PortalError('transient', `ricerca della pratica non completata: ${error.message}`, error.status);
  }
  return found.find((a) => a.data?.[CLIENT_REFERENCE_KEY] === item.praticaId);
}

/**
 * The signed module goes where the service's form has a field for it. The portal's built-in services
 * have none (assets/app/schemas/{helpdesk,bookings}.json of the real portal, copied unchanged in
 * tests/fixtures/portal-forms), and the portal's own front end does not sign them: the pratica goes
 * without it, and the module stays with the pratica on this device. Any other file without a field
 * still stops the sending (checkPlacement): a citizen's document is never dropped.
 */
function withoutUnplacedModule(files: FormFiles | null, s: Submission): { submission: Submission; moduleLeft: boolean } {
  if (!files || files.paths.has(SIGNED_MODULE_KEY) || !s.attachments.some((a) => a.key === SIGNED_MODULE_KEY)) return { submission: s, moduleLeft: false };
  return { submission: { ...s, attachments: s.attachments.filter((a) => a.key !== SIGNED_MODULE_KEY) }, moduleLeft: true };
}

function checkPlacement(files: FormFiles | null, s: Submission): ((key: string) => string | undefined) | undefined {
  if (!files) return undefined;
  const misplaced = s.attachments.filter((a) => !files.paths.has(a.key));
  if (misplaced.length > 0) {
    const names = misplaced.map((a) => `"${a.name}" (${a.key})`).join(', ');
    throw new PortalError(
      'permanent',
      `il modulo del servizio sul portale non ha un campo per ${names}: la pratica non è stata inviata, per non consegnarla senza quei file. Il Comune deve aggiungere il campo allegato al modulo.`,
      null,
    );
  }
  return (key) => files.label(key);
}

/** The uploads the portal did not link to the application (names of the files). */
function missingAttachments(item: OutboxItem, s: Submission, app: Application): string[] {
  const linked = new Set(app.attachments.map((a) => a.id));
  return s.attachments.filter((f) => !linked.has(item.uploads.get(fileKey(f)) ?? '')).map((f) => f.name);
}

function sent(deps: SenderDeps, item: OutboxItem, s: Submission, app: Application, found: boolean, moduleLeft: boolean): SendResult {
  deps.outbox.markSent(item, app.id, app.status, deps.now().toISOString());
  if (moduleLeft) {
    deps.notePratica?.(item.praticaId, 'Il servizio sul portale non prevede il modulo firmato: la pratica è stata inviata con i suoi dati e allegati, il modulo firmato resta tra i documenti della pratica.');
  }
  const missing = missingAttachments(item, s, app);
  if (missing.length > 0) {
    deps.notePratica?.(
      item.praticaId,
      `Attenzione: il portale ha ricevuto la pratica senza ${missing.length === 1 ? "l'allegato" : 'gli allegati'} ${missing.map((n) => `"${n}"`).join(', ')}. Contatta l'ufficio del Comune per consegnarli.`,
    );
  }
  return { kind: 'sent', remoteId: app.id, found, missingAttachments: missing };
}

/** The end of a lease taken now. */
export const leaseEnd = (deps: Pick<SenderDeps, 'now' | 'leaseMs'>): string => new Date(deps.now().getTime() + deps.leaseMs).toISOString();

export async function sendItem(deps: SenderDeps, item: OutboxItem): Promise<SendResult> {
  const parsed = submissionSchema.safeParse(item.payload);
  if (!parsed.success) throw new PortalError('permanent', `dati della pratica in coda non validi: ${parsed.error.issues[0]?.message ?? ''}`, null);
  // The service's forms as this device holds them, read once per attempt.
  const files = deps.formFiles?.(item.tenantSlug, parsed.data.serviceSlug) ?? null;
  const { submission, moduleLeft } = withoutUnplacedModule(files, parsed.data);

  if (item.createStartedAt) {
    const settledAt = Date.parse(item.createStartedAt) + deps.settleMs;
    if (deps.now().getTime() < settledAt) return { kind: 'wait', untilMs: settledAt };
    const existing = await findExisting(deps, item, submission);
    if (existing) return sent(deps, item, submission, existing, true, moduleLeft);
  }

  const labels = checkPlacement(files, submission);
  for (const file of submission.attachments) {
    const key = fileKey(file);
    if (item.uploads.has(key)) continue;
    if (!deps.allegati.has(file.sha256)) throw new PortalError('permanent', `allegato "${file.name}" non trovato su questo dispositivo`, null);
    deps.outbox.hold(item, leaseEnd(deps));
    const uploadId = await deps.portal.upload({ content: () => deps.allegati.stream(file.sha256), name: file.name, mimeType: file.mimeType, size: file.size, sha256: file.sha256, description: labels?.(file.key) ?? '' });
    item.unsaved.push({ fileKey: key, uploadId, sha256: file.sha256 });
    item.uploads.set(key, uploadId);
  }

  // No token, no request: the create is recorded as started only once it can really leave.
  await deps.portal.authenticate();
  const startedAt = deps.now().toISOString();
  deps.outbox.markCreateStarted(item, startedAt, leaseEnd(deps));
  item.createStartedAt ??= startedAt;
  const created = await deps.portal.createApplication({
    service: submission.serviceId,
    data: applicationData(item.praticaId, submission, item.uploads, labels),
    status: STATUS_SUBMITTED,
  });
  return sent(deps, item, submission, created, false, moduleLeft);
}
