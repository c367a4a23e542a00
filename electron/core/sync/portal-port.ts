/**
 * What sync needs of the municipal portal (Stanza del Cittadino / OpenCity), whatever carries it:
 * adapters/portal/portal-client.ts speaks the real portal's REST API. Every answer is already parsed
 * with the real portal's shapes (portal-schemas.ts); every failure is a PortalError (portal-error.ts).
 */
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { STATUS_SUBMITTED } from '../store/outbox-payload';
import type { Application, categoriesSchema, historySchema, PortalDocument, PortalMeeting, PortalMessage, PortalPayment, recipientsSchema, TenantInfo, userGroupsSchema } from './portal-schemas';

export interface UploadFile {
  /** The bytes, a fresh stream per attempt (read from the encrypted store, never held whole in memory). */
  content(): Readable;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  description?: string;
}

/**
 * What the list is asked for, each date sent as `Y-m-d` (a format the list accepts): a service's
 * applications created from then on (the look-up's window), or every application the account sees
 * that changed from then on, of any service and citizen (an operator's list has no citizen filter).
 */
export type ApplicationQuery =
  | {
      /** The service's slug: the list's `service` parameter is a slug (a uuid answers 404). */
      serviceSlug: string;
      createdAfter: Date;
    }
  | { updatedAfter: Date };

/** The list's largest page (a larger `limit` is a 400). */
export const PAGE_LIMIT = 100;

/** ApplicationsAPIController::postApplicationAction's body as sync sends it. */
export interface NewApplication {
  service: string;
  data: Record<string, unknown>;
  status: typeof STATUS_SUBMITTED;
}

/** MessagesAPIController::postMessageAction's body: files inline, plain base64 (a `data:` prefix would be decoded with the bytes). */
export interface NewMessage {
  message: string;
  visibility: 'applicant';
  attachments: { name: string; mime_type: string; file: string }[];
}

export interface PortalClient {
  /**
   * Makes sure the calls have a token (the account's login, or at home the citizen's): done before a
   * create is recorded as started, so a login that did not happen never makes a pratica wait to be looked up.
   */
  authenticate(): Promise<void>;
  /** At home: the API token of the citizen's open session (cookies from the CNS login), null when it is not open. */
  sessionToken(cookies: string): Promise<string | null>;
  /** Is the portal there? One small public request, not retried. */
  ping(): Promise<void>;
  listServices(): Promise<Record<string, unknown>[]>;
  listCategories(): Promise<z.output<typeof categoriesSchema>>;
  listRecipients(): Promise<z.output<typeof recipientsSchema>>;
  listUserGroups(): Promise<z.output<typeof userGroupsSchema>>;
  /** The ente itself (public): its `meta.logo`, the coat of arms' URL, or null. */
  getTenantInfo(): Promise<TenantInfo>;
  /**
   * An image the portal names (the ente's logo), at any address, relative ones against the portal:
   * http(s) only, no token sent, at most `maxBytes` (a larger one fails without being read whole).
   */
  downloadImage(url: string, maxBytes: number): Promise<Buffer>;
  /** A portal form's FormioHelper call: the caller has checked every part (catalogue/form-helper/allowlist.ts). */
  formHelperGet(segments: readonly string[], query: readonly (readonly [string, string])[], signal: AbortSignal): Promise<unknown>;
  getForm(formId: string, base?: string): Promise<unknown>;
  getServiceForm(serviceId: string): Promise<unknown>;
  /** Uploads one file; the portal's id for it. */
  upload(file: UploadFile): Promise<string>;
  createApplication(body: NewApplication): Promise<Application>;
  listApplications(query: ApplicationQuery): Promise<Application[]>;
  getApplication(id: string): Promise<Application>;
  getHistory(id: string): Promise<z.output<typeof historySchema>>;
  downloadFile(applicationId: string, fileId: string): Promise<{ bytes: Buffer; mimeType: string | null }>;
  /** The application's messages the citizen may see, oldest first. */
  listMessages(applicationId: string): Promise<PortalMessage[]>;
  /** Sent once: after a transient failure the caller looks the message up before trying again. */
  postMessage(applicationId: string, body: NewMessage): Promise<PortalMessage>;
  downloadMessageFile(applicationId: string, messageId: string, fileId: string): Promise<Buffer>;
  /**
   * The citizen has read the comune's message at `readAt`. Setting the same read time again changes
   * nothing, so it is safe to repeat. With the comune's account, `PATCH .../messages/{messageId}`
   * `{read_at}`; as the citizen (whom MessageVoter does not let PATCH), the portal's read pixel.
   */
  markMessageRead(applicationId: string, messageId: string, readAt: Date): Promise<void>;
  /** `transition/submit`: at 4200 it closes the citizen's answer to an integration request; at any other status it does nothing. */
  submitIntegrationAnswer(applicationId: string): Promise<void>;
  /** The payments of an application (a deferred one once the office accepted it: 1500), oldest first. */
  listPayments(applicationId: string): Promise<PortalPayment[]>;
  getMeeting(meetingId: string): Promise<PortalMeeting>;
  /** The portal's ids of the citizen with this codice fiscale (usually one; none if they never used the portal). */
  listUsers(fiscalCode: string): Promise<string[]>;
  /** The documents the comune issued to the citizen with this codice fiscale (their folders on the portal). */
  listDocuments(fiscalCode: string): Promise<PortalDocument[]>;
  /** A document's bytes (`/documents/{id}/download`: the bucket's presigned address, followed once). */
  downloadDocument(documentId: string): Promise<Buffer>;
  /** `PATCH /api/meetings/{id}` `{status: 5}`: cancelled; the same answer when it already was, so safe to repeat. */
  cancelMeeting(meetingId: string): Promise<void>;
  /** `PATCH /api/meetings/{id}` with the new slot: the same answer when it already is there, so safe to repeat; a taken slot is a 400. */
  moveMeeting(meetingId: string, slot: { fromTime: string; toTime: string; openingHour: string }): Promise<void>;
}
