/**
 * Meetings as the reference portal stores and serialises them (src/Entity/Meeting.php), and who may
 * see or change them (src/Security/Voters/MeetingVoter.php).
 * - JSON: the entity itself through JMS with no groups (the controllers' `view($meeting)`), so the
 *   kafka-only virtual properties are there too (`application_id`, `service_id`, `user_id`,
 *   `status_name`) and `calendar` / `opening_hour` are the whole Calendar / OpeningHour objects: JMS
 *   reads the virtual properties (getCalendarId, "calendar") before the fields and the field
 *   `$calendar`, not excluded, writes the same key last (AnnotationOrAttributeDriver, methods then
 *   properties; JsonSerializationVisitor::visitProperty). Inferred from the code, not observed.
 * - MeetingVoter: an admin edits every meeting, an operator those of calendars it owns or moderates;
 *   viewing adds the meeting's own citizen (`user`).
 */
import type { Calendar, OpeningHour } from './back-office';
import type { PortalContext } from './context';
import type { Caller } from './router';
import { atom, instantOf } from './wall-clock';

/** Meeting::STATUS_* in declaration order (Meeting::getStatuses, getStatusName). */
const MEETING_STATUSES = ['pending', 'approved', 'refused', 'missed', 'done', 'cancelled', 'draft'] as const;
export const REFUSED = 2;
export const CANCELLED = 5;

export interface MeetingRow {
  seq: number;
  id: string;
  calendar_id: string;
  opening_hour_id: string | null;
  user_id: string | null;
  email: string | null;
  phone_number: string | null;
  fiscal_code: string | null;
  name: string | null;
  /** Rome wall clock, `Y-m-dTH:i:s`. */
  from_time: string;
  to_time: string;
  user_message: string | null;
  motivation_outcome: string | null;
  videoconference_link: string | null;
  status: number;
  rescheduled: number;
  draft_expiration: string | null;
  created_at: string;
  updated_at: string;
}

/** The writable part of a meeting (the fields of MeetingType). */
export type MeetingFields = Omit<MeetingRow, 'seq' | 'id' | 'rescheduled' | 'created_at' | 'updated_at'>;

export function findMeeting(ctx: PortalContext, id: string): MeetingRow | undefined {
  return ctx.db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
}

const COLUMNS = ['calendar_id', 'opening_hour_id', 'user_id', 'email', 'phone_number', 'fiscal_code', 'name', 'from_time', 'to_time', 'user_message', 'motivation_outcome', 'videoconference_link', 'status', 'draft_expiration'] as const;

/** MeetingLifeCycleListener::prePersist sets `rescheduled` 0; Gedmo stamps both dates. */
export function insertMeeting(ctx: PortalContext, id: string, fields: MeetingFields): void {
  const at = ctx.now().toISOString();
  ctx.db
    .prepare(`INSERT INTO meetings (id, ${COLUMNS.join(', ')}, rescheduled, created_at, updated_at) VALUES (@id, ${COLUMNS.map((c) => `@${c}`).join(', ')}, 0, @at, @at)`)
    .run({ ...fields, id, at });
}

/** MeetingLifeCycleListener::preUpdate: a new start or end counts as a rescheduling, but not for a draft (before or after). */
export function updateMeeting(ctx: PortalContext, before: MeetingRow, fields: MeetingFields): void {
  const moved = before.from_time !== fields.from_time || before.to_time !== fields.to_time;
  const draft = fields.status === 6 || before.status === 6;
  ctx.db
    .prepare(`UPDATE meetings SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, rescheduled = @rescheduled, updated_at = @at WHERE id = @id`)
    .run({ ...fields, id: before.id, rescheduled: before.rescheduled + (moved && !draft ? 1 : 0), at: ctx.now().toISOString() });
}

/** The applications a meeting belongs to (Meeting::$applications), oldest first. */
export function applicationsOfMeeting(ctx: PortalContext, meetingId: string): { id: string; service_id: string }[] {
  return ctx.db
    .prepare('SELECT a.id, a.service_id FROM application_meetings m JOIN applications a ON a.id = m.application_id WHERE m.meeting_id = ? ORDER BY m.seq')
    .all(meetingId) as { id: string; service_id: string }[];
}

/** ApplicationDto::getLinkedMeetingsIds: an application's `meetings`. */
export function linkedMeetingIds(ctx: PortalContext, applicationId: string): string[] {
  return ctx.db.prepare('SELECT meeting_id FROM application_meetings WHERE application_id = ? ORDER BY seq').pluck().all(applicationId) as string[];
}

/** Owner first, then moderators: the named accounts, else every operator (back-office.ts). */
function staffOf(ctx: PortalContext, calendar: Calendar): { id: string; username: string }[] {
  const staff = ctx.db.prepare("SELECT id, username, role FROM users WHERE role IN ('operator', 'admin') ORDER BY rowid").all() as { id: string; username: string; role: string }[];
  if (!calendar.moderators) return staff.filter((u) => u.role === 'operator');
  return calendar.moderators.map((name) => staff.find((u) => u.username === name)).filter((u) => u !== undefined);
}

/** MeetingVoter::canEdit (DELETE is the same test). */
export function canEditMeeting(ctx: PortalContext, caller: Caller, calendar: Calendar): boolean {
  if (caller.role === 'admin') return true;
  return caller.role === 'operator' && staffOf(ctx, calendar).some((u) => u.id === caller.id);
}

export function canViewMeeting(ctx: PortalContext, caller: Caller, meeting: MeetingRow, calendar: Calendar): boolean {
  return canEditMeeting(ctx, caller, calendar) || caller.id === meeting.user_id;
}

const stamp = (naive: string | null): string | null => (naive ? atom(instantOf(new Date(`${naive}.000Z`))) : null);
const iso = (at: string): string => atom(new Date(at));

/**
 * OpeningHour::getDefaultName, the name the calendar's `opening_hours` list shows for an unnamed
 * one: str_replace pairs the days with the short names by position, so [2, 4] reads "Lu, Ma".
 */
function defaultName(oh: OpeningHour): string {
  const short = ['Lu', 'Ma', 'Me', 'Gio', 'Ve', 'Sa', 'Do'];
  const days = oh.daysOfWeek.map((d) => String(d));
  let name = days.join(', ');
  // str_replace with arrays: each search value in turn, replaced by the value at its position.
  days.forEach((d, i) => (name = name.split(d).join(short[i] ?? '')));
  return `${name} | ${oh.beginHour} - ${oh.endHour}`;
}

/** Entity/OpeningHour.php through JMS: every field but `calendar` and `meetings`; `name` is the raw field (null). */
function openingHourJson(calendar: Calendar, oh: OpeningHour) {
  return {
    id: oh.id,
    name: null,
    start_date: stamp(`${oh.startDate}T00:00:00`),
    end_date: stamp(`${oh.endDate}T00:00:00`),
    days_of_week: oh.daysOfWeek,
    begin_hour: oh.beginHour,
    end_hour: oh.endHour,
    is_moderated: false,
    meeting_minutes: oh.meetingMinutes,
    interval_minutes: oh.intervalMinutes,
    meeting_queue: oh.meetingQueue,
    created_at: calendar.createdAt,
    updated_at: calendar.createdAt,
  };
}

/**
 * Entity/Calendar.php through JMS with no groups. `drafts_duration` and `drafts_duration_increment`
 * are written twice, the virtual minutes/days first, then the raw seconds of the fields: seconds win.
 */
export function calendarJson(ctx: PortalContext, calendar: Calendar, now: Date) {
  const staff = staffOf(ctx, calendar);
  const ids = staff.slice(1).map((u) => u.id);
  const today = atom(now).slice(0, 10);
  return {
    owner: staff[0]?.id ?? null,
    owner_id: staff[0]?.id ?? null,
    moderators: ids,
    moderator_ids: ids,
    // getOpeningHoursList: only those whose end date is still ahead.
    opening_hours: calendar.openingHours.filter((oh) => oh.endDate > today).map((oh) => ({ id: oh.id, name: defaultName(oh) })),
    drafts_duration: 600,
    drafts_duration_increment: 432000,
    id: calendar.id,
    title: calendar.title,
    type: 'time_fixed_slots',
    contact_email: null,
    rolling_days: calendar.rollingDays,
    minimum_scheduling_notice: calendar.minimumSchedulingNoticeHours,
    allow_cancel_days: 3,
    allow_overlaps: false,
    is_moderated: false,
    location: calendar.location,
    external_calendars: [],
    closing_periods: [],
    created_at: calendar.createdAt,
    updated_at: calendar.createdAt,
  };
}

export function meetingJson(ctx: PortalContext, m: MeetingRow) {
  const calendar = ctx.backOffice.calendars.get(m.calendar_id)!;
  const oh = calendar.openingHours.find((o) => o.id === m.opening_hour_id);
  const last = applicationsOfMeeting(ctx, m.id).at(-1);
  return {
    calendar: calendarJson(ctx, calendar, ctx.now()),
    application: last?.id ?? null,
    application_id: last?.id ?? null,
    service_id: last?.service_id ?? null,
    user: m.user_id,
    user_id: m.user_id,
    first_available_slot: null,
    status_name: `status_${MEETING_STATUSES[m.status] ?? ''}`,
    id: m.id,
    opening_hour: oh ? openingHourJson(calendar, oh) : null,
    email: m.email,
    phone_number: m.phone_number,
    fiscal_code: m.fiscal_code,
    name: m.name,
    from_time: stamp(m.from_time),
    to_time: stamp(m.to_time),
    user_message: m.user_message,
    motivation_outcome: m.motivation_outcome,
    videoconference_link: m.videoconference_link,
    status: m.status,
    rescheduled: m.rescheduled,
    draft_expiration: stamp(m.draft_expiration),
    first_available_date: null,
    first_availability_updated_at: null,
    created_at: iso(m.created_at),
    updated_at: iso(m.updated_at),
  };
}
