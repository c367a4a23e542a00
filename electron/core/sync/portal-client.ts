/**
 * The Stanza del Cittadino API as sync uses it (paths and fields: tests/portal, the reference
 * server, documents them). Every call goes through the session (token, renewal on 401) and
 * the per-request retry; every answer is parsed before use. Credentials and tokens are never
 * logged: errors carry only the operation and the HTTP status.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { createReadStream } from 'node:fs';
import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { z } from 'zod';
import type { PortalCredentials } from './credentials';
import { PortalError, toPortalError } from './portal-error';
import { applicationPageSchema, applicationSchema, historySchema, servicesSchema, tokenSchema, uploadCreatedSchema, type Application } from './portal-schemas';
import { withRetry, type BackoffPolicy } from './retry';

export interface PortalClientOptions {
  /** The portal's origin, e.g. https://servizi.comune.example.it */
  url: string;
  tenant: string;
  locale?: string;
  credentials: () => PortalCredentials;
  /** Where nested forms are served; `<url>/form-server` by default. */
  formServerUrl?: string;
  timeoutMs?: number;
  /** Per-request retries; the outbox adds its own, slower backoff on top. */
  retry?: BackoffPolicy & { attempts: number };
  sleep?: (ms: number) => Promise<void>;
}

export interface UploadFile {
  path: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  description?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createPortalClient(options: PortalClientOptions) {
  const origin = options.url.replace(/\/+$/, '');
  const api = `${origin}/${options.tenant}/api`;
  const uploads = `${origin}/${options.tenant}/${options.locale ?? 'it'}/upload`;
  const formServer = (options.formServerUrl ?? `${origin}/form-server`).replace(/\/+$/, '');
  const retry = options.retry ?? { attempts: 4, baseMs: 200, maxMs: 5_000 };
  const sleep = options.sleep ?? defaultSleep;
  const http: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? 30_000,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: 100 * 1024 * 1024,
    httpAgent: new Agent({ keepAlive: true, maxSockets: 16 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
    validateStatus: (s) => s >= 200 && s < 300,
  });

  let token: Promise<string> | null = null;
  const login = async (): Promise<string> => {
    let account: PortalCredentials;
    try {
      account = options.credentials();
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
    const pending = login().catch((error: unknown) => {
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
    { auth = true, retryTransient = true }: { auth?: boolean; retryTransient?: boolean } = {},
  ): Promise<z.output<S>> {
    let used: Promise<string> | null = null;
    return withRetry(
      async () => {
        used = auth ? (token ?? bearer()) : null;
        const headers = { ...(config.headers as Record<string, string> | undefined), ...(used ? { authorization: `Bearer ${await used}` } : {}) };
        try {
          const res = await http.request({ ...config, headers });
          return (schema ? schema.parse(res.data) : res.data) as z.output<S>;
        } catch (error) {
          throw toPortalError(error, what);
        }
      },
      {
        ...retry,
        sleep,
        retryTransient,
        // Only the token this request used is dropped: another request may have renewed it already.
        onUnauthorised: () => {
          if (token === used) token = null;
        },
      },
    );
  }

  return {
    /** Is the portal there? One small public request, not retried: a cycle with nothing else to say asks this. */
    async ping(): Promise<void> {
      await call('verifica del portale', { method: 'GET', url: `${api}/services`, params: { limit: 1 } }, null, { auth: false, retryTransient: false });
    },
    async listServices(): Promise<Record<string, unknown>[]> {
      return call('elenco servizi', { method: 'GET', url: `${api}/services` }, servicesSchema, { auth: false });
    },
    async getForm(formId: string): Promise<unknown> {
      return call(`modulo ${formId}`, { method: 'GET', url: `${formServer}/form/${encodeURIComponent(formId)}` }, null, { auth: false });
    },
    /** The three-step upload; returns the upload id to reference in the application's data. */
    async upload(file: UploadFile): Promise<string> {
      const created = await call(
        `caricamento ${file.name}`,
        { method: 'POST', url: uploads, data: { original_filename: file.name, description: file.description ?? '', mime_type: file.mimeType, protocol_required: true } },
        uploadCreatedSchema,
      );
      await call(
        `invio ${file.name}`,
        {
          method: 'PUT',
          url: created.uri,
          // A fresh stream per attempt: bytes are read from disk, never held whole in memory.
          get data() {
            return createReadStream(file.path);
          },
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.size) },
        },
        null,
        { auth: false },
      );
      await call(`conferma ${file.name}`, { method: 'PUT', url: `${uploads}/${created.id}`, data: { file_hash: file.sha256, check_signature: false } }, null);
      return created.id;
    },
    /** Sent once: after a transient failure the caller must look the application up before trying again. */
    async createApplication(body: { service: string; data: Record<string, unknown>; status: 1900 }): Promise<Application> {
      return call('creazione pratica', { method: 'POST', url: `${api}/applications`, data: body }, applicationSchema, { retryTransient: false });
    },
    /** The applications whose data carries this client reference (normally none or one). */
    async findByClientReference(service: string, key: string, reference: string): Promise<Application[]> {
      const page = await call(
        'ricerca pratica',
        { method: 'GET', url: `${api}/applications`, params: { service, [`data.${key}`]: reference, limit: 100 } },
        applicationPageSchema,
      );
      return page.data;
    },
    async getApplication(id: string): Promise<Application> {
      return call('stato pratica', { method: 'GET', url: `${api}/applications/${encodeURIComponent(id)}` }, applicationSchema);
    },
    async getHistory(id: string) {
      return call('storico pratica', { method: 'GET', url: `${api}/applications/${encodeURIComponent(id)}/history` }, historySchema);
    },
    async downloadFile(applicationId: string, fileId: string): Promise<Buffer> {
      const data = await call(
        'scaricamento esito',
        { method: 'GET', url: `${api}/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(fileId)}`, responseType: 'arraybuffer' },
        null,
      );
      return Buffer.from(data as ArrayBuffer);
    },
  };
}

export type PortalClient = ReturnType<typeof createPortalClient>;
