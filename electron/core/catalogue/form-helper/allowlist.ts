/**
 * The only requests a portal form may make through FormioHelper.authenticatedCall: the paths the
 * portal's own forms use (assets/app/schemas/bookings.json and helpdesk.json of the real portal),
 * with the query keys those forms send, every value checked. A form is portal content, and a
 * careless or hostile one could otherwise make the kiosk fetch anything from anywhere: here a path
 * is rebuilt from checked parts, never forwarded. Anything else is refused, with a reason.
 *
 * - `categories` (CategoriesAPIController::getCategoriesAction);
 * - `services[?topics_id=<uuid>|user_group_ids=<uuid>]` (ServicesAPIController, ServiceManager::getServices);
 * - `user-groups[?has_calendar=true|false][&service_id=<uuid>]` (UserGroupsAPIController::getUserGroupsAction);
 * - `calendars/<uuid>/availabilities[?available=true|false]` and
 *   `calendars/<uuid>/availabilities/<YYYY-MM-DD>[?available=true|false]` (CalendarsAPIController).
 */
import { DomainError } from '../../errors';

export type HelperKind = 'categories' | 'services' | 'user-groups' | 'calendar-days' | 'calendar-slots';

export interface HelperRequest {
  kind: HelperKind;
  /** The path under `/{tenant}/api/`, as checked segments. */
  segments: string[];
  /** The allowed query parameters given, in a fixed order. */
  query: [string, string][];
  /** The canonical request (lower-case ids, fixed order): what the cache is keyed by. */
  key: string;
}

export class FormHelperRefused extends DomainError {
  constructor(reason: string) {
    super('richiesta-modulo-non-ammessa', `Il modulo ha chiesto al portale un dato non previsto: ${reason}.`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Letters, digits and `- _ / ? = &`: no dot, percent, colon, backslash, space or `#`, so no `..`, no encoding, no scheme or host. */
const PATH_CHARACTERS = /^[A-Za-z0-9_\-/?=&]+$/;
const BOOLEAN = new Set(['true', 'false']);

type ValueCheck = (value: string) => string;

function uuid(value: string): string {
  if (!UUID.test(value)) throw new FormHelperRefused('identificativo non valido');
  return value.toLowerCase();
}

function booleanFlag(name: string): ValueCheck {
  return (value) => {
    if (!BOOLEAN.has(value)) throw new FormHelperRefused(`valore non ammesso per «${name}»`);
    return value;
  };
}

function day(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid = m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
  if (!valid) throw new FormHelperRefused('data non valida');
  return value;
}

interface Pattern {
  kind: HelperKind;
  /** Literal segments, or a check for a variable one. */
  segments: (string | ValueCheck)[];
  /** Allowed query keys, in canonical order. */
  query: [string, ValueCheck][];
}

const availability: [string, ValueCheck][] = [['available', booleanFlag('available')]];

const PATTERNS: Pattern[] = [
  { kind: 'categories', segments: ['categories'], query: [] },
  { kind: 'services', segments: ['services'], query: [['topics_id', uuid], ['user_group_ids', uuid]] },
  { kind: 'user-groups', segments: ['user-groups'], query: [['has_calendar', booleanFlag('has_calendar')], ['service_id', uuid]] },
  { kind: 'calendar-days', segments: ['calendars', uuid, 'availabilities'], query: availability },
  { kind: 'calendar-slots', segments: ['calendars', uuid, 'availabilities', day], query: availability },
];

function matchSegments(pattern: Pattern, given: string[]): string[] | null {
  if (pattern.segments.length !== given.length) return null;
  if (pattern.segments.some((p, i) => typeof p === 'string' && p !== given[i])) return null;
  return pattern.segments.map((p, i) => (typeof p === 'string' ? p : p(given[i]!)));
}

function parseQuery(pattern: Pattern, raw: string | undefined): [string, string][] {
  if (raw === undefined) return [];
  const given = new Map<string, string>();
  for (const part of raw.split('&')) {
    const [name, value, extra] = part.split('=');
    if (!name || !value || extra !== undefined) throw new FormHelperRefused('parametro malformato');
    if (given.has(name)) throw new FormHelperRefused(`parametro «${name.slice(0, 40)}» ripetuto`);
    if (!pattern.query.some(([allowed]) => allowed === name)) throw new FormHelperRefused(`parametro «${name.slice(0, 40)}» non previsto`);
    given.set(name, value);
  }
  return pattern.query.filter(([name]) => given.has(name)).map(([name, check]) => [name, check(given.get(name)!)]);
}

/** The request a form's `authenticatedCall(path)` stands for, or FormHelperRefused. */
export function parseHelperPath(path: string): HelperRequest {
  if (typeof path !== 'string' || path.length === 0 || path.length > 500) throw new FormHelperRefused('percorso vuoto o troppo lungo');
  if (!PATH_CHARACTERS.test(path)) throw new FormHelperRefused('caratteri non ammessi nel percorso');
  const [pathPart, queryPart, more] = path.split('?');
  if (more !== undefined) throw new FormHelperRefused('parametro malformato');
  const given = pathPart!.split('/');
  if (given.some((s) => s === '')) throw new FormHelperRefused('percorso non previsto');
  for (const pattern of PATTERNS) {
    const segments = matchSegments(pattern, given);
    if (!segments) continue;
    const query = parseQuery(pattern, queryPart);
    const search = query.map(([k, v]) => `${k}=${v}`).join('&');
    return { kind: pattern.kind, segments, query, key: `${segments.join('/')}${search ? `?${search}` : ''}` };
  }
  throw new FormHelperRefused('percorso non previsto');
}
