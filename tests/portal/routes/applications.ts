/**
 * Applications (pratiche). What the app relies on:
 * - `POST /{tenant}/api/applications` {service, data, status: 1000|1900} -> 201 with the application.
 *   The kiosk's API account creates on behalf of the citizen named by the fiscal code in
 *   `data.applicant.data.fiscal_code.data.fiscal_code` (found or created). Files are referenced in `data`
 *   as `[{data:{id:<upload id>}, ...}]` and must be finalised uploads of the same account. There is NO
 *   idempotency key: a create whose reply was lost must be found again by the app (see the list filters).
 * - `GET /{tenant}/api/applications` -> `{meta:{count, parameter:{offset,limit,version}}, links:{self,prev,next}, data}`;
 *   filters `service, status, createdAt[after|before], updatedAt[after|before], order, sort, offset, limit<=100`,
 *   and `data.<dotted.path>=<value>`, an exact match on the submitted data that the app uses to look up the
 *   client reference it stored there (a real portal without it can be searched by service + createdAt).
 * - `GET|PATCH /{tenant}/api/applications/{id}`, `GET .../{id}/history` (status changes with timestamps),
 *   `GET .../{id}/attachments/{fileId}` (bytes of an attachment or outcome file), `GET|POST .../{id}/messages`.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { citizenFor } from '../accounts';
import { changeStatus, findApplication, referencedUploads, serializeApplication, type ApplicationRow } from '../applications-model';
import type { PortalContext } from '../context';
import { filePath } from '../portal-db';
import { HttpError, type Caller, type PortalRequest, type RouteModule } from '../router';
import { findUpload } from './uploads';

const applicantSchema = z.looseObject({
  data: z.looseObject({
    fiscal_code: z.looseObject({ data: z.looseObject({ fiscal_code: z.string().regex(/^[A-Z0-9]{16}$/i) }) }),
    completename: z.looseObject({ data: z.looseObject({ name: z.string().optional(), surname: z.string().optional() }) }).optional(),
    email_address: z.string().optional(),
  }),
});

const createBody = z
  .object({
    user: z.string().optional(),
    service: z.string().min(1),
    data: z.looseObject({ applicant: applicantSchema }),
    status: z.union([z.literal(1000), z.literal(1900), z.literal('1000'), z.literal('1900')]).default(1000),
  })
  .strict();

const patchBody = z.object({ data: z.record(z.string(), z.unknown()).optional(), status: z.union([z.literal(1900), z.literal('1900')]).optional() }).strict();

const messageBody = z.object({ message: z.string().min(1).max(10_000) }).strict();

function visibleTo(caller: Caller, row: ApplicationRow): boolean {
  return caller.role === 'operator' || row.created_by === caller.id || row.user_id === caller.id;
}

function ownApplication(ctx: PortalContext, req: PortalRequest): ApplicationRow {
  const row = findApplication(ctx, req.params.id!);
  if (!visibleTo(req.caller!, row)) throw new HttpError(404, 'Application not found.');
  return row;
}

function list(ctx: PortalContext, req: PortalRequest) {
  const q = req.query;
  const limit = Math.min(Number(q.get('limit') ?? 20), 100);
  const offset = Number(q.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'Invalid offset or limit.');
  const where: string[] = [];
  const args: Record<string, string | number> = {};
  if (req.caller!.role !== 'operator') {
    where.push('(created_by = @caller OR user_id = @caller)');
    args.caller = req.caller!.id;
  }
  const service = q.get('service');
  if (service) {
    where.push('service_id = @service');
    args.service = ctx.catalogue.findService(service)?.id ?? service;
  }
  if (q.get('status')) {
    where.push('status = @status');
    args.status = Number(q.get('status'));
  }
  for (const [param, column] of [['createdAt', 'created_at'], ['updatedAt', 'updated_at']] as const) {
    for (const [op, sign] of [['after', '>='], ['before', '<=']] as const) {
      const value = q.get(`${param}[${op}]`);
      if (!value) continue;
      if (Number.isNaN(Date.parse(value))) throw new HttpError(400, `Invalid ${param}[${op}].`);
      where.push(`${column} ${sign} @${param}_${op}`);
      args[`${param}_${op}`] = new Date(value).toISOString();
    }
  }
  const dataFilters = [...q.entries()].filter(([k]) => k.startsWith('data.'));
  dataFilters.forEach(([key, value], i) => {
    if (!/^data(\.[A-Za-z0-9_]+)+$/.test(key)) throw new HttpError(400, `Invalid filter ${key}.`);
    where.push(`json_extract(data, @path${i}) = @value${i}`);
    args[`path${i}`] = `$${key.slice(4)}`;
    args[`value${i}`] = value;
  });
  const order = q.get('order') === 'updatedAt' ? 'updated_at' : 'created_at';
  const sort = q.get('sort')?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = (ctx.db.prepare(`SELECT count(*) AS n FROM applications ${clause}`).get(args) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT * FROM applications ${clause} ORDER BY ${order} ${sort}, seq ${sort} LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit, offset }) as ApplicationRow[];
  const page = (o: number) => {
    const p = new URLSearchParams(q);
    p.set('offset', String(o));
    p.set('limit', String(limit));
    return `${ctx.baseUrl()}/${req.params.tenant}/api/applications?${p}`;
  };
  return {
    meta: { count, parameter: { offset, limit, version: 1 } },
    links: { self: page(offset), prev: offset > 0 ? page(Math.max(0, offset - limit)) : null, next: offset + limit < count ? page(offset + limit) : null },
    data: rows.map((r) => serializeApplication(ctx, r, req.params.tenant!)),
  };
}

function create(ctx: PortalContext, req: PortalRequest, body: z.output<typeof createBody>) {
  const service = ctx.catalogue.findService(body.service);
  if (!service) throw new HttpError(400, 'Unknown service.', [{ property: 'service', message: 'not found' }]);
  if (service.status !== 1) throw new HttpError(400, 'Service not available.');
  const uploads = [...new Set(referencedUploads(body.data))].map((id) => findUpload(ctx, id)).filter((u) => u !== undefined);
  for (const u of uploads) {
    if (u.owner_id !== req.caller!.id || u.state !== 'final') throw new HttpError(400, `File ${u.id} is not a finalised upload of this account.`);
  }
  const applicant = body.data.applicant.data;
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const status = Number(body.status);
  ctx.db.transaction(() => {
    const citizen = citizenFor(
      ctx.db,
      {
        fiscalCode: applicant.fiscal_code.data.fiscal_code.toUpperCase(),
        name: applicant.completename?.data.name,
        surname: applicant.completename?.data.surname,
        email: applicant.email_address,
      },
      ctx.now(),
    );
    ctx.db
      .prepare(
        `INSERT INTO applications (id, user_id, created_by, service_id, status, data, created_at, updated_at, submitted_at, latest_status_change_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, citizen.id, req.caller!.id, service.id, status, JSON.stringify(body.data), now, now, status === 1900 ? now : null, now);
    ctx.db.prepare('INSERT INTO history (application_id, status, message, at) VALUES (?, ?, NULL, ?)').run(id, status, now);
    const link = ctx.db.prepare(`INSERT INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'attachment')`);
    for (const u of uploads) link.run(id, u.id);
    // The portal acquires a pre-submitted application at once (it renders the module and sends it on).
    if (status === 1900) changeStatus(ctx, id, 2000, null);
  })();
  return serializeApplication(ctx, findApplication(ctx, id), req.params.tenant!);
}

export const applicationRoutes: RouteModule = (ctx) => [
  { method: 'GET', path: '/{tenant}/api/applications', access: 'user', handle: (req) => ({ status: 200, json: list(ctx, req) }) },
  {
    method: 'POST',
    path: '/{tenant}/api/applications',
    access: 'user',
    async handle(req) {
      const body = await req.json(createBody);
      return { status: 201, json: create(ctx, req, body) };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}',
    access: 'user',
    handle: (req) => ({ status: 200, json: serializeApplication(ctx, ownApplication(ctx, req), req.params.tenant!) }),
  },
  {
    method: 'PATCH',
    path: '/{tenant}/api/applications/{id}',
    access: 'user',
    async handle(req) {
      const body = await req.json(patchBody);
      const row = ownApplication(ctx, req);
      if (row.status !== 1000) throw new HttpError(400, 'Only a draft can be changed.');
      ctx.db.transaction(() => {
        if (body.data) ctx.db.prepare('UPDATE applications SET data = ?, updated_at = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.data), ...body.data }), ctx.now().toISOString(), row.id);
        if (body.status) {
          changeStatus(ctx, row.id, 1900, null, { submitted_at: ctx.now().toISOString() });
          changeStatus(ctx, row.id, 2000, null);
        }
      })();
      return { status: 200, json: serializeApplication(ctx, findApplication(ctx, row.id), req.params.tenant!) };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/history',
    access: 'user',
    handle(req) {
      const row = ownApplication(ctx, req);
      const rows = ctx.db.prepare('SELECT status, message, at FROM history WHERE application_id = ? ORDER BY seq').all(row.id) as {
        status: number;
        message: string | null;
        at: string;
      }[];
      return { status: 200, json: rows.map((h) => ({ status: String(h.status), message: h.message, date: h.at })) };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/attachments/{fileId}',
    access: 'user',
    handle(req) {
      const row = ownApplication(ctx, req);
      const linked = ctx.db.prepare('SELECT 1 FROM application_files WHERE application_id = ? AND upload_id = ?').get(row.id, req.params.fileId);
      const upload = findUpload(ctx, req.params.fileId!);
      if (!linked || !upload) throw new HttpError(404, 'File not found.');
      return {
        status: 200,
        body: createReadStream(filePath(ctx.dataDir, upload.id)),
        headers: { 'content-type': upload.mime_type, 'content-length': String(upload.size ?? 0) },
      };
    },
  },
  {
    method: 'GET',
    path: '/{tenant}/api/applications/{id}/messages',
    access: 'user',
    handle(req) {
      const row = ownApplication(ctx, req);
      const rows = ctx.db.prepare('SELECT id, author_id, message, created_at FROM messages WHERE application_id = ? ORDER BY created_at').all(row.id);
      return { status: 200, json: rows };
    },
  },
  {
    method: 'POST',
    path: '/{tenant}/api/applications/{id}/messages',
    access: 'user',
    async handle(req) {
      const body = await req.json(messageBody);
      const row = ownApplication(ctx, req);
      const message = { id: randomUUID(), author_id: req.caller!.id, message: body.message, created_at: ctx.now().toISOString() };
      ctx.db.prepare('INSERT INTO messages (id, application_id, author_id, message, created_at) VALUES (@id, @app, @author_id, @message, @created_at)').run({ ...message, app: row.id });
      return { status: 201, json: message };
    },
  },
];
