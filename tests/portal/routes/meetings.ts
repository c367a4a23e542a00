/**
 * Meetings (appointments), as src/Controller/Rest/MeetingsAPIController.php serves them. The
 * `api_secure` firewall (config/packages/security.yaml:45-51) wants a JWT on every method, citizens'
 * included; each action first needs the calendars integration (BackofficeVoter, else an
 * AccessDeniedException outside any try: the 403 page).
 * - `GET /{tenant}/api/meetings` (93-138): a citizen's own, an operator's the calendars it owns or
 *   moderates, an admin's all, in no stated order (ours: creation). `status`: PHP 7.4's loose
 *   `in_array` against 0-6, so anything reading as 0-6 or not a number passes and anything else is
 *   400 ["Status code not present, chose one between: 0,1,2,3,4,5,6"]; "" and "0" filter nothing
 *   (pending cannot be asked for); any other value REPLACES the caller's restriction
 *   (`->where()` again): every meeting of that status, whoever asks; one Postgres cannot read as
 *   an integer fails the query (500 page).
 * - `GET .../{id}` (164-193): the voter inside the try, so one the caller may not see is 404
 *   ["Object not found"] like an unknown one.
 * - `POST` (228-335): NO voter beyond the integration (a citizen may book for anyone); MeetingType
 *   (../meeting-form.ts) with MeetingService::getMeetingErrors (../meeting-checks.ts): 400
 *   `{type: "validation_error", title: "There was a validation error", errors}`; a missing or
 *   unknown calendar, a missing time, or an invalid slot with no opening hour is the 500 page. The
 *   citizen: `user` if given, else the one whose username is `fiscal_code` (created with name and
 *   email if new), else a new one with fiscal code "<id>-<time>". 201 with the meeting.
 * - `PUT .../{id}` (380-448): every field not sent is cleared; errors `type: "put_validation_error"`;
 *   200 ["Object Modified Successfully"]. `PATCH .../{id}` (493-562): only the fields sent; 200
 *   ["Object Patched Successfully"]. Both: a pending meeting given another `from_time` becomes
 *   approved; an unknown id is the 500 page (PUT's voter is handed null, PATCH clones null); one the
 *   caller may not edit, the 403 page. Moving is a PATCH of `from_time`/`to_time` (and
 *   `opening_hour`); cancelling, a PATCH of `status` 5 (the slot is free again).
 * - `DELETE .../{id}` (586-612): 204 with no body, also for an unknown id; the meeting is gone and
 *   its slot free; one the caller may not edit, the 403 page.
 * The mails (MeetingLifeCycleListener, MeetingService::sendEmail*) and the Kafka events are not
 * reproduced; a non-uuid id, which Postgres refuses, is treated as unknown.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { citizenFor } from '../accounts';
import type { PortalContext } from '../context';
import { MeetingCrash, meetingErrors } from '../meeting-checks';
import { constraintErrors, formUtilsErrors, submitMeetingForm, type FormFields, type SubmittedMeeting } from '../meeting-form';
import { canEditMeeting, canViewMeeting, findMeeting, insertMeeting, meetingJson, updateMeeting, type MeetingFields, type MeetingRow } from '../meetings-model';
import { HtmlError, HttpError, type PortalRequest, type Route, type RouteModule } from '../router';

const STATUS_CODES = [0, 1, 2, 3, 4, 5, 6];

function integrationOn(ctx: PortalContext): void {
  if (!ctx.backOffice.calendarsEnabled) throw new HtmlError(403);
}

/** `$request->get('status', false)` as getMeetingsAction reads it: the filter, none, or a refusal. */
function statusFilter(raw: string | null): number | null {
  if (raw === null) return null;
  // PHP 7 compares a string with an int by its leading number, 0 when there is none.
  const n = parseFloat(raw);
  if (!STATUS_CODES.includes(Number.isNaN(n) ? 0 : n)) throw new HttpError(400, [`Status code not present, chose one between: ${STATUS_CODES.join(',')}`]);
  if (raw === '' || raw === '0') return null;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new HtmlError(500);
  return Number(raw);
}

function list(ctx: PortalContext, req: PortalRequest): unknown[] {
  integrationOn(ctx);
  const status = statusFilter(req.query.get('status'));
  const rows = ctx.db.prepare('SELECT * FROM meetings ORDER BY seq').all() as MeetingRow[];
  const caller = req.caller!;
  const mine = (m: MeetingRow) => {
    if (caller.role === 'citizen') return m.user_id === caller.id;
    return caller.role === 'admin' || canEditMeeting(ctx, caller, ctx.backOffice.calendars.get(m.calendar_id)!);
  };
  return rows.filter((m) => (status === null ? mine(m) : m.status === status)).map((m) => meetingJson(ctx, m));
}

/** PraticaManager-like lookup of MeetingsAPIController 251-303: the meeting's citizen. */
function citizenOf(ctx: PortalContext, fields: FormFields): string {
  if (fields.user_id) return fields.user_id;
  const person = { name: fields.name ?? '', surname: '', email: fields.email ?? '' };
  if (fields.fiscal_code) return citizenFor(ctx.db, { fiscalCode: fields.fiscal_code, ...person }, ctx.now()).id;
  const { id } = citizenFor(ctx.db, { fiscalCode: null, ...person }, ctx.now());
  ctx.db.prepare('UPDATE users SET fiscal_code = ? WHERE id = ?').run(`${id}-${Math.floor(ctx.now().getTime() / 1000)}`, id);
  return id;
}

/** onSubmit's checks, then the entity's constraints; the errors in FormUtils' shape, or null. */
function checked(ctx: PortalContext, id: string, s: SubmittedMeeting): unknown[] | null {
  const calendar = ctx.backOffice.calendars.get(s.fields.calendar_id) ?? null;
  const draft = { id, calendar, from: s.fields.from_time || null, to: s.fields.to_time || null, status: s.fields.status };
  try {
    const { errors, openingHourId } = meetingErrors(ctx, draft, s.openingHour);
    s.fields.opening_hour_id = openingHourId;
    s.formErrors.push(...errors);
  } catch (error) {
    if (error instanceof MeetingCrash) throw new HtmlError(500);
    throw error;
  }
  constraintErrors(s);
  const errors = formUtilsErrors(s);
  return errors.length > 0 ? errors : null;
}

const validation = (type: string, errors: unknown[]) => new HttpError(400, { type, title: 'There was a validation error', errors });

async function create(ctx: PortalContext, req: PortalRequest) {
  integrationOn(ctx);
  const s = submitMeetingForm(ctx, await req.json(z.unknown()), true);
  const id = randomUUID();
  const errors = checked(ctx, id, s);
  if (errors) throw validation('validation_error', errors);
  ctx.db.transaction(() => {
    const fields: MeetingFields = { ...s.fields, status: s.fields.status!, user_id: citizenOf(ctx, s.fields) };
    insertMeeting(ctx, id, fields);
  })();
  return meetingJson(ctx, findMeeting(ctx, id)!);
}

/** PUT and PATCH: the same action but for clearMissing and the error type. */
async function edit(ctx: PortalContext, req: PortalRequest, method: 'PUT' | 'PATCH'): Promise<void> {
  integrationOn(ctx);
  const before = findMeeting(ctx, req.params.id!);
  if (!before) throw new HtmlError(500);
  if (!canEditMeeting(ctx, req.caller!, ctx.backOffice.calendars.get(before.calendar_id)!)) throw new HtmlError(403);
  const s = submitMeetingForm(ctx, await req.json(z.unknown()), method === 'PUT', before);
  const errors = checked(ctx, before.id, s);
  if (errors) throw validation(method === 'PUT' ? 'put_validation_error' : 'validation_error', errors);
  // "Auto approve meeting when changing date".
  const status = s.fields.from_time !== before.from_time && before.status === 0 ? 1 : s.fields.status!;
  ctx.db.transaction(() => updateMeeting(ctx, before, { ...s.fields, status }))();
}

export const meetingRoutes: RouteModule = (ctx) => {
  const routes: Route[] = [
    { method: 'GET', path: '/{tenant}/api/meetings', access: 'any-user', handle: (req) => ({ status: 200, json: list(ctx, req) }) },
    { method: 'POST', path: '/{tenant}/api/meetings', access: 'any-user', handle: async (req) => ({ status: 201, json: await create(ctx, req) }) },
    {
      method: 'GET',
      path: '/{tenant}/api/meetings/{id}',
      access: 'any-user',
      handle(req) {
        integrationOn(ctx);
        const m = findMeeting(ctx, req.params.id!);
        if (!m || !canViewMeeting(ctx, req.caller!, m, ctx.backOffice.calendars.get(m.calendar_id)!)) throw new HttpError(404, ['Object not found']);
        return { status: 200, json: meetingJson(ctx, m) };
      },
    },
    {
      method: 'PUT',
      path: '/{tenant}/api/meetings/{id}',
      access: 'any-user',
      handle: async (req) => (await edit(ctx, req, 'PUT'), { status: 200, json: ['Object Modified Successfully'] }),
    },
    {
      method: 'PATCH',
      path: '/{tenant}/api/meetings/{id}',
      access: 'any-user',
      handle: async (req) => (await edit(ctx, req, 'PATCH'), { status: 200, json: ['Object Patched Successfully'] }),
    },
    {
      method: 'DELETE',
      path: '/{tenant}/api/meetings/{id}',
      access: 'any-user',
      handle(req) {
        integrationOn(ctx);
        const m = findMeeting(ctx, req.params.id!);
        if (m) {
          if (!canEditMeeting(ctx, req.caller!, ctx.backOffice.calendars.get(m.calendar_id)!)) throw new HtmlError(403);
          ctx.db.prepare('DELETE FROM meetings WHERE id = ?').run(m.id);
        }
        return { status: 204, body: Buffer.alloc(0) };
      },
    },
  ];
  return routes;
};
