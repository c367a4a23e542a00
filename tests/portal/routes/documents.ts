/**
 * A citizen's documents and folders, as src/Controller/Rest/DocumentsAPIController.php and
 * FoldersAPIController.php serve them (`/{tenant}/api` + `/documents`, `/folders`):
 * - `GET documents` (getDocumentsAction 123-161): ROLE_OPERATORE or ROLE_ADMIN, outside any try (a
 *   citizen: the 403 page); every document of the tenant, NO restriction by service or owner;
 *   filters `cf` (owner's fiscal code, case-insensitive), `title` (exact, case-insensitive),
 *   `folder` (a folder id; not a uuid: the 500 page); `folder-title` binds `:folder-title`, which
 *   DQL cannot parse: always the 500 page. No paging, no order (ours: creation order). A plain array.
 * - `GET documents/{id}` (189-204): 404 ["Object not found"] for an unknown id or not a uuid (the
 *   try catches it); DocumentVoter::VIEW: operators and admins; for a citizen the voter calls
 *   Document::getRelatedCFs, which does not exist: a PHP \Error, the 500 page.
 * - `GET documents/{id}/download` (533-554, DocumentFileService::download 73-87): the voter first
 *   (a citizen: the 500 page, also for an unknown id), not a uuid: the 500 page, unknown: 404
 *   ["Object not found"]. A stored document (`store`, always with `file`): 302 to the bucket's
 *   presigned GET, 30 minutes (AbstractFileService::createPresignedGetRequest 163-182), with
 *   `response-content-type` and `response-content-disposition: attachment; filename=<name>`
 *   (getDispositionFilename: ASCII, StringUtils::clean). Otherwise the bytes of `address`, fetched
 *   now, with Content-Type = `mime_type` and a Content-Disposition that is the bare file name
 *   (createBinaryResponseFromContent 253-260). `downloads_counter` is not touched.
 * - `POST documents` (246-293): ROLE_OPERATORE or ROLE_ADMIN (403 page); recipient_type `tenant`;
 *   `download_link` the absolute download route; DocumentAPIType (../document-form.ts) -> 400
 *   validation_error; a duplicate (owner, title, folder) -> 500 save error; 201 with the document.
 * - `DELETE documents/{id}` (490-504): operators and admins; 204 also for an unknown id.
 * - `GET folders` (95-122; `cf`, `title` as above), `GET folders/{id}` (150-165: 404 ["Object not
 *   found"], also for a citizen who does not own it), `POST folders` (206-242, FolderType: title,
 *   description, owner (a citizen's id), correlated_services; a duplicate (owner, title) -> 500).
 * Not reproduced: PUT/PATCH of documents and folders, DELETE of folders, the citizen's web pages
 * (Ui/Frontend/DocumentController), topics' own checks beyond the ids.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { PortalContext } from '../context';
import { submitDocumentForm } from '../document-form';
import { createDocumentTables, documentFileName, documentKey, findDocument, findFolder, insertDocument, insertFolder, serializeDocument, serializeFolder, type DocumentRow, type FolderRow } from '../documents-model';
import { filePath } from '../portal-db';
import { HtmlError, HttpError, type PortalRequest, type PortalResponse, type Route, type RouteModule } from '../router';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GET_EXPIRES_SECONDS = 30 * 60;
const NOT_FOUND = new HttpError(404, ['Object not found']);
const saveError = () => new HttpError(500, { type: 'error', title: 'There was an error during save process', description: 'Contact technical support at support@opencontent.it' });

/** `denyAccessUnlessGranted(['ROLE_OPERATORE','ROLE_ADMIN'])` outside a try: a citizen gets the 403 page. */
function staffOnly(req: PortalRequest): void {
  if (req.caller!.role === 'citizen') throw new HtmlError(403);
}

/** The shared filters of both lists: `cf` and `title`, lower-cased on both sides. */
function ownerAndTitle(req: PortalRequest, alias: string): { where: string[]; args: string[] } {
  const where: string[] = [];
  const args: string[] = [];
  const cf = req.query.get('cf');
  if (cf !== null) {
    where.push('lower(u.fiscal_code) = lower(?)');
    args.push(cf);
  }
  const title = req.query.get('title');
  if (title !== null) {
    where.push(`lower(${alias}.title) = lower(?)`);
    args.push(title);
  }
  return { where, args };
}

const sql = (base: string, where: string[], order: string) => `${base}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}.seq`;

function listDocuments(ctx: PortalContext, req: PortalRequest): PortalResponse {
  staffOnly(req);
  // `:folder-title` is not a DQL parameter: the query fails to parse, uncaught.
  if (req.query.has('folder-title')) throw new HtmlError(500);
  const { where, args } = ownerAndTitle(req, 'd');
  const folder = req.query.get('folder');
  if (folder !== null) {
    if (!UUID.test(folder)) throw new HtmlError(500);
    where.push('d.folder_id = ?');
    args.push(folder.toLowerCase());
  }
  const rows = ctx.db.prepare(sql('SELECT d.* FROM documents d JOIN users u ON u.id = d.owner_id', where, 'd')).all(...args) as DocumentRow[];
  return { status: 200, json: rows.map((d) => serializeDocument(ctx, d)) };
}

async function postDocument(ctx: PortalContext, req: PortalRequest): Promise<PortalResponse> {
  staffOnly(req);
  const submitted = await submitDocumentForm(ctx, await req.json(z.unknown()));
  if (!submitted.ok) throw new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors: submitted.errors });
  const f = submitted.fields;
  const id = randomUUID();
  const row = {
    id,
    owner_id: f.ownerId!,
    folder_id: f.folderId!,
    recipient_type: 'tenant' as const,
    md5: f.md5,
    original_filename: f.originalFilename,
    mime_type: f.mimeType,
    address: f.address,
    download_link: `${ctx.baseUrl()}/${req.params.tenant}/api/documents/${id}/download`,
    title: f.title,
    description: f.description,
    readers_allowed: JSON.stringify(f.readersAllowed),
    topics: JSON.stringify(f.topics),
    correlated_services: JSON.stringify(f.correlatedServices),
    ...f.dates,
    store: f.store ? 1 : 0,
  };
  // onSubmit saves the file before the entity is flushed.
  if (f.store) writeFileSync(filePath(ctx.dataDir, documentFileName(id)), f.content);
  try {
    insertDocument(ctx, row);
  } catch {
    throw saveError();
  }
  return { status: 201, json: serializeDocument(ctx, findDocument(ctx, id)!) };
}

/** OURS: an HMAC standing in for SigV4 over what a presigned GET signs. */
const signature = (ctx: PortalContext, key: string, date: string, expires: string, type: string, disposition: string) =>
  createHmac('sha256', ctx.secret).update(['GET', key, date, expires, type, disposition].join('\n')).digest('hex');
const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

async function download(ctx: PortalContext, req: PortalRequest): Promise<PortalResponse> {
  // The voter runs before the null check, and a citizen's branch dies on getRelatedCFs / getOwner.
  if (req.caller!.role === 'citizen') throw new HtmlError(500);
  if (!UUID.test(req.params.id!)) throw new HtmlError(500);
  const d = findDocument(ctx, req.params.id!.toLowerCase());
  if (!d) throw NOT_FOUND;
  const name = [...d.original_filename].map((c) => (c.charCodeAt(0) > 0x7f ? '?' : c)).join('').replace(/[/\\ ]/g, '-').replace(/[^A-Za-z0-9.-]/g, '');
  if (d.store === 1) {
    const key = documentKey(d);
    const date = amzDate(ctx.now());
    const type = d.mime_type ?? 'application/octet-stream';
    const disposition = `attachment; filename=${name}`;
    const q = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': date,
      'X-Amz-Expires': String(GET_EXPIRES_SECONDS),
      'response-content-disposition': disposition,
      'response-content-type': type,
      'X-Amz-Signature': signature(ctx, key, date, String(GET_EXPIRES_SECONDS), type, disposition),
    });
    const location = `${ctx.baseUrl()}/s3/${key}?${q}`;
    return { status: 302, headers: { location, 'content-type': 'text/html; charset=UTF-8' }, body: Buffer.from(`<!DOCTYPE html><html><head><meta charset="UTF-8" /><title>Redirecting to ${location}</title></head></html>`) };
  }
  let bytes = Buffer.alloc(0);
  try {
    const res = d.address ? await fetch(d.address) : null;
    if (res?.ok) bytes = Buffer.from(await res.arrayBuffer());
  } catch {
    // file_get_contents: a warning and `false`, i.e. an empty body.
  }
  return { status: 200, body: bytes, headers: { 'content-type': d.mime_type ?? 'text/html; charset=UTF-8', 'content-disposition': name, 'content-length': String(bytes.length) } };
}

/** OURS: the bucket answering a presigned GET with the overrides it was signed for. */
function bucketGet(ctx: PortalContext, req: PortalRequest): PortalResponse {
  const p = req.params;
  const key = `uploads/documents/users/${p.owner}/${p.folder}/${p.file}`;
  const q = req.query;
  const [date, expires, type, disposition, given] = ['X-Amz-Date', 'X-Amz-Expires', 'response-content-type', 'response-content-disposition', 'X-Amz-Signature'].map((k) => q.get(k) ?? '');
  const want = signature(ctx, key, date!, expires!, type!, disposition!);
  const xml = (status: number, code: string, message: string): PortalResponse => ({ status, headers: { 'content-type': 'application/xml' }, body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`) });
  if (given!.length !== want.length || !timingSafeEqual(Buffer.from(given!), Buffer.from(want))) return xml(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  const signedAt = Date.parse(date!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(signedAt + Number(expires) * 1000 >= ctx.now().getTime())) return xml(403, 'AccessDenied', 'Request has expired');
  const d = findDocument(ctx, p.file!.split('.')[0]!);
  if (!d || d.store !== 1 || documentKey(d) !== key) return xml(404, 'NoSuchKey', 'The specified key does not exist.');
  const bytes = readFileSync(filePath(ctx.dataDir, documentFileName(d.id)));
  return { status: 200, body: bytes, headers: { 'content-type': type!, 'content-disposition': disposition!, 'content-length': String(bytes.length), etag: `"${d.md5}"` } };
}

async function postFolder(ctx: PortalContext, req: PortalRequest): Promise<PortalResponse> {
  staffOnly(req);
  const raw = await req.json(z.unknown());
  const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const errors: unknown[] = [];
  const extra = Object.keys(body).some((k) => !['title', 'description', 'owner', 'correlated_services'].includes(k));
  if (extra) errors.push('This form should not contain extra fields.: app_bundle_folder');
  const title = typeof body.title === 'string' || typeof body.title === 'number' ? String(body.title) : '';
  if (title === '') errors.push(['Questo campo è obbligatorio (title): title']);
  const ownerId = typeof body.owner === 'string' && body.owner !== '' ? body.owner : null;
  const owner = ownerId === null ? undefined : (ctx.db.prepare("SELECT id FROM users WHERE id = ? AND role = 'citizen'").get(ownerId) as { id: string } | undefined);
  if (ownerId === null) errors.push(['Questo campo è obbligatorio (owner): owner']);
  else if (!owner) errors.push(['This value is not valid.: owner']);
  const services = (Array.isArray(body.correlated_services) ? body.correlated_services : body.correlated_services == null ? [] : [body.correlated_services]).map(String);
  if (!services.every((s) => ctx.catalogue.services.has(s))) errors.push(['This value is not valid.: correlated_services']);
  if (errors.length > 0) throw new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });
  let id: string;
  try {
    id = insertFolder(ctx, { title, description: typeof body.description === 'string' ? body.description : null, ownerId: owner!.id, correlatedServices: services });
  } catch {
    throw saveError();
  }
  return { status: 201, json: serializeFolder(ctx, findFolder(ctx, id)!) };
}

/** `find($id)` inside the try: not a uuid and unknown are both 404 ["Object not found"]; then the voter. */
function getOne<T>(path: string, find: (id: string) => T | undefined, vote: (req: PortalRequest, row: T) => void, serialize: (row: T) => unknown): Route {
  return {
    method: 'GET',
    path,
    access: 'any-user',
    handle(req) {
      const row = UUID.test(req.params.id!) ? find(req.params.id!.toLowerCase()) : undefined;
      if (row === undefined) throw NOT_FOUND;
      vote(req, row);
      return { status: 200, json: serialize(row) };
    },
  };
}

export const documentRoutes: RouteModule = (ctx) => {
  createDocumentTables(ctx.db);
  return [
    { method: 'GET', path: '/{tenant}/api/documents', access: 'any-user', handle: (req) => listDocuments(ctx, req) },
    { method: 'POST', path: '/{tenant}/api/documents', access: 'any-user', handle: (req) => postDocument(ctx, req) },
    // A citizen passes the 404 check, then DocumentVoter dies on getRelatedCFs.
    getOne('/{tenant}/api/documents/{id}', (id) => findDocument(ctx, id), (req) => { if (req.caller!.role === 'citizen') throw new HtmlError(500); }, (d) => serializeDocument(ctx, d)),
    { method: 'GET', path: '/{tenant}/api/documents/{id}/download', access: 'any-user', handle: (req) => download(ctx, req) },
    {
      method: 'DELETE',
      path: '/{tenant}/api/documents/{id}',
      access: 'any-user',
      handle(req) {
        staffOnly(req);
        if (!UUID.test(req.params.id!)) throw new HtmlError(500);
        ctx.db.prepare('DELETE FROM documents WHERE id = ?').run(req.params.id!.toLowerCase());
        return { status: 204 };
      },
    },
    { method: 'GET', path: '/s3/uploads/documents/users/{owner}/{folder}/{file}', access: 'public', handle: (req) => bucketGet(ctx, req) },
    {
      method: 'GET',
      path: '/{tenant}/api/folders',
      access: 'any-user',
      handle(req) {
        staffOnly(req);
        const { where, args } = ownerAndTitle(req, 'f');
        const rows = ctx.db.prepare(sql('SELECT f.* FROM folders f JOIN users u ON u.id = f.owner_id', where, 'f')).all(...args) as FolderRow[];
        return { status: 200, json: rows.map((f) => serializeFolder(ctx, f)) };
      },
    },
    { method: 'POST', path: '/{tenant}/api/folders', access: 'any-user', handle: (req) => postFolder(ctx, req) },
    // FolderVoter::VIEW inside the try: a refusal is caught into the same 404.
    getOne('/{tenant}/api/folders/{id}', (id) => findFolder(ctx, id), (req, f) => { if (req.caller!.role === 'citizen' && req.caller!.id !== f.owner_id) throw NOT_FOUND; }, (f) => serializeFolder(ctx, f)),
  ];
};
