/**
 * The Stanza del Cittadino API as sync uses it, as the real portal's code serves it (each call
 * names its controller; tests/portal is a faithful replica). Every call goes through the session
 * (token, renewal on 401) and the per-request retry; every answer is parsed before use.
 * Credentials and tokens are never logged: errors carry only the operation, the HTTP status and
 * what the portal said.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { z } from 'zod';
import type { PortalCredentials } from '../../core/sync/credentials';
import { withDeadline } from '../http/deadline';
import { PortalError } from '../../core/sync/portal-error';
import { toPortalError } from './portal-failure';
import { portalEndpoints } from '../../core/sync/portal-endpoints';
import {
  applicationPageSchema,
  applicationSchema,
  categoriesSchema,
  documentListSchema,
  historySchema,
  messageListSchema,
  meetingSchema,
  messageSchema,
  paymentRecordsSchema,
  recipientsSchema,
  servicesSchema,
  tenantInfoSchema,
  tokenSchema,
  uploadCreatedSchema,
  userGroupsSchema,
  userListSchema,
  type Application,
} from '../../core/sync/portal-schemas';
import { withRetry, type BackoffPolicy } from '../../core/sync/retry';
import { PAGE_LIMIT, type ApplicationQuery, type NewApplication, type NewMessage, type PortalClient, type UploadFile } from '../../core/sync/portal-port';

export interface PortalClientOptions {
  /** The portal's origin (https://servizi.comune.example.it) or the tenant's base URL (.../comune-di-esempio). */
  url: string;
  /** The tenant's slug; taken from `url` when absent. */
  tenant?: string;
  locale?: string;
  access: PortalAccess;
  /**
   * The form server's base (`FORMSERVER_PUBLIC_URL`), overriding the `parameters.url` each
   * service step carries: for a kiosk that reaches the form server at another address.
   */
  formServerUrl?: string;
  timeoutMs?: number;
  /** Per-request retries; the outbox adds its own, slower backoff on top. */
  retry?: BackoffPolicy & { attempts: number };
  sleep?: (ms: number) => Promise<void>;
}


/**
 * Who the calls are made as. `account`: the Comune's account of a kiosk or desk, logged in with
 * `POST /api/auth` (its token sees every citizen's pratiche). `cittadino`: at home, the citizen
 * of the card, whose token comes from the portal's session (core/sync/accesso-carta.ts).
 */
export type PortalAccess =
  | { kind: 'account'; credentials: () => PortalCredentials }
  | { kind: 'cittadino'; token: () => Promise<string>; rifiutato: (token: string) => void };

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `<base>/form/` as the portal gives it, or a bare server base: the form's URL either way. */
function formUrl(base: string, formId: string): string {
  const root = base.replace(/\/+$/, '');
  return `${root.endsWith('/form') ? root : `${root}/form`}/${encodeURIComponent(formId)}`;
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const { origin, api, uploads, readPixel } = portalEndpoints(options.url, options.tenant, options.locale);
  const retry = options.retry ?? { attempts: 4, baseMs: 200, maxMs: 5_000 };
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const http: AxiosInstance = withDeadline(axios.create({
    timeout: timeoutMs,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: 100 * 1024 * 1024,
    httpAgent: new Agent({ keepAlive: true, maxSockets: 16 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
    validateStatus: (s) => s >= 200 && s < 300,
  }), timeoutMs);

  const freshAgent = new Agent({ keepAlive: false });
  const freshHttpsAgent = new HttpsAgent({ keepAlive: false });
  let token: Promise<string> | null = null;
  const access = options.access;
  const login = async (): Promise<string> => {
    if (access.kind === 'cittadino') throw new Error('il token del cittadino non passa dal login dell\'account');
    let account: PortalCredentials;
    try {
      account = access.credentials();
    } catch (error) {
      throw new PortalError('account', error instanceof Error ? error.message : 'credenziali del portale non disponibili', null);
    }
    const { username, password } = account;
    try {
      const res = await http.post(`${api}/auth`, { username, password });
      return tokenSchema.parse(res.data).token;
    } catch (error) {
      const e = toPortalError(error, 'accesso al portale');
      // Wrong credentials are not a transient 401: nothing will change until someone fixes them.
      throw e.kind === 'unauthorised' ? new PortalError('account', 'accesso al portale: credenziali rifiutate', 401) : e;
    }
  };
  const bearer = (): Promise<string> => {
    // The citizen's token is kept, renewed and retried by its owner (accesso-carta.ts).
    if (access.kind === 'cittadino') return access.token();
    // The login is safe to repeat, whatever the request it is for: retried on its own, so a
    // create never fails (and never waits to be looked up) for a login that did not get through.
    const pending = withRetry(login, { ...retry, sleep }).catch((error: unknown) => {
      if (token === pending) token = null;
      throw error;
    });
    token = pending;
    return pending;
  };

  /** One API call: token, request, parse; retried on transient failures and once after renewal. */
  async function call<S extends z.ZodType>(
    what: string,
    config: AxiosRequestConfig,
    schema: S | null,
    { auth = true, retryTransient = true, raw = false }: { auth?: boolean; retryTransient?: boolean; raw?: boolean } = {},
  ): Promise<z.output<S>> {
    let used: Promise<string> | null = null;
    const loginFailures = new WeakSet<PortalError>();
    return withRetry(
      async () => {
        // A citizen's token is never kept here (`token` stays null): bearer() asks its owner each time.
        used = auth ? (token ?? bearer()) : null;
        const bearerToken = await used?.catch((error: unknown) => {
          if (error instanceof PortalError) loginFailures.add(error);
          throw error;
        });
        const headers = { ...(config.headers as Record<string, string> | undefined), ...(bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}) };
        try {
          const res = await http.request({ ...config, headers });
          if (raw) {
            const type = res.headers['content-type'];
            const location = res.headers['location'];
            return { bytes: Buffer.from(res.data as ArrayBuffer), mimeType: typeof type === 'string' ? type.split(';')[0]!.trim() : null, location: typeof location === 'string' ? location : null } as z.output<S>;
          }
          return (schema ? schema.parse(res.data) : res.data) as z.output<S>;
        } catch (error) {
          throw toPortalError(error, what);
        }
      },
      {
        ...retry,
        sleep,
        retryTransient,
        // The login has had its own attempts (bearer).
        isFinal: (error) => loginFailures.has(error),
        // Only the token this request used is dropped: another request may have renewed it already.
        onUnauthorised: () => {
          if (access.kind === 'cittadino') void used?.then(access.rifiutato, () => undefined);
          else if (token === used) token = null;
        },
      },
    );
  }

  const application = (id: string) => `${api}/applications/${encodeURIComponent(id)}`;

  return {
    async authenticate(): Promise<void> {
      await (token ?? bearer());
    },
    /**
     * The API token of a logged-in session (SessionAuthAPIController::getSessionAuthToken), or
     * null when the session is not open: an anonymous request is sent to the login (the
     * `open_login` firewall's entry point), a non-user gets `{error}`.
     */
    async sessionToken(cookies: string): Promise<string | null> {
      try {
        const res = await http.get(`${api}/session-auth`, { headers: { cookie: cookies, accept: 'application/json' }, httpAgent: freshAgent, httpsAgent: freshHttpsAgent, validateStatus: () => true });
        if (res.status !== 200) {
          if (res.status >= 500 || res.status === 429) throw new PortalError('transient', `sessione del portale: HTTP ${res.status}`, res.status);
          return null;
        }
        const parsed = tokenSchema.safeParse(res.data);
        return parsed.success ? parsed.data.token : null;
      } catch (error) {
        throw error instanceof PortalError ? error : toPortalError(error, 'sessione del portale');
      }
    },
    /** Is the portal there? One small public request, not retried: a cycle with nothing else to say asks this. */
    async ping(): Promise<void> {
      // On a connection of its own: a kept-alive socket to a portal that went away answers "reset", not what the portal is now.
      await call('verifica del portale', { method: 'GET', url: `${api}/services`, params: { limit: 1 }, httpAgent: freshAgent, httpsAgent: freshHttpsAgent }, null, {
        auth: false,
        retryTransient: false,
      });
    },
    /** ServicesAPIController::getServicesAction (public): every service, as ServiceDto. */
    async listServices(): Promise<Record<string, unknown>[]> {
      return call('elenco servizi', { method: 'GET', url: `${api}/services` }, servicesSchema, { auth: false });
    },
    /** The tenant's areas, "Io sono..." and offices (Categories/Recipients/UserGroupsAPIController, public). */
    async listCategories() {
      return call('elenco aree', { method: 'GET', url: `${api}/categories` }, categoriesSchema, { auth: false });
    },
    async listRecipients() {
      return call('elenco destinatari', { method: 'GET', url: `${api}/recipients` }, recipientsSchema, { auth: false });
    },
    async listUserGroups() {
      return call('elenco uffici', { method: 'GET', url: `${api}/user-groups` }, userGroupsSchema, { auth: false });
    },
    async getTenantInfo() {
      return call('dati del comune', { method: 'GET', url: `${api}/tenants/info` }, tenantInfoSchema, { auth: false });
    },
    /** The logo is wherever the back office's "Logo url" points, often the comune's own site: no token goes there. */
    async downloadImage(url: string, maxBytes: number): Promise<Buffer> {
      const where = new URL(url, `${origin}/`);
      if (where.protocol !== 'https:' && where.protocol !== 'http:') throw new PortalError('permanent', `immagine del comune: indirizzo non http(s) (${where.protocol})`, null);
      const { bytes } = (await call('immagine del comune', { method: 'GET', url: where.href, responseType: 'arraybuffer', maxContentLength: maxBytes }, null, { auth: false, raw: true, retryTransient: false })) as { bytes: Buffer };
      return bytes;
    },
    /**
     * A portal form's FormioHelper.authenticatedCall (assets/js/utils/FormIoHelper.js): GET
     * `<api>/<segments>?<query>`, the body as parsed JSON. The caller has checked every part
     * (catalogue/form-helper/allowlist.ts). Those GETs are public (the `api` firewall of
     * config/packages/security.yaml authenticates only writes), so no token is sent; one attempt,
     * ended by `signal`: a citizen is waiting, and the caller falls back to its kept copy.
     */
    async formHelperGet(segments: readonly string[], query: readonly (readonly [string, string])[], signal: AbortSignal): Promise<unknown> {
      const url = `${api}/${segments.map(encodeURIComponent).join('/')}`;
      return call(
        'dati del modulo',
        { method: 'GET', url, params: new URLSearchParams(query.map(([k, v]): [string, string] => [k, v])), signal, maxContentLength: 8 * 1024 * 1024, responseType: 'json' },
        null,
        { auth: false, retryTransient: false },
      );
    },
    /** A form from the form server (FormServerApiAdapterService::getForm): `<base>/form/<id>`, `base` from the step's `parameters.url`. */
    async getForm(formId: string, base?: string): Promise<unknown> {
      const server = options.formServerUrl ?? base;
      if (!server) throw new PortalError('permanent', `modulo ${formId}: il servizio non dice dove è il server dei moduli`, null);
      return call(`modulo ${formId}`, { method: 'GET', url: formUrl(server, formId) }, null, { auth: false });
    },
    /** The service's own form, through the portal (ServicesAPIController::getFormServiceAction): the fallback for the first step. */
    async getServiceForm(serviceId: string): Promise<unknown> {
      return call(`modulo del servizio ${serviceId}`, { method: 'GET', url: `${api}/services/${encodeURIComponent(serviceId)}/form` }, null, { auth: false });
    },
    /**
     * The three-step upload (AllegatoController, AbstractFileService): POST the file's metadata
     * -> `{id, uri}`; PUT the bytes to `uri`, a presigned URL signed for that MIME type; PUT the
     * SHA-256 to finalise -> 204. The upload path is outside the API and takes no bearer token.
     * Returns the upload id to reference in the application's data.
     */
    async upload(file: UploadFile): Promise<string> {
      const created = await call(
        `caricamento ${file.name}`,
        { method: 'POST', url: uploads, data: { original_filename: file.name, description: file.description ?? '', mime_type: file.mimeType, protocol_required: true } },
        uploadCreatedSchema,
        { auth: false },
      );
      await call(
        `invio ${file.name}`,
        {
          method: 'PUT',
          url: created.uri,
          // A fresh stream per attempt: bytes are read from disk, never held whole in memory.
          get data() {
            return file.content();
          },
          headers: { 'content-type': file.mimeType, 'content-length': String(file.size) },
        },
        null,
        { auth: false },
      );
      await call(`conferma ${file.name}`, { method: 'PUT', url: `${uploads}/${encodeURIComponent(created.id)}`, data: { file_hash: file.sha256, check_signature: false } }, null, { auth: false });
      return created.id;
    },
    /**
     * Sent once: after a transient failure the caller must look the application up before trying again.
     * On a connection of its own: a kept-alive socket the portal is closing for idleness resets the
     * request as it is written, and a create lost that way costs the citizen the settle wait.
     */
    async createApplication(body: NewApplication): Promise<Application> {
      return call('creazione pratica', { method: 'POST', url: `${api}/applications`, data: body, httpAgent: freshAgent, httpsAgent: freshHttpsAgent }, applicationSchema, { retryTransient: false });
    },
    /**
     * Every application of a service created since `createdAfter`, or of any service updated since
     * `updatedAfter`, all pages, oldest first (ApplicationsAPIController::getApplicationsAction:
     * `service` slug, `createdAt[after]`, `updatedAt[after]`, `limit` <= 100, `offset`; drafts excluded). The list has no filter on `data`: the caller
     * matches its client reference. Throws unless every page was read: a look-up that missed a
     * page must never be taken for "not there".
     */
    async listApplications(query: ApplicationQuery): Promise<Application[]> {
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const filter = 'serviceSlug' in query ? { service: query.serviceSlug, 'createdAt[after]': day(query.createdAfter) } : { 'updatedAt[after]': day(query.updatedAfter) };
      const found: Application[] = [];
      for (let offset = 0; ; offset += PAGE_LIMIT) {
        const page = await call('ricerca pratica', { method: 'GET', url: `${api}/applications`, params: { ...filter, limit: PAGE_LIMIT, offset } }, applicationPageSchema);
        found.push(...page.data);
        if (offset + PAGE_LIMIT >= page.meta.count) {
          if (found.length < page.meta.count) throw new PortalError('transient', `ricerca pratica: pagine incomplete (${found.length} di ${page.meta.count})`, null);
          return found;
        }
        if (page.data.length < PAGE_LIMIT) throw new PortalError('transient', `ricerca pratica: pagina incompleta a ${offset}`, null);
      }
    },
    async getApplication(id: string): Promise<Application> {
      return call('stato pratica', { method: 'GET', url: `${api}/applications/${encodeURIComponent(id)}` }, applicationSchema);
    },
    async getHistory(id: string) {
      return call('storico pratica', { method: 'GET', url: `${api}/applications/${encodeURIComponent(id)}/history` }, historySchema);
    },
    /** ApplicationsAPIController::attachmentAction: the bytes, with the content type the portal sends (file objects carry none). */
    async downloadFile(applicationId: string, fileId: string): Promise<{ bytes: Buffer; mimeType: string | null }> {
      return call(
        'scaricamento esito',
        { method: 'GET', url: `${api}/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(fileId)}`, responseType: 'arraybuffer' },
        null,
        { raw: true },
      ) as Promise<{ bytes: Buffer; mimeType: string | null }>;
    },
    /** MessagesAPIController::messagesAction (v1; the paged v2 list is broken in 2.13). */
    async listMessages(applicationId: string) {
      return call('elenco messaggi', { method: 'GET', url: `${application(applicationId)}/messages` }, messageListSchema);
    },
    /** MessagesAPIController::postMessageAction: 201 with the message. On a connection of its own, like the create. */
    async postMessage(applicationId: string, body: NewMessage) {
      return call('invio messaggio', { method: 'POST', url: `${application(applicationId)}/messages`, data: body, httpAgent: freshAgent, httpsAgent: freshHttpsAgent }, messageSchema, { retryTransient: false });
    },
    /** MessagesAPIController::messageAttachmentAction: the bytes (Content-Disposition only; the type is Symfony's default). */
    async downloadMessageFile(applicationId: string, messageId: string, fileId: string): Promise<Buffer> {
      const { bytes } = (await call(
        'scaricamento allegato del messaggio',
        { method: 'GET', url: `${application(applicationId)}/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(fileId)}`, responseType: 'arraybuffer' },
        null,
        { raw: true },
      )) as { bytes: Buffer };
      return bytes;
    },
    /**
     * With the comune's account: MessagesAPIController::patchMessageAction, `read_at` as MessageFormType's
     * DateTimeType (single_text, RFC 3339 in Symfony 4.4) takes it, whole seconds like the entity's
     * timestamp; 200 ["Message Patched Successfully"]. As the citizen, whom MessageVoter::EDIT refuses
     * (operators and admins only): TrackingController's pixel, what the portal's own message page
     * loads for its reader, which sets the read time once (the portal's clock) and answers 200 always.
     */
    async markMessageRead(applicationId: string, messageId: string, readAt: Date): Promise<void> {
      if (access.kind === 'cittadino') {
        await call('lettura del messaggio', { method: 'GET', url: readPixel, params: { id: messageId }, responseType: 'arraybuffer' }, null, { auth: false });
        return;
      }
      const read_at = `${readAt.toISOString().slice(0, 19)}+00:00`;
      await call('lettura del messaggio', { method: 'PATCH', url: `${application(applicationId)}/messages/${encodeURIComponent(messageId)}`, data: { read_at } }, null);
    },
    /** UsersAPIController::getUsersAction: `cf` (role `user` by default), compared lower-cased. */
    async listUsers(fiscalCode: string): Promise<string[]> {
      return (await call('utente del portale', { method: 'GET', url: `${api}/users`, params: { cf: fiscalCode } }, userListSchema)).map((u) => u.id);
    },
    /** DocumentsAPIController::getDocumentsAction: `cf` matched exactly (any operator account may ask). */
    async listDocuments(fiscalCode: string) {
      return call('documenti del cittadino', { method: 'GET', url: `${api}/documents`, params: { cf: fiscalCode } }, documentListSchema);
    },
    /**
     * DocumentsAPIController::downloadDocumentAction: a 302 to the bucket's presigned GET (30 minutes), or the
     * bytes themselves for a document kept at an address. The redirect is followed once, without the token.
     */
    async downloadDocument(documentId: string): Promise<Buffer> {
      const first = (await call(
        'scaricamento documento',
        { method: 'GET', url: `${api}/documents/${encodeURIComponent(documentId)}/download`, responseType: 'arraybuffer', validateStatus: (s) => (s >= 200 && s < 300) || s === 302 },
        null,
        { raw: true },
      )) as { bytes: Buffer; location: string | null };
      if (!first.location) return first.bytes;
      const { bytes } = (await call('scaricamento documento', { method: 'GET', url: first.location, responseType: 'arraybuffer' }, null, { auth: false, raw: true })) as { bytes: Buffer };
      return bytes;
    },
    /** MeetingsAPIController::getMeetingAction. */
    async getMeeting(meetingId: string) {
      return call('appuntamento', { method: 'GET', url: `${api}/meetings/${encodeURIComponent(meetingId)}` }, meetingSchema);
    },
    /** MeetingsAPIController::patchMeetingAction with status 5 (cancelled): 200 ["Object Patched Successfully"]; the slot is freed. */
    async cancelMeeting(meetingId: string): Promise<void> {
      await call('annullamento appuntamento', { method: 'PATCH', url: `${api}/meetings/${encodeURIComponent(meetingId)}`, data: { status: 5 } }, null);
    },
    /** MeetingsAPIController::patchMeetingAction with the new slot (the back office's fullcalendar-manager.js sends these three). */
    async moveMeeting(meetingId: string, slot: { fromTime: string; toTime: string; openingHour: string }): Promise<void> {
      await call(
        'spostamento appuntamento',
        { method: 'PATCH', url: `${api}/meetings/${encodeURIComponent(meetingId)}`, data: { from_time: slot.fromTime, to_time: slot.toTime, opening_hour: slot.openingHour } },
        null,
      );
    },
    /** PaymentsAPIController::getPaymentsAction, `remote_id` the application. */
    async listPayments(applicationId: string) {
      return call('stato del pagamento', { method: 'GET', url: `${api}/payments`, params: { remote_id: applicationId } }, paymentRecordsSchema);
    },
    /** ApplicationsAPIController::applicationTransitionSubmitAction: 204; a no-op outside 4200, so safe to repeat. */
    async submitIntegrationAnswer(applicationId: string): Promise<void> {
      await call('risposta alla richiesta di integrazione', { method: 'POST', url: `${application(applicationId)}/transition/submit`, data: {} }, null);
    },
  };
}

