/**
 * What the portal's back office holds about offices and appointments, as its entities do:
 * - user groups (src/Entity/UserGroup.php): the tenant's offices, each with the services it
 *   handles (the many-to-many `UserGroup::$services`, which ServiceDto shows as `user_group_ids`)
 *   and at most one calendar (`UserGroup::$calendar`, serialised as `calendar_id`);
 * - calendars (src/Entity/Calendar.php) of type `time_fixed_slots`, with `rolling_days` (default
 *   30), `minimum_scheduling_notice` in hours (default 0) and opening hours
 *   (src/Entity/OpeningHour.php: start/end date, ISO days of week, begin/end hour, meeting and
 *   interval minutes, meeting queue).
 * The calendars integration is on for the tenant (Ente::$backofficeEnabledIntegrations holds
 * CalendarsBackOffice::PATH, `operatori_calendars_index`) when there is at least one calendar.
 *
 * OURS: the seed. Offices come from the catalogue's tenant.json and services name their offices
 * in `user_group_ids`; calendars come from a test's `calendars`, else from the catalogue's
 * `calendars.json` (an array of CalendarSetup, dates left out so they roll with the clock), and
 * without either the first office gets a calendar
 * (Monday, Wednesday and Friday 9:00-12:00, 30-minute meetings, one per slot, 14 rolling days,
 * 24 hours' notice) and handles every service, so a booking form has offices, days, times and
 * reasons to offer. A calendar's owner and moderators (Calendar::$owner, $moderators: who may see
 * and change its meetings, MeetingVoter) are the accounts named in `moderators`, the first being
 * the owner, else every operator account. Closing periods and variable-slot calendars are not
 * reproduced; meetings are meetings-model.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Catalogue } from './catalogue-dir';
import { addDays, atom, wallClock, ymd } from './wall-clock';

export const CALENDARS_BACKOFFICE_PATH = 'operatori_calendars_index';

export interface OpeningHour {
  id: string;
  /** `Y-m-d`, both included. */
  startDate: string;
  endDate: string;
  /** 1 (Monday) to 7 (Sunday), as OpeningHour::$daysOfWeek. */
  daysOfWeek: number[];
  /** `H:i`. */
  beginHour: string;
  endHour: string;
  meetingMinutes: number;
  intervalMinutes: number;
  meetingQueue: number;
}

export interface Calendar {
  id: string;
  title: string;
  rollingDays: number;
  minimumSchedulingNoticeHours: number;
  openingHours: OpeningHour[];
  /** Usernames of the owner (first) and moderators; undefined: every operator account. */
  moderators?: string[];
  /** Calendar::$location (NotBlank): the office's address, else its name. */
  location: string;
  createdAt: string;
}

export interface UserGroup {
  id: string;
  name: string;
  shortDescription: string | null;
  moreInfo: string | null;
  calendarId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A calendar a test gives an office; what is left out takes the seed's values. */
export interface CalendarSetup {
  userGroupId: string;
  id?: string;
  rollingDays?: number;
  minimumSchedulingNoticeHours?: number;
  openingHours?: Partial<OpeningHour>[];
  /** The services the office handles besides those naming it in `user_group_ids`; every service when absent. */
  serviceIds?: string[];
  /** Usernames: the owner first, then the moderators; every operator account when absent. */
  moderators?: string[];
}

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const calendarSetupsSchema = z.array(
  z
    .object({
      userGroupId: uuid,
      id: uuid.optional(),
      rollingDays: z.number().int().min(1).max(365).optional(),
      minimumSchedulingNoticeHours: z.number().int().min(0).optional(),
      openingHours: z
        .array(
          z
            .object({
              daysOfWeek: z.array(z.number().int().min(1).max(7)).min(1).optional(),
              beginHour: hhmm.optional(),
              endHour: hhmm.optional(),
              meetingMinutes: z.number().int().min(5).optional(),
              intervalMinutes: z.number().int().min(0).optional(),
              meetingQueue: z.number().int().min(0).optional(),
            })
            .strict(),
        )
        .optional(),
      serviceIds: z.array(uuid).optional(),
      moderators: z.array(z.string().min(1)).min(1).optional(),
    })
    .strict(),
);

/** The catalogue's own seed (`<dir>/calendars.json`), or undefined when it has none. */
export function readCalendarSetups(catalogueDir: string): CalendarSetup[] | undefined {
  const file = join(catalogueDir, 'calendars.json');
  if (!existsSync(file)) return undefined;
  return calendarSetupsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface BackOffice {
  userGroups: UserGroup[];
  calendars: Map<string, Calendar>;
  calendarsEnabled: boolean;
  /** The offices handling a service (ServiceDto `user_group_ids`). */
  groupsOfService(serviceId: string): string[];
  servicesOfGroup(groupId: string): string[];
}

/** A stable uuid (v5 layout) for a seeded entity, so ids survive a restart. */
function stableUuid(name: string): string {
  const h = createHash('sha1').update(`sportello-portale:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function createBackOffice(catalogue: Catalogue, now: Date, setups?: CalendarSetup[]): BackOffice {
  const offices = catalogue.tenant.offices;
  const chosen = setups ?? (offices[0] ? [{ userGroupId: offices[0].id }] : []);
  const today = wallClock(now);
  const calendars = new Map<string, Calendar>();
  const calendarOf = new Map<string, string>();
  /** Seeded links; the catalogue's own `user_group_ids` are read as they are now (a test may change a service). */
  const links = new Map<string, Set<string>>(offices.map((o) => [o.id, new Set<string>()]));
  const named = (serviceId: string): unknown[] => {
    const ids = catalogue.services.get(serviceId)?.user_group_ids;
    return Array.isArray(ids) ? ids : [];
  };
  const handles = (groupId: string, serviceId: string) => links.get(groupId)?.has(serviceId) === true || named(serviceId).includes(groupId);
  for (const setup of chosen) {
    if (!links.has(setup.userGroupId)) throw new Error(`portale: ufficio ${setup.userGroupId} assente da tenant.json`);
    const id = setup.id ?? stableUuid(`calendar:${setup.userGroupId}`);
    const openingHours = (setup.openingHours ?? [{}]).map((oh, i) => ({
      id: stableUuid(`opening-hour:${id}:${i}`),
      startDate: ymd(addDays(today, -30)),
      endDate: ymd(addDays(today, 365)),
      daysOfWeek: [1, 3, 5],
      beginHour: '09:00',
      endHour: '12:00',
      meetingMinutes: 30,
      intervalMinutes: 0,
      meetingQueue: 1,
      ...oh,
    }));
    const office = offices.find((o) => o.id === setup.userGroupId)!;
    calendars.set(id, {
      id,
      title: `Calendario ${office.name}`,
      rollingDays: setup.rollingDays ?? 14,
      minimumSchedulingNoticeHours: setup.minimumSchedulingNoticeHours ?? 24,
      openingHours,
      moderators: setup.moderators,
      location: str(office.address) ?? office.name,
      createdAt: atom(now),
    });
    calendarOf.set(setup.userGroupId, id);
    for (const serviceId of setup.serviceIds ?? catalogue.services.keys()) links.get(setup.userGroupId)!.add(serviceId);
  }
  const stamp = atom(now);
  const userGroups = offices.map((o) => ({
    id: o.id,
    name: o.name,
    shortDescription: str(o.hours),
    moreInfo: str(o.address),
    calendarId: calendarOf.get(o.id) ?? null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  return {
    userGroups,
    calendars,
    calendarsEnabled: calendars.size > 0,
    groupsOfService: (serviceId) => offices.filter((o) => handles(o.id, serviceId)).map((o) => o.id),
    servicesOfGroup: (groupId) => [...catalogue.services.keys()].filter((serviceId) => handles(groupId, serviceId)),
  };
}
