/**
 * OURS, not part of the real portal: test controls for fault injection per run and token expiry.
 * Every call needs the header `x-portal-admin: <admin key>` (printed by the CLI).
 * - `GET|PUT /__admin/faults` (PUT body: any subset of the fault settings; the rest reset to none)
 * - `POST /__admin/expire-tokens`: every token issued so far is refused from now on.
 */
import { faultsSchema } from '../faults';
import type { RouteModule } from '../router';

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
    path: '/__admin/expire-tokens',
    access: 'test-admin',
    handle() {
      ctx.tokenGeneration.value += 1;
      return { status: 204 };
    },
  },
];
