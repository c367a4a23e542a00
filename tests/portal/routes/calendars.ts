/**
 * Calendars' availabilities (src/Controller/Rest/CalendarsAPIController.php; computed as
 * src/Services/MeetingService.php does, see calendar-slots.ts). Public GETs: the `api` firewall of
 * config/packages/security.yaml authenticates only POST, PUT, PATCH and DELETE on `calendars`; a
 * bearer token is read by no one.
 * - Both need the tenant's calendars integration (`denyAccessUnlessGranted(BackofficeVoter::VIEW,
 *   CalendarsBackOffice::PATH)`); without it an anonymous caller is sent to the login page by the
 *   `open_login` firewall's entry point (AbstractAuthenticator::start: a redirect to
 *   `/{tenant}/login`, the `login` route of src/Controller/General/SecurityController.php).
 * - `GET /{tenant}/api/calendars/{id}/availabilities` -> `[{date: "Y-m-d", available: bool}]` over the
 *   rolling days; `available` read with `boolval` (any value but "" and "0", even "false", keeps only
 *   days with a free slot); an unknown calendar 404 `["Object not found"]`. `from_time`, `to_time` and
 *   `opening_hours` are not reproduced.
 * - `GET /{tenant}/api/calendars/{id}/availabilities/{date}` -> `[{date, start_time, end_time,
 *   slots_available, opening_hour, availability}]`; `available` present and not "false" keeps only
 *   the free ones; `all=true` ignores the rolling window and the notice; an unknown calendar 404
 *   `["Object not found"]`; a date `new DateTime()` cannot read 400 `["Invalid parameter. <date> is
 *   not a valid date"]`; `exclude=<meeting id>` leaves that meeting's place free (a move's own
 *   slot), a non-uuid there fails the query: 404 `["Object not found"]` (the action's catch).
 *   `opening_hours` is not reproduced.
 * - Booked meetings take their places in both (../meeting-checks.ts `bookedOn`): a slot whose
 *   places are all taken is unavailable, and free again once its meeting is cancelled, refused,
 *   moved or deleted.
 * - `GET /{tenant}/api/calendars` (82-97, `type` filters by type) and `GET .../calendars/{id}`
 *   (118-137, 404 `["Object not found"]`): the calendars as JMS serialises the entity
 *   (../meetings-model.ts `calendarJson`).
 */
import type { Calendar } from '../back-office';
import { daysOf, slotsOfDay } from '../calendar-slots';
import { bookedOn } from '../meeting-checks';
import { calendarJson } from '../meetings-model';
import { HttpError, type PortalRequest, type PortalResponse, type RouteModule } from '../router';
import { loginEntryPoint } from './login-pat';

/** OURS, narrower than `new DateTime($date)`: only a real `Y-m-d` day is read (what the forms send). */
function readableDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === raw ? raw : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const calendarRoutes: RouteModule = (ctx) => {
  const ofCalendar =
    (answer: (calendar: Calendar, req: PortalRequest) => unknown) =>
    (req: PortalRequest): PortalResponse => {
      if (!ctx.backOffice.calendarsEnabled) return loginEntryPoint(ctx);
      const calendar = ctx.backOffice.calendars.get(req.params.id!);
      if (!calendar) throw new HttpError(404, ['Object not found']);
      return { status: 200, json: answer(calendar, req) };
    };
  return [
    {
      method: 'GET',
      path: '/{tenant}/api/calendars',
      access: 'public',
      handle(req) {
        if (!ctx.backOffice.calendarsEnabled) return loginEntryPoint(ctx);
        const type = req.query.get('type');
        const all = [...ctx.backOffice.calendars.values()].filter(() => !type || type === 'time_fixed_slots');
        return { status: 200, json: all.map((c) => calendarJson(ctx, c, ctx.now())) };
      },
    },
    {
      method: 'GET',
      path: '/{tenant}/api/calendars/{id}',
      access: 'public',
      handle: ofCalendar((calendar) => calendarJson(ctx, calendar, ctx.now())),
    },
    {
      method: 'GET',
      path: '/{tenant}/api/calendars/{id}/availabilities',
      access: 'public',
      handle: ofCalendar((calendar, req) => {
        const available = req.query.get('available') ?? '';
        return daysOf(calendar, ctx.now(), available !== '' && available !== '0', (date) => bookedOn(ctx, calendar.id, date));
      }),
    },
    {
      method: 'GET',
      path: '/{tenant}/api/calendars/{id}/availabilities/{date}',
      access: 'public',
      handle: ofCalendar((calendar, req) => {
        const date = readableDate(req.params.date!);
        if (!date) throw new HttpError(400, [`Invalid parameter. ${req.params.date} is not a valid date`]);
        const onlyAvailable = req.query.has('available') && req.query.get('available') !== 'false';
        const exclude = req.query.get('exclude') || null;
        if (exclude && !UUID.test(exclude)) throw new HttpError(404, ['Object not found']);
        return slotsOfDay(calendar, date, ctx.now(), { all: req.query.get('all') === 'true', onlyAvailable, booked: bookedOn(ctx, calendar.id, date, exclude) });
      }),
    },
  ];
};
