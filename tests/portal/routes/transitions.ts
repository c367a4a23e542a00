/**
 * Back-office transitions: `POST /{tenant}/api/applications/{id}/transition/{action}` -> 204.
 * The app never calls these (a kiosk does not decide pratiche); tests and demos play the
 * operator with them, and the app's status pull must then see the new status, the protocol
 * number, the outcome and the outcome files.
 */
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { changeStatus, findApplication, FINAL_STATUSES } from '../applications-model';
import type { PortalContext } from '../context';
import { filePath } from '../portal-db';
import { HttpError, type RouteModule } from '../router';

const registerBody = z
  .object({ protocol_folder_number: z.string().max(100).optional(), protocol_number: z.string().min(1).max(100), protocol_document_id: z.string().max(100).optional() })
  .strict();
const assignBody = z.object({ user_id: z.string().optional() }).strict();
const withdrawBody = z.object({}).strict();
const outcomeBody = z
  .object({
    message: z.string().min(1).max(10_000),
    attachments: z.array(z.object({ name: z.string().min(1).max(255), mime_type: z.string().min(3), file: z.base64() }).strict()).max(10).default([]),
  })
  .strict();

/** Which status each action needs and leads to. */
const FLOW: Record<string, { from: number[]; to: number }> = {
  register: { from: [2000], to: 3000 },
  assign: { from: [2000, 3000, 4300], to: 4000 },
  accept: { from: [2000, 3000, 4000, 5000], to: 7000 },
  reject: { from: [2000, 3000, 4000, 5000], to: 9000 },
  'request-integration': { from: [4000, 5000], to: 4100 },
  withdraw: { from: [1900, 2000, 3000, 4000], to: 20000 },
};

function storeOutcomeFiles(ctx: PortalContext, applicationId: string, ownerId: string, files: z.output<typeof outcomeBody>['attachments']): void {
  for (const f of files) {
    const id = randomUUID();
    const bytes = Buffer.from(f.file, 'base64');
    writeFileSync(filePath(ctx.dataDir, id), bytes);
    ctx.db
      .prepare(
        `INSERT INTO uploads (id, owner_id, original_filename, description, mime_type, protocol_required, size, sha256, state, created_at)
         VALUES (?, ?, ?, '', ?, 0, ?, ?, 'final', ?)`,
      )
      .run(id, ownerId, f.name, f.mime_type, bytes.length, createHash('sha256').update(bytes).digest('hex'), ctx.now().toISOString());
    ctx.db.prepare(`INSERT INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'outcome')`).run(applicationId, id);
  }
}

export const transitionRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/api/applications/{id}/transition/{action}',
    access: 'operator',
    async handle(req) {
      const action = req.params.action!;
      const flow = FLOW[action];
      if (!flow) throw new HttpError(404, `Unknown transition ${action}.`);
      const body = action === 'register' ? await req.json(registerBody) : action === 'assign' ? await req.json(assignBody) : action === 'withdraw' ? await req.json(withdrawBody) : await req.json(outcomeBody);
      const row = findApplication(ctx, req.params.id!);
      if (FINAL_STATUSES.has(row.status) || !flow.from.includes(row.status)) {
        throw new HttpError(400, `Transition ${action} not allowed from status ${row.status}.`);
      }
      ctx.db.transaction(() => {
        if ('protocol_number' in body) {
          changeStatus(ctx, row.id, flow.to, null, {
            protocol_number: body.protocol_number,
            protocol_folder_number: body.protocol_folder_number ?? null,
            protocol_document_id: body.protocol_document_id ?? null,
            protocolled_at: ctx.now().toISOString(),
          });
        } else if ('message' in body) {
          storeOutcomeFiles(ctx, row.id, req.caller!.id, body.attachments);
          const outcome = action === 'accept' ? 1 : action === 'reject' ? 0 : null;
          changeStatus(ctx, row.id, flow.to, body.message, outcome === null ? {} : { outcome, outcome_motivation: body.message });
        } else {
          changeStatus(ctx, row.id, flow.to, null, action === 'assign' ? { operator_id: req.caller!.id } : {});
        }
      })();
      return { status: 204 };
    },
  },
];
