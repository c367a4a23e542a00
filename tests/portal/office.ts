/**
 * OURS: the back office played through the portal's real API, as a comune's employee would: log in
 * with `POST /{tenant}/api/auth` (the `operatore` demo account by default), take the application in
 * charge, ask for an integration with files, write messages, close the integration. Every call
 * answers `{status, body}` and never throws on a status, so a test can check refusals too.
 * `citizenToken` stands in for a citizen's web login (`/__admin/citizen-token`, routes/admin.ts).
 */
import type { Base64File } from './files';
import type { Portal } from './server';

export interface OfficeAnswer {
  status: number;
  /** Parsed JSON, the text of a non-JSON answer, or null for an empty one (204). */
  body: unknown;
}

export interface Office {
  /** `Authorization: Bearer …` of the logged-in account. */
  headers: Record<string, string>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<OfficeAnswer>;
  transition(applicationId: string, action: string, body?: unknown): Promise<OfficeAnswer>;
  register(applicationId: string, protocolNumber: string): Promise<OfficeAnswer>;
  assign(applicationId: string): Promise<OfficeAnswer>;
  requestIntegration(applicationId: string, message: string, attachments?: Base64File[]): Promise<OfficeAnswer>;
  acceptIntegration(applicationId: string, messages?: string[] | null): Promise<OfficeAnswer>;
  cancelIntegration(applicationId: string): Promise<OfficeAnswer>;
  registerIntegrationRequest(applicationId: string, protocolNumber: string): Promise<OfficeAnswer>;
  registerIntegrationAnswer(applicationId: string, protocolNumber: string): Promise<OfficeAnswer>;
  messages(applicationId: string): Promise<OfficeAnswer>;
  postMessage(applicationId: string, message: string, options?: { visibility?: string; attachments?: Base64File[] }): Promise<OfficeAnswer>;
}

/** A file for a message or an integration request: `{name, mime_type, file}` with the bytes in plain base64. */
export const base64File = (name: string, mimeType: string, bytes: Buffer): Base64File => ({ name, mime_type: mimeType, file: bytes.toString('base64') });

async function answer(res: Response): Promise<OfficeAnswer> {
  const text = await res.text();
  if (text === '') return { status: res.status, body: null };
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

/** The API as the account with these headers sees it. */
export function officeWith(portal: Portal, headers: Record<string, string>): Office {
  const api = `${portal.url}/${portal.tenant}/api`;
  const call: Office['call'] = async (method, path, body) =>
    answer(await fetch(`${api}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
  const transition: Office['transition'] = (id, action, body = {}) => call('POST', `/applications/${id}/transition/${action}`, body);
  return {
    headers,
    call,
    transition,
    register: (id, number) => transition(id, 'register', { protocol_folder_number: `${number}-fascicolo`, protocol_number: number }),
    assign: (id) => transition(id, 'assign'),
    requestIntegration: (id, message, attachments = []) => transition(id, 'request-integration', { message, attachments }),
    acceptIntegration: (id, messages) => transition(id, 'accept-integration', messages === undefined ? {} : { messages }),
    cancelIntegration: (id) => transition(id, 'cancel-integration'),
    registerIntegrationRequest: (id, number) => transition(id, 'register-integration-request', { integration_outbound_protocol_number: number }),
    registerIntegrationAnswer: (id, number) => transition(id, 'register-integration-answer', { integration_inbound_protocol_number: number }),
    messages: (id) => call('GET', `/applications/${id}/messages`),
    postMessage: (id, message, options = {}) => call('POST', `/applications/${id}/messages`, { message, visibility: options.visibility ?? 'applicant', attachments: options.attachments ?? [] }),
  };
}

/** Logs in (the demo back-office account unless told otherwise) and plays the office with that token. */
export async function playOffice(portal: Portal, account: { username: string; password: string } = { username: 'operatore', password: 'operatore-demo' }): Promise<Office> {
  const res = await fetch(`${portal.url}/${portal.tenant}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  if (res.status !== 200) throw new Error(`portale: accesso di ${account.username} rifiutato (${res.status})`);
  const { token } = (await res.json()) as { token: string };
  return officeWith(portal, { authorization: `Bearer ${token}` });
}

/** The citizen with this fiscal code, logged in: their own view of the API (messages, submit). */
export async function citizenToken(portal: Portal, fiscalCode: string): Promise<Office> {
  const res = await fetch(`${portal.url}/__admin/citizen-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-admin': portal.adminKey },
    body: JSON.stringify({ fiscal_code: fiscalCode }),
  });
  if (res.status !== 200) throw new Error(`portale: nessun cittadino ${fiscalCode} (${res.status})`);
  const { token } = (await res.json()) as { token: string };
  return officeWith(portal, { authorization: `Bearer ${token}` });
}
