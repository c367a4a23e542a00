/**
 * The calendars integration of a service (src/BackOffice/CalendarsBackOffice.php), which
 * BackOfficePraticaListener::onStatusChange runs after EVERY status change of an application whose
 * service has an integration (the built-in "Prenotazione appuntamento", data/built-in/bookings.json:
 * `"integrations": {"2000": "calendars"}`, served by ServiceDto as `{trigger, action}`):
 * - at the trigger status (createMeetingFromPratica, 193-276): the flattened `calendar` field the
 *   booking form computes ("d/m/Y @ H:i-H:i (<calendar>#<meeting>#<opening hour>)",
 *   assets/app/schemas/bookings.json) gives the calendar, the times and the opening hour; it needs
 *   `applicant.data.completename.data.name` / `.surname` and `calendar` (getIntegrationType) and an
 *   email or phone; the meeting named there is updated, else a new one is made with the citizen's
 *   name, `applicant.data.email_address`, `applicant.data.phone_number`, the fiscal code and
 *   `user_message`; getMeetingErrors refusing it (a taken slot) books nothing (a mail is sent); else
 *   approved (pending on a moderated calendar) and linked to the application (`meetings`,
 *   `application`). Every failure is only logged: the application goes on;
 * - on later changes (execute, 91-152), for the linked meetings and the one the field names: 1900
 *   links drafts, 20000 and 50000 cancel the future pending or approved ones, 1530 and 9000 refuse
 *   them, 7000 approves the pending ones.
 * The API create dispatches the change only for 1900 and leaves the rest to the PDF job
 * (ApplicationsAPIController 804-811, ModuloPdfBuilderService::executeScheduledAction), which sets
 * the status again; here that job is done at once, as the 1900 -> 2000 move already is.
 */
import { randomUUID } from 'node:crypto';
import type { PortalContext } from './context';
import { meetingErrors } from './meeting-checks';
import { findMeeting, insertMeeting, updateMeeting, type MeetingFields } from './meetings-model';
import { wallClock } from './wall-clock';

const ACTIVE = [0, 1];

/** The calendars integration of a service as ServiceDto shows it, or null. */
function triggerOf(ctx: PortalContext, serviceId: string): number | null {
  const integrations = ctx.catalogue.services.get(serviceId)?.integrations as { trigger?: unknown; action?: unknown } | undefined;
  return integrations?.action === 'calendars' ? Number(integrations.trigger) : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** getMeetingData: the parts of "d/m/Y @ H:i-H:i (calendar#meeting#opening hour)". */
function parseCalendarField(value: string) {
  const m = /^\s*(\d{2})\/(\d{2})\/(\d{4})\s*@\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*\(([^)]*)\)/.exec(value);
  if (!m) return null;
  const [, d, mo, y, start, end, ids] = m;
  const [calendar = '', meeting = '', openingHour = ''] = ids!.split('#').map((x) => x.trim());
  return { from: `${y}-${mo}-${d}T${start}:00`, to: `${y}-${mo}-${d}T${end}:00`, calendar, meeting, openingHour };
}

function linked(ctx: PortalContext, applicationId: string): string[] {
  return ctx.db.prepare('SELECT meeting_id FROM application_meetings WHERE application_id = ? ORDER BY seq').pluck().all(applicationId) as string[];
}

function createMeetingFromApplication(ctx: PortalContext, app: { id: string; user_id: string }, flat: Record<string, unknown>): void {
  const required = ['applicant.data.completename.data.name', 'applicant.data.completename.data.surname', 'calendar'];
  if (!required.every((k) => k in flat)) return;
  const email = str(flat['applicant.data.email_address']);
  const phone = str(flat['applicant.data.phone_number']);
  if (!email && !phone) return;
  const parsed = typeof flat.calendar === 'string' ? parseCalendarField(flat.calendar) : null;
  const calendar = parsed ? ctx.backOffice.calendars.get(parsed.calendar) : undefined;
  if (!parsed || !calendar) return;
  const existing = parsed.meeting ? findMeeting(ctx, parsed.meeting) : undefined;
  const id = existing?.id ?? randomUUID();
  const given = calendar.openingHours.find((oh) => oh.id === parsed.openingHour) ?? (existing?.opening_hour_id ? calendar.openingHours.find((oh) => oh.id === existing.opening_hour_id) : undefined);
  const check = meetingErrors(ctx, { id, calendar, from: parsed.from, to: parsed.to, status: existing?.status ?? null }, given);
  if (check.errors.length > 0) return;
  const user = ctx.db.prepare('SELECT name, surname FROM users WHERE id = ?').get(app.user_id) as { name: string | null; surname: string | null };
  const fields: MeetingFields = {
    calendar_id: calendar.id,
    opening_hour_id: check.openingHourId,
    user_id: app.user_id,
    email,
    phone_number: phone,
    fiscal_code: str(flat['applicant.data.fiscal_code.data.fiscal_code']),
    name: [user.name, user.surname].filter(Boolean).join(' '),
    from_time: parsed.from,
    to_time: parsed.to,
    user_message: str(flat.user_message),
    motivation_outcome: existing?.motivation_outcome ?? null,
    videoconference_link: existing?.videoconference_link ?? null,
    status: 1,
    draft_expiration: existing?.draft_expiration ?? null,
  };
  if (existing) updateMeeting(ctx, existing, fields);
  else insertMeeting(ctx, id, fields);
  ctx.db.prepare('INSERT OR IGNORE INTO application_meetings (application_id, meeting_id) VALUES (?, ?)').run(app.id, id);
}

/** What the later status changes do to the linked meetings that are still ahead. */
function followStatus(ctx: PortalContext, applicationId: string, status: number, named: string | null): void {
  const ids = new Set(linked(ctx, applicationId));
  if (named && findMeeting(ctx, named)) ids.add(named);
  const ahead = wallClock(ctx.now()).toISOString().slice(0, 19);
  for (const id of ids) {
    const m = findMeeting(ctx, id)!;
    let next = m.status;
    if (status === 1900 && m.status === 6) ctx.db.prepare('INSERT OR IGNORE INTO application_meetings (application_id, meeting_id) VALUES (?, ?)').run(applicationId, id);
    else if ((status === 20000 || status === 50000) && ACTIVE.includes(m.status) && m.from_time > ahead) next = 5;
    else if ((status === 1530 || status === 9000) && ACTIVE.includes(m.status) && m.from_time > ahead) next = 2;
    else if (status === 7000 && m.status === 0) next = 1;
    if (next !== m.status) updateMeeting(ctx, m, { ...m, status: next });
  }
}

/** CalendarsBackOffice::execute after an application's status changed; never throws (the real one logs). */
export function afterStatusChange(ctx: PortalContext, applicationId: string): void {
  try {
    const app = ctx.db.prepare('SELECT id, user_id, service_id, status, data FROM applications WHERE id = ?').get(applicationId) as
      | { id: string; user_id: string; service_id: string; status: number; data: string }
      | undefined;
    const trigger = app ? triggerOf(ctx, app.service_id) : null;
    if (!app || trigger === null) return;
    const flat = (JSON.parse(app.data) as { flattened: Record<string, unknown> }).flattened;
    if (app.status === trigger) createMeetingFromApplication(ctx, app, flat);
    const named = typeof flat.calendar === 'string' ? (parseCalendarField(flat.calendar)?.meeting ?? null) : null;
    followStatus(ctx, app.id, app.status, named || null);
  } catch (error) {
    console.error('portale: integrazione calendari', error);
  }
}
