/**
 * A fixed-slot calendar's days and slots, as src/Services/MeetingService.php computes them:
 * - `explodeDays`: the days of an opening hour from max(now + minimum notice, start date) to
 *   min(now + rolling days, end date) (the end exclusive, but an end date reached is included:
 *   `getEndDate()->add(P1D)` moves the very object `min` returned), on its days of week;
 *   with `all`, from its start date to its end date;
 * - `explodeMeetings`: the day's slots from begin hour to end hour, every meeting + interval
 *   minutes, those ending by the end hour, `{date, start_time, end_time, slots_available,
 *   opening_hour}` with end_time = start + meeting minutes;
 * - `getSlottedAvailabilitiesByDate`: the slots of every opening hour whose days include the date,
 *   ordered by "start-end", each with `availability`: false when it starts no later than now +
 *   minimum notice (no notice with `all`); the unavailable ones dropped when asked.
 *   Booked meetings (`Booked`, grouped by start and end as the query of 874-887 groups them) take
 *   places: a slot with the same "start-end" loses their count; any other slot they overlap loses
 *   the largest overlapping count (917-929); `availability` false when nothing is left.
 */
import type { Calendar, OpeningHour } from './back-office';
import { addDays, addMinutes, hm, isoWeekday, naiveAt, wallClock, ymd } from './wall-clock';

/** Meetings of a day holding places (not refused, not cancelled), by start and end `H:i`. */
export interface Booked {
  start: string;
  end: string;
  count: number;
}

export interface Slot {
  date: string;
  start_time: string;
  end_time: string;
  slots_available: number;
  opening_hour: string;
  availability: boolean;
}

function explodeDays(calendar: Calendar, oh: OpeningHour, now: Date, all = false): string[] {
  const start = naiveAt(oh.startDate);
  const endDate = naiveAt(oh.endDate);
  let from: Date;
  let to: Date;
  if (all) {
    from = start;
    to = addDays(endDate, 1);
  } else {
    const clock = wallClock(now);
    const notice = addMinutes(clock, calendar.minimumSchedulingNoticeHours * 60);
    from = notice > start ? notice : start;
    const rolling = addDays(clock, calendar.rollingDays);
    to = rolling < endDate ? rolling : addDays(endDate, 1);
  }
  const days: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) if (oh.daysOfWeek.includes(isoWeekday(d))) days.push(ymd(d));
  return days;
}

export function explodeMeetings(oh: OpeningHour, date: string): Map<string, Omit<Slot, 'availability'>> {
  const slots = new Map<string, Omit<Slot, 'availability'>>();
  if (oh.startDate > date || oh.endDate < date) return slots;
  const step = oh.meetingMinutes + oh.intervalMinutes;
  const end = naiveAt(date, oh.endHour);
  for (let begin = naiveAt(date, oh.beginHour); begin < end; begin = addMinutes(begin, step)) {
    const slotEnd = addMinutes(begin, step);
    if (slotEnd > end) continue;
    const endTime = hm(addMinutes(slotEnd, -oh.intervalMinutes));
    slots.set(`${hm(begin)}-${endTime}`, { date, start_time: hm(begin), end_time: endTime, slots_available: oh.meetingQueue, opening_hour: oh.id });
  }
  return slots;
}

export function slotsOfDay(calendar: Calendar, date: string, now: Date, options: { all?: boolean; onlyAvailable?: boolean; booked?: Booked[] } = {}): Slot[] {
  const all = options.all ?? false;
  const byKey = new Map<string, Omit<Slot, 'availability'>>();
  for (const oh of calendar.openingHours) {
    if (!explodeDays(calendar, oh, now, all).includes(date)) continue;
    for (const [key, slot] of explodeMeetings(oh, date)) byKey.set(key, slot);
  }
  const limit = addMinutes(wallClock(now), all ? 0 : calendar.minimumSchedulingNoticeHours * 60);
  const threshold = `${ymd(limit)}:${hm(limit)}`;
  const booked = options.booked ?? [];
  const slots = [...byKey.keys()].sort().map((key) => {
    const slot = byKey.get(key)!;
    const same = booked.find((b) => `${b.start}-${b.end}` === key);
    const total = slot.slots_available - (same?.count ?? 0);
    const overlapping = same ? 0 : Math.max(0, ...booked.filter((b) => b.end > slot.start_time && b.start < slot.end_time).map((b) => b.count));
    const left = Math.max(total - overlapping, 0);
    return { ...slot, slots_available: left, availability: overlapping < total && `${slot.date}:${slot.start_time}` > threshold };
  });
  return options.onlyAvailable ? slots.filter((s) => s.availability) : slots;
}

/** CalendarsAPIController::getCalendarAvailabilitiesAction: every day of every opening hour, sorted, once. */
export function daysOf(calendar: Calendar, now: Date, onlyAvailable: boolean, bookedOn: (date: string) => Booked[] = () => []): { date: string; available: boolean }[] {
  const days = [...new Set(calendar.openingHours.flatMap((oh) => explodeDays(calendar, oh, now)))].sort();
  return days
    .map((date) => ({ date, available: slotsOfDay(calendar, date, now, { onlyAvailable: true, booked: bookedOn(date) }).length > 0 }))
    .filter((d) => !onlyAvailable || d.available);
}
