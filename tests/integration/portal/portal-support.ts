/** Shared by the reference portal's tests: a portal on the test catalogue, logins, uploads, and the shape check against tests/fixtures/sdc. */
import type { KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import axios from 'axios';
import { expect } from 'vitest';
import { sdcFixture } from '../../fixtures/sdc/load';
import type { AccountSpec } from '../../portal/accounts';
import { DEMO_ACCOUNTS } from '../../portal/server';

export const http = axios.create({ validateStatus: () => true, maxRedirects: 0 });

/** The demo accounts, an operator enabled on no service, one enabled on the canteen service only. */
export const TEST_ACCOUNTS: AccountSpec[] = [
  ...DEMO_ACCOUNTS,
  { username: 'nessuno', password: 'nessuno-demo', role: 'operator', services: [] },
  { username: 'mensa', password: 'mensa-demo', role: 'operator', services: ['iscrizione-mensa'] },
];

export async function bearer(api: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await http.post(`${api}/auth`, { username, password });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return { authorization: `Bearer ${(res.data as { token: string }).token}` };
}

/** The three steps, without any token (the upload is a frontend route). */
export async function upload(base: string, bytes: Buffer, mime = 'application/pdf'): Promise<string> {
  const created = await http.post(`${base}/it/upload`, { original_filename: 'documento.pdf', mime_type: mime, description: '', protocol_required: true });
  expect(created.status).toBe(201);
  const { id, uri } = created.data as { id: string; uri: string };
  expect((await http.put(uri, bytes, { headers: { 'content-type': mime } })).status).toBe(200);
  expect((await http.put(`${base}/it/upload/${id}`, { file_hash: 'etag', check_signature: false })).status).toBe(204);
  return id;
}

const MAPS = new Set(['data', 'feedback_messages', 'parameter']);

/** The real answer's keys (tests/fixtures/sdc/<name>.json) are all in ours, with the same JSON types. */
export function expectShapeOf(name: string, actual: unknown, pick: (body: unknown) => unknown = (b) => b): void {
  const expected = pick(sdcFixture(name).body);
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const check = (e: unknown, a: unknown, path: string) => {
    if (kind(e) !== 'object' || kind(a) !== 'object') return;
    for (const [k, v] of Object.entries(e as Record<string, unknown>)) {
      expect(Object.keys(a as Record<string, unknown>), `${name}: ${path}${k}`).toContain(k);
      const got = (a as Record<string, unknown>)[k];
      // null is what either side may hold for an optional value; otherwise the types must agree.
      if (v !== null && got !== null) expect(kind(got), `${name}: type of ${path}${k}`).toBe(kind(v));
      // Maps keyed by values (form data, messages by status, the echoed query) are compared by type only.
      if (!MAPS.has(k)) check(v, got, `${path}${k}.`);
    }
  };
  check(expected, actual, '');
}

/** What a GET over HTTPS got: an answer, or the connection's failure (a refused handshake). */
export type HttpsAnswer = { status: number; headers: IncomingHttpHeaders; body: string } | { error: string };

/** A GET over HTTPS trusting only `ca`, with a client certificate when given; no agent, so no TLS session is reused. */
export function httpsGet(url: string, options: { ca: string; client?: { certificatePem: string; key: KeyObject }; cookie?: string }): Promise<HttpsAnswer> {
  return new Promise((resolve) => {
    const req = request(url, {
      ca: options.ca,
      cert: options.client?.certificatePem,
      key: options.client?.key.export({ type: 'pkcs1', format: 'pem' }),
      headers: options.cookie ? { cookie: options.cookie } : {},
      agent: false,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

/** The `name=value` of a Set-Cookie header, for the next request's Cookie. */
export function cookieOf(answer: HttpsAnswer | { headers: Record<string, unknown> }): string {
  const header = 'headers' in answer ? answer.headers['set-cookie'] : undefined;
  const first = Array.isArray(header) ? String(header[0]) : String(header);
  return first.split(';')[0]!;
}

/** A JWT's claims, unverified. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
