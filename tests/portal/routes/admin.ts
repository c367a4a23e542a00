/**
 * OURS, not part of the real portal: test controls for fault injection per run and token expiry.
 * Every call needs the header `x-portal-admin: <admin key>` (printed by the CLI).
 * - `GET|PUT /__admin/faults` (PUT body: any subset of the fault settings; the rest reset to none)
 * - `POST /__admin/expire-tokens`: every token issued so far is refused from now on.
 * - `POST /__admin/citizen-token` {fiscal_code} -> {token}: a token for the citizen the portal knows
 *   by that fiscal code (404 otherwise), the one `GET /{tenant}/api/session-auth` gives after the
 *   citizen's web login (routes/session-auth.ts), without the login: for tests that need a citizen
 *   but not the card.
 */
import { z } from 'zod';
import { callerById, citizenByFiscalCode } from '../accounts';
import { faultsSchema } from '../faults';
import { HttpError, type RouteModule } from '../router';
import { issueToken } from '../tokens';

export const adminRoutes: RouteModule = (ctx) => [
  { method: 'GET', path: '/__admin/faults', access: 'test-admin', handle: () => ({ status: 200, json: ctx.faults.current }) },
  {
    method: 'PUT',
    path: '/__admin/faults',
    access: 'test-admin',
    async handle(req) {
      ctx.faults.current = await req.json(faultsSchema);
      return { status: 200, json: ctx.faults.current };
    },
  },
  {
    method: 'POST',
    path: '/__admin/citizen-token',
    access: 'test-admin',
    async handle(req) {
      const { fiscal_code } = await req.json(z.object({ fiscal_code: z.string().min(1).max(32) }));
      const citizen = citizenByFiscalCode(ctx.db, fiscal_code);
      if (!citizen) throw new HttpError(404, ['Citizen not found']);
      return { status: 200, json: { token: issueToken(ctx, callerById(ctx.db, citizen.id)!) } };
    },
  },
  {
    method: 'POST',
    path: '/__admin/expire-tokens',
    access: 'test-admin',
    handle() {
      ctx.tokenGeneration.value += 1;
      return { status: 204 };
    },
  },
];
