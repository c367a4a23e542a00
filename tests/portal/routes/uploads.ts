/**
 * The three-step upload, as the portal does it for attachments:
 * 1. `POST /{tenant}/{locale}/upload` {original_filename, description, mime_type, protocol_required}
 *    -> 201 {id, uri}: a place for the bytes (on a real portal, a pre-signed object-storage URL);
 * 2. `PUT <uri>` with the raw bytes (no bearer: the URI itself is the permission);
 * 3. `PUT /{tenant}/{locale}/upload/{id}` {file_hash, check_signature} -> 200: finalised only if the
 *    SHA-256 of the stored bytes equals `file_hash`, so a truncated transfer can never be attached.
 * The app then references the upload in the application's `data` as `[{"data":{"id":"<id>"},...}]`.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { filePath } from '../portal-db';
import { HttpError, type RouteModule } from '../router';
import type { PortalContext } from '../context';

const createBody = z
  .object({
    original_filename: z.string().min(1).max(255),
    description: z.string().max(1000).default(''),
    mime_type: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i),
    protocol_required: z.boolean().default(false),
  })
  .strict();

const finaliseBody = z.object({ file_hash: z.string().regex(/^[0-9a-f]{64}$/), check_signature: z.boolean().default(false) }).strict();

const MAX_BYTES = 50 * 1024 * 1024;

interface UploadRow {
  id: string;
  owner_id: string;
  original_filename: string;
  description: string;
  mime_type: string;
  protocol_required: number;
  size: number | null;
  sha256: string | null;
  state: 'created' | 'uploaded' | 'final';
  created_at: string;
}

export function uploadSignature(ctx: PortalContext, id: string): string {
  return createHmac('sha256', ctx.secret).update(`upload:${id}`).digest('base64url');
}

export function findUpload(ctx: PortalContext, id: string): UploadRow | undefined {
  return ctx.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined;
}

/** The portal's file object (`id, name, url, originalName, description, created_at, ...`). */
export function fileObject(ctx: PortalContext, row: UploadRow, url: string) {
  return {
    id: row.id,
    name: row.original_filename,
    url,
    originalName: row.original_filename,
    description: row.description,
    created_at: row.created_at,
    protocol_required: row.protocol_required === 1,
    protocol_number: null,
    mime_type: row.mime_type,
    size: row.size,
  };
}

export const uploadRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/{locale}/upload',
    access: 'user',
    async handle(req) {
      const body = await req.json(createBody);
      const id = randomUUID();
      ctx.db
        .prepare(
          `INSERT INTO uploads (id, owner_id, original_filename, description, mime_type, protocol_required, state, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'created', ?)`,
        )
        .run(id, req.caller!.id, body.original_filename, body.description, body.mime_type, body.protocol_required ? 1 : 0, ctx.now().toISOString());
      const uri = `${ctx.baseUrl()}/storage/uploads/${id}?signature=${uploadSignature(ctx, id)}`;
      return { status: 201, json: { id, uri } };
    },
  },
  {
    method: 'PUT',
    path: '/storage/uploads/{id}',
    access: 'public',
    async handle(req) {
      const id = req.params.id!;
      const row = findUpload(ctx, id);
      if (!row || req.query.get('signature') !== uploadSignature(ctx, id)) throw new HttpError(403, 'Invalid upload URI.');
      if (row.state === 'final') throw new HttpError(409, 'Upload already finalised.');
      const hash = createHash('sha256');
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > MAX_BYTES) return done(new HttpError(413, 'File too large.'));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const target = filePath(ctx.dataDir, id);
      const partial = `${target}.part-${randomUUID()}`;
      try {
        await pipeline(req.raw, counter, createWriteStream(partial));
      } catch (error) {
        rmSync(partial, { force: true });
        throw error instanceof HttpError ? error : new HttpError(400, 'Upload interrupted.');
      }
      renameSync(partial, target);
      ctx.db.prepare(`UPDATE uploads SET size = ?, sha256 = ?, state = 'uploaded' WHERE id = ?`).run(size, hash.digest('hex'), id);
      return { status: 200, json: { id, size } };
    },
  },
  {
    method: 'PUT',
    path: '/{tenant}/{locale}/upload/{id}',
    access: 'user',
    async handle(req) {
      const body = await req.json(finaliseBody);
      const row = findUpload(ctx, req.params.id!);
      if (!row || row.owner_id !== req.caller!.id) throw new HttpError(404, 'Upload not found.');
      if (row.state === 'created') throw new HttpError(400, 'No content uploaded yet.');
      if (row.sha256 !== body.file_hash) throw new HttpError(400, 'file_hash does not match the uploaded content.');
      ctx.db.prepare(`UPDATE uploads SET state = 'final' WHERE id = ?`).run(row.id);
      return { status: 200, json: fileObject(ctx, { ...row, state: 'final' }, `${ctx.baseUrl()}/${req.params.tenant}/api/uploads/${row.id}`) };
    },
  },
];
