/**
 * A date from the card (ISO `1980-01-01`) written in the format of the field that receives it,
 * as Form.io itself would store what the citizen picks or types there:
 * - `day`: `MM/DD/YYYY`, or `DD/MM/YYYY` with `dayFirst`, without the parts the field hides
 *   (Form.io's Day component builds its value that way);
 * - `datetime`: ISO 8601 with the offset of the zone the field shows dates in;
 * - a text field with a calendar widget: the widget's `dateFormat`, ISO 8601 unless it says otherwise;
 * - a text field with a date mask (`99/99/9999`): the mask's order, day first (Italian forms,
 *   and the portal's own rules parse `DD/MM/YYYY`); `9999-99-99` year first;
 * - any other text field: the format its placeholder or pattern declares, else `DD/MM/YYYY`.
 */
import type { FormComponent } from '../../catalogue/forms/form-json';
import { isRecord } from './data-path';
import { midnightIso, type CalendarDate } from './zoned-midnight';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` (a time after it is ignored), only when that day exists. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** A layout such as `DD/MM/YYYY` filled with the date. */
const formatted = (layout: string, d: CalendarDate) =>
  layout.replace('YYYY', pad(d.year, 4)).replace('MM', pad(d.month)).replace('DD', pad(d.day));

/** The layout of a date-shaped mask (`99/99/9999`, `9999-99-99`), or null when the mask is not a date. */
function layoutOfMask(mask: string): string | null {
  const dayFirst = /^99([^9])99\1(9999)$/.exec(mask);
  if (dayFirst) return `DD${dayFirst[1]}MM${dayFirst[1]}YYYY`;
  const yearFirst = /^9999([^9])99\1(99)$/.exec(mask);
  return yearFirst ? `YYYY${yearFirst[1]}MM${yearFirst[1]}DD` : null;
}

/** A placeholder that shows the format (`gg/mm/aaaa`, `dd/mm/yyyy`, `31/12/1990`), read as a mask. */
const layoutOfPlaceholder = (placeholder: string) =>
  layoutOfMask(placeholder.trim().toLowerCase().replace(/aaaa|yyyy/g, '9999').replace(/gg|dd|mm/g, '99').replace(/\d/g, '9'));

const PLAIN_LAYOUTS = ['DD/MM/YYYY', 'YYYY-MM-DD', 'DD-MM-YYYY', 'DD.MM.YYYY'];

function plainLayout(c: FormComponent, d: CalendarDate): string {
  const fromPlaceholder = typeof c.placeholder === 'string' ? layoutOfPlaceholder(c.placeholder) : null;
  if (fromPlaceholder) return fromPlaceholder;
  const pattern = isRecord(c.validate) && typeof c.validate.pattern === 'string' ? c.validate.pattern : '';
  if (pattern) {
    try {
      // As Form.io's pattern rule reads it: the whole value must match.
      const regex = new RegExp(`^${pattern}$`);
      const fits = PLAIN_LAYOUTS.find((layout) => regex.test(formatted(layout, d)));
      if (fits) return fits;
    } catch {
      // A pattern Form.io cannot compile either: the field's placeholder and pattern say nothing.
    }
  }
  return PLAIN_LAYOUTS[0]!;
}

function dayValue(c: FormComponent, d: CalendarDate): string {
  const fields = isRecord(c.fields) ? c.fields : {};
  const shown = (name: string) => !(isRecord(fields[name]) && fields[name].hide === true);
  const dayMonth: [string, string][] = [['day', pad(d.day)], ['month', pad(d.month)]];
  const parts: [string, string][] = [...(c.dayFirst === true ? dayMonth : dayMonth.reverse()), ['year', pad(d.year, 4)]];
  return parts.filter(([name]) => shown(name)).map(([, value]) => value).join('/');
}

/** The zone a `datetime` field shows dates in: its own, UTC, or (Form.io's default, "viewer") the kiosk's. */
function datetimeZone(c: FormComponent): string | null {
  if (typeof c.timezone === 'string' && c.timezone) return c.timezone;
  return c.displayInTimezone === 'utc' ? 'UTC' : null;
}

const ISO_8601 = 'yyyy-MM-ddTHH:mm:ssZ';

/** A calendar widget on a text field saves text in its `dateFormat` (Form.io's tokens), in the kiosk's zone. */
function calendarTextValue(widget: Record<string, unknown>, d: CalendarDate): string | null {
  const format = typeof widget.dateFormat === 'string' && widget.dateFormat ? widget.dateFormat : ISO_8601;
  if (format === ISO_8601) return midnightIso(d, null);
  const layout = format.replace('yyyy', 'YYYY').replace('dd', 'DD');
  return /^(?:YYYY|MM|DD|[^A-Za-z])+$/.test(layout) ? formatted(layout, d) : null;
}

/** The value to write, or null when the field's format is one a date cannot be put in. */
export function dateValueFor(c: FormComponent, d: CalendarDate): string | null {
  if (c.type === 'day') return dayValue(c, d);
  if (c.type === 'datetime') return midnightIso(d, datetimeZone(c));
  if (isRecord(c.widget) && c.widget.type === 'calendar') return calendarTextValue(c.widget, d);
  if (typeof c.inputMask === 'string' && c.inputMask) {
    const layout = layoutOfMask(c.inputMask);
    return layout ? formatted(layout, d) : null;
  }
  return formatted(plainLayout(c, d), d);
}
