/**
 * What the portal answers to each allowed request, checked before a form sees it or the cache keeps
 * it: the fields the portal's forms read are required, every other field is passed on as the portal
 * sent it (a form of the comune may read more). Shapes from the real serialisers:
 * - categories: Entity/Categoria.php (`id`, `name`, `slug`, `description`, `parent_id`);
 * - services: Dto/ServiceDto.php (`id`, `name`, ...);
 * - user-groups: Entity/UserGroup.php (`id`, `name`, `calendar_id`, ...);
 * - calendar-days: CalendarsAPIController::getCalendarAvailabilitiesAction, `{date, available}`;
 * - calendar-slots: MeetingService::explodeMeetings and getSlottedAvailabilitiesByDate,
 *   `{date, start_time, end_time, slots_available, opening_hour, availability}`.
 */
import { z } from 'zod';
import { isBoundedJson } from '../../../shared/contract/moduli';
import type { HelperKind } from './allowlist';

const id = z.string().min(1).max(100);
const text = z.string().max(2000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);

const SHAPES: Record<HelperKind, z.ZodType> = {
  categories: z.array(z.looseObject({ id, name: text })).max(5000),
  services: z.array(z.looseObject({ id, name: text })).max(5000),
  'user-groups': z.array(z.looseObject({ id, name: text, calendar_id: id.nullish() })).max(5000),
  'calendar-days': z.array(z.looseObject({ date: day, available: z.boolean() })).max(5000),
  'calendar-slots': z.array(z.looseObject({ date: day, start_time: time, end_time: time })).max(5000),
};

/** The answer as the form gets it, or null when it is not what that request answers (or too large). */
export function checkedAnswer(kind: HelperKind, body: unknown): unknown {
  if (!isBoundedJson(body)) return null;
  return SHAPES[kind].safeParse(body).success ? body : null;
}
