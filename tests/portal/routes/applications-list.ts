/**
 * `GET /{tenant}/api/applications`, as ApplicationsAPIController::getApplicationsAction and
 * PraticaRepository::getApplications serve it:
 * - reads only `offset` (0), `limit` (10; over 100 -> 400 ["Limit parameter is too high"]), `version`,
 *   `service` (a SLUG: unknown -> 404 ["Service not found"]), `service_identifier`, `status`
 *   (an unknown code -> 400), `order` (creationTime), `sort` (ASC), and
 *   `createdAt|updatedAt|submittedAt[after|before|strictly_after|strictly_before]` in `Y-m-d` or
 *   ATOM (`Y-m-d\TH:i:sP`, no milliseconds), anything else -> 400. Every other parameter (a
 *   `data.<path>` filter, say) is ignored.
 * - drafts (1000) are excluded unless `status` asks for them;
 * - a citizen sees only their own applications (`$parameters['user']`), of any service;
 * - an operator sees the services it is enabled on, plus what is assigned to it; one who sees
 *   nothing at all yet gets 403 ["You are not allowed to view applications"], one asking for a
 *   service it cannot see 403 ["You are not allowed to view applications of passed service"];
 * - the page is `{meta:{count, parameter}, links:{self, prev, next}, data}`.
 */
import { HttpError, type Caller, type PortalRequest } from '../router';
import type { PortalContext } from '../context';
import { serializeApplication, STATUS_NAMES, type ApplicationRow } from '../applications-model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const OPS = { after: '>=', strictly_after: '>', before: '<=', strictly_before: '<' } as const;
const COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at', submittedAt: 'submitted_at' } as const;
const ORDER: Record<string, string> = { creationTime: 'created_at', submissionTime: 'submitted_at', latestStatusChangeTimestamp: 'latest_status_change_at', updatedAt: 'updated_at' };
/** PraticaRepository::OPERATORI_LOWER_STATE: an operator's services are those with applications from 1500 on. */
const OPERATOR_LOWER_STATE = 1500;

/** A valid date or ATOM timestamp as an ISO instant; `Y-m-d` is that day's midnight (the portal's timezone, UTC here). */
function instant(value: string): string | null {
  if (DATE.test(value)) return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? null : `${value}T00:00:00.000Z`;
  if (ATOM.test(value)) return Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString();
  return null;
}

/** getServicesByOperatore: services with an application assigned to the operator or in one of its enabled services. */
function servicesByOperator(ctx: PortalContext, caller: Caller): string[] {
  const enabled = JSON.stringify(caller.services);
  return ctx.db
    .prepare(`SELECT DISTINCT service_id FROM applications WHERE status >= ? AND (operator_id = ? OR service_id IN (SELECT value FROM json_each(?)))`)
    .pluck()
    .all(OPERATOR_LOWER_STATE, caller.id, enabled) as string[];
}

export function listApplications(ctx: PortalContext, req: PortalRequest) {
  const q = req.query;
  const caller = req.caller!;
  const offset = Math.trunc(Number(q.get('offset') ?? 0)) || 0;
  const limit = Math.trunc(Number(q.get('limit') ?? 10)) || 0;
  const version = Math.trunc(Number(q.get('version') ?? 1)) || 0;
  if (limit > 100) throw new HttpError(400, ['Limit parameter is too high']);
  const parameter: Record<string, unknown> = { offset, limit, version };
  for (const k of ['service', 'service_identifier', 'status', 'order', 'sort']) if (q.get(k)) parameter[k] = q.get(k);

  const where: string[] = [];
  const args: Record<string, string | number> = {};
  for (const [param, column] of Object.entries(COLUMNS)) {
    const given: Record<string, string> = {};
    for (const op of Object.keys(OPS) as (keyof typeof OPS)[]) {
      const value = q.get(`${param}[${op}]`);
      if (value === null) continue;
      const at = instant(value);
      if (!at) throw new HttpError(400, [`Parameter ${param} must be in on of these formats: yyyy-mm-dd or yyyy-mm-ddTHH:ii:ssP`]);
      given[op] = value;
      args[`${param}_${op}`] = at;
    }
    if (Object.keys(given).length === 0) continue;
    parameter[param] = given;
    // The repository applies at most one lower and one upper bound, the strict one first.
    const lower: keyof typeof OPS | null = 'strictly_after' in given ? 'strictly_after' : 'after' in given ? 'after' : null;
    const upper: keyof typeof OPS | null = 'strictly_before' in given ? 'strictly_before' : 'before' in given ? 'before' : null;
    for (const op of [lower, upper]) if (op) where.push(`${column} ${OPS[op]} @${param}_${op}`);
  }

  const status = q.get('status');
  if (status && !(Number(status) in STATUS_NAMES)) {
    throw new HttpError(400, [`Status code not present, chose one between: ${Object.keys(STATUS_NAMES).join(',')}`]);
  }
  const visible = caller.role === 'operator' ? servicesByOperator(ctx, caller) : null;
  if (visible !== null && visible.length === 0) throw new HttpError(403, ['You are not allowed to view applications']);

  let services: string[] | null = caller.role === 'operator' ? caller.services : null;
  let onlyAssigned = false;
  const slug = q.get('service');
  if (slug) {
    const service = ctx.catalogue.bySlug(slug);
    if (!service) throw new HttpError(404, ['Service not found']);
    if (visible !== null && !visible.includes(service.id)) throw new HttpError(403, ['You are not allowed to view applications of passed service']);
    onlyAssigned = caller.role === 'operator' && !caller.services.includes(service.id);
    services = [service.id];
  }

  where.push(status ? 'status = @status' : 'status != 1000');
  if (status) args.status = Number(status);
  if (services !== null) {
    const inServices = 'service_id IN (SELECT value FROM json_each(@services))';
    args.services = JSON.stringify(services);
    args.operator = caller.id;
    // An operator also sees what is assigned to it; within a service it is not enabled on, only that.
    where.push(caller.role !== 'operator' ? inServices : onlyAssigned ? `${inServices} AND operator_id = @operator` : `(${inServices} OR operator_id = @operator)`);
  }
  if (caller.role === 'citizen') {
    where.push('user_id = @user');
    args.user = caller.id;
  }
  const identifier = q.get('service_identifier');
  if (identifier) {
    args.identifier_services = JSON.stringify([...ctx.catalogue.services.values()].filter((s) => s.identifier === identifier).map((s) => s.id));
    where.push('service_id IN (SELECT value FROM json_each(@identifier_services))');
  }

  const clause = `WHERE ${where.join(' AND ')}`;
  const count = (ctx.db.prepare(`SELECT count(*) AS n FROM applications ${clause}`).get(args) as { n: number }).n;
  const order = ORDER[q.get('order') ?? 'creationTime'] ?? 'created_at';
  const sort = q.get('sort')?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const rows = ctx.db.prepare(`SELECT * FROM applications ${clause} ORDER BY ${order} ${sort}, seq ${sort} LIMIT @limit OFFSET @offset`).all({ ...args, limit, offset: Math.max(0, offset) }) as ApplicationRow[];
  const link = (o: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...parameter, offset: o })) {
      if (typeof v === 'object' && v !== null) for (const [op, d] of Object.entries(v)) p.set(`${k}[${op}]`, String(d));
      else p.set(k, String(v));
    }
    return `${ctx.baseUrl()}/${req.params.tenant}/api/applications?${p}`;
  };
  return {
    meta: { count, parameter },
    links: { self: link(offset), prev: offset !== 0 ? link(offset - limit) : null, next: offset + limit < count ? link(offset + limit) : null },
    data: rows.map((r) => serializeApplication(ctx, r, req.params.tenant!)),
  };
}
