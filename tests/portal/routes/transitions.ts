/**
 * Back-office transitions: `POST /{tenant}/api/applications/{id}/transition/{action}` -> 204
 * (ApplicationsAPIController::applicationTransition*Action). The app never calls these (a kiosk does
 * not decide pratiche); tests and demos play the office with them, and the app's status pull must
 * then see the new status, the protocol number, the outcome and the outcome files.
 * - `register` {protocol_folder_number, protocol_number (both required), protocol_folder_code?,
 *   protocol_document_id?}: 422 when the service needs no protocol or the number is already there;
 * - `assign`, `withdraw`, `request-integration` {message};
 * - `accept` / `reject` {message, attachments: [{name, mime_type, file (base64)}]} (OutcomeFormType):
 *   the files become the application's `outcome_attachments`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { canView, changeStatus, findApplication, FINAL_STATUSES } from '../applications-model';
import type { PortalContext } from '../context';
import { filePath } from '../portal-db';
import { HttpError, type RouteModule } from '../router';

const validationError = (errors: unknown) => new HttpError(400, { type: 'validation_error', title: 'There was a validation error', errors });

const registerBody = z.looseObject({
  protocol_folder_number: z.string().min(1),
  protocol_folder_code: z.string().nullish(),
  protocol_number: z.string().min(1),
  protocol_document_id: z.string().nullish(),
});
const outcomeBody = z.object({
  message: z.string().nullish(),
  attachments: z.array(z.object({ name: z.string().min(1).max(255), mime_type: z.string().min(3), file: z.base64() })).max(10).nullish(),
});
const messageBody = z.looseObject({ message: z.string().nullish() });

/** Which status each action needs and leads to (PraticaStatusService's flow, the part tests use). */
const FLOW: Record<string, { from: number[]; to: number }> = {
  register: { from: [2000, 4300], to: 3000 },
  assign: { from: [2000, 3000, 4300, 4400], to: 4000 },
  accept: { from: [2000, 3000, 4000, 4500, 5000], to: 7000 },
  reject: { from: [2000, 3000, 4000, 4500, 5000], to: 9000 },
  'request-integration': { from: [4000, 5000], to: 4100 },
  withdraw: { from: [1900, 2000, 3000, 4000], to: 20000 },
};

function storeOutcomeFiles(ctx: PortalContext, applicationId: string, files: z.output<typeof outcomeBody>['attachments']): void {
  for (const f of files ?? []) {
    const id = randomUUID();
    const bytes = Buffer.from(f.file, 'base64');
    writeFileSync(filePath(ctx.dataDir, id), bytes);
    ctx.db
      .prepare(`INSERT INTO uploads (id, original_filename, description, mime_type, protocol_required, size, sha256, created_at) VALUES (?, ?, 'Risposta Operatore', ?, 0, ?, ?, ?)`)
      .run(id, f.name, f.mime_type, bytes.length, createHash('sha256').update(bytes).digest('hex'), ctx.now().toISOString());
    ctx.db.prepare(`INSERT INTO application_files (application_id, upload_id, kind) VALUES (?, ?, 'outcome')`).run(applicationId, id);
  }
}

export const transitionRoutes: RouteModule = (ctx) => [
  {
    method: 'POST',
    path: '/{tenant}/api/applications/{id}/transition/{action}',
    access: 'user',
    async handle(req) {
      const action = req.params.action!;
      const flow = FLOW[action];
      if (!flow) throw new HttpError(404, { code: 404, message: `No route found for "POST ${new URL(req.raw.url ?? '/', 'http://p').pathname}"` });
      const raw: unknown = await req.json(z.unknown());
      const row = findApplication(ctx, req.params.id!);
      if (!canView(req.caller!, row)) throw new HttpError(403, ['You are not allowed to change this application']);
      const fail = () => new HttpError(400, { type: 'error', title: 'There was an error during transition process', description: 'Contact technical support at support@opencontent.it' });
      if (FINAL_STATUSES.has(row.status) || !flow.from.includes(row.status)) throw fail();
      if (action === 'register') {
        const service = ctx.catalogue.services.get(row.service_id);
        if (row.protocol_number) throw new HttpError(422, ['Application already has a protocol number']);
        if (service?.protocol_required === false) throw new HttpError(422, ['Application does not need to be protocolled']);
        const b = registerBody.safeParse(raw);
        if (!b.success) throw validationError(b.error.issues.map((i) => `${i.path.join('.')}: This value should not be blank.`));
        ctx.db.transaction(() =>
          changeStatus(ctx, row.id, flow.to, null, {
            protocol_number: b.data.protocol_number,
            protocol_folder_number: b.data.protocol_folder_number,
            protocol_folder_code: b.data.protocol_folder_code ?? null,
            protocol_document_id: b.data.protocol_document_id ?? null,
            protocolled_at: ctx.now().toISOString(),
          }),
        )();
      } else if (action === 'accept' || action === 'reject') {
        const b = outcomeBody.safeParse(raw);
        if (!b.success) throw validationError(b.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
        ctx.db.transaction(() => {
          storeOutcomeFiles(ctx, row.id, b.data.attachments);
          changeStatus(ctx, row.id, flow.to, b.data.message ?? null, { outcome: action === 'accept' ? 1 : 0, outcome_motivation: b.data.message ?? null });
        })();
      } else {
        const b = messageBody.safeParse(raw ?? {});
        const message = b.success ? (b.data.message ?? null) : null;
        ctx.db.transaction(() => changeStatus(ctx, row.id, flow.to, message, action === 'assign' ? { operator_id: req.caller!.id } : {}))();
      }
      return { status: 204 };
    },
  },
];
