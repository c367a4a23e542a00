/**
 * The three-step upload, as the real portal does it for a citizen's files
 * (src/Controller/Ui/Frontend/AllegatoController.php, src/Services/FileService/AbstractFileService.php):
 * 1. `POST /{tenant}/{locale}/upload` {original_filename, description, mime_type, protocol_required}
 *    -> 201 {id, uri}. A frontend route outside `/api`: no token needed (uploadAttachmentAction);
 *    `uri` is an S3 presigned PUT, valid 120 minutes, signed for that `mime_type` (createPresignedPostRequest).
 * 2. `PUT <uri>` with the raw bytes and that Content-Type: the object store's answer, 200 and an ETag.
 * 3. `PUT /{tenant}/{locale}/upload/{id}` {file_hash, check_signature} -> 204, no body; the hash is only
 *    stored, never checked (uploadAttachmentFinalizeAction); with check_signature, 200 {url}.
 * The application's create links an upload only from a file field of the service's form.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { PortalContext } from '../context';
import { filePath } from '../portal-db';
import { HttpError, type PortalResponse, type RouteModule } from '../router';

// AllegatoController reads these with defaults (DEFAULT_DESCRIPTION, DEFAULT_MIME_TYPE, protocol_required true).
const createBody = z.looseObject({
  original_filename: z.string().min(1).max(255),
  description: z.string().max(1000).nullish(),
  mime_type: z.string().max(200).nullish(),
  protocol_required: z.boolean().nullish(),
});

const finaliseBody = z.looseObject({ file_hash: z.string().max(200).nullish(), check_signature: z.union([z.boolean(), z.string()]).nullish() });

/** AbstractFileService::PRESIGNED_PUT_EXPIRE_STRING, '+120 minutes'. */
const PUT_EXPIRES_SECONDS = 7200;
const MAX_BYTES = 100 * 1024 * 1024;

export interface UploadRow {
  id: string;
  original_filename: string;
  description: string;
  mime_type: string;
  protocol_required: number;
  size: number | null;
  sha256: string | null;
  file_hash: string | null;
  expires_at: string | null;
  created_at: string;
}

export function findUpload(ctx: PortalContext, id: string): UploadRow | undefined {
  return ctx.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined;
}

const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Our stand-in for SigV4: an HMAC over what S3 signs for a PUT (method, key, Content-Type, date, expiry). */
function signature(ctx: PortalContext, key: string, contentType: string, date: string, expires: string): string {
  return createHmac('sha256', ctx.secret).update(['PUT', key, contentType, date, expires].join('\n')).digest('hex');
}

/** The S3 error body, XML as the object store sends it. */
function s3Error(status: number, code: string, message: string): PortalResponse {
  return { status, body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`), headers: { 'content-type': 'application/xml' } };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const uploadRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/{locale}/upload',
    access: 'public',
    async handle(req) {
      const body = await req.json(createBody);
      const id = randomUUID();
      const now = ctx.now();
      const mime = body.mime_type ?? 'application/octet-stream';
      ctx.db
        .prepare(`INSERT INTO uploads (id, original_filename, description, mime_type, protocol_required, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(id, body.original_filename, body.description ?? 'Allegato', mime, body.protocol_required === false ? 0 : 1, new Date(now.getTime() + PUT_EXPIRES_SECONDS * 1000).toISOString(), now.toISOString());
      const key = `${req.params.tenant}/${id}/${encodeURIComponent(body.original_filename)}`;
      const date = amzDate(now);
      const q = new URLSearchParams({
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Date': date,
        'X-Amz-Expires': String(PUT_EXPIRES_SECONDS),
        'X-Amz-SignedHeaders': 'content-type;host',
        'X-Amz-Signature': signature(ctx, key, mime, date, String(PUT_EXPIRES_SECONDS)),
      });
      return { status: 201, json: { id, uri: `${ctx.baseUrl()}/s3/${key}?${q}` } };
    },
  },
  // The object store (ours: a path of this server standing for the S3 bucket, a host of its own in production).
  {
    method: 'PUT',
    path: '/s3/{tenant}/{id}/{name}',
    access: 'public',
    async handle(req) {
      const key = `${req.params.tenant}/${req.params.id}/${encodeURIComponent(req.params.name!)}`;
      const date = req.query.get('X-Amz-Date') ?? '';
      const expires = req.query.get('X-Amz-Expires') ?? '';
      const given = req.query.get('X-Amz-Signature') ?? '';
      const type = (req.raw.headers['content-type'] ?? '').split(';')[0]!.trim();
      const row = findUpload(ctx, req.params.id!);
      if (!row || !same(given, signature(ctx, key, type, date, expires))) {
        return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      }
      const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      if (!(signedAt + Number(expires) * 1000 >= ctx.now().getTime())) return s3Error(403, 'AccessDenied', 'Request has expired');
      const md5 = createHash('md5');
      const sha = createHash('sha256');
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > MAX_BYTES) return done(new Error('too large'));
          md5.update(chunk);
          sha.update(chunk);
          done(null, chunk);
        },
      });
      const target = filePath(ctx.dataDir, row.id);
      const partial = `${target}.part-${randomUUID()}`;
      try {
        await pipeline(req.raw, counter, createWriteStream(partial));
      } catch {
        rmSync(partial, { force: true });
        return size > MAX_BYTES ? s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size') : s3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
      }
      // An object appears whole or not at all, as on S3.
      renameSync(partial, target);
      ctx.db.prepare('UPDATE uploads SET size = ?, sha256 = ? WHERE id = ?').run(size, sha.digest('hex'), row.id);
      return { status: 200, body: Buffer.alloc(0), headers: { etag: `"${md5.digest('hex')}"` } };
    },
  },
  {
    method: 'PUT',
    path: '/{tenant}/{locale}/upload/{id}',
    access: 'public',
    async handle(req) {
      const body = await req.json(finaliseBody);
      const row = findUpload(ctx, req.params.id!);
      // Symfony's ParamConverter answers an unknown {allegato}.
      if (!row) throw new HttpError(404, { code: 404, message: 'App\\Entity\\Allegato object not found by the @ParamConverter annotation.' });
      ctx.db.prepare('UPDATE uploads SET file_hash = ?, expires_at = NULL WHERE id = ?').run(body.file_hash ?? null, row.id);
      if (body.check_signature === true || body.check_signature === 'true') {
        return { status: 200, json: { url: `${ctx.baseUrl()}/s3/${req.params.tenant}/${row.id}/${encodeURIComponent(row.original_filename)}` } };
      }
      return { status: 204 };
    },
  },
];
