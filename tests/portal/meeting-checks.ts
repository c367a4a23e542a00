/**
 * MeetingService::getMeetingErrors (1182-1201), run by MeetingType::onSubmit on every create, PUT
 * and PATCH, and by CalendarsBackOffice before it books an application's meeting:
 * - `isSlotValid` (142-170): the given opening hour if it holds the slot and the meeting lasts at
 *   least its meeting minutes, else the first opening hour of the calendar holding it (then set on
 *   the meeting). "Holding" (172-196) is: the day within its start and end dates (`explodeDays`
 *   with `all`: NO rolling window and NO minimum notice, so a past or too-near slot is valid) on
 *   one of its days of week, and "H:i-H:i" of the times one of its slots. Otherwise
 *   "L'intervallo selezionato non è valido".
 * - `isSlotAvailable` (110-133), unless the status is refused or cancelled: other meetings of the
 *   calendar overlapping the times, not refused or cancelled (drafts too), fewer than the opening
 *   hour's meeting queue, else "L'intervallo selezionato non è disponibile". With no opening hour
 *   found it calls getMeetingQueue() on null: a PHP \Error (500 page).
 * - `isUniqueActiveMeeting` (1154-1180): at most one pending or approved meeting per application.
 * A missing calendar or start or end time is a method call on null as well (MeetingCrash).
 * Texts: translations/messages.it.yml 2506-2510.
 */
import type { Calendar, OpeningHour } from './back-office';
import { explodeMeetings, type Booked } from './calendar-slots';
import type { PortalContext } from './context';
import { applicationsOfMeeting, CANCELLED, REFUSED } from './meetings-model';
import { isoWeekday, naiveAt } from './wall-clock';

const SLOT_INVALID = "L'intervallo selezionato non è valido";
const SLOT_UNAVAILABLE = "L'intervallo selezionato non è disponibile";
const NOT_UNIQUE = 'Non è possibile avere più di un meeting da confermare o confermato per pratica';

/** A PHP \Error the controller does not catch: Symfony's 500 page. */
export class MeetingCrash extends Error {}

export interface MeetingDraft {
  id: string;
  calendar: Calendar | null;
  /** Rome wall clock, `Y-m-dTH:i:s`. */
  from: string | null;
  to: string | null;
  status: number | null;
}

function holds(oh: OpeningHour, from: string, to: string | null): boolean {
  const day = from.slice(0, 10);
  if (day < oh.startDate || day > oh.endDate || !oh.daysOfWeek.includes(isoWeekday(naiveAt(day)))) return false;
  if (to === null) throw new MeetingCrash('clone null');
  return explodeMeetings(oh, day).has(`${from.slice(11, 16)}-${to.slice(11, 16)}`);
}

const minutes = (from: string, to: string) => (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 60_000;

/**
 * isSlotValid: whether the slot is valid, and the opening hour the meeting is left with (the given
 * one, replaced by the first holding the slot when the given one does not).
 */
function checkSlot(m: MeetingDraft, calendar: Calendar, given: OpeningHour | undefined): { valid: boolean; openingHour: OpeningHour | undefined } {
  if (m.from === null) throw new MeetingCrash('format() on null');
  if (given && holds(given, m.from, m.to)) return { valid: minutes(m.from, m.to!) >= given.meetingMinutes, openingHour: given };
  const found = calendar.openingHours.find((oh) => holds(oh, m.from!, m.to));
  return found ? { valid: true, openingHour: found } : { valid: false, openingHour: given };
}

/** Places the other meetings take in [from, to). */
function overlapping(ctx: PortalContext, m: MeetingDraft): number {
  return ctx.db
    .prepare('SELECT count(*) FROM meetings WHERE calendar_id = ? AND from_time < ? AND to_time > ? AND id != ? AND status NOT IN (?, ?)')
    .pluck()
    .get(m.calendar!.id, m.to, m.from, m.id, REFUSED, CANCELLED) as number;
}

function uniqueActive(ctx: PortalContext, meetingId: string): boolean {
  const application = applicationsOfMeeting(ctx, meetingId).at(-1);
  if (!application) return true;
  const active = ctx.db
    .prepare('SELECT count(*) FROM application_meetings l JOIN meetings m ON m.id = l.meeting_id WHERE l.application_id = ? AND m.status IN (0, 1)')
    .pluck()
    .get(application.id) as number;
  return active <= 1;
}

/** The errors, and the opening hour the meeting ends up with. `given` may belong to any calendar (MeetingType's EntityType). */
export function meetingErrors(ctx: PortalContext, m: MeetingDraft, given?: OpeningHour): { errors: string[]; openingHourId: string | null } {
  const calendar = m.calendar;
  if (!calendar) throw new MeetingCrash('isAllowOverlaps() on null');
  const errors: string[] = [];
  const slot = checkSlot(m, calendar, given);
  if (!slot.valid) errors.push(SLOT_INVALID);
  if (m.status !== REFUSED && m.status !== CANCELLED) {
    if (!slot.openingHour) throw new MeetingCrash('getMeetingQueue() on null');
    if (overlapping(ctx, m) >= slot.openingHour.meetingQueue) errors.push(SLOT_UNAVAILABLE);
  }
  if (!uniqueActive(ctx, m.id)) errors.push(NOT_UNIQUE);
  return { errors, openingHourId: slot.openingHour?.id ?? null };
}

/** getSlottedAvailabilitiesByDate's query (874-894): a day's meetings holding places, grouped by start and end. */
export function bookedOn(ctx: PortalContext, calendarId: string, date: string, excluded: string | null = null): Booked[] {
  return ctx.db
    .prepare(
      `SELECT substr(from_time, 12, 5) AS start, substr(to_time, 12, 5) AS "end", count(*) AS count FROM meetings
       WHERE calendar_id = ? AND from_time >= ? AND to_time <= ? AND status NOT IN (?, ?) AND id != ? GROUP BY from_time, to_time`,
    )
    .all(calendarId, `${date}T00:00:00`, `${date}T23:59:59`, REFUSED, CANCELLED, excluded ?? '') as Booked[];
}
