/**
 * A calendar for meeting tests on the reference portal: the first office's, Tuesday and Thursday
 * 9-11 in half-hour slots of one place each, 14 rolling days, 24 hours' notice, moderated by the
 * kiosk's account, so that one booking takes a slot.
 */
import type { CalendarSetup } from '../../portal/back-office';

export const OFFICE = '7d3f1c2a-0000-4000-8000-0000000000b1';
export const CALENDAR = '7d3f1c2a-0000-4000-8000-0000000000c1';
/** Monday 8 June 2026, 10:00 in Rome: Thursday the 11th is bookable, Tuesday the 9th only from 10:30 (24 hours' notice). */
export const NOW = new Date('2026-06-08T08:00:00Z');
export const THURSDAY = '2026-06-11';
export const SETUP: CalendarSetup[] = [
  {
    userGroupId: OFFICE,
    id: CALENDAR,
    rollingDays: 14,
    minimumSchedulingNoticeHours: 24,
    openingHours: [{ daysOfWeek: [2, 4], beginHour: '09:00', endHour: '11:00', meetingMinutes: 30, intervalMinutes: 0, meetingQueue: 1 }],
    moderators: ['chiosco', 'operatore'],
  },
];
